import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_PROCESS_STANDARD,
  allowedActions,
  describeJournal,
  isRedactionMarker,
  type ActionAvailability,
  type Actor,
  type CaseCommandType,
  type CaseState,
  type HistoryEntry,
  type JournalEvent,
  type ProcessStandard,
} from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { caseOfView } from '../shared/case-of-view.js';
import { plainMessages } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { FkActionEvent } from '../events/fk-action.js';
import { overviewMessages } from './case-overview.messages.js';
import { caseOverviewStyles } from './case-overview.styles.js';
import { HISTORY_CATALOG, hasHistory, isRedactedView } from './case-overview.history.js';
import type { CaseOverviewView } from './case-overview.view.js';
import { overviewHeader } from './header.view.js';
import { nextSteps } from './next-steps.view.js';
import { responsibilitySection } from './responsibility.view.js';
import { historySection } from './history.view.js';

export { CYCLE_ACTIONS, STAGE_FOCUS, type FkActionDetail } from './cycle-actions.js';

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
  static override styles = caseOverviewStyles;

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

  private domainLabel(domain: string): string {
    const key = `domain.${domain}`;
    return this.i18n.has(key) ? this.i18n.t(key as 'domain.SGB_II') : domain;
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

  /** What the section views read and may do (see `case-overview.view.ts`). */
  private view(state: CaseState): CaseOverviewView {
    return {
      t: this.i18n,
      state,
      entries: this.entries,
      historyLimit: this.historyLimit,
      showAll: this.showAll,
      viewRedacted: this.viewRedacted,
      availability: () => this.availability(state),
      choose: (command, caseId) => this.choose(command, caseId),
      showOlder: () => (this.showAll = true),
      sentence: (entry) => this.sentence(entry),
      domainLabel: (domain) => this.domainLabel(domain),
    };
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
    const view = this.view(state);
    return html`<div class="layout">
      ${overviewHeader(view)}
      <div class="section section--quiet" part="stepper">
        <fk-process-stepper .stage=${state.stage} .branch=${branch} .messages=${this.messages}></fk-process-stepper>
      </div>
      <div class="columns">${nextSteps(view)} ${responsibilitySection(view)}</div>
      ${historySection(view)}
    </div>`;
  }
}
