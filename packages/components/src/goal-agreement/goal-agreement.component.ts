import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Assessment, CaseCommand, CaseState, Result, ProcessStandard } from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { DEFAULT_ASSESSMENT_STANDARD, type AssessmentStandard } from '../shared/assessment-standard.js';
import { markerCategory, type Redactions } from '../shared/view-redactions.js';
import { itemsById, patchItemAt } from '../list-editing/list-items.js';
import { saveItemCommands } from '../list-editing/save-items.js';
import { renderProfileHint, standardOfView } from '../shared/profile-hint.js';
import { mountPrintRoot } from '../print/print-root.js';
import { PrintSettingsController } from '../print/print-settings.js';
import { todayIso } from '../base/parts-schema.js';
import { printStyles } from '../print/print-parts.js';
import { goalMessages } from './goal-agreement.messages.js';
import { goalAgreementStyles } from './goal-agreement.styles.js';
import {
  agreementPrintStyles,
  renderAgreementDocument,
  renderAgreementPrint,
  type AgreementConsent,
  type AgreementMeasure,
} from './agreement-print.js';
import {
  goalItems,
  goalListSchema,
  goalRuleFeedback,
  type GoalAgreementData,
  type GoalAgreementValue,
  type GoalEntry,
} from './goal-agreement.schema.js';
import { goalsFromCase } from './goal-agreement.from-case.js';
import type { GoalAgreementView } from './goal-agreement.view.js';
import { derivePanel } from './derive.view.js';
import { goalPart } from './goal.view.js';

export { changedContent } from './goal-agreement.schema.js';
export type { GoalAgreementData, GoalAgreementValue, GoalEntry, GoalEntryData } from './goal-agreement.schema.js';

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

  static override styles = goalAgreementStyles;

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

  /** The host's letterhead and controller/DPO details for the printed agreement (`<fk-print-settings>`). */
  private readonly printSettings = new PrintSettingsController(this);

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
      { id: 'goal-rules', validate: (value) => goalRuleFeedback(value, this.baseline) },
    ];
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): GoalAgreementValue {
    this.processStandard = standardOfView(view, this.processStandard) ?? this.processStandard;
    const found = goalsFromCase(view);
    this.redactions = found.redactions;
    this.assessment = found.assessment;
    if (found.personName !== undefined) this.personName = found.personName;
    if (found.agencyName !== undefined) this.agencyName = found.agencyName;
    this.caseLabel = found.caseLabel;
    this.measures = found.measures;
    if (found.consents) this.consents = found.consents;
    return found.value;
  }

  protected override async save(data: GoalAgreementData): Promise<Result<unknown>> {
    const items = goalItems(this.connection.caseId, data, this.baseline, () => this.value);
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

  /** What the section views read and may do (see `goal-agreement.view.ts`). */
  private sections(): GoalAgreementView {
    return {
      t: this.i18n,
      locked: this.locked,
      disabled: this.isDisabled,
      readonly: this.readonly,
      showAllErrors: this.showAllErrors,
      standard: this.standard,
      assessment: this.assessment,
      goals: this.goals,
      baseline: this.baseline,
      openGoals: this.openGoals,
      field: (index, rest) => this.field(index, rest),
      errorAt: (path, nested) => this.errorAt(path, nested),
      goalName: (goal, index) => this.goalName(goal, index),
      addGoal: (seed) => void this.addGoal(seed),
      removeGoal: (index) => void this.removeGoal(index),
      updateGoal: (index, patch, touched) => this.updateGoal(index, patch, touched),
      setTimeFrame: (index, part, date) => this.setTimeFrame(index, part, date),
      setAgreement: (index, patch, touched) => this.setAgreement(index, patch, touched),
      setIndicator: (index, at, patch) => this.setIndicator(index, at, patch),
      addIndicator: (index) => void this.addIndicator(index),
      removeIndicator: (index, at) => void this.removeIndicator(index, at),
      toggleGoal: (id, index) => void this.toggleGoal(id, index),
    };
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
      ...(this.printSettings.settings ? { settings: this.printSettings.settings } : {}),
      date: todayIso(),
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
    const view = this.sections();
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
      ${derivePanel(view)}
      ${repeat(
        this.goals,
        (g, i) => g.id ?? `new-${i}`,
        (g, i) => goalPart(view, g, i),
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
