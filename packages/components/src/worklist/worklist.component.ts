import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  WORKLIST_ITEM_KINDS,
  buildWorklist,
  type CaseState,
  type Result,
  type StandardSource,
  type WorklistItem,
  type WorklistItemKind,
  type WorklistConsent,
  type WorklistInput,
  type WorklistOptions,
} from '@fallkit/core';
import type { CaseRequestContext } from '../context/case-service-port.js';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { localToday } from '../shared/case-of-view.js';
import { worklistMessages } from './worklist.messages.js';
import { FkOpenCaseEvent } from '../events/fk-open-case.js';

/** Who is responsible for a case (its current primary case manager). */
export interface WorklistManager {
  readonly id: string;
  readonly name: string;
}

/** Detail of `fk-open-case`: the case the user chose, and the item they chose it from. */
export interface FkOpenCaseDetail {
  readonly caseId: string;
  /** The worklist item it was chosen from; absent when chosen from a search or an overview. */
  readonly item?: WorklistItem;
}

/** The filters of the worklist. */
export interface WorklistFilter {
  /** One item kind, or `''` for all. */
  kind: WorklistItemKind | '';
  /** A case manager's user id, or `''` for everyone. */
  manager: string;
  overdueOnly: boolean;
}

/** What a worklist source needs: the core port's `loadWorklist` (the core's decided worklist channel). */
interface WorklistSource {
  loadWorklist(request: CaseRequestContext, scope?: 'mine' | 'agency'): Promise<Result<WorklistInput>>;
}

function isWorklistSource(service: unknown): service is WorklistSource {
  return typeof (service as Partial<WorklistSource> | undefined)?.loadWorklist === 'function';
}

/**
 * The worklist of a caseload: what is overdue, due and upcoming in every case by the deadlines of the
 * case's process standard (the core's `buildWorklist`: follow-ups, first contact, assessment, monitoring
 * contacts, goal reviews, measures, provider feedback, case conferences, re-assessment triggers,
 * consents, closure readiness, evaluations). A real table, sortable by the core (overdue first), with
 * filters for kind, case manager and "overdue only". Each row's case is a button: choosing it fires
 * `fk-open-case` so the host opens the case.
 *
 * Standalone: set `cases` (case states) and optionally `date`, or ready `items`. Connected (inside
 * `<fk-case-provider>` with `connectCaseService`): loads the core's decided worklist input through the
 * port's `loadWorklist`: the cases the actor may see (with `scope="mine"` only those it is case
 * manager of), each as the actor's view shows it, so no item names a goal or measure the view
 * withholds; loads again when the actor changes and on `refresh()`.
 *
 * @tagname fk-worklist
 * @summary Worklist of a caseload: due and overdue items, filters, keyboard-navigable table, opens a case.
 *
 * @event fk-open-case - The user chose a case. `detail: { caseId, item }`.
 *
 * @csspart header - Title, date and counts.
 * @csspart filters - The filter bar.
 * @csspart table - The table.
 * @csspart row - One row (also `row-overdue`, `row-due`, `row-upcoming`).
 * @csspart open - The button that opens a case.
 * @csspart status - The live region announcing the number of entries.
 *
 * @cssproperty --fk-color-danger - Overdue marks.
 * @cssproperty --fk-color-warning - Due marks.
 */
