import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CASE_EVENTS,
  DEFAULT_PROCESS_STANDARD,
  STAGE_DEFINITIONS,
  allowedActions,
  describeJournal,
  isRedactionMarker,
  type ActionAvailability,
  type Actor,
  type CaseCommandType,
  type CaseState,
  type EventCatalog,
  type HistoryEntry,
  type JournalEvent,
  type ProcessStandard,
  type RedactionMarker,
  type Result,
} from '@fallkit/core';
import { RIGHTS_EVENTS } from '@fallkit/core/rights';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import type { CaseRequestContext } from '../context/case-service-port.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { caseOfView, categoryOfMarker, splitRedacted } from '../shared/case-of-view.js';
import { overviewMessages } from './case-overview.messages.js';
import { plainMessages, plainWords } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { FkActionEvent } from '../events/fk-action.js';

/**
 * The commands that move a case through the cycle, in the order of the cycle. The overview offers
 * these; the rest (notes, persons, assignments) belong to the case file's own screens.
 */
export const CYCLE_ACTIONS: readonly CaseCommandType[] = [
  'recordReferral',
  'checkCasefindingCriteria',
  'decideAdmission',
  'recordFirstCounselling',
  'recordAssessment',
  'confirmAssessment',
  'agreeGoal',
  'addMeasure',
  'referToProvider',
  'holdCaseConference',
  'recordContact',
  'scheduleFollowUp',
  'judgeProgress',
  'recordDeviation',
  'recordReadinessSigns',
  'startReassessment',
  'changeLeadAgency',
  'closeCase',
  'recordEvaluation',
];

/** The steps that carry a stage forward, offered first (the others stay available below them). */
export const STAGE_FOCUS: Readonly<Partial<Record<CaseState['stage'], readonly CaseCommandType[]>>> = {
  referral: ['recordReferral', 'checkCasefindingCriteria'],
  screening: ['checkCasefindingCriteria', 'decideAdmission'],
  firstCounselling: ['recordFirstCounselling'],
  assessment: ['recordAssessment', 'confirmAssessment'],
  reassessment: ['recordAssessment', 'confirmAssessment'],
  goalAgreement: ['agreeGoal', 'addMeasure'],
  helpPlanning: ['addMeasure', 'referToProvider'],
  linking: ['referToProvider', 'holdCaseConference', 'recordContact'],
  monitoring: ['recordContact', 'judgeProgress', 'scheduleFollowUp', 'recordDeviation'],
  noFurtherMeasures: ['closeCase'],
  closure: ['recordEvaluation'],
  closed: ['recordEvaluation'],
};

/** Detail of `fk-action`: the command the user wants to carry out next. */
export interface FkActionDetail {
  readonly command: CaseCommandType;
  readonly caseId: string;
}

/** A service that also gives the decided history (the core port's `loadHistory`: envelopes the actor may see). */
interface HistorySource {
  loadHistory(
    caseId: string,
    request?: CaseRequestContext,
  ): Promise<Result<{ readonly entries: readonly HistoryEntry[] }>>;
}

function hasHistory(service: unknown): service is HistorySource {
  return typeof (service as { loadHistory?: unknown } | undefined)?.loadHistory === 'function';
}

const HISTORY_CATALOG: EventCatalog = { ...CASE_EVENTS, ...RIGHTS_EVENTS };

/** Stands for the journal's free-text reasons when the actor's view of the case is redacted. */
const REASONS_WITHHELD: RedactionMarker = {
  redacted: true,
  code: 'REDACT_NEED_TO_KNOW',
  rule: 'DP-24',
  message: {
    de: 'Begründungen im Verlauf können Inhalte enthalten, die Ihre Sicht auf den Fall ausblendet.',
    en: 'Reasons in the history may hold content your view of the case withholds.',
  },
};

/** Whether a pushed view withholds anything (a `CaseView` says how much; a bare state may carry markers). */
function isRedactedView(view: unknown, state: CaseState | undefined): boolean {
  const count = (view as { redacted?: unknown } | null)?.redacted;
  if (typeof count === 'number') return count > 0;
  if (!state) return false;
  return Object.values(state).some((v) =>
    Array.isArray(v) ? v.some((x) => isRedactionMarker(x)) : isRedactionMarker(v),
  );
}

