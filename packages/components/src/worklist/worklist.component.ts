import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
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
import { localToday } from '../shared/case-of-view.js';
import { worklistMessages } from './worklist.messages.js';
import { worklistStyles } from './worklist.styles.js';
import { worklistFilters, worklistRow, type WorklistView } from './worklist.view.js';
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
  static override styles = worklistStyles;

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

  /** What the views read and may do (see `worklist.view.ts`). */
  private view(): WorklistView {
    return {
      t: this.i18n,
      filter: this.filter,
      managerOf: (item) => this.managerOf(item),
      setFilter: (patch) => this.setFilter(patch),
      open: (item) => this.open(item),
    };
  }

  override render() {
    const t = this.i18n;
    const all = this.allItems;
    const visible = this.visibleItems;
    const view = this.view();
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
      ${worklistFilters(view, all)}
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
                    ${visible.map((item) => worklistRow(view, item))}
                  </tbody>
                </table>
              </div>`
      }
      ${this.announcer.render()}
    </div>`;
  }
}
