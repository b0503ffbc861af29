import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CONTACT_MODES,
  DEVIATION_KINDS,
  PROGRESS_JUDGEMENTS,
  READINESS_SIGNS,
  recordReadinessSignsInput,
  completeFollowUpInput,
  judgeProgressInput,
  recordContactInput,
  recordDeviationInput,
  scheduleFollowUpInput,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type CaseState,
  type Contact,
  type Deviation,
  type FollowUp,
  type ProgressJudgement,
  type ReadinessObservation,
  type ReadinessSign,
  type ReadinessSignGroup,
  type RedactionMarker,
  type Result,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { commandRefusals } from '../base/batch-refusals.js';
import type { ParsingSchema, SchemaIssue, SchemaResult } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { caseOfView, categoryOfMarker, localToday, splitRedacted } from '../shared/case-of-view.js';
import { monitoringMessages } from './monitoring.messages.js';
import { FkReassessmentRequestedEvent } from '../events/fk-reassessment-requested.js';

/** A contact in the form: the input of `recordContact`; entries already in the case carry their `id`. */
export type ContactEntry = CaseCommandInputIn<'recordContact'> & { id?: string };
/** A follow-up: the input of `scheduleFollowUp`; stored ones carry `id` and may be marked `done`. */
export type FollowUpEntry = CaseCommandInputIn<'scheduleFollowUp'> & {
  id?: string;
  done?: boolean;
  doneOn?: string;
  outcome?: string;
};
/** A progress judgement: the input of `judgeProgress`; stored ones carry their `id`. */
export type ProgressEntry = CaseCommandInputIn<'judgeProgress'> & { id?: string };
/** A deviation: the input of `recordDeviation`; stored ones carry their `id`. */
export type DeviationEntry = CaseCommandInputIn<'recordDeviation'> & { id?: string };

/** An observation of Ballew/Mink readiness signs: the input of `recordReadinessSigns`; stored ones carry their `id`. */
export type ReadinessEntry = CaseCommandInputIn<'recordReadinessSigns'> & { id?: string };

/** The value of `<fk-monitoring>`: the case's monitoring lists; entries without `id` are new. */
export interface MonitoringValue {
  contacts: ContactEntry[];
  followUps: FollowUpEntry[];
  progress: ProgressEntry[];
  deviations: DeviationEntry[];
  /** Readiness observations (optional in a host's value). */
  readiness?: ReadinessEntry[];
}

/** The validated data of `fk-submit`: what is new, as the inputs of the commands that record it. */
export interface MonitoringData {
  contacts: CaseCommandInput<'recordContact'>[];
  followUps: CaseCommandInput<'scheduleFollowUp'>[];
  completions: CaseCommandInput<'completeFollowUp'>[];
  progress: CaseCommandInput<'judgeProgress'>[];
  deviations: CaseCommandInput<'recordDeviation'>[];
  readiness: CaseCommandInput<'recordReadinessSigns'>[];
}

/** A goal or measure whose progress can be judged. */
export interface ProgressTarget {
  readonly kind: 'goal' | 'measure';
  readonly id: string;
  readonly title: string;
}

type Lists = Required<MonitoringValue>;
type ListKey = keyof Lists;
const READINESS_GROUPS = Object.keys(READINESS_SIGNS) as ReadinessSignGroup[];

const strip = <T extends { id?: string }>(entry: T): Omit<T, 'id'> => {
  const { id: _id, ...rest } = entry;
  return rest;
};

/**
 * Checks only what is new: entries without `id` against the core's input schema of the command that
 * records them, and follow-ups newly marked done against `completeFollowUp`. Issues carry the path
 * into the list (`['deviations', 1, 'description']`) so each shows at its field.
 */