/**
 * The case at a glance: where it stands in the cycle (`<fk-process-stepper>`), what may be done next
 * and why other steps are not possible (rule ids, reasons and hints from the core's
 * `allowedActions`), who is responsible, the lead agency and the legal domains over time, and the
 * journal as a readable history ("wer hat wann was geändert") with one sentence per event, the actor's
 * name and the date. Read-only: choosing a next step fires `fk-action`, and the host opens the form.
 *
 * Standalone: set `state` (a `CaseState`), optionally `journal` (its events) or `history`
 * (`describeJournal()` output), `standard` and `actor`. Connected (inside `<fk-case-provider>`): the
 * case view the actor may see, updated live; the history is the service's `loadHistory` where it has
 * one (the core's decided history channel: only envelopes of events whose items the actor may see).
 *
 * @tagname fk-case-overview
 * @summary Case overview: cycle stepper, allowed next steps with rule reasons, lead agency and legal domains over time, readable history.
 *
 * @event fk-action - The user chose a next step. `detail: { command, caseId }`.
 *
 * @csspart header - Case label, status, stage.
 * @csspart stepper - The process stepper.
 * @csspart next - Allowed next steps.
 * @csspart blocked - Steps not possible now, with reasons.
 * @csspart responsibility - Case managers, lead agencies, legal domains.
 * @csspart history - The readable journal.
 * @csspart action - A next-step button.
 *
 * @cssproperty --fk-color-primary - Buttons and the current step.
 */