export class FkWorklist extends LitElement {
  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .wrap {
        display: flex;
        flex-direction: column;
        gap: ${token('space-m')};
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: ${token('space-s')} ${token('space-m')};
        padding: ${token('space-s')} ${token('space-m')};
        border-radius: ${token('radius-m')};
        background: ${token('color-surface-raised')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .filters fk-select {
        min-inline-size: 12rem;
        flex: 1 1 12rem;
      }
      .filters fk-checkbox {
        padding-block-end: ${token('space-xs')};
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: ${token('space-xs')} ${token('space-s')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      thead th {
        font-size: ${token('font-size-s')};
        background: ${token('color-surface-raised')};
        border-block-end-width: 2px;
      }
      tr.overdue td:first-child {
        box-shadow: inset 4px 0 0 ${token('color-danger')};
      }
      tr.due td:first-child {
        box-shadow: inset 4px 0 0 ${token('color-warning')};
      }
      .due-date {
        display: block;
        font-variant-numeric: tabular-nums;
        font-weight: ${token('font-weight-strong')};
        white-space: nowrap;
      }
      .badge--danger {
        background: ${token('color-danger-subtle')};
        border-color: ${token('color-danger')};
        color: ${token('color-danger')};
      }
      .open {
        all: unset;
        box-sizing: border-box;
        display: inline-flex;
        align-items: center;
        min-block-size: 2.25rem;
        color: ${token('color-primary')};
        font-weight: ${token('font-weight-strong')};
        text-decoration: underline;
        text-underline-offset: 0.2em;
        white-space: nowrap;
        cursor: pointer;
        border-radius: ${token('radius-s')};
      }
      .open:hover {
        color: ${token('color-primary-hover')};
      }
      .open:focus-visible {
        outline: ${token('focus-ring')};
        outline-offset: 2px;
      }
      .kind {
        font-weight: ${token('font-weight-strong')};
      }
      .explanation {
        display: block;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
      @container (max-width: 40rem) {
        thead {
          position: absolute;
          inline-size: 1px;
          block-size: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        table,
        tbody,
        tr,
        td {
          display: block;
        }
        tr {
          padding-block: ${token('space-xs')};
          border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
        }
        td {
          border: 0;
          padding-block: ${token('space-3xs')};
        }
        td[data-label]::before {
          content: attr(data-label) ': ';
          color: ${token('color-text-muted')};
          font-size: ${token('font-size-s')};
        }
      }
      @media (forced-colors: active) {
        .open {
          color: LinkText;
        }
      }
    `,
  ];

  /** The caseload (standalone). Items are built with `buildWorklist(cases, date, standards)`. */
  @property({ attribute: false }) cases?: readonly CaseState[];

  /** Ready items (e.g. built on a server); win over `cases`. */
  @property({ attribute: false }) items?: readonly WorklistItem[];

  /** The day the worklist is for (ISO date); today if absent. */
  @property() date?: string;

  /** Process standards of the cases (default: the core's default standard). */
  @property({ attribute: false }) standards?: StandardSource;

  /** Options of `buildWorklist` (horizon, consents). */
  @property({ attribute: false }) options?: WorklistOptions;

  /** Case managers by case id (default: the current primary case manager of each case). */
  @property({ attribute: false }) managers?: Readonly<Record<string, WorklistManager>>;

  /** The filters; set to preselect (e.g. `{ kind: '', manager: 'u-1', overdueOnly: false }`). */
  @property({ attribute: false }) filter: WorklistFilter = { kind: '', manager: '', overdueOnly: false };

  /**
   * Connected: whose cases to load. `mine` the cases the actor is case manager of; `agency` (default)
   * every case the core's case list gives the actor (need-to-know: the core decides which).
   */
  @property() scope: 'mine' | 'agency' = 'agency';

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private loaded?: readonly CaseState[];
  @state() private loadedConsents?: Readonly<Record<string, readonly WorklistConsent[]>>;
  @state() private loading = false;

  private readonly i18n = new LocalizeController(this, { catalog: worklistMessages, overrides: () => this.messages });
  private readonly announcer = new AnnouncerController(this);
  private loadedFrom: unknown;
  private loadedKey: string | undefined;
  private loadGeneration = 0;

  private readonly connection = new CaseConnectionController(this, {
    onContext: () => void this.loadFromService(),
  });

  /** Loads the open cases again from the provider's service (connected mode). */
  async refresh(): Promise<void> {
    this.loadedFrom = undefined;
    this.loadedKey = undefined;
    await this.loadFromService();
  }

  private async loadFromService(): Promise<void> {
    const service = this.connection.service;
    const request = this.connection.request;
    const actor = request?.actor;
    const key = actor ? `${actor.id}|${actor.agencyId}|${actor.role}|${this.scope}` : undefined;
    if (!isWorklistSource(service) || !request || (this.loadedFrom === service && this.loadedKey === key)) return;
    this.loadedFrom = service;
    this.loadedKey = key;
    const generation = ++this.loadGeneration;
    this.loading = true;
    try {
      const loaded = await service.loadWorklist(request, this.scope);
      if (generation !== this.loadGeneration) return;
      // A refused channel (a role without a caseload) shows an empty worklist, never an older actor's.
      this.loaded = loaded.ok ? loaded.value.cases : [];
      this.loadedConsents = loaded.ok ? loaded.value.consents : {};
    } finally {
      if (generation === this.loadGeneration) this.loading = false;
    }
  }

  private get caseStates(): readonly CaseState[] {
    return this.cases ?? this.loaded ?? [];
  }

  /** Every item before filtering. */
  get allItems(): readonly WorklistItem[] {
    if (this.items) return this.items;
    const consents = this.cases ? undefined : this.loadedConsents;
    // Connected: the consent-expiry items come from the consents the core's channel gave this actor.
    const options: WorklistOptions | undefined =
      consents && !this.options?.consentsOf
        ? { ...this.options, consentsOf: (state) => consents[state.caseId] ?? [] }
        : this.options;
    return buildWorklist(this.caseStates, this.date ?? localToday(), this.standards, options);
  }

  private get managerByCase(): Readonly<Record<string, WorklistManager>> {
    if (this.managers) return this.managers;
    const out: Record<string, WorklistManager> = {};
    for (const s of this.caseStates) {
      const current = s.caseManagers.filter((m) => !m.to);
      const m = current.find((x) => x.role === 'primary') ?? current[0];
      if (m) out[s.caseId] = { id: m.userId, name: m.name ?? m.userId };
    }
    return out;
  }

  private managerOf(item: WorklistItem): WorklistManager | undefined {
    const byCase = this.managerByCase[item.caseId];
    if (item.assignedTo && item.assignedTo !== byCase?.id) {
      const known = Object.values(this.managerByCase).find((m) => m.id === item.assignedTo);
      return known ?? { id: item.assignedTo, name: item.assignedTo };
    }
    return byCase;
  }

  /** The items after the filters, in the core's order. */
  get visibleItems(): readonly WorklistItem[] {
    const f = this.filter;
    return this.allItems.filter(
      (item) =>
        (f.kind === '' || item.kind === f.kind) &&
        (f.manager === '' || this.managerOf(item)?.id === f.manager) &&
        (!f.overdueOnly || item.severity === 'overdue'),
    );
  }

  private setFilter(patch: Partial<WorklistFilter>): void {
    this.filter = { ...this.filter, ...patch };
    void this.updateComplete.then(() => {
      const shown = this.visibleItems.length;
      this.announcer.announce(this.i18n.t('worklist.shown', { count: shown, total: this.allItems.length }));
    });
  }

  private open(item: WorklistItem): void {
    this.dispatchEvent(new FkOpenCaseEvent({ caseId: item.caseId, item }));
  }

  private renderFilters(all: readonly WorklistItem[]) {
    const t = this.i18n;
    const kinds = WORKLIST_ITEM_KINDS.filter((k) => all.some((i) => i.kind === k) || this.filter.kind === k);
    const managers = new Map<string, string>();
    for (const item of all) {
      const m = this.managerOf(item);
      if (m) managers.set(m.id, m.name);
    }
    const filtered = this.filter.kind !== '' || this.filter.manager !== '' || this.filter.overdueOnly;
    return html`<div class="filters" part="filters" role="group" aria-label=${t.t('worklist.filters')}>
      <fk-select
        label=${t.t('worklist.filter.kind')}
        .options=${[{ value: '', label: t.t('worklist.filter.kindAll') }, ...kinds.map((k) => ({ value: k, label: t.t(`worklist.kind.${k}`) }))]}
        .value=${this.filter.kind}
        @change=${(e: Event) => this.setFilter({ kind: (e.target as HTMLSelectElement).value as WorklistItemKind | '' })}
      ></fk-select>
      <fk-select
        label=${t.t('worklist.filter.manager')}
        .options=${[{ value: '', label: t.t('worklist.filter.managerAll') }, ...[...managers].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label }))]}
        .value=${this.filter.manager}
        @change=${(e: Event) => this.setFilter({ manager: (e.target as HTMLSelectElement).value })}
      ></fk-select>
      <fk-checkbox
        label=${t.t('worklist.filter.overdue')}
        .checked=${this.filter.overdueOnly}
        @change=${(e: Event) => this.setFilter({ overdueOnly: (e.target as HTMLInputElement).checked })}
      ></fk-checkbox>
      ${
        filtered
          ? html`<button
              type="button"
              class="fk-button fk-button--small"
              @click=${() => this.setFilter({ kind: '', manager: '', overdueOnly: false })}
            >
              ${t.t('worklist.filter.reset')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderRow(item: WorklistItem) {
    const t = this.i18n;
    const manager = this.managerOf(item);
    const kind = t.t(`worklist.kind.${item.kind}`);
    const badge = item.severity === 'overdue' ? 'badge--danger' : item.severity === 'due' ? 'badge--warn' : '';
    return html`<tr
      class=${item.severity}
      part="row row-${item.severity}"
      data-case=${item.caseId}
      data-kind=${item.kind}
    >
      <td data-label=${t.t('worklist.col.due')}>
        <span class="due-date">${t.date(item.dueOn)}</span>
        <span class="badge ${badge}">${t.t(`worklist.severity.${item.severity}`)}</span>
      </td>
      <td data-label=${t.t('worklist.col.case')}>
        <button
          type="button"
          class="open"
          part="open"
          aria-label=${t.t('worklist.open', { label: item.label, kind })}
          @click=${() => this.open(item)}
        >
          ${item.label}
        </button>
      </td>
      <td data-label=${t.t('worklist.col.what')}>
        <span class="kind">${kind}</span>
        <span class="explanation">${t.text(item.explanation)}</span>
      </td>
      <td data-label=${t.t('worklist.col.manager')}>${manager?.name ?? t.t('worklist.nobody')}</td>
    </tr>`;
  }

  override render() {
    const t = this.i18n;
    const all = this.allItems;
    const visible = this.visibleItems;
    const count = (s: string) => t.number(all.filter((i) => i.severity === s).length);
    return html`<div class="wrap">
      <div class="head" part="header">
        <div>
          <h2>${t.t('worklist.title')}</h2>
          <p class="meta">
            ${t.t('worklist.asOf', { date: t.date(this.date ?? localToday()) })} ·
            ${t.t('worklist.summary', { overdue: count('overdue'), due: count('due'), upcoming: count('upcoming') })}
          </p>
        </div>
        ${
          this.connection.connected && !this.cases && !this.items
            ? html`<button type="button" class="fk-button fk-button--small" @click=${() => this.refresh()}>
                ${t.t('worklist.refresh')}
              </button>`
            : nothing
        }
      </div>
      ${this.renderFilters(all)}
      ${
        this.loading
          ? html`<p class="meta" role="status">${t.t('worklist.loading')}</p>`
          : visible.length === 0
            ? html`<p class="notice">${all.length === 0 ? t.t('worklist.empty') : t.t('worklist.emptyFiltered')}</p>`
            : html`<div class="table-wrap">
                <table part="table">
                  <caption class="fk-visually-hidden">
                    ${t.t('worklist.title')}: ${t.t('worklist.shown', { count: visible.length, total: all.length })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${t.t('worklist.col.due')}</th>
                      <th scope="col">${t.t('worklist.col.case')}</th>
                      <th scope="col">${t.t('worklist.col.what')}</th>
                      <th scope="col">${t.t('worklist.col.manager')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${visible.map((item) => this.renderRow(item))}
                  </tbody>
                </table>
              </div>`
      }
      ${this.announcer.render()}
    </div>`;
  }
}
