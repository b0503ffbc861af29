import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  READINESS_SIGNS,
  type CaseCommand,
  type CaseState,
  type ReadinessSign,
  type ReadinessSignGroup,
  type RedactionMarker,
  type Result,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { commandRefusals } from '../base/batch-refusals.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { caseOfView, localToday } from '../shared/case-of-view.js';
import { monitoringFromCase, type ContactParticipant } from './monitoring.from-case.js';
import { FkReassessmentRequestedEvent } from '../events/fk-reassessment-requested.js';
import { monitoringMessages } from './monitoring.messages.js';
import { monitoringStyles } from './monitoring.styles.js';
import {
  monitoringCommands,
  monitoringSchema,
  type DeviationEntry,
  type MonitoringData,
  type MonitoringListKey,
  type MonitoringLists,
  type MonitoringValue,
  type ProgressTarget,
} from './monitoring.schema.js';
import { triggerNotice, type MonitoringView } from './monitoring.view.js';
import { contactsSection } from './contacts.view.js';
import { progressSection } from './progress.view.js';
import { followUpsSection } from './follow-ups.view.js';
import { deviationsSection } from './deviations.view.js';
import { READINESS_GROUPS, readinessSection } from './readiness.view.js';
import { crisesSection } from './crises.view.js';
import { pendingCount, reassessmentTriggers, summaryCounts, type MonitoringBaseline } from './monitoring.model.js';

export type { ContactParticipant } from './monitoring.from-case.js';
export type {
  ContactEntry,
  CrisisEntry,
  DeviationEntry,
  FollowUpEntry,
  MonitoringData,
  MonitoringValue,
  ProgressEntry,
  ProgressTarget,
  ReadinessEntry,
} from './monitoring.schema.js';

