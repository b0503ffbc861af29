import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CLOSURE_REASONS,
  GOAL_ATTAINMENTS,
  READINESS_SIGNS,
  closeCaseInput,
  recordEvaluationInput,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
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
import type { ParsingSchema, SchemaIssue, SchemaResult, Validator } from '../base/validator.js';
import { schemaValidator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { caseOfView, categoryOfMarker, localToday, splitRedacted } from '../shared/case-of-view.js';
import { closureMessages } from './case-closure.messages.js';

/** The closure part of the value: the input of the core's `closeCase`. */
export type ClosureInput = CaseCommandInputIn<'closeCase'>;
/** The evaluation part of the value: the input of the core's `recordEvaluation`. */
export type EvaluationInput = CaseCommandInputIn<'recordEvaluation'>;

/** The value of `<fk-case-closure>`. */
export interface CaseClosureValue {
  /** The closure as drafted: no reason until the case manager picks one (nothing is preselected). */
  closure: Omit<ClosureInput, 'reason'> & { reason?: ClosureInput['reason'] };
  /** `undefined` while the evaluation is left for later. */
  evaluation?: EvaluationInput;
  /** The case manager confirms that closing is their decision, discussed with the person. */
  decisionConfirmed: boolean;
}

/** The validated data of `fk-submit`: the inputs of `closeCase` (absent when already closed) and `recordEvaluation`. */
export interface CaseClosureData {
  closure?: CaseCommandInput<'closeCase'>;
  evaluation?: CaseCommandInput<'recordEvaluation'>;
}

/** A goal to judge at closure. */
export interface ClosureGoal {
  readonly id: string;
  readonly title: string;
  /** The goal's status; goals no longer `open` need no judgement (the core asks only for open ones). */
  readonly status?: string;
}

/** A provider to give feedback to. */
export interface ClosureProvider {
  readonly name: string;
  readonly providerReferralId?: string;
}

const GROUPS = Object.keys(READINESS_SIGNS) as ReadinessSignGroup[];
const ALL_SIGNS = GROUPS.flatMap((g) => READINESS_SIGNS[g]) as readonly ReadinessSign[];

function closureSchema(isClosed: () => boolean): ParsingSchema<CaseClosureData> {
  return {
    safeParse(value: unknown): SchemaResult<CaseClosureData> {
      const v = (value ?? {}) as Partial<CaseClosureValue>;
      const issues: SchemaIssue[] = [];
      const data: CaseClosureData = {};
      if (!isClosed()) {
        const r = closeCaseInput.safeParse(v.closure ?? {});
        if (r.success) data.closure = r.data;
        else for (const i of r.error.issues) issues.push({ ...i, path: ['closure', ...i.path] } as SchemaIssue);
      }
      if (v.evaluation !== undefined) {
        const r = recordEvaluationInput.safeParse(v.evaluation);
        if (r.success) data.evaluation = r.data;
        else for (const i of r.error.issues) issues.push({ ...i, path: ['evaluation', ...i.path] } as SchemaIssue);
      }
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
}

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

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .groups {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-m')};
      }
      @container (min-width: 60rem) {
        .groups {
          grid-template-columns: repeat(3, 1fr);
        }
      }
      .group {
        padding: ${token('space-s')} ${token('space-m')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-m')};
        background: ${token('color-surface-raised')};
      }
      .goal {
        display: flex;
        flex-direction: column;
        gap: ${token('space-xs')};
        padding-block: ${token('space-s')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .goal:last-child {
        border-block-end: 0;
      }
      .triple {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-m')};
      }
      .feedback-entry {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
        padding-block: ${token('space-s')};
        border-block-start: ${token('border-width')} dashed ${token('color-border-subtle')};
      }
      .subsection {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
        padding-block-start: ${token('space-s')};
        border-block-start: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      fieldset.fk-field {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
      }
      .summary {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-3xs')} ${token('space-m')};
        margin: 0;
      }
      @container (min-width: 44rem) {
        .summary {
          grid-template-columns: minmax(12rem, max-content) 1fr;
        }
      }
      .summary dt {
        font-weight: ${token('font-weight-strong')};
      }
      .summary dd {
        margin: 0 0 ${token('space-xs')};
      }
      .decision {
        border-inline-start: 4px solid ${token('color-primary')};
      }
    `,
  ];

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
        validate: (value): Feedback[] => {
          if (this.closed) return [];
          const out: Feedback[] = [];
          if (!value.decisionConfirmed)
            out.push({
              type: 'error',
              code: 'CLOSURE_NOT_CONFIRMED',
              message: { key: 'closure.decision.missing' },
              path: ['decisionConfirmed'],
              flag: 'valueMissing',
            });
          const judged = new Set((value.closure?.goalAttainment ?? []).map((g) => g.goalId));
          const missing = this.goals.filter((g) => (g.status ?? 'open') === 'open' && !judged.has(g.id)).length;
          if (missing > 0)
            out.push({
              type: 'warning',
              code: 'CLOSURE_ATTAINMENT_MISSING',
              message: { key: 'attainment.missing', params: { count: missing } },
              path: ['closure', 'goalAttainment'],
            });
          const signs = value.closure?.readinessSigns ?? [];
          const reason = value.closure?.reason;
          if ((reason === 'goalsReached' || reason === 'selfSteering') && signs.length < 3)
            out.push({
              type: 'warning',
              code: 'CLOSURE_FEW_READINESS_SIGNS',
              message: { key: 'readiness.few' },
              path: ['closure', 'readinessSigns'],
            });
          return out;
        },
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
    const goals = splitRedacted<CaseState['goals'][number]>(state.goals);
    this.goals = goals.visible
      .filter((g) => g.level === 'case')
      .map((g) => ({ id: g.id, title: g.title, status: g.status }));
    this.redactions = goals.hidden;
    const referrals = splitRedacted<CaseState['providerReferrals'][number]>(state.providerReferrals).visible;
    const seen = new Map<string, ClosureProvider>();
    for (const r of referrals)
      if (!seen.has(r.provider.name)) seen.set(r.provider.name, { name: r.provider.name, providerReferralId: r.id });
    this.providers = [...seen.values()];
    const observations = splitRedacted<CaseState['readinessObservations'][number]>(state.readinessObservations).visible;
    this.observedSigns = [...new Set(observations.flatMap((o) => o.signs))];
    const closure = state.closure && !isMarker(state.closure) ? state.closure : undefined;
    const evaluation = state.evaluation && !isMarker(state.evaluation) ? state.evaluation : undefined;
    this.closed = state.status === 'closed';
    this.closedLine = closure ? { on: closure.closedOn, reason: closure.reason } : undefined;
    const empty = this.emptyValue();
    return {
      closure: closure
        ? {
            closedOn: closure.closedOn,
            reason: closure.reason,
            ...(closure.reasonNote ? { reasonNote: closure.reasonNote } : {}),
            readinessSigns: [...closure.readinessSigns],
            goalAttainment: closure.goalAttainment.map((g) => ({ ...g })),
            ...(closure.continuedBy ? { continuedBy: closure.continuedBy } : {}),
          }
        : { ...empty.closure, readinessSigns: [...this.observedSigns] },
      evaluation: evaluation
        ? {
            evaluatedOn: evaluation.evaluatedOn,
            planVersusGoals: evaluation.planVersusGoals,
            methods: evaluation.methods,
            cooperation: evaluation.cooperation,
            effort: { ...evaluation.effort },
            satisfaction: { ...evaluation.satisfaction },
            providerFeedback: evaluation.providerFeedback.map((f) => ({ ...f })),
          }
        : {
            ...empty.evaluation!,
            providerFeedback: this.providers.map((p) => ({
              provider: p.name,
              ...(p.providerReferralId ? { providerReferralId: p.providerReferralId } : {}),
            })),
          },
      decisionConfirmed: this.closed,
    };
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

  private renderDecision() {
    if (this.closed) return nothing;
    const t = this.i18n;
    return html`<section class="section section--quiet decision" part="decision" aria-labelledby="decision-title">
      <h3 id="decision-title">${t.t('closure.decision.title')}</h3>
      <p class="lead">${t.t('closure.decision.note')}</p>
      <fk-checkbox
        data-path="decisionConfirmed"
        label=${t.t('closure.decision.confirm')}
        required
        .checked=${this.value.decisionConfirmed ?? false}
        .error=${this.errorAt('decisionConfirmed')}
        ?disabled=${this.locked}
        @change=${(e: Event) => this.setValue({ ...this.value, decisionConfirmed: (e.target as HTMLInputElement).checked }, 'decisionConfirmed')}
      ></fk-checkbox>
    </section>`;
  }

  private renderReason() {
    const t = this.i18n;
    const c = this.value.closure;
    const needsSuccessor = c.reason === 'handedOver' || c.reason === 'movedAway' || !!c.continuedBy;
    return html`<section class="section" part="reason" aria-labelledby="reason-title">
      <h3 id="reason-title">${t.t('closure.reason')}</h3>
      <fk-radio-group
        data-path="closure.reason"
        label=${t.t('closure.reason')}
        hide-label
        required
        .options=${CLOSURE_REASONS.map((r) => ({ value: r, label: t.t(`closure.reason.${r}`), description: t.t(`closure.reason.${r}.description`) }))}
        .value=${c.reason ?? ''}
        .error=${this.errorAt('closure.reason')}
        ?disabled=${this.closureLocked}
        @change=${(e: Event) => this.setClosure({ reason: (e.target as HTMLElement & { value: string }).value as ClosureInput['reason'] }, 'reason')}
      ></fk-radio-group>
      <fk-textarea
        data-path="closure.reasonNote"
        label=${t.t('closure.reasonNote')}
        rows="3"
        .value=${c.reasonNote ?? ''}
        .error=${this.errorAt('closure.reasonNote')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly || this.closed}
        @input=${(e: Event) => this.setClosure({ reasonNote: (e.target as HTMLTextAreaElement).value }, 'reasonNote')}
      ></fk-textarea>
      <div class="pair">
        <fk-date-field
          data-path="closure.closedOn"
          label=${t.t('closure.on')}
          .value=${c.closedOn ?? ''}
          .error=${this.errorAt('closure.closedOn')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly || this.closed}
          @change=${(e: Event) => this.setClosure({ closedOn: (e.target as HTMLInputElement).value || undefined }, 'closedOn')}
        ></fk-date-field>
        ${
          needsSuccessor
            ? html`<fk-text-field
                data-path="closure.continuedBy"
                label=${t.t('closure.continuedBy')}
                hint=${t.t('closure.continuedByHint')}
                .value=${c.continuedBy ?? ''}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly || this.closed}
                @input=${(e: Event) => this.setClosure({ continuedBy: (e.target as HTMLInputElement).value }, 'continuedBy')}
              ></fk-text-field>`
            : nothing
        }
      </div>
    </section>`;
  }

  private renderReadiness() {
    const t = this.i18n;
    const picked = this.value.closure.readinessSigns ?? [];
    const groups = GROUPS.filter((g) => READINESS_SIGNS[g].some((s) => picked.includes(s))).length;
    const warning = this.warningAt('closure.readinessSigns');
    return html`<section class="section" part="readiness" aria-labelledby="readiness-title">
      <div>
        <h3 id="readiness-title">${t.t('readiness.title')}</h3>
        <p class="lead">${t.t('readiness.lead')}</p>
      </div>
      <div class="groups">
        ${GROUPS.map(
          (group) =>
            html`<div class="group">
              <fk-checkbox-group
                data-path=${`closure.readinessSigns.${group}`}
                label=${t.t(`readiness.group.${group}`)}
                hint=${t.t(`readiness.group.${group}.description`)}
                .options=${READINESS_SIGNS[group].map((s) => ({
                  value: s,
                  label: t.t(`readiness.sign.${s}`),
                  description: this.observedSigns.includes(s)
                    ? `${t.t(`readiness.sign.${s}.description`)} · ${t.t('readiness.observed')}`
                    : t.t(`readiness.sign.${s}.description`),
                }))}
                .value=${picked.filter((s) => (READINESS_SIGNS[group] as readonly string[]).includes(s))}
                ?disabled=${this.closureLocked}
                @change=${(e: Event) => this.setSigns(group, (e.target as HTMLElement & { value: string[] }).value)}
              ></fk-checkbox-group>
            </div>`,
        )}
      </div>
      <p class="meta" aria-live="polite">
        ${t.t('readiness.count', { count: picked.length, total: ALL_SIGNS.length, groups })}
      </p>
      ${
        warning && !this.closed
          ? html`<p class="fk-feedback fk-feedback--warning">
              <span class="fk-feedback__icon" aria-hidden="true">i</span>${warning}
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderAttainment() {
    const t = this.i18n;
    const list = this.value.closure.goalAttainment ?? [];
    const warning = this.warningAt('closure.goalAttainment');
    const error = this.errorAt('closure.goalAttainment');
    return html`<section
      class="section"
      part="attainment"
      aria-labelledby="attainment-title"
      data-path="closure.goalAttainment"
      tabindex="-1"
    >
      <div>
        <h3 id="attainment-title">${t.t('attainment.title')}</h3>
        <p class="meta">${t.t('attainment.lead')}</p>
      </div>
      ${this.goals.length === 0 && this.redactions.length === 0 ? html`<p class="meta">${t.t('attainment.none')}</p>` : nothing}
      ${this.goals.map((goal) => {
        const entry = list.find((g) => g.goalId === goal.id);
        const index = list.indexOf(entry!);
        return html`<div class="goal">
          <fk-radio-group
            data-path=${`closure.goalAttainment.${goal.id}`}
            label=${goal.title}
            inline
            .options=${GOAL_ATTAINMENTS.map((a) => ({ value: a, label: t.t(`attainment.${a}`) }))}
            .value=${entry?.attainment ?? ''}
            .error=${index >= 0 ? this.errorAt(`closure.goalAttainment.${index}`, true) : undefined}
            ?disabled=${this.closureLocked}
            @change=${(e: Event) => this.setAttainment(goal.id, { attainment: (e.target as HTMLElement & { value: string }).value })}
          ></fk-radio-group>
          ${
            entry
              ? html`<fk-text-field
                  data-path=${`closure.goalAttainment.${goal.id}.note`}
                  label=${t.t('attainment.note', { goal: goal.title })}
                  .value=${entry.note ?? ''}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly || this.closed}
                  @input=${(e: Event) => this.setAttainment(goal.id, { note: (e.target as HTMLInputElement).value })}
                ></fk-text-field>`
              : nothing
          }
        </div>`;
      })}
      ${this.redactions.map((m) => html`<fk-redacted label=${t.t('closure.hidden')} category=${categoryOfMarker(m) ?? 'goals'} .marker=${m}></fk-redacted>`)}
      ${error ? html`<p class="fk-feedback fk-feedback--error"><span class="fk-feedback__icon" aria-hidden="true">!</span>${error}</p>` : nothing}
      ${
        warning && !this.closed
          ? html`<p class="fk-feedback fk-feedback--warning">
              <span class="fk-feedback__icon" aria-hidden="true">i</span>${warning}
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderEvaluation() {
    const t = this.i18n;
    const ev = this.value.evaluation;
    const text = (key: 'planVersusGoals' | 'methods' | 'cooperation', hint?: string) =>
      html`<fk-textarea
        data-path=${`evaluation.${key}`}
        label=${t.t(`evaluation.${key}`)}
        hint=${hint ?? nothing}
        rows="3"
        .value=${ev?.[key] ?? ''}
        .error=${this.errorAt(`evaluation.${key}`)}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.setEvaluation({ [key]: (e.target as HTMLTextAreaElement).value }, key)}
      ></fk-textarea>`;
    const num = (raw: string): number | string | undefined => {
      const s = raw.trim().replace(',', '.');
      if (s === '') return undefined;
      const n = Number(s);
      return Number.isFinite(n) ? n : raw;
    };
    return html`<section class="section" part="evaluation" aria-labelledby="evaluation-title">
      <h3 id="evaluation-title">${t.t('evaluation.title')}</h3>
      <fk-checkbox
        data-path="evaluation"
        label=${t.t('evaluation.include')}
        hint=${t.t('evaluation.includeHint')}
        .checked=${ev !== undefined}
        ?disabled=${this.locked}
        @change=${(e: Event) => this.toggleEvaluation((e.target as HTMLInputElement).checked)}
      ></fk-checkbox>
      ${
        ev === undefined
          ? nothing
          : html`${text('planVersusGoals', t.t('evaluation.planVersusGoalsHint'))}
              <div class="pair">${text('methods')} ${text('cooperation')}</div>
              <fieldset class="fk-field">
                <legend class="fk-label">${t.t('evaluation.effort')}</legend>
                <div class="pair">
                  <fk-text-field
                    data-path="evaluation.effort.contacts"
                    label=${t.t('evaluation.effort.contacts')}
                    .value=${ev.effort?.contacts === undefined ? '' : String(ev.effort.contacts)}
                    .error=${this.errorAt('evaluation.effort.contacts')}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly}
                    @input=${(e: Event) => this.setEvaluation({ effort: dropEmpty({ ...ev.effort, contacts: num((e.target as HTMLInputElement).value) as number }) }, 'effort.contacts')}
                  ></fk-text-field>
                  <fk-text-field
                    data-path="evaluation.effort.hours"
                    label=${t.t('evaluation.effort.hours')}
                    .value=${ev.effort?.hours === undefined ? '' : String(ev.effort.hours)}
                    .error=${this.errorAt('evaluation.effort.hours')}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly}
                    @input=${(e: Event) => this.setEvaluation({ effort: dropEmpty({ ...ev.effort, hours: num((e.target as HTMLInputElement).value) as number }) }, 'effort.hours')}
                  ></fk-text-field>
                </div>
                <fk-text-field
                  data-path="evaluation.effort.note"
                  label=${t.t('evaluation.effort.note')}
                  .value=${ev.effort?.note ?? ''}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.setEvaluation({ effort: dropEmpty({ ...ev.effort, note: (e.target as HTMLInputElement).value }) }, 'effort.note')}
                ></fk-text-field>
              </fieldset>
              <fieldset class="fk-field">
                <legend class="fk-label">${t.t('evaluation.satisfaction')}</legend>
                <fk-rating
                  data-path="evaluation.satisfaction.rating"
                  label=${t.t('evaluation.satisfaction.rating')}
                  min="1"
                  max="5"
                  .stepLabels=${[1, 2, 3, 4, 5].map((n) => t.t(`evaluation.satisfaction.${n}` as 'evaluation.satisfaction.1'))}
                  .value=${ev.satisfaction?.rating ?? null}
                  ?disabled=${this.locked}
                  @change=${(e: Event) => {
                    const rating = (e.target as HTMLElement & { value: number | null }).value;
                    this.setEvaluation(
                      { satisfaction: dropEmpty({ ...ev.satisfaction, rating: rating ?? undefined }) },
                      'satisfaction.rating',
                    );
                  }}
                ></fk-rating>
                <fk-textarea
                  data-path="evaluation.satisfaction.statement"
                  label=${t.t('evaluation.satisfaction.statement')}
                  rows="2"
                  .value=${ev.satisfaction?.statement ?? ''}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.setEvaluation({ satisfaction: dropEmpty({ ...ev.satisfaction, statement: (e.target as HTMLTextAreaElement).value }) }, 'satisfaction.statement')}
                ></fk-textarea>
                <fk-checkbox
                  data-path="evaluation.satisfaction.laterSurveyPlanned"
                  label=${t.t('evaluation.satisfaction.survey')}
                  .checked=${ev.satisfaction?.laterSurveyPlanned ?? false}
                  ?disabled=${this.locked}
                  @change=${(e: Event) => this.setEvaluation({ satisfaction: dropEmpty({ ...ev.satisfaction, laterSurveyPlanned: (e.target as HTMLInputElement).checked || undefined }) }, 'satisfaction.laterSurveyPlanned')}
                ></fk-checkbox>
              </fieldset>
              ${this.renderFeedback()}`
      }
    </section>`;
  }

  private renderFeedback() {
    const t = this.i18n;
    const list = this.value.evaluation?.providerFeedback ?? [];
    return html`<div class="subsection" role="group" aria-labelledby="feedback-title">
      <h4 id="feedback-title">${t.t('evaluation.feedback')}</h4>
      <p class="meta">${t.t('evaluation.feedback.lead')}</p>
      ${list.map((f, i) => {
        const name = f.provider || t.t('evaluation.feedback.unnamed', { number: i + 1 });
        const known = !!f.providerReferralId;
        return html`<div class="feedback-entry">
          ${
            known
              ? html`<strong>${f.provider}</strong>`
              : html`<div class="section-head">
                  <fk-text-field
                    data-path=${`evaluation.providerFeedback.${i}.provider`}
                    label=${t.t('evaluation.feedback.provider')}
                    required
                    .value=${f.provider ?? ''}
                    .error=${this.errorAt(`evaluation.providerFeedback.${i}.provider`)}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly}
                    @input=${(e: Event) => this.setFeedback(i, { provider: (e.target as HTMLInputElement).value })}
                  ></fk-text-field>
                  ${
                    this.locked
                      ? nothing
                      : html`<button
                          type="button"
                          class="fk-button fk-button--small"
                          @click=${() => this.removeFeedback(i)}
                        >
                          ${t.t('evaluation.feedback.remove')}<span class="fk-visually-hidden">: ${name}</span>
                        </button>`
                  }
                </div>`
          }
          <div class="pair">
            <fk-textarea
              data-path=${`evaluation.providerFeedback.${i}.positive`}
              label=${t.t('evaluation.feedback.positive', { provider: name })}
              rows="2"
              .value=${f.positive ?? ''}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => this.setFeedback(i, { positive: (e.target as HTMLTextAreaElement).value })}
            ></fk-textarea>
            <fk-textarea
              data-path=${`evaluation.providerFeedback.${i}.negative`}
              label=${t.t('evaluation.feedback.negative', { provider: name })}
              rows="2"
              .value=${f.negative ?? ''}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => this.setFeedback(i, { negative: (e.target as HTMLTextAreaElement).value })}
            ></fk-textarea>
          </div>
        </div>`;
      })}
      ${
        this.locked
          ? nothing
          : html`<div class="actions">
              <button
                type="button"
                class="fk-button fk-button--small"
                data-add-feedback
                @click=${() => this.addFeedback()}
              >
                <span aria-hidden="true">+</span> ${t.t('evaluation.feedback.add')}
              </button>
            </div>`
      }
    </div>`;
  }

  /** A closed case: the closure as it was decided, read-only and compact (it cannot change any more). */
  private renderClosedSummary() {
    const t = this.i18n;
    const c = this.value.closure;
    const signs = c.readinessSigns ?? [];
    const attainment = c.goalAttainment ?? [];
    const title = (id: string) => this.goals.find((g) => g.id === id)?.title ?? id;
    return html`<section class="section section--quiet" part="reason" aria-labelledby="summary-title">
      <h3 id="summary-title">
        ${t.t('closure.reason')}: ${t.t(`closure.reason.${c.reason}` as 'closure.reason.other')}
      </h3>
      <dl class="summary">
        ${
          c.reasonNote
            ? html`<dt>${t.t('closure.reasonNote')}</dt>
                <dd>${c.reasonNote}</dd>`
            : nothing
        }
        ${
          c.continuedBy
            ? html`<dt>${t.t('closure.continuedBy')}</dt>
                <dd>${c.continuedBy}</dd>`
            : nothing
        }
        <dt>${t.t('readiness.title')}</dt>
        <dd>
          ${signs.length ? t.list(signs.map((s) => t.t(`readiness.sign.${s}` as 'readiness.sign.decidesAlone'))) : '–'}
        </dd>
        <dt>${t.t('attainment.title')}</dt>
        <dd>
          ${
            attainment.length
              ? html`<ul class="plain">
                  ${attainment.map((g) => html`<li>${title(g.goalId)}: <strong>${t.t(`attainment.${g.attainment}`)}</strong>${g.note ? ` (${g.note})` : ''}</li>`)}
                </ul>`
              : '–'
          }
        </dd>
      </dl>
      ${this.redactions.map((m) => html`<fk-redacted label=${t.t('closure.hidden')} category=${categoryOfMarker(m) ?? 'goals'} .marker=${m}></fk-redacted>`)}
    </section>`;
  }

  override render() {
    const t = this.i18n;
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
      ${this.closed ? this.renderClosedSummary() : html`${this.renderReason()} ${this.renderReadiness()} ${this.renderAttainment()}`}
      ${this.renderEvaluation()} ${this.renderDecision()}
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

function isMarker(value: unknown): value is RedactionMarker {
  return typeof value === 'object' && value !== null && (value as { redacted?: unknown }).redacted === true;
}

function dropEmpty<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}
