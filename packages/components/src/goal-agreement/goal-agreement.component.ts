import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  agreeGoalInput,
  isRedactionMarker,
  AGREEMENT_FORMS,
  GOAL_LEVELS,
  GOAL_STATUSES,
  WAY_OF_LIFE_RELATIONS,
  type Assessment,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type CaseState,
  type Goal,
  type GoalContent,
  type GoalStatus,
  type Result,
  type ProcessStandard,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import type { Feedback } from '../base/feedback.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { DEFAULT_ASSESSMENT_STANDARD, domainLabel, type AssessmentStandard } from '../shared/assessment-standard.js';
import { markerCategory, type Redactions } from '../shared/view-redactions.js';
import { canonical, changedFields } from '../list-editing/changed-fields.js';
import { itemsById, patchItemAt, splitRedacted } from '../list-editing/list-items.js';
import { saveItemCommands, type ItemCommands } from '../list-editing/save-items.js';
import { renderProfileHint, standardOfView, togetherStyles } from '../shared/profile-hint.js';
import { goalMessages } from './goal-agreement.messages.js';
import { listSchema } from '../base/list-schema.js';
import {
  agreementPrintStyles,
  renderAgreementDocument,
  renderAgreementPrint,
  type AgreementConsent,
  type AgreementMeasure,
} from './agreement-print.js';
import { mountPrintRoot } from '../print/print-root.js';
import { printStyles } from '../print/print-parts.js';

/**
 * One goal in the form: the input of the core's `agreeGoal`, plus, for goals already in the case,
 * their `id`, `status`, the `revisionReason` a change needs, and the read-only history (`revisions`,
 * `statusHistory`) shown under the goal.
 */
export type GoalEntry = CaseCommandInputIn<'agreeGoal'> & {
  id?: string;
  status?: GoalStatus;
  revisionReason?: string;
  revisions?: Goal['revisions'];
  statusHistory?: Goal['statusHistory'];
};

/** The value of `<fk-goal-agreement>`. */
export interface GoalAgreementValue {
  goals: GoalEntry[];
}

/** One goal as `fk-submit` carries it: the parsed `agreeGoal` input with id, status and reason. */
export type GoalEntryData = CaseCommandInput<'agreeGoal'> & Pick<GoalEntry, 'id' | 'status' | 'revisionReason'>;

/** The validated data of `fk-submit`. */
export interface GoalAgreementData {
  goals: GoalEntryData[];
}

const CONTENT_KEYS = [
  'level',
  'parentGoalId',
  'title',
  'description',
  'indicators',
  'timeFrame',
  'domainIds',
  'wayOfLife',
] as const;
type ContentKey = (typeof CONTENT_KEYS)[number];

/** Content fields of `next` that differ from `before` (what a `reviseGoal` sends). */
export function changedContent(before: Partial<GoalContent> | undefined, next: Partial<GoalContent>): ContentKey[] {
  return changedFields(CONTENT_KEYS, before, next);
}

const uiOnly = (entry: GoalEntry) => {
  const { id: _id, status: _s, revisionReason: _r, revisions: _rv, statusHistory: _sh, ...input } = entry;
  return input;
};

const goalListSchema = listSchema<GoalEntry, GoalEntryData>({
  key: 'goals',
  item: agreeGoalInput,
  input: uiOnly,
  output: (entry, parsed) => ({
    ...(parsed as CaseCommandInput<'agreeGoal'>),
    ...(entry.id ? { id: entry.id } : {}),
    ...(entry.status ? { status: entry.status } : {}),
    ...(entry.revisionReason?.trim() ? { revisionReason: entry.revisionReason.trim() } : {}),
  }),
});

const LEVEL_RANK: Record<string, number> = { guiding: 0, strategic: 1, case: 2 };

