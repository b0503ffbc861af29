import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  isRedactionMarker,
  type CaseCommand,
  type CaseState,
  type IssuePath,
  type ProcessStandard,
  type Result,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { feedbackFromRefusals } from '../base/feedback.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { ReorderDetail } from '../fields/reorder-list.component.js';
import type { ChoiceOption } from '../fields/choice-option.js';
import { markerCategory, type Redactions } from '../shared/view-redactions.js';
import { itemsById, patchItemAt, splitRedacted } from '../list-editing/list-items.js';
import { saveItemCommands } from '../list-editing/save-items.js';
import { helpPlanItems, savedOrder } from './help-plan.save.js';
import { renderProfileHint, standardOfView } from '../shared/profile-hint.js';
import { helpPlanMessages } from './help-plan.messages.js';
import { helpPlanStyles } from './help-plan.styles.js';
import {
  measureDatesRule,
  measureListSchema,
  toEntry,
  type HelpPlanData,
  type HelpPlanGoal,
  type HelpPlanValue,
  type MeasureEntry,
} from './help-plan.schema.js';
import type { HelpPlanView } from './help-plan.view.js';
import { planHeader, planPager, planTimeline, type PagerState } from './plan-overview.view.js';
import { measureRow } from './measure-row.view.js';
import { DependencyOptions, measureName, measureWhen, planJson } from './help-plan.model.js';

export { changedMeasureFields } from './help-plan.schema.js';
export type { HelpPlanData, HelpPlanGoal, HelpPlanValue, MeasureEntry, MeasureEntryData } from './help-plan.schema.js';

let newKeys = 0;