export class FkCaseOverview extends LitElement {
  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .layout {
        display: flex;
        flex-direction: column;
        gap: ${token('space-l')};
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: ${token('space-l')};
      }
      .columns > * {
        min-inline-size: 0;
      }
      @container (min-width: 56rem) {
        .columns {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
      }
      .actions-list {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')};
      }
      .blocked li {
        padding-block: ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .blocked li:last-child {
        border-block-end: 0;
      }
      .blocked .why {
        display: block;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
      .rule {
        font-family: ${token('font-family-mono')};
        font-size: 0.8125rem;
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
        font-size: ${token('font-size-s')};
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: ${token('space-2xs')} ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      th[scope='col'] {
        background: ${token('color-surface-raised')};
      }
      @container (max-width: 36rem) {
        table thead {
          position: absolute;
          inline-size: 1px;
          block-size: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        table,
        table tbody,
        table tr,
        table th,
        table td {
          display: block;
        }
        table caption {
          display: block;
        }
        table tr {
          padding-block: ${token('space-xs')};
          border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
        }
        table th,
        table td {
          border: 0;
          padding: ${token('space-3xs')} 0;
        }
      }
      td,
      th {
        overflow-wrap: break-word;
        hyphens: auto;
      }
      caption {
        text-align: start;
        font-weight: ${token('font-weight-strong')};
        padding-block: ${token('space-xs')};
      }
      .history li {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-3xs')};
        padding-block: ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      @container (min-width: 40rem) {
        .history li {
          grid-template-columns: 11rem 1fr;
          column-gap: ${token('space-m')};
        }
      }
      .history time {
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
        font-variant-numeric: tabular-nums;
      }
      .history .extra {
        grid-column: -2;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: ${token('space-2xs')} ${token('space-m')};
      }
      dt {
        font-weight: ${token('font-weight-strong')};
      }
      dd {
        margin: 0;
      }
    `,
  ];

  /** The case (standalone). Connected, the provider's live case view wins. */
  @property({ attribute: false }) state?: CaseState;

  /** The case's journal events (standalone), turned into the history. */
  @property({ attribute: false }) journal?: readonly JournalEvent[];

  /** A ready history (`describeJournal()` output); wins over `journal`. */
  @property({ attribute: false }) history?: readonly HistoryEntry[];

  /** The process standard the rules apply (default: the core's default standard). */
  @property({ attribute: false }) standard: ProcessStandard = DEFAULT_PROCESS_STANDARD;

  /** Who looks (for the human-decision rule); connected: the provider's actor. */
  @property({ attribute: false }) actor?: Actor;

  /** The case when connected; defaults to the provider's. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** How many history entries show before "show older" (default 12). */
  @property({ type: Number, attribute: 'history-limit' }) historyLimit = 12;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private viewState?: CaseState;
  @state() private loadedHistory?: readonly HistoryEntry[];
  @state() private showAll = false;
  /** The actor sees a redacted view: free-text reasons of the journal stay hidden too (DP-24). */
  @state() private viewRedacted = false;

  private readonly i18n = new LocalizeController(this, { catalog: overviewMessages, overrides: () => this.messages });
  private journalRequest = 0;

  private readonly connection = new CaseConnectionController<unknown>(this, {
    caseId: () => this.caseId,
    onView: (view) => {
      this.viewState = caseOfView(view);
      this.viewRedacted = isRedactedView(view, this.viewState);
      void this.loadJournal();
    },
  });

  /** The case shown: the connected view, else `state`. */
  get caseState(): CaseState | undefined {
    return this.connection.connected ? (this.viewState ?? this.state) : this.state;
  }

  private async loadJournal(): Promise<void> {
    const service = this.connection.service;
    const caseId = this.connection.caseId;
    if (!hasHistory(service) || !caseId) return;
    const request = ++this.journalRequest;
    try {
      const loaded = await service.loadHistory(caseId, this.connection.request);
      if (request === this.journalRequest && loaded.ok) this.loadedHistory = loaded.value.entries;
    } catch {
      // A service without journal access: the history says it is not available.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId')) this.showAll = false;
  }

  private get entries(): HistoryEntry[] | undefined {
    if (this.history) return [...this.history];
    if (this.loadedHistory) return [...this.loadedHistory];
    const events = this.journal;
    return events ? describeJournal(events, HISTORY_CATALOG) : undefined;
  }

  private get currentActor(): Actor | undefined {
    return this.actor ?? this.connection.request?.actor;
  }

  private availability(state: CaseState): ActionAvailability[] {
    try {
      return allowedActions(state, this.standard, this.currentActor ? { actor: this.currentActor } : {});
    } catch {
      // A redacted view may lack what a rule reads; then the overview offers nothing rather than guess.
      return [];
    }
  }

  private choose(command: CaseCommandType, caseId: string): void {
    this.dispatchEvent(new FkActionEvent({ command, caseId }));
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private renderHidden(markers: readonly RedactionMarker[], fallback: string) {
    return markers.map(
      (m) =>
        html`<fk-redacted
          label=${this.i18n.t('overview.hidden')}
          category=${categoryOfMarker(m) ?? fallback}
          .marker=${m}
        ></fk-redacted>`,
    );
  }

  private renderHeader(state: CaseState) {
    const t = this.i18n;
    const stage = STAGE_DEFINITIONS[state.stage];
    const managers = splitRedacted<CaseState['caseManagers'][number]>(state.caseManagers).visible.filter((m) => !m.to);
    return html`<div class="head" part="header">
      <div>
        <h2>${t.t('overview.title')}: ${state.label}</h2>
        <p class="meta">
          <span class="badge ${state.status === 'open' ? 'badge--info' : 'badge--ok'}"
            >${t.t(`overview.status.${state.status}`)}</span
          >
          ${t.t('overview.opened', { date: t.date(state.openedOn) })} ·
          ${t.t('overview.stage', { stage: stage.label[t.lang] })}
        </p>
      </div>
      <dl>
        <dt>${t.t('overview.caseManagers')}</dt>
        <dd>
          ${
            managers.length === 0
              ? t.t('overview.noCaseManager')
              : t.list(
                  managers.map(
                    (m) => `${m.name ?? m.userId}${m.role === 'deputy' ? ` (${t.t('overview.deputy')})` : ''}`,
                  ),
                )
          }
        </dd>
      </dl>
    </div>`;
  }

  private renderNext(state: CaseState) {
    const t = this.i18n;
    const all = this.availability(state);
    const cycle = CYCLE_ACTIONS.map((c) => all.find((a) => a.command === c)).filter(
      (a): a is ActionAvailability => !!a,
    );
    const allowed = cycle.filter((a) => a.allowed);
    const blocked = cycle.filter((a) => !a.allowed);
    const focus = STAGE_FOCUS[state.stage] ?? [];
    const first = allowed
      .filter((a) => focus.includes(a.command))
      .sort((a, b) => focus.indexOf(a.command) - focus.indexOf(b.command));
    const rest = allowed.filter((a) => !focus.includes(a.command));
    const button = (a: ActionAvailability, cls: string) =>
      html`<button
        type="button"
        part="action"
        class="fk-button ${cls}"
        data-command=${a.command}
        @click=${() => this.choose(a.command, state.caseId)}
      >
        ${t.t(`action.${a.command}` as 'action.closeCase')}
      </button>`;
    const goal = STAGE_DEFINITIONS[state.stage].goal[t.lang];
    return html`<section class="section" part="next" aria-labelledby="next-title">
      <div>
        <h3 id="next-title">${t.t('next.title')}</h3>
        <p class="meta">${t.t('overview.stageGoal', { goal })}</p>
      </div>
      ${
        allowed.length === 0
          ? html`<p>${t.t('next.none')}</p>`
          : html`${
              first.length
                ? html`<div class="actions-list">
                    ${first.map((a, i) => button(a, i === 0 ? 'fk-button--primary' : ''))}
                  </div>`
                : nothing
            }
            ${
              rest.length
                ? html`<div role="group" aria-labelledby="also-title">
                    <p id="also-title" class="meta">${t.t(first.length ? 'next.also' : 'next.possible')}</p>
                    <div class="actions-list">${rest.map((a) => button(a, 'fk-button--small'))}</div>
                  </div>`
                : nothing
            }`
      }
      ${
        blocked.length === 0
          ? nothing
          : html`<details part="blocked">
              <summary>${t.t('next.blocked', { count: blocked.length })}</summary>
              <ul class="plain blocked">
                ${blocked.map(
                  (a) =>
                    html`<li data-command=${a.command}>
                      <strong>${t.t(`action.${a.command}` as 'action.closeCase')}</strong>
                      ${a.reason ? html`<span class="why">${plainWords(t.text(a.reason))}</span>` : nothing}
                      ${a.hint ? html`<span class="why">${t.t('next.hint', { hint: plainWords(t.text(a.hint)) })}</span>` : nothing}
                      ${a.ruleId ? adminDetails([{ code: a.command, rule: a.ruleId }], t.lang) : nothing}
                    </li>`,
                )}
              </ul>
            </details>`
      }
      <p class="meta">${t.t('next.lead')}</p>
    </section>`;
  }

  private period(from: string, to?: string): string {
    const t = this.i18n;
    return to ? t.t('lead.range', { from: t.date(from), to: t.date(to) }) : t.t('lead.since', { from: t.date(from) });
  }

  private domainLabel(domain: string): string {
    const key = `domain.${domain}`;
    return this.i18n.has(key) ? this.i18n.t(key as 'domain.SGB_II') : domain;
  }

  private renderResponsibility(state: CaseState) {
    const t = this.i18n;
    const leads = splitRedacted<CaseState['leadAgencies'][number]>(state.leadAgencies);
    const domains = splitRedacted<CaseState['legalDomains'][number]>(state.legalDomains);
    const newestFirst = <T extends { from: string }>(list: T[]) =>
      [...list].sort((a, b) => b.from.localeCompare(a.from));
    return html`<section class="section" part="responsibility" aria-labelledby="lead-title">
      <h3 id="lead-title">${t.t('lead.title')}</h3>
      ${
        leads.visible.length === 0
          ? html`<p class="meta">${t.t('lead.none')}</p>`
          : html`<table>
              <caption>
                ${t.t('lead.agencies')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.t('lead.col.period')}</th>
                  <th scope="col">${t.t('lead.col.agency')}</th>
                  <th scope="col">${t.t('lead.col.domain')}</th>
                </tr>
              </thead>
              <tbody>
                ${newestFirst(leads.visible).map(
                  (l) =>
                    html`<tr>
                      <td>
                        ${this.period(l.from, l.to)}
                        ${l.to ? nothing : html`<span class="badge badge--info">${t.t('lead.current')}</span>`}
                      </td>
                      <th scope="row">${l.name}</th>
                      <td>${l.legalDomain ? this.domainLabel(l.legalDomain) : ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${this.renderHidden(leads.hidden, 'benefits')}
      ${
        domains.visible.length === 0
          ? nothing
          : html`<table>
              <caption>
                ${t.t('lead.domains')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.t('lead.col.period')}</th>
                  <th scope="col">${t.t('lead.col.domain')}</th>
                  <th scope="col">${t.t('lead.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                ${newestFirst(domains.visible).map(
                  (d) =>
                    html`<tr>
                      <td>${this.period(d.from, d.to)}</td>
                      <th scope="row">${this.domainLabel(d.domain)}</th>
                      <td>${d.reason ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${this.renderHidden(domains.hidden, 'benefits')}
    </section>`;
  }

  /** The sentence for one history entry, in the current language. */
  sentence(entry: HistoryEntry): string {
    const t = this.i18n;
    const actor = entry.actorName ?? entry.actorId ?? t.t('history.someone');
    const key = `history.event.${entry.type}`;
    return t.has(key)
      ? t.t(key as 'history.event.CaseOpened', { actor })
      : t.t('history.fallback', { actor, title: t.text(entry.title) });
  }

  private renderHistory(state: CaseState) {
    const t = this.i18n;
    const entries = this.entries;
    const agencies = new Map(
      splitRedacted<CaseState['leadAgencies'][number]>(state.leadAgencies).visible.map((l) => [l.agencyId, l.name]),
    );
    const newest = entries ? [...entries].sort((a, b) => b.seq - a.seq) : [];
    const shown = this.showAll ? newest : newest.slice(0, this.historyLimit);
    return html`<section class="section" part="history" aria-labelledby="history-title">
      <div>
        <h3 id="history-title">${t.t('history.title')}</h3>
        <p class="meta">${t.t('history.lead')}</p>
      </div>
      ${
        this.viewRedacted && entries?.some((e) => e.reason)
          ? html`<fk-redacted label=${t.t('history.reasons')} .marker=${REASONS_WITHHELD}></fk-redacted>`
          : nothing
      }
      ${
        entries === undefined
          ? html`<p class="meta">${t.t('history.unavailable')}</p>`
          : newest.length === 0
            ? html`<p class="meta">${t.t('history.none')}</p>`
            : html`<ol class="plain history">
                  ${shown.map(
                    (e) =>
                      html`<li data-seq=${e.seq}>
                        <time datetime=${e.at}>${t.dateTime(e.at)}</time>
                        <span
                          >${this.sentence(e)}${e.agencyId && agencies.get(e.agencyId) ? html` <span class="meta">(${agencies.get(e.agencyId)})</span>` : nothing}</span
                        >
                        ${e.reason && !this.viewRedacted ? html`<span class="extra">${t.t('history.reason', { reason: e.reason })}</span>` : nothing}
                        ${e.erased ? html`<span class="extra">${t.t('history.erased')}</span>` : nothing}
                      </li>`,
                  )}
                </ol>
                ${
                  !this.showAll && newest.length > shown.length
                    ? html`<div class="actions">
                        <button type="button" class="fk-button fk-button--small" @click=${() => (this.showAll = true)}>
                          ${t.t('history.more', { count: newest.length - shown.length })}
                        </button>
                      </div>`
                    : nothing
                }`
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const state = this.caseState;
    if (!state) {
      const status = this.connection.status;
      const message =
        status === 'loading'
          ? t.t('overview.loading')
          : status === 'not-found'
            ? t.t('overview.notFound')
            : status === 'denied'
              ? `${t.t('overview.denied')} ${plainMessages(this.connection.refusals, t.lang)}`
              : t.t('overview.noCase');
      return html`<p class="notice" role="status">${message}</p>
        ${status === 'denied' ? adminDetails(this.connection.refusals, t.lang) : nothing}`;
    }
    const branch =
      state.firstCounselling &&
      !isRedactionMarker(state.firstCounselling) &&
      state.firstCounselling.decision?.kind === 'noFurtherMeasures'
        ? 'noFurtherMeasures'
        : undefined;
    return html`<div class="layout">
      ${this.renderHeader(state)}
      <div class="section section--quiet" part="stepper">
        <fk-process-stepper .stage=${state.stage} .branch=${branch} .messages=${this.messages}></fk-process-stepper>
      </div>
      <div class="columns">${this.renderNext(state)} ${this.renderResponsibility(state)}</div>
      ${this.renderHistory(state)}
    </div>`;
  }
}