/**
 * The goal agreement of the cycle (stage 3, Zielvereinbarung): goals derived from the assessment's
 * life domains, on three levels (guiding, strategic, case goal), with measurable indicators, a time
 * frame, the relation to the person's way of life (konform / diskrepant / konträr), how and when they
 * were agreed and the person's dissent. Goals already agreed are revised with a reason, never
 * overwritten: the history stays visible under each goal. A printable agreement view (the
 * Integrationsvereinbarung) lists the goals and the person's consents to pass on data.
 *
 * Standalone: `value` is `{ goals }` (each goal the input of `agreeGoal`, plus `id`/`status` for goals
 * already stored); `assessment` offers domains to derive from; `consents` feed the print view.
 * Connected: loads the case's goals, latest assessment and addressee; saves new goals with
 * `agreeGoal`, changed ones with `reviseGoal` (reason required) and status changes with
 * `setGoalStatus`.
 *
 * @tagname fk-goal-agreement
 * @summary Goal agreement: levels, indicators, time frame, way of life, agreement, revisions with history, printable agreement.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail: { goals }`. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; the typed text stays.
 *
 * @csspart form - The editor.
 * @csspart header - Title and count.
 * @csspart derive - The "derive from the assessment" panel.
 * @csspart goal - One goal card.
 * @csspart indicators - A goal's indicator list.
 * @csspart agreement-fields - A goal's agreement fields.
 * @csspart history - A goal's revision history.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart agreement - The printable agreement document.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-primary - Buttons and badges.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkGoalAgreement extends FkFormElement<GoalAgreementValue, GoalAgreementData, CaseState, CaseCommand> {
  static override catalog = goalMessages;

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    agreementPrintStyles,
    togetherStyles,
    css`
      .goal-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: ${token('space-xs')};
      }
      .goal-head h3 {
        flex: 1 1 16rem;
      }
      .indicator {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-xs')};
        align-items: end;
        padding-block-end: ${token('space-xs')};
        border-block-end: ${token('border-width')} dashed ${token('color-border-subtle')};
      }
      @container (min-width: 44rem) {
        .indicator {
          grid-template-columns: 2fr 1fr auto;
        }
      }
      .derive-list li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: ${token('space-xs')};
        padding-block: ${token('space-xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .derive-list .excerpt {
        display: block;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
      .history ol {
        margin: 0;
        padding-inline-start: ${token('space-l')};
        font-size: ${token('font-size-s')};
      }
      .goal-editor {
        display: flex;
        flex-direction: column;
        gap: ${token('space-m')};
      }
      .summary {
        display: grid;
        grid-template-columns: minmax(7rem, 12rem) 1fr;
        gap: ${token('space-3xs')} ${token('space-m')};
        margin: 0;
        font-size: ${token('font-size-s')};
      }
      .summary dt {
        color: ${token('color-text-muted')};
      }
      .summary dd {
        margin: 0;
      }
      @container (max-width: 36rem) {
        .summary {
          grid-template-columns: 1fr;
        }
        .summary dd {
          margin-block-end: ${token('space-2xs')};
        }
      }
      .subsection {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
        padding-block-start: ${token('space-s')};
        border-block-start: ${token('border-width')} solid ${token('color-border-subtle')};
      }
    `,
  ];

  declare protected readonly i18n: LocalizeController<typeof goalMessages.de>;
  protected override schema = goalListSchema;

  /** `edit` (default) or `print`: the printable Integrationsvereinbarung. */
  @property({ reflect: true }) view: 'edit' | 'print' = 'edit';

  /** The assessment to derive goals from (connected: the case's latest version). */
  @property({ attribute: false }) assessment?: Pick<Assessment, 'id' | 'version' | 'domains'>;

  /** Life domain labels (the process standard's assessment part). */
  @property({ attribute: false }) standard: AssessmentStandard = DEFAULT_ASSESSMENT_STANDARD;

  /**
   * The case's process standard; under a legal profile the form names what its plan asks of the goals
   * (the Kooperationsplan's integration goal, § 15 SGB II). Connected: the case's own.
   */
  @property({ attribute: false }) processStandard?: ProcessStandard;

  /** Shared-screen mode with the person: plain language, large type. */
  @property({ type: Boolean, reflect: true }) together = false;

  /** Consents of the person, for the print view (the privacy module's consent records). */
  @property({ attribute: false }) consents: readonly AgreementConsent[] = [];

  /** The help plan's measures, printed under the goals they serve (connected: from the case). */
  @property({ attribute: false }) measures: readonly AgreementMeasure[] = [];

  /** Name of the person, for the print view (connected: the addressee). */
  @property({ attribute: 'person-name' }) personName?: string;

  /** Name of the agency, for the print view (connected: the lead agency). */
  @property({ attribute: 'agency-name' }) agencyName?: string;

  /** Case label, for the print view. */
  @property({ attribute: 'case-label' }) caseLabel?: string;

  /** Goals the data-protection view withheld (`goal:<index>`), shown with their reason. */
  @property({ attribute: false }) redactions: Redactions = {};

  /** Goals as loaded (host or case), by id: the baseline for revisions. */
  @state() private baseline = new Map<string, GoalEntry>();

  /** Stored goals the user opened for editing. */
  @state() private openGoals = new Set<string>();

  protected override adoptStoredAfterSave = true;

  protected override emptyValue(): GoalAgreementValue {
    return { goals: [] };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A value from the host or the case (not a user edit) is the baseline that revisions compare to.
    if (changed.has('value') && !this.dirty) {
      this.baseline = itemsById(this.value.goals ?? []);
    }
  }

  protected override validators(): readonly Validator<GoalAgreementValue>[] {
    return [
      schemaValidator<GoalAgreementValue>(goalListSchema),
      {
        id: 'goal-rules',
        validate: (value) =>
          (value.goals ?? []).flatMap((goal, i): Feedback[] => {
            const out: Feedback[] = [];
            const before = goal.id ? this.baseline.get(goal.id) : undefined;
            if (
              before &&
              (changedContent(before, goal).length > 0 ||
                canonical(before.agreement ?? null) !== canonical(goal.agreement ?? null)) &&
              !goal.revisionReason?.trim()
            )
              out.push({
                type: 'error',
                code: 'GOAL_REVISION_REASON_MISSING',
                message: { key: 'goals.revision.reasonMissing' },
                path: ['goals', i, 'revisionReason'],
                flag: 'valueMissing',
              });
            // A case goal is agreed with the person (the core's GOAL_AGREEMENT_MISSING): ask for the date.
            if ((goal.agreement || goal.level === 'case') && !goal.agreement?.agreedOn)
              out.push({
                type: 'error',
                code: 'GOAL_AGREEMENT_DATE_MISSING',
                message: { key: 'goals.agreement.dateMissing' },
                path: ['goals', i, 'agreement', 'agreedOn'],
                flag: 'valueMissing',
              });
            const tf = goal.timeFrame;
            if (tf?.from && tf.until && tf.from > tf.until)
              out.push({
                type: 'error',
                code: 'GOAL_TIME_FRAME_ORDER',
                message: { key: 'goals.timeFrame.order' },
                path: ['goals', i, 'timeFrame', 'until'],
                flag: 'rangeUnderflow',
              });
            if (goal.level === 'case' && (goal.indicators ?? []).length === 0)
              out.push({
                type: 'warning',
                code: 'GOAL_NO_INDICATOR',
                message: { key: 'goals.indicator.missing' },
                path: ['goals', i, 'indicators'],
              });
            return out;
          }),
      },
    ];
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): GoalAgreementValue {
    this.processStandard = standardOfView(view, this.processStandard) ?? this.processStandard;
    const { entries: goals, redactions } = splitRedacted(view.goals, 'goal', toEntry);
    this.redactions = redactions;
    const assessments = (view.assessments ?? []).filter((a) => !isRedactionMarker(a));
    this.assessment = assessments[assessments.length - 1];
    const person = view.persons?.find((p) => p.id === view.addresseeId);
    if (person && !isRedactionMarker(person)) this.personName = `${person.givenName} ${person.familyName}`;
    const lead = view.leadAgencies?.[view.leadAgencies.length - 1];
    if (lead) this.agencyName = lead.name;
    this.caseLabel = view.label;
    this.measures = (view.measures ?? [])
      .filter((m) => !isRedactionMarker(m) && !isRedactionMarker(m.title))
      .map((m) => ({
        id: m.id,
        title: m.title,
        goalIds: m.goalIds,
        by: { name: isRedactionMarker(m.by) ? '' : m.by.name },
        ...(typeof m.costCarrier === 'string' ? { costCarrier: m.costCarrier } : {}),
        ...(typeof m.startOn === 'string' ? { startOn: m.startOn } : {}),
        ...(typeof m.endOn === 'string' ? { endOn: m.endOn } : {}),
      }));
    const consents = (view as CaseState & { consents?: AgreementConsent[] }).consents;
    if (consents) this.consents = consents;
    return { goals };
  }

  protected override async save(data: GoalAgreementData): Promise<Result<unknown>> {
    const caseId = this.connection.caseId;
    const items = data.goals.map((goal): ItemCommands<CaseCommand> => {
      const { id, status, revisionReason, ...input } = goal;
      const commands: CaseCommand[] = [];
      const before = id ? this.baseline.get(id) : undefined;
      if (!id) commands.push({ type: 'agreeGoal', caseId, input });
      else {
        const fields = changedContent(before, input);
        const agreementChanged = canonical(before?.agreement ?? null) !== canonical(input.agreement ?? null);
        if (fields.length || agreementChanged) {
          const changes = Object.fromEntries(fields.map((k) => [k, input[k]]));
          commands.push({
            type: 'reviseGoal',
            caseId,
            input: {
              goalId: id,
              reason: revisionReason ?? '',
              changes,
              ...(agreementChanged && input.agreement ? { agreement: input.agreement } : {}),
            },
          });
        }
        if (status && status !== before?.status)
          commands.push({ type: 'setGoalStatus', caseId, input: { goalId: id, status } });
      }
      // A refusal shows at the goal it concerns (new goals have no id yet: found by title).
      const index = () =>
        this.value.goals.findIndex((g) =>
          id ? g.id === id : g === this.value.goals.find((x) => !x.id && x.title === goal.title),
        );
      return { commands, index };
    });
    return saveItemCommands(this.batchSaving, 'goals', 'goalId', items);
  }

  // ---- edits ---------------------------------------------------------------------------------------

  private get goals(): readonly GoalEntry[] {
    return this.value.goals ?? [];
  }

  private goalName(goal: GoalEntry, index: number): string {
    return goal.title?.trim() || this.i18n.t('goals.goal', { number: index + 1 });
  }

  private async addGoal(seed: Partial<GoalEntry> = {}): Promise<void> {
    const goal: GoalEntry = { level: 'case', title: '', indicators: [], domainIds: [], ...seed };
    const goals = [...this.goals, goal];
    this.setValue({ ...this.value, goals });
    this.announcer.announce(this.i18n.t('goals.added'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-path="goals.${goals.length - 1}.title"]`)?.focus();
  }

  private async removeGoal(index: number): Promise<void> {
    const goal = this.goals[index];
    if (!goal || goal.id) return;
    this.setValue({ ...this.value, goals: this.goals.filter((_, i) => i !== index) }, 'goals');
    this.announcer.announce(this.i18n.t('goals.removed', { goal: this.goalName(goal, index) }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#goals-heading')?.focus();
  }

  private updateGoal(index: number, patch: Partial<GoalEntry>, touched: string): void {
    const goals = patchItemAt(this.goals, index, patch);
    this.setValue({ ...this.value, goals }, `goals.${index}.${touched}`);
  }

  private setTimeFrame(index: number, part: 'from' | 'until', date: string): void {
    const current = this.goals[index]?.timeFrame ?? { until: '' };
    const next = { ...current, [part]: date || undefined } as { from?: string; until: string };
    if (!next.from) delete next.from;
    const empty = !next.from && !next.until;
    this.updateGoal(
      index,
      { timeFrame: empty ? undefined : { ...next, until: next.until ?? '' } },
      `timeFrame.${part}`,
    );
  }

  private setAgreement(index: number, patch: Partial<NonNullable<GoalEntry['agreement']>>, touched: string): void {
    const current = this.goals[index]?.agreement ?? { agreedByPerson: false, form: 'oral' as const };
    const next = { ...current, ...patch };
    for (const key of Object.keys(next) as (keyof typeof next)[])
      if (next[key] === undefined || next[key] === '') delete next[key];
    const empty = !next.agreedByPerson && !next.agreedOn && !next.dissent && next.form === 'oral';
    this.updateGoal(index, { agreement: empty ? undefined : next }, `agreement.${touched}`);
  }

  private setIndicator(index: number, at: number, patch: { description?: string; target?: string }): void {
    const indicators = [...(this.goals[index]?.indicators ?? [])];
    const next = { ...indicators[at], ...patch } as { description: string; target?: string };
    if (!next.target) delete next.target;
    indicators[at] = next;
    this.updateGoal(index, { indicators }, `indicators.${at}.${'target' in patch ? 'target' : 'description'}`);
  }

  private async addIndicator(index: number): Promise<void> {
    const indicators = [...(this.goals[index]?.indicators ?? []), { description: '' }];
    this.updateGoal(index, { indicators }, 'indicators');
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`[data-path="goals.${index}.indicators.${indicators.length - 1}.description"]`)
      ?.focus();
  }

  private async removeIndicator(index: number, at: number): Promise<void> {
    const indicators = (this.goals[index]?.indicators ?? []).filter((_, i) => i !== at);
    this.updateGoal(index, { indicators }, 'indicators');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-goal-index="${index}"] [data-add-indicator]`)?.focus();
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private get locked(): boolean {
    return this.readonly || this.isDisabled;
  }

  private field(index: number, rest: string) {
    const path = `goals.${index}.${rest}`;
    return { path, error: this.errorAt(path), warning: this.warningAt(path) };
  }

  private renderDerive() {
    const a = this.assessment;
    if (!a || this.locked) return nothing;
    const t = this.i18n;
    const domains = a.domains.filter(
      (d) =>
        !isRedactionMarker(d) &&
        [d.problems, d.agreedInterpretation, d.personView].some((x) => typeof x === 'string' && x.trim()),
    );
    if (domains.length === 0) return nothing;
    return html`<section class="section section--quiet" part="derive" aria-labelledby="derive-heading">
      <h3 id="derive-heading">${t.t('goals.derive.title')}</h3>
      <p class="meta">${t.t('goals.derive.lead', { version: t.number(a.version) })}</p>
      <ul class="plain derive-list">
        ${domains.map((d) => {
          const name = domainLabel(this.standard, d.domainId, t.lang);
          const excerpt = (d.agreedInterpretation || d.problems || d.personView || '').trim();
          const count = this.goals.filter((g) => (g.domainIds ?? []).includes(d.domainId)).length;
          return html`<li>
            <span>
              <strong>${name}</strong
              >${count ? html` <span class="badge">${t.t('goals.derive.hasGoals', { count })}</span>` : nothing}
              <span class="excerpt">${excerpt.length > 140 ? `${excerpt.slice(0, 140)} …` : excerpt}</span>
            </span>
            <button
              type="button"
              class="fk-button fk-button--small"
              @click=${() => this.addGoal({ domainIds: [d.domainId], assessmentId: a.id })}
            >
              <span aria-hidden="true">+</span> ${t.t('goals.derive.short')}<span class="fk-visually-hidden"
                >: ${name}</span
              >
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderIndicators(goal: GoalEntry, index: number) {
    const t = this.i18n;
    const indicators = goal.indicators ?? [];
    const group = this.field(index, 'indicators');
    return html`<div class="subsection" part="indicators" role="group" aria-labelledby=${`ind-h-${index}`}>
      <h4 id=${`ind-h-${index}`}>${t.t('goals.indicators')}</h4>
      ${indicators.map((ind, at) => {
        const d = this.field(index, `indicators.${at}.description`);
        const tg = this.field(index, `indicators.${at}.target`);
        return html`<div class="indicator">
          <fk-text-field
            data-path=${d.path}
            label=${t.t('goals.indicator.description', { number: at + 1 })}
            required
            .value=${ind.description ?? ''}
            .error=${d.error}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @input=${(e: Event) => this.setIndicator(index, at, { description: (e.target as HTMLInputElement).value })}
          ></fk-text-field>
          <fk-text-field
            data-path=${tg.path}
            .error=${this.errorAt(tg.path)}
            label=${t.t('goals.indicator.target')}
            hint=${t.t('goals.indicator.targetHint')}
            .value=${ind.target ?? ''}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @input=${(e: Event) => this.setIndicator(index, at, { target: (e.target as HTMLInputElement).value })}
          ></fk-text-field>
          ${
            this.locked
              ? nothing
              : html`<button
                  type="button"
                  class="fk-button fk-button--small"
                  @click=${() => this.removeIndicator(index, at)}
                >
                  ${t.t('goals.remove')}<span class="fk-visually-hidden"
                    >: ${t.t('goals.indicator.remove', { number: at + 1 })}</span
                  >
                </button>`
          }
        </div>`;
      })}
      ${
        group.error
          ? html`<p class="fk-feedback fk-feedback--error" part="error">
              <span class="fk-feedback__icon" aria-hidden="true">!</span>${group.error}
            </p>`
          : nothing
      }
      ${
        group.warning && !group.error
          ? html`<p class="fk-feedback fk-feedback--warning" part="warning">
              <span class="fk-feedback__icon" aria-hidden="true">i</span>${group.warning}
            </p>`
          : nothing
      }
      ${
        this.locked
          ? nothing
          : html`<div class="actions">
              <button
                type="button"
                class="fk-button fk-button--small"
                data-add-indicator
                @click=${() => this.addIndicator(index)}
              >
                <span aria-hidden="true">+</span> ${t.t('goals.indicator.add')}
              </button>
            </div>`
      }
    </div>`;
  }

  private renderAgreementFields(goal: GoalEntry, index: number) {
    const t = this.i18n;
    const a = goal.agreement;
    const on = this.field(index, 'agreement.agreedOn');
    return html`<div class="subsection" part="agreement-fields" role="group" aria-labelledby=${`agr-h-${index}`}>
      <h4 id=${`agr-h-${index}`}>${t.t('goals.agreement')}</h4>
      <fk-checkbox
        data-path=${`goals.${index}.agreement.agreedByPerson`}
        .error=${this.errorAt(`goals.${index}.agreement.agreedByPerson`)}
        label=${t.t('goals.agreement.byPerson')}
        .checked=${a?.agreedByPerson ?? false}
        ?disabled=${this.locked}
        @change=${(e: Event) => this.setAgreement(index, { agreedByPerson: (e.target as HTMLInputElement).checked }, 'agreedByPerson')}
      ></fk-checkbox>
      <div class="pair">
        <fk-date-field
          data-path=${on.path}
          label=${t.t('goals.agreement.on')}
          ?required=${!!a || goal.level === 'case'}
          .value=${a?.agreedOn ?? ''}
          .error=${on.error}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setAgreement(index, { agreedOn: (e.target as HTMLInputElement).value || undefined }, 'agreedOn')}
        ></fk-date-field>
        <fk-select
          data-path=${`goals.${index}.agreement.form`}
          .error=${this.errorAt(`goals.${index}.agreement.form`)}
          label=${t.t('goals.agreement.form')}
          .options=${AGREEMENT_FORMS.map((f) => ({ value: f, label: t.t(`goals.agreement.form.${f}`) }))}
          .value=${a?.form ?? 'oral'}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.setAgreement(index, { form: (e.target as HTMLSelectElement).value as 'oral' }, 'form')}
        ></fk-select>
      </div>
      <fk-textarea
        data-path=${`goals.${index}.agreement.dissent`}
        .error=${this.errorAt(`goals.${index}.agreement.dissent`)}
        label=${t.t('goals.agreement.dissent')}
        rows="2"
        .value=${a?.dissent ?? ''}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @input=${(e: Event) => this.setAgreement(index, { dissent: (e.target as HTMLTextAreaElement).value }, 'dissent')}
      ></fk-textarea>
    </div>`;
  }

  private renderHistory(goal: GoalEntry) {
    const t = this.i18n;
    const revisions = goal.revisions ?? [];
    const statuses = goal.statusHistory ?? [];
    const count = revisions.length + statuses.length;
    if (count === 0) return nothing;
    const items: { on: string; text: string }[] = [];
    if (goal.agreement?.agreedOn)
      items.push({
        on: goal.agreement.agreedOn,
        text: t.t('goals.history.agreed', {
          date: t.date(goal.agreement.agreedOn),
          form: t.t(`goals.agreement.form.${goal.agreement.form}`),
        }),
      });
    revisions.forEach((r, i) => {
      const after = revisions[i + 1]?.previous ?? goal;
      const fields = changedContent(r.previous, after).map((k) => this.fieldName(k));
      const was = r.previous.title !== after.title ? ` ${t.t('goals.history.was', { title: r.previous.title })}` : '';
      items.push({
        on: r.revisedOn,
        text: `${t.t('goals.history.revision', { date: t.date(r.revisedOn), fields: t.list(fields), reason: r.reason })}${was}`,
      });
    });
    for (const s of statuses)
      items.push({
        on: s.on,
        text: t.t('goals.history.status', { date: t.date(s.on), status: t.t(`goals.status.${s.status}`) }),
      });
    items.sort((a, b) => a.on.localeCompare(b.on));
    return html`<details class="history" part="history">
      <summary>${t.t('goals.history', { count })}</summary>
      <ol>
        ${items.map((i) => html`<li>${i.text}</li>`)}
      </ol>
    </details>`;
  }

  private fieldName(key: ContentKey): string {
    const t = this.i18n;
    switch (key) {
      case 'title':
        return t.t('goals.field.title');
      case 'level':
        return t.t('goals.field.level');
      case 'parentGoalId':
        return t.t('goals.field.parent');
      case 'description':
        return t.t('goals.field.description');
      case 'indicators':
        return t.t('goals.field.indicators');
      case 'timeFrame':
        return t.t('goals.field.timeFrame');
      case 'domainIds':
        return t.t('goals.field.domains');
      case 'wayOfLife':
        return t.t('goals.field.wayOfLife');
    }
  }

  private renderGoal(goal: GoalEntry, index: number) {
    const t = this.i18n;
    const title = this.field(index, 'title');
    const name = this.goalName(goal, index);
    const before = goal.id ? this.baseline.get(goal.id) : undefined;
    const changed =
      !!before &&
      (changedContent(before, goal).length > 0 ||
        canonical(before.agreement ?? null) !== canonical(goal.agreement ?? null));
    const parents = this.goals.filter((g) => g !== goal && g.id && LEVEL_RANK[g.level]! < LEVEL_RANK[goal.level]!);
    const reason = this.field(index, 'revisionReason');
    const until = this.field(index, 'timeFrame.until');
    const frameError = [this.errorAt(`goals.${index}.timeFrame`), until.error].filter(Boolean).join(' ') || undefined;
    const headingId = `goal-h-${index}`;
    const hasErrors = this.errorAt(`goals.${index}`, true) !== undefined;
    // Stored goals show as a summary until opened: agreed goals are revised deliberately, not in passing.
    const open = !goal.id || changed || this.openGoals.has(goal.id) || (this.showAllErrors && hasErrors);
    const editorId = `goal-editor-${index}`;
    const toggle =
      goal.id && !changed
        ? html`<button
            type="button"
            class="fk-button fk-button--small"
            data-path=${`goals.${index}`}
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${editorId}
            ?disabled=${this.isDisabled}
            @click=${() => this.toggleGoal(goal.id!, index)}
          >
            ${open ? t.t('goals.close') : this.readonly ? t.t('goals.show') : t.t('goals.edit')}<span
              class="fk-visually-hidden"
              >: ${name}</span
            >
          </button>`
        : nothing;
    if (!open) return this.renderGoalSummary(goal, index, headingId, toggle);
    return html`<section class="section" part="goal" data-goal-index=${index} aria-labelledby=${headingId}>
      <div class="goal-head">
        <h3 id=${headingId}>
          ${t.t('goals.goal', { number: index + 1 })}${goal.title?.trim() ? html`: ${goal.title}` : nothing}
        </h3>
        <span class="badge badge--info">${t.t(`goals.level.${goal.level}`)}</span>
        ${goal.status ? html`<span class="badge ${goal.status === 'achieved' ? 'badge--ok' : ''}">${t.t(`goals.status.${goal.status}`)}</span>` : nothing}
        ${
          !goal.id && !this.locked
            ? html`<button
                type="button"
                class="fk-button fk-button--small"
                aria-label=${t.t('goals.removeLabel', { goal: name })}
                @click=${() => this.removeGoal(index)}
              >
                ${t.t('goals.remove')}
              </button>`
            : nothing
        }
        ${toggle}
      </div>
      <div id=${editorId} class="goal-editor">
        <fk-text-field
          data-path=${title.path}
          label=${t.t('goals.field.title')}
          hint=${t.t('goals.field.titleHint')}
          required
          .value=${goal.title ?? ''}
          .error=${title.error}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @input=${(e: Event) => this.updateGoal(index, { title: (e.target as HTMLInputElement).value }, 'title')}
        ></fk-text-field>
        <div class="pair">
          <fk-select
            data-path=${`goals.${index}.level`}
            .error=${this.errorAt(`goals.${index}.level`)}
            label=${t.t('goals.field.level')}
            .options=${GOAL_LEVELS.map((l) => ({ value: l, label: t.t(`goals.level.${l}`) }))}
            .value=${goal.level}
            ?disabled=${this.locked}
            @change=${(e: Event) => this.updateGoal(index, { level: (e.target as HTMLSelectElement).value as GoalEntry['level'] }, 'level')}
          ></fk-select>
          ${
            parents.length
              ? html`<fk-select
                  data-path=${`goals.${index}.parentGoalId`}
                  .error=${this.errorAt(`goals.${index}.parentGoalId`)}
                  label=${t.t('goals.field.parent')}
                  .options=${[{ value: '', label: t.t('goals.field.parentNone') }, ...parents.map((p) => ({ value: p.id!, label: p.title }))]}
                  .value=${goal.parentGoalId ?? ''}
                  ?disabled=${this.locked}
                  @change=${(e: Event) => this.updateGoal(index, { parentGoalId: (e.target as HTMLSelectElement).value || undefined }, 'parentGoalId')}
                ></fk-select>`
              : nothing
          }
        </div>
        <fk-textarea
          data-path=${`goals.${index}.description`}
          .error=${this.errorAt(`goals.${index}.description`)}
          label=${t.t('goals.field.description')}
          rows="2"
          .value=${goal.description ?? ''}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @input=${(e: Event) => this.updateGoal(index, { description: (e.target as HTMLTextAreaElement).value }, 'description')}
        ></fk-textarea>
        <fk-checkbox-group
          data-path=${`goals.${index}.domainIds`}
          .error=${this.errorAt(`goals.${index}.domainIds`)}
          label=${t.t('goals.field.domains')}
          inline
          .options=${this.standard.lifeDomains.map((d) => ({ value: d.id, label: d.label[t.lang] }))}
          .value=${goal.domainIds ?? []}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.updateGoal(index, { domainIds: [...(e.target as HTMLElement & { value: string[] }).value] }, 'domainIds')}
        ></fk-checkbox-group>
        ${this.renderIndicators(goal, index)}
        <div class="pair">
          <fk-date-field
            data-path=${`goals.${index}.timeFrame.from`}
            .error=${this.errorAt(`goals.${index}.timeFrame.from`)}
            label=${t.t('goals.timeFrame.from')}
            .value=${goal.timeFrame?.from ?? ''}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.setTimeFrame(index, 'from', (e.target as HTMLInputElement).value)}
          ></fk-date-field>
          <fk-date-field
            data-path=${until.path}
            label=${t.t('goals.timeFrame.until')}
            ?required=${!!goal.timeFrame}
            .value=${goal.timeFrame?.until ?? ''}
            .error=${frameError}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.setTimeFrame(index, 'until', (e.target as HTMLInputElement).value)}
          ></fk-date-field>
        </div>
        <fk-radio-group
          data-path=${`goals.${index}.wayOfLife`}
          .error=${this.errorAt(`goals.${index}.wayOfLife`)}
          label=${t.t('goals.wayOfLife')}
          .options=${WAY_OF_LIFE_RELATIONS.map((w) => ({ value: w, label: t.t(`goals.wayOfLife.${w}`), description: t.t(`goals.wayOfLife.${w}.description`) }))}
          .value=${goal.wayOfLife ?? ''}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.updateGoal(index, { wayOfLife: ((e.target as HTMLElement & { value: string }).value || undefined) as GoalEntry['wayOfLife'] }, 'wayOfLife')}
        ></fk-radio-group>
        ${this.renderAgreementFields(goal, index)}
        ${
          goal.id
            ? html`<fk-select
                data-path=${`goals.${index}.status`}
                .error=${this.errorAt(`goals.${index}.status`)}
                label=${t.t('goals.status')}
                .options=${GOAL_STATUSES.map((s) => ({ value: s, label: t.t(`goals.status.${s}`) }))}
                .value=${goal.status ?? 'open'}
                ?disabled=${this.locked}
                @change=${(e: Event) => this.updateGoal(index, { status: (e.target as HTMLSelectElement).value as GoalStatus }, 'status')}
              ></fk-select>`
            : nothing
        }
        ${
          changed
            ? html`<fk-text-field
                data-path=${reason.path}
                label=${t.t('goals.revision.reason')}
                hint=${t.t('goals.revision.reasonHint')}
                required
                .value=${goal.revisionReason ?? ''}
                .error=${reason.error}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => this.updateGoal(index, { revisionReason: (e.target as HTMLInputElement).value }, 'revisionReason')}
              ></fk-text-field>`
            : nothing
        }
        ${this.renderHistory(goal)}
      </div>
    </section>`;
  }

  private async toggleGoal(id: string, index: number): Promise<void> {
    const next = new Set(this.openGoals);
    const opening = !next.has(id);
    if (opening) next.add(id);
    else next.delete(id);
    this.openGoals = next;
    await this.updateComplete;
    if (opening && !this.readonly)
      this.renderRoot.querySelector<HTMLElement>(`[data-path="goals.${index}.title"]`)?.focus();
    else this.renderRoot.querySelector<HTMLElement>(`[data-path="goals.${index}"]`)?.focus();
  }

  private renderGoalSummary(goal: GoalEntry, index: number, headingId: string, toggle: unknown) {
    const t = this.i18n;
    const tf = goal.timeFrame;
    const frame = tf?.until
      ? tf.from
        ? t.t('goals.print.fromUntil', { from: t.date(tf.from), until: t.date(tf.until) })
        : t.t('goals.print.until', { date: t.date(tf.until) })
      : undefined;
    const indicators = (goal.indicators ?? []).map((i) =>
      i.target ? `${i.description} – ${i.target}` : i.description,
    );
    return html`<section class="section" part="goal" data-goal-index=${index} aria-labelledby=${headingId}>
      <div class="goal-head">
        <h3 id=${headingId}>${t.t('goals.goal', { number: index + 1 })}: ${goal.title}</h3>
        <span class="badge badge--info">${t.t(`goals.level.${goal.level}`)}</span>
        ${
          goal.status
            ? html`<span class="badge ${goal.status === 'achieved' ? 'badge--ok' : ''}"
                >${t.t(`goals.status.${goal.status}`)}</span
              >`
            : nothing
        }
        ${toggle}
      </div>
      <dl class="summary">
        ${
          indicators.length
            ? html`<dt>${t.t('goals.field.indicators')}</dt>
                <dd>${t.list(indicators)}</dd>`
            : nothing
        }
        ${
          frame
            ? html`<dt>${t.t('goals.field.timeFrame')}</dt>
                <dd>${frame}</dd>`
            : nothing
        }
        ${
          goal.wayOfLife
            ? html`<dt>${t.t('goals.field.wayOfLife')}</dt>
                <dd>${t.t(`goals.wayOfLife.${goal.wayOfLife}`)}</dd>`
            : nothing
        }
        <dt>${t.t('goals.agreement')}</dt>
        <dd>
          ${
            goal.agreement?.agreedOn
              ? `${t.t(`goals.agreement.form.${goal.agreement.form}`)}, ${t.date(goal.agreement.agreedOn)}`
              : t.t('goals.print.notAgreed')
          }
        </dd>
        ${
          goal.agreement?.dissent
            ? html`<dt>${t.t('goals.agreement.dissent')}</dt>
                <dd>${goal.agreement.dissent}</dd>`
            : nothing
        }
      </dl>
      ${this.renderHistory(goal)}
    </section>`;
  }

  private printInput() {
    return {
      i18n: this.i18n,
      goals: this.goals.filter((g) => g.status !== 'dropped'),
      consents: this.consents,
      measures: this.measures,
      personName: this.personName,
      agencyName: this.agencyName,
      caseLabel: this.caseLabel,
      standard: this.standard,
      onClose: () => this.switchView('edit'),
      onPrint: () => {
        this.preparePrint();
        window.print();
      },
    };
  }

  private renderPrint() {
    return renderAgreementPrint(this.printInput());
  }

  /**
   * Renders the agreement into the page's print root (`mountPrintRoot`): only the document prints,
   * not the host's screen. The print button calls it; a host that prints itself calls it first.
   */
  preparePrint(): HTMLElement {
    return mountPrintRoot(
      renderAgreementDocument(this.printInput()),
      [agreementPrintStyles, printStyles],
      this.i18n.lang,
    );
  }

  private async switchView(view: 'edit' | 'print'): Promise<void> {
    this.view = view;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(view === 'print' ? '#print-title' : '[data-print-open]')?.focus();
  }

  override render() {
    if (this.view === 'print') return html`${this.renderPrint()}${this.renderStatus()}`;
    const t = this.i18n;
    const count = this.goals.length;
    const hidden = Object.entries(this.redactions);
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <div>
          <h2 id="goals-heading" tabindex="-1">${t.t('goals.title')}</h2>
          <p class="meta">
            ${count === 0 ? t.t('goals.none') : count === 1 ? t.t('goals.countOne') : t.t('goals.count', { count: t.number(count) })}
          </p>
        </div>
        <button type="button" class="fk-button" data-print-open @click=${() => this.switchView('print')}>
          ${t.t('goals.print.open')}
        </button>
      </div>
      ${this.locked ? nothing : html`<p class="lead">${t.t(this.together ? 'goals.togetherLead' : 'goals.lead')}</p>`}
      ${renderProfileHint(t, this.processStandard, 'goals', this.together)}
      ${this.renderRemoteChanged(t.t('goals.changedElsewhere'), t.t('goals.adoptRemote'))} ${this.renderRefusals()}
      ${this.renderDerive()}
      ${repeat(
        this.goals,
        (g, i) => g.id ?? `new-${i}`,
        (g, i) => this.renderGoal(g, i),
      )}
      ${hidden.map(([, marker]) => html`<fk-redacted label=${t.t('goals.hiddenGoal')} category=${markerCategory(marker) ?? 'goals'} .marker=${marker}></fk-redacted>`)}
      ${
        this.locked
          ? nothing
          : html`<div class="actions actions--end" part="actions">
              <button type="button" class="fk-button" @click=${() => this.addGoal()}>
                <span aria-hidden="true">+</span> ${t.t('goals.add')}
              </button>
              ${this.renderSubmitButton(t.t('goals.save'))}
            </div>`
      }
      ${this.renderStatus()}
    </div>`;
  }
}

function toEntry(goal: Goal): GoalEntry {
  const entry: GoalEntry = {
    id: goal.id,
    level: goal.level,
    title: goal.title,
    indicators: goal.indicators,
    domainIds: goal.domainIds,
    status: goal.status,
    revisions: goal.revisions,
    statusHistory: goal.statusHistory,
  };
  if (goal.parentGoalId) entry.parentGoalId = goal.parentGoalId;
  if (goal.description) entry.description = goal.description;
  if (goal.timeFrame) entry.timeFrame = goal.timeFrame;
  if (goal.wayOfLife) entry.wayOfLife = goal.wayOfLife;
  if (goal.assessmentId) entry.assessmentId = goal.assessmentId;
  if (goal.agreement) entry.agreement = goal.agreement;
  return entry;
}