function monitoringSchema(baselineDone: () => ReadonlySet<string>): ParsingSchema<MonitoringData> {
  return {
    safeParse(value: unknown): SchemaResult<MonitoringData> {
      const v = (value ?? {}) as Partial<MonitoringValue>;
      const issues: SchemaIssue[] = [];
      const data: MonitoringData = {
        contacts: [],
        followUps: [],
        completions: [],
        progress: [],
        deviations: [],
        readiness: [],
      };
      const check = <T>(key: ListKey, index: number, schema: ParsingSchema<T>, input: unknown, out: T[]) => {
        const r = schema.safeParse(input) as SchemaResult<T>;
        if (r.success) out.push(r.data);
        else for (const issue of r.error.issues) issues.push({ ...issue, path: [key, index, ...issue.path] });
      };
      (v.contacts ?? []).forEach((e, i) => {
        if (!e.id)
          check(
            'contacts',
            i,
            recordContactInput as ParsingSchema<CaseCommandInput<'recordContact'>>,
            strip(e),
            data.contacts,
          );
      });
      (v.followUps ?? []).forEach((e, i) => {
        if (!e.id) {
          const { done: _d, doneOn: _o, outcome: _x, ...input } = strip(e);
          check(
            'followUps',
            i,
            scheduleFollowUpInput as ParsingSchema<CaseCommandInput<'scheduleFollowUp'>>,
            input,
            data.followUps,
          );
        } else if (e.done && !baselineDone().has(e.id)) {
          const input = {
            followUpId: e.id,
            ...(e.doneOn ? { doneOn: e.doneOn } : {}),
            ...(e.outcome?.trim() ? { outcome: e.outcome } : {}),
          };
          check(
            'followUps',
            i,
            completeFollowUpInput as ParsingSchema<CaseCommandInput<'completeFollowUp'>>,
            input,
            data.completions,
          );
        }
      });
      (v.progress ?? []).forEach((e, i) => {
        if (!e.id)
          check(
            'progress',
            i,
            judgeProgressInput as ParsingSchema<CaseCommandInput<'judgeProgress'>>,
            strip(e),
            data.progress,
          );
      });
      (v.deviations ?? []).forEach((e, i) => {
        if (!e.id)
          check(
            'deviations',
            i,
            recordDeviationInput as ParsingSchema<CaseCommandInput<'recordDeviation'>>,
            strip(e),
            data.deviations,
          );
      });
      (v.readiness ?? []).forEach((e, i) => {
        if (!e.id)
          check(
            'readiness',
            i,
            recordReadinessSignsInput as ParsingSchema<CaseCommandInput<'recordReadinessSigns'>>,
            strip(e),
            data.readiness,
          );
      });
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
}

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

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      table {
        inline-size: 100%;
        border-collapse: collapse;
        font-size: ${token('font-size-s')};
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: ${token('space-xs')} ${token('space-s')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      th {
        font-weight: ${token('font-weight-strong')};
      }
      thead th {
        background: ${token('color-surface-raised')};
      }
      .table-wrap {
        overflow-x: auto;
      }
      @container (max-width: 36rem) {
        .progress thead {
          position: absolute;
          inline-size: 1px;
          block-size: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        .progress table,
        .progress tbody,
        .progress tr,
        .progress th,
        .progress td {
          display: block;
        }
        .progress tr {
          padding-block: ${token('space-xs')};
          border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
        }
        .progress th,
        .progress td {
          border: 0;
          padding: ${token('space-3xs')} 0;
        }
      }
      .history li {
        display: flex;
        flex-direction: column;
        gap: ${token('space-3xs')};
        padding-block: ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .history li:last-child {
        border-block-end: 0;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: ${token('space-2xs')} ${token('space-xs')};
      }
      .date {
        font-weight: ${token('font-weight-strong')};
        font-variant-numeric: tabular-nums;
      }
      .note {
        margin: 0;
        white-space: pre-wrap;
      }
      .entry {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
        padding: ${token('space-s')} ${token('space-m')};
        border: ${token('border-width')} solid ${token('color-primary')};
        border-inline-start-width: 4px;
        border-radius: ${token('radius-m')};
        background: ${token('color-primary-subtle')};
      }
      .entry-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: ${token('space-xs')};
      }
      .checks {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')} ${token('space-l')};
      }
      .done-fields {
        padding-inline-start: ${token('space-l')};
      }
      .signs {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-m')};
      }
      @container (min-width: 56rem) {
        .signs {
          grid-template-columns: repeat(3, 1fr);
        }
      }
      .trigger {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: ${token('space-s')};
      }
      .trigger p {
        margin: 0;
      }
    `,
  ];

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

  /** Withheld entries by list (`contacts`, `followUps`, `progress`, `deviations`), shown with their reason. */
  @property({ attribute: false }) redactions: Partial<Record<ListKey, readonly RedactionMarker[]>> = {};

  @state() private baselineDone: ReadonlySet<string> = new Set();

  protected override schema = monitoringSchema(() => this.baselineDone);

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
    }
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): MonitoringValue | undefined {
    const state = caseOfView(view);
    if (!state) return undefined;
    const contacts = splitRedacted<Contact>(state.contacts);
    const followUps = splitRedacted<FollowUp>(state.followUps);
    const progress = splitRedacted<ProgressJudgement>(state.progressJudgements);
    const deviations = splitRedacted<Deviation>(state.deviations);
    const readiness = splitRedacted<ReadinessObservation>(state.readinessObservations);
    this.redactions = {
      readiness: readiness.hidden,
      contacts: contacts.hidden,
      followUps: followUps.hidden,
      progress: progress.hidden,
      deviations: deviations.hidden,
    };
    const goals = splitRedacted<CaseState['goals'][number]>(state.goals).visible;
    const measures = splitRedacted<CaseState['measures'][number]>(state.measures).visible;
    this.targets = [
      ...goals.filter((g) => g.level === 'case').map((g) => ({ kind: 'goal' as const, id: g.id, title: g.title })),
      ...measures.map((m) => ({ kind: 'measure' as const, id: m.id, title: m.title })),
    ];
    const assessments = splitRedacted<CaseState['assessments'][number]>(state.assessments).visible;
    const restarts = splitRedacted<CaseState['reassessments'][number]>(state.reassessments).visible;
    const since = [...assessments.map((a) => a.recordedOn), ...restarts.map((r) => r.startedOn)].sort().at(-1);
    this.reassessmentSince = since;
    return {
      contacts: contacts.visible.map((c) => ({
        id: c.id,
        on: c.on,
        mode: c.mode,
        withInterpreter: c.withInterpreter,
        reached: c.reached,
        note: c.note,
      })),
      followUps: followUps.visible.map((f) => ({
        id: f.id,
        dueOn: f.dueOn,
        subject: f.subject,
        done: f.done,
        ...(f.doneOn ? { doneOn: f.doneOn } : {}),
        ...(f.outcome ? { outcome: f.outcome } : {}),
        ...(f.relatesTo ? { relatesTo: f.relatesTo } : {}),
      })),
      progress: progress.visible.map((p) => ({
        id: p.id,
        on: p.on,
        target: p.target,
        judgement: p.judgement,
        note: p.note,
      })),
      deviations: deviations.visible.map((d) => ({
        id: d.id,
        on: d.on,
        kind: d.kind,
        description: d.description,
        triggersReassessment: d.triggersReassessment,
        ...(d.missingService ? { missingService: d.missingService } : {}),
        ...(d.relatesTo ? { relatesTo: d.relatesTo } : {}),
      })),
      readiness: readiness.visible.map((r) => ({
        id: r.id,
        on: r.on,
        signs: [...r.signs],
        ...(r.note ? { note: r.note } : {}),
      })),
    };
  }

  protected override commandsFor(data: MonitoringData): CaseCommand[] {
    const caseId = this.connection.caseId;
    return [
      ...data.contacts.map((input): CaseCommand => ({ type: 'recordContact', caseId, input })),
      ...data.progress.map((input): CaseCommand => ({ type: 'judgeProgress', caseId, input })),
      ...data.deviations.map((input): CaseCommand => ({ type: 'recordDeviation', caseId, input })),
      ...data.followUps.map((input): CaseCommand => ({ type: 'scheduleFollowUp', caseId, input })),
      ...data.completions.map((input): CaseCommand => ({ type: 'completeFollowUp', caseId, input })),
      ...data.readiness.map((input): CaseCommand => ({ type: 'recordReadinessSigns', caseId, input })),
    ];
  }

  protected override async save(data: MonitoringData): Promise<Result<unknown>> {
    // One decision for every new entry: all are stored or none (no half-saved list to duplicate later).
    const commands = this.commandsFor(data);
    const result = await this.saveBatch(commands);
    if (result.ok) return result;
    // Point each refusal at the entry it concerns, so it shows there and the typed text stays.
    const errors = commandRefusals(result.errors).map(({ index, refusal }) => {
      const command = index === undefined ? undefined : commands[index];
      const at = command && this.entryPathOf(command);
      return at ? { ...refusal, path: [...at, ...(refusal.path?.filter((p) => p !== 'input') ?? [])] } : refusal;
    });
    this.connection.refusals = errors;
    return { ok: false, errors };
  }

  private entryPathOf(command: CaseCommand): (string | number)[] | undefined {
    const find = (key: ListKey, match: (e: Record<string, unknown>) => boolean) => {
      const i = (this.value[key] as Record<string, unknown>[]).findIndex(match);
      return i >= 0 ? [key, i] : undefined;
    };
    const input = command.input as Record<string, unknown>;
    switch (command.type) {
      case 'recordContact':
        return find('contacts', (e) => !e['id'] && e['note'] === input['note']);
      case 'judgeProgress':
        return find('progress', (e) => !e['id'] && e['note'] === input['note']);
      case 'recordDeviation':
        return find('deviations', (e) => !e['id'] && e['description'] === input['description']);
      case 'scheduleFollowUp':
        return find('followUps', (e) => !e['id'] && e['subject'] === input['subject']);
      case 'completeFollowUp':
        return find('followUps', (e) => e['id'] === input['followUpId']);
      case 'recordReadinessSigns':
        return find('readiness', (e) => !e['id'] && JSON.stringify(e['signs']) === JSON.stringify(input['signs']));
      default:
        return undefined;
    }
  }

  // ---- edits -----------------------------------------------------------------------------------------

  private list<K extends ListKey>(key: K): Lists[K] {
    return (this.value[key] ?? []) as Lists[K];
  }

  private patchEntry<K extends ListKey>(
    key: K,
    index: number,
    patch: Partial<Lists[K][number]>,
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

  private async add<K extends ListKey>(
    key: K,
    entry: Lists[K][number],
    focusField: string,
    what: string,
  ): Promise<void> {
    const items = [...(this.list(key) as object[]), entry];
    this.setValue({ ...this.value, [key]: items });
    this.announcer.announce(this.i18n.t('monitoring.added', { what }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-path="${key}.${items.length - 1}.${focusField}"]`)?.focus();
  }

  private async removeEntry(key: ListKey, index: number): Promise<void> {
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
    const since = this.reassessmentSince;
    return this.list('deviations').filter(
      (d) =>
        d.id &&
        (d.triggersReassessment || d.kind === 'situationChanged') &&
        (since === undefined || (d.on ?? '') >= since),
    );
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

  private renderHidden(key: ListKey) {
    return (this.redactions[key] ?? []).map(
      (marker) =>
        html`<fk-redacted
          label=${this.i18n.t('monitoring.hidden')}
          category=${categoryOfMarker(marker) ?? 'notes'}
          .marker=${marker}
        ></fk-redacted>`,
    );
  }

  private removeButton(key: ListKey, index: number, name: string) {
    if (this.locked) return nothing;
    return html`<button type="button" class="fk-button fk-button--small" @click=${() => this.removeEntry(key, index)}>
      ${this.i18n.t('monitoring.remove')}<span class="fk-visually-hidden">: ${name}</span>
    </button>`;
  }

  private renderTrigger() {
    const triggers = this.triggers;
    if (triggers.length === 0) return nothing;
    const t = this.i18n;
    return html`<div class="notice notice--warn trigger" part="trigger" role="region" aria-labelledby="trigger-title">
      <div>
        <h3 id="trigger-title">${t.t('reassessment.title')}</h3>
        <p>
          ${t.t('reassessment.body', { count: triggers.length, list: triggers.map((d) => `„${d.description}“`).join(', ') })}
        </p>
      </div>
      ${
        this.locked
          ? nothing
          : html`<button
              type="button"
              class="fk-button"
              ?disabled=${this.connection.pending}
              @click=${() => this.requestReassessment()}
            >
              ${t.t('reassessment.start')}
            </button>`
      }
    </div>`;
  }

  private renderProgress() {
    const t = this.i18n;
    const progress = this.list('progress');
    const latest = (target: ProgressTarget) =>
      progress
        .filter((p) => p.id && p.target.kind === target.kind && p.target.id === target.id)
        .sort((a, b) => (a.on ?? '').localeCompare(b.on ?? ''))
        .at(-1);
    const fresh = progress.map((p, i) => ({ p, i })).filter(({ p }) => !p.id);
    return html`<section class="section" part="progress" aria-labelledby="progress-title">
      <div>
        <h3 id="progress-title">${t.t('progress.title')}</h3>
        <p class="meta">${t.t('progress.lead')}</p>
      </div>
      ${
        this.targets.length === 0
          ? html`<p class="meta">${t.t('progress.none')}</p>`
          : html`<div class="table-wrap">
              <table class="progress">
                <thead>
                  <tr>
                    <th scope="col">${t.t('progress.col.item')}</th>
                    <th scope="col">${t.t('progress.col.latest')}</th>
                    ${this.locked ? nothing : html`<th scope="col"><span class="fk-visually-hidden">${t.t('progress.col.action')}</span></th>`}
                  </tr>
                </thead>
                <tbody>
                  ${this.targets.map((target) => {
                    const last = latest(target);
                    return html`<tr>
                      <th scope="row">
                        <span class="badge ${target.kind === 'goal' ? 'badge--info' : ''}"
                          >${t.t(target.kind === 'goal' ? 'progress.goal' : 'progress.measure')}</span
                        >
                        ${target.title}
                      </th>
                      <td>
                        ${
                          last
                            ? html`<span class="badge ${judgementClass(last.judgement)}"
                                  >${t.t(`progress.judgement.${last.judgement}`)}</span
                                >
                                <span class="meta">${last.on ? t.date(last.on) : ''}</span>
                                ${last.note ? html`<p class="note">${last.note}</p>` : nothing}`
                            : html`<span class="meta">${t.t('progress.notJudged')}</span>`
                        }
                      </td>
                      ${
                        this.locked
                          ? nothing
                          : html`<td>
                              <button
                                type="button"
                                class="fk-button fk-button--small"
                                aria-label=${t.t('progress.judgeLabel', { item: target.title })}
                                @click=${() => this.judge(target)}
                              >
                                ${t.t('progress.judge')}
                              </button>
                            </td>`
                      }
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
      }
      ${fresh.map(({ p, i }) => this.renderProgressEntry(p, i))} ${this.renderHidden('progress')}
    </section>`;
  }

  private renderProgressEntry(entry: ProgressEntry, index: number) {
    const t = this.i18n;
    const name = t.t('progress.entry', { item: this.targetTitle(entry.target) });
    const id = `progress-entry-${index}`;
    const path = (f: string) => `progress.${index}.${f}`;
    return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
      <div class="entry-head">
        <h4 id=${id}>${name} <span class="badge badge--info">${t.t('monitoring.newEntry')}</span></h4>
        ${this.removeButton('progress', index, name)}
      </div>
      <fk-textarea
        data-path=${path('note')}
        label=${t.t('progress.field.note')}
        rows="2"
        .value=${entry.note ?? ''}
        .error=${this.errorAt(path('note'))}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.patchEntry('progress', index, { note: (e.target as HTMLTextAreaElement).value }, 'note')}
      ></fk-textarea>
      <div class="pair">
        <fk-radio-group
          data-path=${path('judgement')}
          label=${t.t('progress.field.judgement')}
          inline
          .options=${PROGRESS_JUDGEMENTS.map((j) => ({ value: j, label: t.t(`progress.judgement.${j}`) }))}
          .value=${entry.judgement}
          .error=${this.errorAt(path('judgement'))}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchEntry('progress', index, { judgement: (e.target as HTMLElement & { value: string }).value as ProgressEntry['judgement'] }, 'judgement')}
        ></fk-radio-group>
        <fk-date-field
          data-path=${path('on')}
          label=${t.t('progress.field.on')}
          .value=${entry.on ?? ''}
          .error=${this.errorAt(path('on'))}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.patchEntry('progress', index, { on: (e.target as HTMLInputElement).value || undefined }, 'on')}
        ></fk-date-field>
      </div>
    </div>`;
  }

  private renderContacts() {
    const t = this.i18n;
    const contacts = this.list('contacts');
    const stored = contacts.filter((c) => c.id).sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''));
    return html`<section class="section" part="contacts" aria-labelledby="contacts-title">
      <div class="section-head">
        <h3 id="contacts-title">${t.t('contacts.title')}</h3>
        ${
          this.locked
            ? nothing
            : html`<button type="button" class="fk-button" data-add="contacts" @click=${() => this.addContact()}>
                <span aria-hidden="true">+</span> ${t.t('contacts.add')}
              </button>`
        }
      </div>
      ${contacts.map((c, i) => (c.id ? nothing : this.renderContactEntry(c, i)))}
      ${
        stored.length === 0 && (this.redactions.contacts ?? []).length === 0
          ? html`<p class="meta">${t.t('contacts.none')}</p>`
          : html`<ul class="plain history" part="history">
              ${stored.map(
                (c) =>
                  html`<li>
                    <span class="line">
                      <span class="date">${c.on ? t.date(c.on) : ''}</span>
                      <span class="badge">${t.t(`contacts.mode.${c.mode}`)}</span>
                      ${c.withInterpreter ? html`<span class="badge badge--info">${t.t('contacts.interpreter')}</span>` : nothing}
                      ${c.reached === false ? html`<span class="badge badge--warn">${t.t('contacts.notReached')}</span>` : nothing}
                    </span>
                    ${c.note ? html`<p class="note">${c.note}</p>` : nothing}
                  </li>`,
              )}
            </ul>`
      }
      ${this.renderHidden('contacts')}
    </section>`;
  }

  private renderContactEntry(entry: ContactEntry, index: number) {
    const t = this.i18n;
    const id = `contact-entry-${index}`;
    const path = (f: string) => `contacts.${index}.${f}`;
    return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
      <div class="entry-head">
        <h4 id=${id}>${t.t('contacts.entry')}</h4>
        ${this.removeButton('contacts', index, t.t('contacts.entry'))}
      </div>
      <fk-textarea
        data-path=${path('note')}
        label=${t.t('contacts.field.note')}
        hint=${t.t('contacts.field.noteHint')}
        rows="3"
        .value=${entry.note ?? ''}
        .error=${this.errorAt(path('note'))}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.patchEntry('contacts', index, { note: (e.target as HTMLTextAreaElement).value }, 'note')}
      ></fk-textarea>
      <div class="pair">
        <fk-date-field
          data-path=${path('on')}
          label=${t.t('contacts.field.on')}
          .value=${entry.on ?? ''}
          .error=${this.errorAt(path('on'))}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.patchEntry('contacts', index, { on: (e.target as HTMLInputElement).value || undefined }, 'on')}
        ></fk-date-field>
        <fk-select
          data-path=${path('mode')}
          label=${t.t('contacts.field.mode')}
          .options=${CONTACT_MODES.map((m) => ({ value: m, label: t.t(`contacts.mode.${m}`) }))}
          .value=${entry.mode}
          .error=${this.errorAt(path('mode'))}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchEntry('contacts', index, { mode: (e.target as HTMLSelectElement).value as ContactEntry['mode'] }, 'mode')}
        ></fk-select>
      </div>
      <div class="checks">
        <fk-checkbox
          data-path=${path('withInterpreter')}
          label=${t.t('contacts.field.interpreter')}
          .checked=${entry.withInterpreter ?? false}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchEntry('contacts', index, { withInterpreter: (e.target as HTMLInputElement).checked }, 'withInterpreter')}
        ></fk-checkbox>
        <fk-checkbox
          data-path=${path('reached')}
          label=${t.t('contacts.field.reached')}
          .checked=${entry.reached ?? true}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchEntry('contacts', index, { reached: (e.target as HTMLInputElement).checked }, 'reached')}
        ></fk-checkbox>
      </div>
    </div>`;
  }

  private renderFollowUps() {
    const t = this.i18n;
    const items = this.list('followUps');
    const stored = items.map((f, i) => ({ f, i })).filter(({ f }) => f.id);
    stored.sort(
      (a, b) =>
        Number(!!a.f.done && this.baselineDone.has(a.f.id!)) - Number(!!b.f.done && this.baselineDone.has(b.f.id!)) ||
        (a.f.dueOn ?? '').localeCompare(b.f.dueOn ?? ''),
    );
    return html`<section class="section" part="follow-ups" aria-labelledby="followups-title">
      <div class="section-head">
        <h3 id="followups-title">${t.t('followUps.title')}</h3>
        ${
          this.locked
            ? nothing
            : html`<button type="button" class="fk-button" data-add="followUps" @click=${() => this.addFollowUp()}>
                <span aria-hidden="true">+</span> ${t.t('followUps.add')}
              </button>`
        }
      </div>
      ${items.map((f, i) => (f.id ? nothing : this.renderFollowUpEntry(f, i)))}
      ${
        stored.length === 0 && (this.redactions.followUps ?? []).length === 0
          ? html`<p class="meta">${t.t('followUps.none')}</p>`
          : html`<ul class="plain history" part="history">
              ${stored.map(({ f, i }) => this.renderStoredFollowUp(f, i))}
            </ul>`
      }
      ${this.renderHidden('followUps')}
    </section>`;
  }

  private renderStoredFollowUp(f: FollowUpEntry, index: number) {
    const t = this.i18n;
    const wasDone = this.baselineDone.has(f.id!);
    const overdue = !f.done && f.dueOn < this.date;
    const path = (x: string) => `followUps.${index}.${x}`;
    return html`<li>
      <span class="line">
        ${
          wasDone
            ? html`<span class="badge badge--ok"
                >✓ ${t.t('followUps.doneOn', { date: f.doneOn ? t.date(f.doneOn) : '' })}</span
              >`
            : overdue
              ? html`<span class="badge badge--warn">${t.t('followUps.overdue', { date: t.date(f.dueOn) })}</span>`
              : html`<span class="badge">${t.t('followUps.due', { date: t.date(f.dueOn) })}</span>`
        }
        ${f.relatesTo && f.relatesTo.kind !== 'case' && f.relatesTo.kind !== 'person' ? html`<span class="meta">${this.targetTitle(f.relatesTo)}</span>` : nothing}
      </span>
      ${
        wasDone
          ? html`<p class="note">${f.subject}${f.outcome ? html` – ${f.outcome}` : nothing}</p>`
          : html`<fk-checkbox
                data-path=${path('done')}
                label=${t.t('followUps.field.done', { subject: f.subject })}
                .checked=${f.done ?? false}
                .error=${this.errorAt(path('followUpId'))}
                ?disabled=${this.locked}
                @change=${(e: Event) => {
                  const done = (e.target as HTMLInputElement).checked;
                  this.patchEntry(
                    'followUps',
                    index,
                    { done, doneOn: done ? (f.doneOn ?? this.date) : undefined },
                    'done',
                  );
                }}
              ></fk-checkbox>
              ${
                f.done
                  ? html`<div class="pair done-fields">
                      <fk-date-field
                        data-path=${path('doneOn')}
                        label=${t.t('followUps.field.doneOn')}
                        .value=${f.doneOn ?? ''}
                        .error=${this.errorAt(path('doneOn'))}
                        ?disabled=${this.isDisabled}
                        ?readonly=${this.readonly}
                        @change=${(e: Event) => this.patchEntry('followUps', index, { doneOn: (e.target as HTMLInputElement).value || undefined }, 'doneOn')}
                      ></fk-date-field>
                      <fk-text-field
                        data-path=${path('outcome')}
                        label=${t.t('followUps.field.outcome')}
                        .value=${f.outcome ?? ''}
                        ?disabled=${this.isDisabled}
                        ?readonly=${this.readonly}
                        @input=${(e: Event) => this.patchEntry('followUps', index, { outcome: (e.target as HTMLInputElement).value }, 'outcome')}
                      ></fk-text-field>
                    </div>`
                  : nothing
              }`
      }
    </li>`;
  }

  private renderFollowUpEntry(entry: FollowUpEntry, index: number) {
    const t = this.i18n;
    const id = `followup-entry-${index}`;
    const path = (f: string) => `followUps.${index}.${f}`;
    return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
      <div class="entry-head">
        <h4 id=${id}>${t.t('followUps.entry')}</h4>
        ${this.removeButton('followUps', index, t.t('followUps.entry'))}
      </div>
      <div class="pair">
        <fk-text-field
          data-path=${path('subject')}
          label=${t.t('followUps.field.subject')}
          required
          .value=${entry.subject ?? ''}
          .error=${this.errorAt(path('subject'))}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @input=${(e: Event) => this.patchEntry('followUps', index, { subject: (e.target as HTMLInputElement).value }, 'subject')}
        ></fk-text-field>
        <fk-date-field
          data-path=${path('dueOn')}
          label=${t.t('followUps.field.dueOn')}
          required
          min=${this.date}
          .value=${entry.dueOn ?? ''}
          .error=${this.errorAt(path('dueOn'))}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.patchEntry('followUps', index, { dueOn: (e.target as HTMLInputElement).value }, 'dueOn')}
        ></fk-date-field>
      </div>
    </div>`;
  }

  private renderDeviations() {
    const t = this.i18n;
    const items = this.list('deviations');
    const stored = items.filter((d) => d.id).sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''));
    return html`<section class="section" part="deviations" aria-labelledby="deviations-title">
      <div class="section-head">
        <h3 id="deviations-title">${t.t('deviations.title')}</h3>
        ${
          this.locked
            ? nothing
            : html`<button type="button" class="fk-button" data-add="deviations" @click=${() => this.addDeviation()}>
                <span aria-hidden="true">+</span> ${t.t('deviations.add')}
              </button>`
        }
      </div>
      ${items.map((d, i) => (d.id ? nothing : this.renderDeviationEntry(d, i)))}
      ${
        stored.length === 0 && (this.redactions.deviations ?? []).length === 0
          ? html`<p class="meta">${t.t('deviations.none')}</p>`
          : html`<ul class="plain history" part="history">
              ${stored.map(
                (d) =>
                  html`<li>
                    <span class="line">
                      <span class="date">${d.on ? t.date(d.on) : ''}</span>
                      <span class="badge">${t.t(`deviations.kind.${d.kind}`)}</span>
                      ${d.triggersReassessment ? html`<span class="badge badge--warn">${t.t('deviations.triggers')}</span>` : nothing}
                    </span>
                    <p class="note">${d.description}</p>
                    ${d.missingService ? html`<p class="meta">${t.t('deviations.gap', { description: d.missingService.description })}</p>` : nothing}
                  </li>`,
              )}
            </ul>`
      }
      ${this.renderHidden('deviations')}
    </section>`;
  }

  private renderDeviationEntry(entry: DeviationEntry, index: number) {
    const t = this.i18n;
    const id = `deviation-entry-${index}`;
    const path = (f: string) => `deviations.${index}.${f}`;
    const gap = entry.missingService;
    return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
      <div class="entry-head">
        <h4 id=${id}>${t.t('deviations.entry')}</h4>
        ${this.removeButton('deviations', index, t.t('deviations.entry'))}
      </div>
      <fk-textarea
        data-path=${path('description')}
        label=${t.t('deviations.field.description')}
        required
        rows="2"
        .value=${entry.description ?? ''}
        .error=${this.errorAt(path('description'))}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.patchEntry('deviations', index, { description: (e.target as HTMLTextAreaElement).value }, 'description')}
      ></fk-textarea>
      <div class="pair">
        <fk-select
          data-path=${path('kind')}
          label=${t.t('deviations.field.kind')}
          .options=${DEVIATION_KINDS.map((k) => ({ value: k, label: t.t(`deviations.kind.${k}`) }))}
          .value=${entry.kind}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchEntry('deviations', index, { kind: (e.target as HTMLSelectElement).value as DeviationEntry['kind'] }, 'kind')}
        ></fk-select>
        <fk-date-field
          data-path=${path('on')}
          label=${t.t('deviations.field.on')}
          .value=${entry.on ?? ''}
          .error=${this.errorAt(path('on'))}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.patchEntry('deviations', index, { on: (e.target as HTMLInputElement).value || undefined }, 'on')}
        ></fk-date-field>
      </div>
      <fk-checkbox
        data-path=${path('triggersReassessment')}
        label=${t.t('deviations.field.triggers')}
        .checked=${entry.triggersReassessment ?? false}
        ?disabled=${this.locked}
        @change=${(e: Event) => this.patchEntry('deviations', index, { triggersReassessment: (e.target as HTMLInputElement).checked }, 'triggersReassessment')}
      ></fk-checkbox>
      <fk-checkbox
        data-path=${path('missingService')}
        label=${t.t('deviations.field.missing')}
        .checked=${gap !== undefined}
        ?disabled=${this.locked}
        @change=${(e: Event) =>
          this.patchEntry(
            'deviations',
            index,
            { missingService: (e.target as HTMLInputElement).checked ? { description: '' } : undefined },
            'missingService',
          )}
      ></fk-checkbox>
      ${
        gap
          ? html`<div class="pair done-fields">
              <fk-text-field
                data-path=${path('missingService.description')}
                label=${t.t('deviations.field.missingDescription')}
                required
                .value=${gap.description ?? ''}
                .error=${this.errorAt(path('missingService.description'))}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => this.patchEntry('deviations', index, { missingService: { ...gap, description: (e.target as HTMLInputElement).value } }, 'missingService.description')}
              ></fk-text-field>
              <fk-text-field
                data-path=${path('missingService.serviceKind')}
                label=${t.t('deviations.field.missingKind')}
                hint=${t.t('deviations.field.missingKindHint')}
                .value=${gap.serviceKind ?? ''}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => {
                  const kind = (e.target as HTMLInputElement).value;
                  const { serviceKind: _k, ...rest } = gap;
                  this.patchEntry(
                    'deviations',
                    index,
                    { missingService: kind ? { ...rest, serviceKind: kind } : rest },
                    'missingService.serviceKind',
                  );
                }}
              ></fk-text-field>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderReadiness() {
    const t = this.i18n;
    const items = this.list('readiness');
    const stored = items.filter((r) => r.id).sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''));
    const sign = (s: string) => t.t(`readiness.sign.${s}` as 'readiness.sign.decidesAlone');
    return html`<section class="section" part="readiness" aria-labelledby="readiness-title">
      <div class="section-head">
        <div>
          <h3 id="readiness-title">${t.t('readinessLog.title')}</h3>
          <p class="meta">${t.t('readinessLog.lead')}</p>
        </div>
        ${
          this.locked
            ? nothing
            : html`<button type="button" class="fk-button" data-add="readiness" @click=${() => this.addReadiness()}>
                <span aria-hidden="true">+</span> ${t.t('readinessLog.add')}
              </button>`
        }
      </div>
      ${items.map((r, i) => (r.id ? nothing : this.renderReadinessEntry(r, i)))}
      ${
        stored.length === 0 && (this.redactions.readiness ?? []).length === 0
          ? html`<p class="meta">${t.t('readinessLog.none')}</p>`
          : html`<ul class="plain history" part="history">
              ${stored.map(
                (r) =>
                  html`<li>
                    <span class="line"><span class="date">${r.on ? t.date(r.on) : ''}</span></span>
                    <p class="note">${t.list((r.signs ?? []).map(sign))}</p>
                    ${r.note ? html`<p class="meta">${r.note}</p>` : nothing}
                  </li>`,
              )}
            </ul>`
      }
      ${this.renderHidden('readiness')}
    </section>`;
  }

  private renderReadinessEntry(entry: ReadinessEntry, index: number) {
    const t = this.i18n;
    const id = `readiness-entry-${index}`;
    const path = (f: string) => `readiness.${index}.${f}`;
    const picked = entry.signs ?? [];
    const signsError = this.errorAt(path('signs'));
    return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
      <div class="entry-head">
        <h4 id=${id}>${t.t('readinessLog.entry')}</h4>
        ${this.removeButton('readiness', index, t.t('readinessLog.entry'))}
      </div>
      <fk-textarea
        data-path=${path('note')}
        label=${t.t('readinessLog.note')}
        rows="2"
        .value=${entry.note ?? ''}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.patchEntry('readiness', index, { note: (e.target as HTMLTextAreaElement).value }, 'note')}
      ></fk-textarea>
      <div class="signs" data-path=${path('signs')} tabindex="-1">
        ${READINESS_GROUPS.map(
          (group) =>
            html`<fk-checkbox-group
              data-path=${path(`signs.${group}`)}
              label=${t.t(`readiness.group.${group}` as 'readiness.group.selfHelp')}
              .options=${READINESS_SIGNS[group].map((s) => ({ value: s, label: t.t(`readiness.sign.${s}` as 'readiness.sign.decidesAlone') }))}
              .value=${picked.filter((s) => (READINESS_SIGNS[group] as readonly string[]).includes(s))}
              ?disabled=${this.locked}
              @change=${(e: Event) => this.setSigns(index, group, (e.target as HTMLElement & { value: string[] }).value)}
            ></fk-checkbox-group>`,
        )}
      </div>
      ${signsError ? html`<p class="fk-feedback fk-feedback--error"><span class="fk-feedback__icon" aria-hidden="true">!</span>${signsError}</p>` : nothing}
      <fk-date-field
        data-path=${path('on')}
        label=${t.t('readinessLog.on')}
        .value=${entry.on ?? ''}
        .error=${this.errorAt(path('on'))}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.patchEntry('readiness', index, { on: (e.target as HTMLInputElement).value || undefined }, 'on')}
      ></fk-date-field>
    </div>`;
  }

  override render() {
    const t = this.i18n;
    const v = this.value;
    const open = (v.followUps ?? []).filter((f) => !f.done).length;
    const newCount = (['contacts', 'followUps', 'progress', 'deviations', 'readiness'] as const).reduce(
      (n, k) => n + (this.list(k) as { id?: string }[]).filter((e) => !e.id).length,
      0,
    );
    const completions = (v.followUps ?? []).filter((f) => f.id && f.done && !this.baselineDone.has(f.id)).length;
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2 id="monitoring-heading" tabindex="-1">${t.t('monitoring.title')}</h2>
        <p class="meta">
          ${t.t('monitoring.summary', {
            contacts: t.number((v.contacts ?? []).filter((c) => c.id).length),
            open: t.number(open),
            deviations: t.number((v.deviations ?? []).filter((d) => d.id).length),
          })}
        </p>
      </div>
      ${this.locked ? nothing : html`<p class="lead">${t.t('monitoring.lead')}</p>`}
      ${this.renderRemoteChanged(t.t('monitoring.changedElsewhere'), t.t('monitoring.adoptRemote'))}
      ${this.renderRefusals()} ${this.renderTrigger()} ${this.renderContacts()} ${this.renderProgress()}
      ${this.renderFollowUps()} ${this.renderDeviations()} ${this.renderReadiness()}
      ${
        this.locked
          ? nothing
          : html`<div class="actions actions--end" part="actions">
              ${newCount + completions === 0 ? html`<span class="meta">${t.t('monitoring.nothingNew')}</span>` : nothing}
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

function judgementClass(judgement: string): string {
  if (judgement === 'achieved' || judgement === 'onTrack') return 'badge--ok';
  if (judgement === 'stalled' || judgement === 'worse') return 'badge--warn';
  return '';
}