/**
 * The help plan of the cycle (stage 4, Hilfeplanung): measures linked to goals, who does what when,
 * under which legal domain and at whose cost, their status, the sequence and parallel steps (shown as
 * a simple accessible timeline), alternatives, "second-best: service missing" with a description of
 * the missing service (which feeds service planning), and the person's agreement or dissent. Measures
 * are reordered by keyboard (Alt + Arrow up/down, or the buttons). Built for plans of 200 measures:
 * rows are keyed, pages of `page-size` rows render at a time and only opened rows render their
 * editor.
 *
 * Standalone: `value` is `{ measures }` (each the input of `addMeasure`, plus `id` for stored ones);
 * `goals` offers the goals to link. Connected: loads the case's measures and goals; saves new measures
 * with `addMeasure` and changed ones with `updateMeasure` (with the optional reason). The order of the
 * list is the form's; the core keeps sequence as dependencies.
 *
 * @tagname fk-help-plan
 * @summary Help plan: measures with who/what/when, legal domain, status, sequence, alternatives, second-best, dissent; keyboard reordering.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail: { measures }`. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; the typed text stays.
 *
 * @csspart form - The form container.
 * @csspart header - Title and counts.
 * @csspart timeline - The course (steps).
 * @csspart step - One step of the course.
 * @csspart list - The measures list (`fk-reorder-list`).
 * @csspart measure - One measure row.
 * @csspart editor - The opened editor of a measure.
 * @csspart pager - Page navigation.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-primary - Buttons, step numbers.
 * @cssproperty --fk-color-warning - The second-best and dissent badges.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkHelpPlan extends FkFormElement<HelpPlanValue, HelpPlanData, CaseState, CaseCommand> {
  static override catalog = helpPlanMessages;

  static override styles = helpPlanStyles;

  declare protected readonly i18n: LocalizeController<typeof helpPlanMessages.de>;
  protected override schema = measureListSchema;

  /** Goals the measures can serve (connected: the case's goals). */
  @property({ attribute: false }) goals: readonly HelpPlanGoal[] = [];

  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Measures the data-protection view withheld (`measure:<index>`), shown with their reason. */
  @property({ attribute: false }) redactions: Redactions = {};

  @state() private page = 0;
  @state() private expanded = new Set<string>();
  @state() private timelineOpen?: boolean;
  @state() private baseline = new Map<string, MeasureEntry>();

  protected override adoptStoredAfterSave = true;

  protected override emptyValue(): HelpPlanValue {
    return { measures: [] };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && !this.dirty) {
      this.baseline = itemsById(this.value.measures ?? []);
    }
    const pages = this.pageCount;
    if (this.page > pages - 1) this.page = Math.max(0, pages - 1);
  }

  /** Counts renders: a row with feedback renders every time, the others only when what they show changed. */
  private renderPass = 0;

  protected override validators(): readonly Validator<HelpPlanValue>[] {
    return [schemaValidator<HelpPlanValue>(measureListSchema), measureDatesRule];
  }

  /** The JSON text of each measure, by identity (edits are immutable: an unchanged measure keeps its text). */
  private readonly measureJson = new WeakMap<MeasureEntry, string>();

  /**
   * Exactly `JSON.stringify(value)`, built from the cached text of each measure: a keystroke in one title
   * serialises one measure for the host form, not 200.
   */
  protected override formValueJson(value: HelpPlanValue): string {
    return planJson(value, this.measureJson) ?? super.formValueJson(value);
  }

  // ---- connected mode ----------------------------------------------------------------------------

  /**
   * The case's process standard; under a legal profile the form names what its plan asks of the
   * measures (the Kooperationsplan's essential steps, the Gesamtplan's services). Connected: the case's own.
   */
  @property({ attribute: false }) processStandard?: ProcessStandard;

  /** Shared-screen mode with the person: plain language, large type. */
  @property({ type: Boolean, reflect: true }) together = false;

  protected override valueFromView(view: CaseState): HelpPlanValue {
    this.processStandard = standardOfView(view, this.processStandard) ?? this.processStandard;
    const { entries: measures, redactions } = splitRedacted(view.measures, 'measure', toEntry);
    this.redactions = redactions;
    this.goals = (view.goals ?? []).filter((g) => !isRedactionMarker(g)).map((g) => ({ id: g.id, title: g.title }));
    return { measures };
  }

  protected override async save(data: HelpPlanData): Promise<Result<unknown>> {
    const caseId = this.connection.caseId;
    const { items, known } = helpPlanItems(caseId, data, this.baseline);
    const saved = await saveItemCommands(this.batchSaving, 'measures', 'measureId', items);
    if (!saved.ok || known) return saved;
    // New measures get their ids from the core, so their place in the order is a second save once
    // they are stored (based on the version the first one produced).
    const after = savedOrder(data.measures, saved, this.baseline);
    if (!after.order || after.order.join('\n') === after.current.join('\n')) return saved;
    return this.saveBatch([{ type: 'reorderMeasures', caseId, input: { measureIds: after.order } }]);
  }

  // ---- edits ---------------------------------------------------------------------------------------

  private get measures(): readonly MeasureEntry[] {
    return this.value.measures ?? [];
  }

  private get pageCount(): number {
    return Math.max(1, Math.ceil(this.measures.length / this.pageSize));
  }

  private keyOf(m: MeasureEntry, index: number): string {
    return m.id ?? m.key ?? `new-${index}`;
  }

  private measureName(m: MeasureEntry): string {
    return measureName(this.i18n, m);
  }

  private async addMeasure(): Promise<void> {
    const key = `new-${++newKeys}`;
    const measure: MeasureEntry = {
      key,
      title: '',
      goalIds: [],
      by: { kind: 'formalProvider', name: '' },
      agreement: { agreed: false },
      status: 'planned',
    };
    const measures = [...this.measures, measure];
    this.setValue({ ...this.value, measures });
    this.expanded = new Set([...this.expanded, key]);
    this.page = Math.ceil(measures.length / this.pageSize) - 1;
    this.announcer.announce(this.i18n.t('plan.added'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-path="measures.${measures.length - 1}.title"]`)?.focus();
  }

  private async removeMeasure(index: number): Promise<void> {
    const m = this.measures[index];
    if (!m || m.id) return;
    this.setValue({ ...this.value, measures: this.measures.filter((_, i) => i !== index) }, 'measures');
    this.announcer.announce(this.i18n.t('plan.removed', { measure: this.measureName(m) }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#plan-list-heading')?.focus();
  }

  private patchMeasure(index: number, patch: Partial<MeasureEntry>, touched: string): void {
    const measures = patchItemAt(this.measures, index, patch, (v) => v === undefined || v === '');
    this.setValue({ ...this.value, measures }, `measures.${index}.${touched}`);
  }

  private toggle(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  private onReorder(event: CustomEvent<ReorderDetail>): void {
    event.stopPropagation();
    const start = this.page * this.pageSize;
    const from = start + event.detail.from;
    const to = start + event.detail.to;
    const measures = [...this.measures];
    const [moved] = measures.splice(from, 1);
    if (!moved) return;
    measures.splice(to, 0, moved);
    this.setValue({ ...this.value, measures }, 'measures');
  }

  private async goToPage(page: number): Promise<void> {
    this.page = Math.min(Math.max(0, page), this.pageCount - 1);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#plan-list-heading')?.focus();
  }

  protected override focusPath(path: IssuePath): void {
    const index = path[0] === 'measures' && typeof path[1] === 'number' ? path[1] : undefined;
    const m = index === undefined ? undefined : this.measures[index];
    if (index === undefined || !m) {
      super.focusPath(path);
      return;
    }
    // The measure may sit on another page or be closed: bring it into view first.
    this.page = Math.floor(index / this.pageSize);
    this.expanded = new Set([...this.expanded, this.keyOf(m, index)]);
    void this.updateComplete.then(() => super.focusPath(path));
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private get locked(): boolean {
    return this.readonly || this.isDisabled;
  }

  private get pagerState(): PagerState {
    return {
      page: this.page,
      pages: this.pageCount,
      pageSize: this.pageSize,
      goTo: (page) => void this.goToPage(page),
    };
  }

  /** What the views read and may do (see `help-plan.view.ts`). */
  private view(): HelpPlanView {
    return {
      t: this.i18n,
      locked: this.locked,
      goals: this.goals,
      measures: this.measures,
      baseline: this.baseline,
      field: (path, options) => this.fieldAt(path, options),
      errorAt: (path, nested) => this.errorAt(path, nested),
      mayShowErrors: (path) => this.mayShowErrors(path),
      patch: (index, patch, touched) => this.patchMeasure(index, patch, touched),
      toggle: (key) => this.toggle(key),
      remove: (index) => void this.removeMeasure(index),
      measureName: (m) => this.measureName(m),
      dependencyOptions: (m) => this.dependencyOptions(m),
      when: (m) => measureWhen(this.i18n, m),
    };
  }

  private readonly dependencies = new DependencyOptions();

  private dependencyOptions(m: MeasureEntry): readonly ChoiceOption[] {
    return this.dependencies.of(m, this.measures, (o) => this.measureName(o));
  }

  /** The positions of the measures with any feedback or refusal (the few rows whose errors may change). */
  private rowsWithFeedback(): ReadonlySet<number> {
    const rows = new Set<number>();
    for (const f of [...this.feedback, ...feedbackFromRefusals(this.connection.refusals)])
      if (f.path[0] === 'measures' && typeof f.path[1] === 'number') rows.add(f.path[1]);
    return rows;
  }

  /**
   * One row, rendered again only when what it shows changed: its measure (edits are immutable, so an
   * unchanged measure keeps its identity), its place, whether it is open, the language and the form's
   * state; a row with feedback every time, an open row whenever the plan changes (its dependency
   * choices name the other measures). A keystroke in one title renders one row, not 200.
   */
  private row(view: HelpPlanView, m: MeasureEntry, index: number, key: string, hasFeedback: boolean) {
    const hasErrors = hasFeedback && this.errorAt(`measures.${index}`, true) !== undefined;
    const open = this.expanded.has(key) || (this.showAllErrors && hasErrors);
    return guard(
      [
        m,
        index,
        key,
        open,
        view.locked,
        this.goals,
        this.i18n.lang,
        this.messages,
        hasFeedback ? this.renderPass : 0,
        open ? this.measures : undefined,
        open ? this.baseline : undefined,
      ],
      () => measureRow(view, m, { key, index, open, hasErrors }),
    );
  }

  override render() {
    const t = this.i18n;
    const start = this.page * this.pageSize;
    const pageMeasures = this.measures.slice(start, start + this.pageSize);
    const rows = pageMeasures.map((m, i) => ({ m, index: start + i, key: this.keyOf(m, start + i) }));
    const view = this.view();
    const withFeedback = this.rowsWithFeedback();
    this.renderPass += 1;
    const hidden = Object.entries(this.redactions);
    return html`<div class="form" part="form">
      ${planHeader(view)}
      ${this.locked ? nothing : html`<p class="lead">${t.t(this.together ? 'plan.togetherLead' : 'plan.lead')}</p>`}
      ${renderProfileHint(t, this.processStandard, 'measures', this.together)}
      ${this.renderRemoteChanged(t.t('plan.changedElsewhere'), t.t('plan.adoptRemote'))} ${this.renderRefusals()}
      ${planTimeline(
        view,
        this.timelineOpen,
        (open) => (this.timelineOpen = open),
        (m, i) => this.keyOf(m, i),
      )}
      <section class="plan-list" aria-labelledby="plan-list-heading">
        <h3 id="plan-list-heading" tabindex="-1">${t.t('plan.list')}</h3>
        ${planPager(view, this.pagerState, true)}
        <fk-reorder-list
          part="list"
          label=${t.t('plan.list')}
          .items=${rows.map((r) => ({ id: r.key, label: this.measureName(r.m) }))}
          ?readonly=${this.readonly}
          ?disabled=${this.isDisabled}
          @fk-reorder=${(e: CustomEvent<ReorderDetail>) => this.onReorder(e)}
          >${repeat(
            rows,
            (r) => r.key,
            (r) => this.row(view, r.m, r.index, r.key, withFeedback.has(r.index)),
          )}</fk-reorder-list
        >
        ${planPager(view, this.pagerState, false)}
      </section>
      ${hidden.map(([, marker]) => html`<fk-redacted label=${t.t('plan.hiddenMeasure')} category=${markerCategory(marker) ?? 'measures'} .marker=${marker}></fk-redacted>`)}
      ${
        this.locked
          ? nothing
          : html`<div class="actions actions--end" part="actions">
              <button type="button" class="fk-button" @click=${() => this.addMeasure()}>
                <span aria-hidden="true">+</span> ${t.t('plan.add')}
              </button>
              ${this.renderSubmitButton(t.t('plan.save'))}
            </div>`
      }
      ${this.renderStatus()}
    </div>`;
  }
}
