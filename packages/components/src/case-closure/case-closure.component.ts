import { html, nothing } from 'lit';
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
import { issuableOf, offers, type Issuable } from '../shared/may-issue.js';
import type { FkConfirmDialog } from '../dialogs/confirm-dialog.component.js';
import { FkFormElement } from '../base/form-element.js';
import { commandRefusals } from '../base/batch-refusals.js';
import type { Feedback } from '../base/feedback.js';
import type { Validator } from '../base/validator.js';
import { schemaValidator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { caseOfView, localToday } from '../shared/case-of-view.js';
import { closureMessages } from './case-closure.messages.js';
import { caseClosureStyles } from './case-closure.styles.js';
import {
  ALL_SIGNS,
  closureRuleFeedback,
  closureSchema,
  type CaseClosureData,
  type CaseClosureValue,
  type ClosureGoal,
  type ClosureInput,
  type ClosureProvider,
  type EvaluationInput,
} from './case-closure.schema.js';
import { closureFromCase } from './case-closure.from-case.js';
import type { CaseClosureView } from './case-closure.view.js';
import { closedSummary, decisionPart, reasonPart } from './closure.view.js';
import { attainmentPart, readinessPart } from './readiness.view.js';
import { evaluationPart } from './evaluation.view.js';

export type {
  CaseClosureData,
  CaseClosureValue,
  ClosureGoal,
  ClosureInput,
  ClosureProvider,
  EvaluationInput,
} from './case-closure.schema.js';

/**
 * Closure and evaluation (Abschluss und Auswertung): the reason for closing, the Ballew/Mink signs of
 * readiness to close as a checklist in their three groups (self-help competence, independence,
 * effective use of the network) with explanations, goal attainment per goal, and the evaluation:
 * help plan against goals, methods and cooperation, effort, the person's satisfaction and feedback to
 * providers. Closing is a human decision: the case manager confirms it explicitly, nothing closes on
 * its own.
 *
 * Standalone: `value` is `{ closure, evaluation?, decisionConfirmed }` (`closure` the input of
 * `closeCase`, `evaluation` the input of `recordEvaluation`); `goals`, `providers` and
 * `observedSigns` feed the lists. Connected: loads goals, provider referrals, readiness signs seen in
 * monitoring and, for a closed case, the closure; saves with `closeCase` and then `recordEvaluation`
 * (only `recordEvaluation` once the case is closed).
 *
 * @tagname fk-case-closure
 * @summary Case closure: reason, Ballew/Mink readiness signs, goal attainment, evaluation, satisfaction, feedback to providers.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data. `detail: CaseClosureData`. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; the typed text stays.
 *
 * @csspart view-only - The sentence shown instead of a form when the core says the actor may not record here (DP-40).
 * @csspart form - The whole form.
 * @csspart header - Title and closing line.
 * @csspart decision - The human-decision confirmation.
 * @csspart reason - The closure reason section.
 * @csspart readiness - The readiness checklist.
 * @csspart attainment - Goal attainment per goal.
 * @csspart evaluation - The evaluation section.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-primary - Buttons and badges.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkCaseClosure extends FkFormElement<CaseClosureValue, CaseClosureData, CaseState, CaseCommand> {
  static override catalog = closureMessages;

  static override styles = caseClosureStyles;

  declare protected readonly i18n: LocalizeController<typeof closureMessages.de>;

  /** The case's goals to judge (connected: the case goals). */
  @property({ attribute: false }) goals: readonly ClosureGoal[] = [];

  /** Providers involved, for feedback (connected: the case's provider referrals). */
  @property({ attribute: false }) providers: readonly ClosureProvider[] = [];

  /** Readiness signs observed during monitoring (marked in the checklist; connected: from the case). */
  @property({ attribute: false }) observedSigns: readonly ReadinessSign[] = [];

  /** The case is already closed: the closure is shown read-only and only the evaluation is saved. */
  @property({ type: Boolean, reflect: true }) closed = false;

  /** "Today", the default closing date (ISO date); the browser's date if absent. */
  @property() today?: string;

  /** Withheld goals (shown with their reason). */
  @property({ attribute: false }) redactions: readonly RedactionMarker[] = [];

  @state() private closedLine?: { on: string; reason: string };
  /** What the core says this actor may issue (DP-40); `undefined` when the view does not say. */
  @state() private issuable: Issuable;

  protected override schema = closureSchema(() => this.closed);

  // Our own write comes back through the live view while the form is still dirty: after a successful
  // save the case's version is the truth, so take it (the new entries become history).
  protected override adoptStoredAfterSave = true;

  /** Connected: whether the case has been loaded (the first view arrived). */
  get caseLoaded(): boolean {
    return this.connection.status === 'ready';
  }

  protected override emptyValue(): CaseClosureValue {
    return {
      closure: { readinessSigns: [], goalAttainment: [], closedOn: this.today ?? localToday() },
      evaluation: {
        planVersusGoals: '',
        methods: '',
        cooperation: '',
        effort: {},
        satisfaction: {},
        providerFeedback: (this.providers ?? []).map((p) => ({
          provider: p.name,
          ...(p.providerReferralId ? { providerReferralId: p.providerReferralId } : {}),
        })),
      },
      decisionConfirmed: false,
    };
  }

  protected override validators(): readonly Validator<CaseClosureValue>[] {
    return [
      schemaValidator<CaseClosureValue>(this.schema),
      {
        id: 'closure-rules',
        validate: (value): Feedback[] => (this.closed ? [] : closureRuleFeedback(value, this.goals)),
      },
    ];
  }

  // ---- connected mode ----------------------------------------------------------------------------

  /**
   * Closing is irreversible: a valid closure is confirmed in a dialog before it is saved (connected;
   * standalone, the host decides what `fk-submit` does). The evaluation of a closed case saves directly.
   */
  /** Whether a submit now would go on to save: valid and without blocking feedback (as the base decides). */
  private readyToSave(): boolean {
    // The last save's refusals are not this submit's: the base clears them too before it decides.
    this.connection.clearRefusals();
    return this.checkValidity() && !this.feedback.some((f) => f.type === 'error');
  }

  override async requestSubmit(): Promise<boolean> {
    if (this.connection.connected && !this.closed && !this.isDisabled && this.readyToSave()) {
      const t = this.i18n;
      const dialog = this.renderRoot.querySelector<FkConfirmDialog>('fk-confirm-dialog');
      const confirmed = await dialog?.ask({
        heading: t.t('closure.confirm.heading'),
        body: t.t('closure.confirm.body'),
        confirmLabel: t.t('closure.save'),
        cancelLabel: t.t('closure.confirm.cancel'),
      });
      if (!confirmed) return false;
    }
    return super.requestSubmit();
  }

  protected override valueFromView(view: CaseState): CaseClosureValue | undefined {
    this.issuable = issuableOf(view);
    const state = caseOfView(view);
    if (!state) return undefined;
    const found = closureFromCase(state);
    this.goals = found.goals;
    this.redactions = found.redactions;
    this.providers = found.providers;
    this.observedSigns = found.observedSigns;
    this.closed = found.closed;
    this.closedLine = found.closedLine;
    return found.value(this.emptyValue());
  }

  protected override commandsFor(data: CaseClosureData): CaseCommand[] {
    const caseId = this.connection.caseId;
    const commands: CaseCommand[] = [];
    if (data.closure && !this.closed) commands.push({ type: 'closeCase', caseId, input: data.closure });
    if (data.evaluation) commands.push({ type: 'recordEvaluation', caseId, input: data.evaluation });
    return commands;
  }

  protected override async save(data: CaseClosureData): Promise<Result<unknown>> {
    // Closure and evaluation are one decision: a refused evaluation leaves the case open, so the
    // corrected save does not meet a case closed by the half that went through.
    const commands = this.commandsFor(data);
    const result = await this.saveBatch(commands);
    if (result.ok) {
      if (commands.some((c) => c.type === 'closeCase')) this.closed = true;
      return result;
    }
    // `input.x` of the command is `closure.x` / `evaluation.x` of the form.
    const errors = commandRefusals(result.errors).map(({ index, refusal }) => {
      const command = index === undefined ? undefined : commands[index];
      if (!command || !refusal.path || refusal.path.length === 0) return refusal;
      const prefix = command.type === 'closeCase' ? 'closure' : 'evaluation';
      return { ...refusal, path: [prefix, ...refusal.path.filter((p, k) => !(k === 0 && p === 'input'))] };
    });
    this.connection.refusals = errors;
    return { ok: false, errors };
  }

  // ---- edits -------------------------------------------------------------------------------------

  private setClosure(patch: Partial<ClosureInput>, touched: string): void {
    const next = { ...this.value.closure, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(patch)) if (next[k] === undefined || next[k] === '') delete next[k];
    this.setValue({ ...this.value, closure: next as ClosureInput }, `closure.${touched}`);
  }

  private setEvaluation(patch: Partial<EvaluationInput>, touched: string): void {
    const current = this.value.evaluation ?? this.emptyValue().evaluation!;
    this.setValue({ ...this.value, evaluation: { ...current, ...patch } }, `evaluation.${touched}`);
  }

  private setSigns(group: ReadinessSignGroup, picked: readonly string[]): void {
    const others = (this.value.closure.readinessSigns ?? []).filter(
      (s) => !(READINESS_SIGNS[group] as readonly string[]).includes(s),
    );
    const ordered = ALL_SIGNS.filter((s) => others.includes(s) || picked.includes(s));
    this.setClosure({ readinessSigns: ordered }, 'readinessSigns');
  }

  private setAttainment(goalId: string, patch: { attainment?: string; note?: string }): void {
    const list = [...(this.value.closure.goalAttainment ?? [])];
    const i = list.findIndex((g) => g.goalId === goalId);
    const current = i >= 0 ? list[i]! : { goalId, attainment: undefined as unknown as 'achieved' };
    const next = { ...current, ...patch } as { goalId: string; attainment: 'achieved'; note?: string };
    if (!next.note) delete next.note;
    if (i >= 0) list[i] = next;
    else list.push(next);
    this.setClosure({ goalAttainment: list.filter((g) => g.attainment !== undefined) }, 'goalAttainment');
  }

  private setFeedback(index: number, patch: Record<string, string | undefined>): void {
    const list = [...(this.value.evaluation?.providerFeedback ?? [])];
    const next = { ...list[index], ...patch } as Record<string, unknown>;
    for (const k of Object.keys(patch)) if (!next[k]) delete next[k];
    list[index] = next as (typeof list)[number];
    this.setEvaluation({ providerFeedback: list }, `providerFeedback.${index}.${Object.keys(patch)[0]}`);
  }

  private async addFeedback(): Promise<void> {
    const list = [...(this.value.evaluation?.providerFeedback ?? []), { provider: '' }];
    this.setEvaluation({ providerFeedback: list }, 'providerFeedback');
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`[data-path="evaluation.providerFeedback.${list.length - 1}.provider"]`)
      ?.focus();
  }

  private async removeFeedback(index: number): Promise<void> {
    const list = (this.value.evaluation?.providerFeedback ?? []).filter((_, i) => i !== index);
    this.setEvaluation({ providerFeedback: list }, 'providerFeedback');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-add-feedback]')?.focus();
  }

  private toggleEvaluation(on: boolean): void {
    this.setValue(
      { ...this.value, evaluation: on ? (this.value.evaluation ?? this.emptyValue().evaluation) : undefined },
      'evaluation',
    );
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private get locked(): boolean {
    return this.readonly || this.isDisabled || !offers(this.issuable, this.closed ? 'recordEvaluation' : 'closeCase');
  }

  /** The closure part cannot change once the case is closed. */
  private get closureLocked(): boolean {
    return this.locked || this.closed;
  }

  /** What the section views read and may do (see `case-closure.view.ts`). */
  private sections(): CaseClosureView {
    return {
      t: this.i18n,
      value: this.value,
      locked: this.locked,
      closureLocked: this.closureLocked,
      disabled: this.isDisabled,
      readonly: this.readonly,
      closed: this.closed,
      goals: this.goals,
      redactions: this.redactions,
      observedSigns: this.observedSigns,
      errorAt: (path, nested) => this.errorAt(path, nested),
      warningAt: (path) => this.warningAt(path),
      confirmDecision: (confirmed) =>
        this.setValue({ ...this.value, decisionConfirmed: confirmed }, 'decisionConfirmed'),
      setClosure: (patch, touched) => this.setClosure(patch, touched),
      setEvaluation: (patch, touched) => this.setEvaluation(patch, touched),
      setSigns: (group, picked) => this.setSigns(group, picked),
      setAttainment: (goalId, patch) => this.setAttainment(goalId, patch),
      setFeedback: (index, patch) => this.setFeedback(index, patch),
      addFeedback: () => void this.addFeedback(),
      removeFeedback: (index) => void this.removeFeedback(index),
      toggleEvaluation: (on) => this.toggleEvaluation(on),
    };
  }

  override render() {
    const t = this.i18n;
    const view = this.sections();
    // Nothing to record for this actor and nothing recorded yet: no empty form, a plain sentence (DP-40 decides).
    if (!this.closed && !offers(this.issuable, 'closeCase'))
      return html`<div class="form" part="form">
        <div class="head" part="header"><h2 id="closure-heading">${t.t('closure.title')}</h2></div>
        <p class="fk-hint" part="view-only">${t.t('closure.viewOnly')}</p>
      </div>`;
    const line =
      this.closedLine ??
      (this.closed ? { on: this.value.closure.closedOn ?? '', reason: this.value.closure.reason } : undefined);
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2 id="closure-heading">${t.t('closure.title')}</h2>
        ${
          line
            ? html`<p class="meta">
                <span class="badge badge--ok"
                  >${t.t('closure.closedOn', { date: line.on ? t.date(line.on) : '', reason: t.t(`closure.reason.${line.reason}` as 'closure.reason.other') })}</span
                >
              </p>`
            : nothing
        }
      </div>
      <p class="lead">${this.closed ? t.t('closure.closedLead') : t.t('closure.lead')}</p>
      ${this.renderRemoteChanged(t.t('closure.changedElsewhere'), t.t('closure.adoptRemote'))} ${this.renderRefusals()}
      ${this.closed ? closedSummary(view) : html`${reasonPart(view)} ${readinessPart(view)} ${attainmentPart(view)}`}
      ${evaluationPart(view)} ${decisionPart(view)}
      ${
        this.locked
          ? nothing
          : html`<div class="actions actions--end" part="actions">
              <button
                type="button"
                class="fk-button fk-button--primary"
                part="submit"
                ?disabled=${this.connection.pending}
                @click=${() => this.requestSubmit()}
              >
                ${this.closed ? t.t('closure.saveEvaluation') : t.t('closure.save')}
              </button>
            </div>`
      }
      <fk-confirm-dialog></fk-confirm-dialog>
      ${this.renderStatus()}
    </div>`;
  }
}