/**
 * Monitoring (stage 6): the contact log (date, kind of contact, interpreter, reached, note), follow-ups
 * (Wiedervorlagen) with due dates and done status, a systematic judgement of progress per goal and
 * measure, deviations from the plan with the re-assessment trigger, service gaps noticed while
 * monitoring, and observed Ballew/Mink signs of readiness to close (they feed the worklist and the
 * closure form). Free text comes first in every entry; everything is documented after the conversation.
 * What is already in the case is shown as history and is never edited here; new entries are added.
 *
 * Standalone: `value` is `{ contacts, followUps, progress, deviations }` (entries with `id` are
 * stored ones); `targets` lists the goals and measures to judge. `fk-submit` carries the new entries
 * as command inputs (`MonitoringData`). Connected: loads the case's lists, goals and measures; saves
 * with `recordContact`, `scheduleFollowUp`, `completeFollowUp`, `judgeProgress`, `recordDeviation`
 * and `recordReadinessSigns`; "Re-Assessment beginnen" sends `startReassessment` (a human decision, never
 * automatic).
 *
 * @tagname fk-monitoring
 * @summary Monitoring: contact log, follow-ups, progress per goal and measure, deviations, re-assessment trigger, service gaps.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid new entries. `detail: MonitoringData`. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; the typed text stays.
 * @event fk-reassessment-requested - The user asked to start a re-assessment. `detail: { reason, deviationIds }`. Cancel it to stop the connected `startReassessment`.
 *
 * @csspart form - The whole form.
 * @csspart header - Title and summary.
 * @csspart trigger - The re-assessment notice.
 * @csspart progress - The progress table.
 * @csspart contacts - The contact section.
 * @csspart follow-ups - The follow-up section.
 * @csspart deviations - The deviation section.
 * @csspart readiness - The readiness-signs section (Ballew/Mink observations).
 * @csspart entry - A new entry card.
 * @csspart history - A list of stored entries.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-primary - Buttons and badges.
 * @cssproperty --fk-color-warning - Overdue follow-ups and the re-assessment notice.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkMonitoring extends FkFormElement<MonitoringValue, MonitoringData, CaseState, CaseCommand> {
  static override catalog = monitoringMessages;

  static override styles = monitoringStyles;

  declare protected readonly i18n: LocalizeController<typeof monitoringMessages.de>;

  /** Goals and measures whose progress can be judged (connected: from the case). */
  @property({ attribute: false }) targets: readonly ProgressTarget[] = [];

  /**
   * The date of the latest assessment or re-assessment start: deviations after it count toward the
   * re-assessment trigger (connected: from the case; standalone: every stored triggering deviation).
   */
  @property({ attribute: 'reassessment-since' }) reassessmentSince?: string;

  /** "Today" for new entries and overdue follow-ups (ISO date); the browser's date if absent. */
  @property() today?: string;

  /**
   * The persons who can take part in a contact (connected: the persons the case view shows, the addressee
   * first). A new contact names who took part (`participantIds`; the addressee when none is picked).
   */
  @property({ attribute: false }) participants: readonly ContactParticipant[] = [];

  /** Withheld entries by list (`contacts`, `followUps`, `progress`, `deviations`), shown with their reason. */
  @property({ attribute: false }) redactions: Partial<Record<MonitoringListKey, readonly RedactionMarker[]>> = {};

  @state() private baselineDone: ReadonlySet<string> = new Set();

  /** Crises already resolved in the stored case (their resolution is history, not an edit). */
  @state() private baselineResolved: ReadonlySet<string> = new Set();

  protected override schema = monitoringSchema(() => this.baseline);

  private get baseline(): MonitoringBaseline {
    return { done: this.baselineDone, resolved: this.baselineResolved };
  }

  // Our own write comes back through the live view while the form is still dirty: after a successful
  // save the case's version is the truth, so take it (the new entries become history).
  protected override adoptStoredAfterSave = true;

  protected override emptyValue(): MonitoringValue {
    return { contacts: [], followUps: [], progress: [], deviations: [], readiness: [] };
  }

  private get date(): string {
    return this.today ?? localToday();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && !this.dirty) {
      this.baselineDone = new Set((this.value.followUps ?? []).filter((f) => f.id && f.done).map((f) => f.id!));
      this.baselineResolved = new Set((this.value.crises ?? []).filter((c) => c.resolvedOn).map((c) => c.id));
    }
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): MonitoringValue | undefined {
    const state = caseOfView(view);
    if (!state) return undefined;
    const found = monitoringFromCase(state);
    this.redactions = found.redactions;
    this.targets = found.targets;
    this.reassessmentSince = found.reassessmentSince;
    this.participants = found.participants;
    return found.value;
  }

  protected override commandsFor(data: MonitoringData): CaseCommand[] {
    return monitoringCommands(this.connection.caseId, data, this.value, this.baseline).map((c) => c.command);
  }

  protected override async save(data: MonitoringData): Promise<Result<unknown>> {
    // One decision for every new entry: all are stored or none (no half-saved list to duplicate later).
    const planned = monitoringCommands(this.connection.caseId, data, this.value, this.baseline);
    const result = await this.saveBatch(planned.map((c) => c.command));
    if (result.ok) return result;
    // Point each refusal at the entry it concerns (by its place among the new entries, never by its
    // text), so it shows there and the typed text stays.
    const errors = commandRefusals(result.errors).map(({ index, refusal }) => {
      const at = index === undefined ? undefined : planned[index]?.at;
      return at ? { ...refusal, path: [...at, ...(refusal.path?.filter((p) => p !== 'input') ?? [])] } : refusal;
    });
    this.connection.refusals = errors;
    return { ok: false, errors };
  }

  // ---- edits -----------------------------------------------------------------------------------------

  private list<K extends MonitoringListKey>(key: K): MonitoringLists[K] {
    return (this.value[key] ?? []) as MonitoringLists[K];
  }

  private patchEntry<K extends MonitoringListKey>(
    key: K,
    index: number,
    patch: Partial<MonitoringLists[K][number]>,
    touched: string,
  ): void {
    const items = (this.list(key) as object[]).map((e, i) => {
      if (i !== index) return e;
      const next = { ...e, ...patch } as Record<string, unknown>;
      for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k];
      return next;
    });
    this.setValue({ ...this.value, [key]: items }, `${key}.${index}.${touched}`);
  }

  private async add<K extends MonitoringListKey>(
    key: K,
    entry: MonitoringLists[K][number],
    focusField: string,
    what: string,
  ): Promise<void> {
    const items = [...(this.list(key) as object[]), entry];
    this.setValue({ ...this.value, [key]: items });
    this.announcer.announce(this.i18n.t('monitoring.added', { what }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-path="${key}.${items.length - 1}.${focusField}"]`)?.focus();
  }

  private async removeEntry(key: MonitoringListKey, index: number): Promise<void> {
    const items = (this.list(key) as object[]).filter((_, i) => i !== index);
    this.setValue({ ...this.value, [key]: items }, key);
    this.announcer.announce(this.i18n.t('monitoring.removed'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-add="${key}"]`)?.focus();
  }

  private addContact(): Promise<void> {
    return this.add(
      'contacts',
      { on: this.date, mode: 'inPerson', withInterpreter: false, reached: true, note: '' },
      'note',
      this.i18n.t('contacts.what'),
    );
  }

  private addFollowUp(): Promise<void> {
    return this.add('followUps', { dueOn: '', subject: '' }, 'subject', this.i18n.t('followUps.what'));
  }

  private addDeviation(): Promise<void> {
    return this.add(
      'deviations',
      { on: this.date, kind: 'plannedChangeNotHappening', description: '', triggersReassessment: false },
      'description',
      this.i18n.t('deviations.what'),
    );
  }

  private addTo(key: Exclude<MonitoringListKey, 'progress' | 'crises'>): Promise<void> {
    if (key === 'contacts') return this.addContact();
    if (key === 'followUps') return this.addFollowUp();
    if (key === 'deviations') return this.addDeviation();
    return this.addReadiness();
  }

  private addReadiness(): Promise<void> {
    return this.add('readiness', { on: this.date, signs: [], note: '' }, 'note', this.i18n.t('readinessLog.what'));
  }

  private setSigns(index: number, group: ReadinessSignGroup, picked: readonly string[]): void {
    const entry = this.list('readiness')[index];
    if (!entry) return;
    const inGroup = READINESS_SIGNS[group] as readonly string[];
    const others = (entry.signs ?? []).filter((s) => !inGroup.includes(s));
    const all = READINESS_GROUPS.flatMap((g) => READINESS_SIGNS[g]) as readonly ReadinessSign[];
    this.patchEntry(
      'readiness',
      index,
      { signs: all.filter((s) => others.includes(s) || picked.includes(s)) },
      'signs',
    );
  }

  private judge(target: ProgressTarget): Promise<void> {
    return this.add(
      'progress',
      { on: this.date, target: { kind: target.kind, id: target.id }, judgement: 'onTrack', note: '' },
      'note',
      this.i18n.t('progress.what'),
    );
  }

  // ---- re-assessment trigger --------------------------------------------------------------------------

  private get triggers(): DeviationEntry[] {
    return reassessmentTriggers(this.list('deviations'), this.reassessmentSince);
  }

  private async requestReassessment(): Promise<void> {
    const triggers = this.triggers;
    const list = triggers.map((d) => d.description).join('; ');
    const detail = { reason: this.i18n.t('reassessment.reason', { list }), deviationIds: triggers.map((d) => d.id!) };
    const proceed = this.dispatchEvent(new FkReassessmentRequestedEvent(detail));
    if (!proceed || !this.connection.connected) return;
    const result = await this.connection.execute({
      type: 'startReassessment',
      caseId: this.connection.caseId,
      input: { reason: detail.reason, deviationIds: detail.deviationIds },
    });
    if (result.ok) this.announcer.announce(this.i18n.t('reassessment.started'));
    else {
      this.announcer.announce(
        this.i18n.t('status.refused', { reason: result.errors.map((e) => this.i18n.text(e.message)).join(' ') }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="refusals"]')?.focus();
    }
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private get locked(): boolean {
    return this.readonly || this.isDisabled;
  }

  private targetTitle(ref: { kind: string; id: string } | undefined): string {
    if (!ref) return '';
    return this.targets.find((t) => t.kind === ref.kind && t.id === ref.id)?.title ?? ref.id;
  }

  /** What the section views read and may do (see `monitoring.view.ts`). */
  private view(): MonitoringView {
    return {
      t: this.i18n,
      locked: this.locked,
      pending: this.connection.pending,
      today: this.date,
      targets: this.targets,
      baselineDone: this.baselineDone,
      baselineResolved: this.baselineResolved,
      participants: this.participants,
      redactions: this.redactions,
      triggers: this.triggers,
      list: (key) => this.list(key),
      field: (path, options) => this.fieldAt(path, options),
      errorAt: (path) => this.errorAt(path),
      patch: (key, index, patch, touched) => this.patchEntry(key, index, patch, touched),
      targetTitle: (ref) => this.targetTitle(ref),
      add: (key) => void this.addTo(key),
      judge: (target) => void this.judge(target),
      remove: (key, index) => void this.removeEntry(key, index),
      setSigns: (index, group, picked) => this.setSigns(index, group, picked),
      requestReassessment: () => void this.requestReassessment(),
    };
  }

  override render() {
    const t = this.i18n;
    const view = this.view();
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2 id="monitoring-heading" tabindex="-1">${t.t('monitoring.title')}</h2>
        <p class="meta">${t.t('monitoring.summary', summaryCounts(t, this.value, this.redactions))}</p>
      </div>
      ${this.locked ? nothing : html`<p class="lead">${t.t('monitoring.lead')}</p>`}
      ${this.renderRemoteChanged(t.t('monitoring.changedElsewhere'), t.t('monitoring.adoptRemote'))}
      ${this.renderRefusals()} ${triggerNotice(view)} ${crisesSection(view)} ${contactsSection(view)}
      ${progressSection(view)} ${followUpsSection(view)} ${deviationsSection(view)} ${readinessSection(view)}
      ${
        this.locked
          ? nothing
          : html`<div class="actions actions--end" part="actions">
              ${pendingCount(this.value, this.baseline) === 0 ? html`<span class="meta">${t.t('monitoring.nothingNew')}</span>` : nothing}
              <button
                type="button"
                class="fk-button fk-button--primary"
                part="submit"
                ?disabled=${this.connection.pending}
                @click=${() => this.requestSubmit()}
              >
                ${t.t('monitoring.save')}
              </button>
            </div>`
      }
      ${this.renderStatus()}
    </div>`;
  }
}
