import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  addMeasureInput,
  isRedactionMarker,
  LEGAL_DOMAINS,
  MEASURE_ACTOR_KINDS,
  MEASURE_STATUSES,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type CaseState,
  type IssuePath,
  type Measure,
  type ProcessStandard,
  type Result,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import type { Feedback } from '../base/feedback.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { ReorderDetail } from '../fields/reorder-list.component.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { markerCategory, type Redactions } from '../shared/view-redactions.js';
import { listSchema } from '../base/list-schema.js';
import { changedFields } from '../list-editing/changed-fields.js';
import { itemsById, patchItemAt, splitRedacted } from '../list-editing/list-items.js';
import { saveItemCommands, type ItemCommands } from '../list-editing/save-items.js';
import { renderProfileHint, standardOfView, togetherStyles } from '../shared/profile-hint.js';
import { helpPlanMessages } from './help-plan.messages.js';
import { planSteps } from './timeline.js';

/**
 * One measure in the form: the input of the core's `addMeasure`, plus, for measures already in the
 * case, `id`, an optional `changeReason` and the read-only `history`. `key` identifies a new measure
 * in the form until it is saved (never sent to the core).
 */
export type MeasureEntry = CaseCommandInputIn<'addMeasure'> & {
  id?: string;
  key?: string;
  changeReason?: string;
  history?: Measure['history'];
};

/** The value of `<fk-help-plan>`: the measures in planning order. */
export interface HelpPlanValue {
  measures: MeasureEntry[];
}

/** One measure as `fk-submit` carries it. */
export type MeasureEntryData = CaseCommandInput<'addMeasure'> & Pick<MeasureEntry, 'id' | 'changeReason'>;

/** The validated data of `fk-submit`. */
export interface HelpPlanData {
  measures: MeasureEntryData[];
}

/** A goal a measure can serve (connected: the case's goals). */
export interface HelpPlanGoal {
  readonly id: string;
  readonly title: string;
}

const CONTENT_KEYS = [
  'title',
  'description',
  'goalIds',
  'by',
  'legalDomain',
  'costCarrier',
  'startOn',
  'endOn',
  'dependsOn',
  'alternatives',
  'secondBest',
  'agreement',
  'status',
] as const;
type ContentKey = (typeof CONTENT_KEYS)[number];

/** Fields of `next` that differ from `before` (what an `updateMeasure` sends). */
export function changedMeasureFields(
  before: Partial<MeasureEntry> | undefined,
  next: Partial<MeasureEntry>,
): ContentKey[] {
  return changedFields(CONTENT_KEYS, before, next);
}

const uiOnly = (m: MeasureEntry) => {
  const { id: _i, key: _k, changeReason: _c, history: _h, ...input } = m;
  return input;
};

const measureListSchema = listSchema<MeasureEntry, MeasureEntryData>({
  key: 'measures',
  item: addMeasureInput,
  input: uiOnly,
  output: (m, parsed) => ({
    ...(parsed as CaseCommandInput<'addMeasure'>),
    ...(m.id ? { id: m.id } : {}),
    ...(m.changeReason?.trim() ? { changeReason: m.changeReason.trim() } : {}),
  }),
});

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

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    togetherStyles,
    css`
      fk-reorder-list::part(item) {
        align-items: start;
      }
      fk-reorder-list::part(position) {
        line-height: 1.75rem;
      }
      .row {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
      }
      .row-top {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')} ${token('space-m')};
        align-items: flex-start;
        justify-content: space-between;
      }
      .row-main {
        flex: 1 1 18rem;
        min-inline-size: 0;
      }
      .row-title {
        font-weight: ${token('font-weight-strong')};
        margin-inline-end: ${token('space-xs')};
      }
      .row .meta {
        margin-block-start: ${token('space-3xs')};
      }
      .badges {
        display: inline-flex;
        flex-wrap: wrap;
        gap: ${token('space-2xs')};
        vertical-align: middle;
      }
      .editor[hidden] {
        display: none;
      }
      .timeline-box {
        display: block;
      }
      .timeline-box > :not(summary) {
        margin-block-start: ${token('space-s')};
      }
      .editor {
        display: flex;
        flex-direction: column;
        gap: ${token('space-m')};
        padding-block-start: ${token('space-m')};
        border-block-start: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .line {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-xs')};
        align-items: end;
      }
      @container (min-width: 44rem) {
        .line {
          grid-template-columns: 2fr 1fr auto;
        }
        .line--two {
          grid-template-columns: 1fr auto;
        }
      }
      .subsection {
        display: flex;
        flex-direction: column;
        gap: ${token('space-s')};
      }
      .timeline {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
      }
      .step {
        display: grid;
        grid-template-columns: 2rem 1fr;
        gap: ${token('space-s')};
        padding-block-end: ${token('space-m')};
        position: relative;
      }
      .step:not(:last-child)::before {
        content: '';
        position: absolute;
        inset-block: 2rem 0;
        inset-inline-start: calc(1rem - 1px);
        border-inline-start: 2px solid ${token('color-border-subtle')};
      }
      .step-no {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        inline-size: 2rem;
        block-size: 2rem;
        border-radius: 50%;
        background: ${token('color-primary')};
        color: ${token('color-on-primary')};
        font-weight: ${token('font-weight-strong')};
      }
      .step-title {
        margin: 0;
        line-height: 2rem;
      }
      .step ul {
        margin: ${token('space-2xs')} 0 0;
        padding: 0;
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')};
      }
      .step li {
        padding: ${token('space-2xs')} ${token('space-s')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-m')};
        background: ${token('color-surface-raised')};
        font-size: ${token('font-size-s')};
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')};
        align-items: center;
        justify-content: space-between;
      }
      @media (forced-colors: active) {
        .step-no {
          border: 1px solid CanvasText;
        }
      }
    `,
  ];

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

  protected override validators(): readonly Validator<HelpPlanValue>[] {
    return [
      schemaValidator<HelpPlanValue>(measureListSchema),
      {
        id: 'measure-rules',
        validate: (value) =>
          (value.measures ?? []).flatMap((m, i): Feedback[] =>
            m.startOn && m.endOn && m.startOn > m.endOn
              ? [
                  {
                    type: 'error',
                    code: 'MEASURE_DATES_ORDER',
                    message: { key: 'plan.dates.order' },
                    path: ['measures', i, 'endOn'],
                    flag: 'rangeUnderflow',
                  },
                ]
              : [],
          ),
      },
    ];
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
    const items = data.measures.map((m, index): ItemCommands<CaseCommand> => {
      const { id, changeReason, ...input } = m;
      const commands: CaseCommand[] = [];
      if (!id) commands.push({ type: 'addMeasure', caseId, input });
      else {
        const fields = changedMeasureFields(this.baseline.get(id), input);
        if (fields.length)
          commands.push({
            type: 'updateMeasure',
            caseId,
            input: {
              measureId: id,
              ...(changeReason ? { reason: changeReason } : {}),
              changes: Object.fromEntries(fields.map((k) => [k, input[k]])),
            },
          });
      }
      // A refusal shows at the measure it concerns; focusing it opens it so the user sees it.
      return { commands, index: () => index };
    });
    // Without new measures every id is known: a changed order goes into the same batch as the edits.
    const known = data.measures.every((m) => m.id !== undefined);
    const order = data.measures.map((m) => m.id!);
    if (known && order.length > 0 && order.join('\n') !== [...this.baseline.keys()].join('\n'))
      items.push({ commands: [{ type: 'reorderMeasures', caseId, input: { measureIds: order } }], index: () => -1 });
    const saved = await saveItemCommands(this.batchSaving, 'measures', 'measureId', items);
    if (!saved.ok || known) return saved;
    // New measures get their ids from the core, so their place in the order is a second save once
    // they are stored (based on the version the first one produced).
    const after = this.savedOrder(data.measures, saved);
    if (!after.order || after.order.join('\n') === after.current.join('\n')) return saved;
    return this.saveBatch([{ type: 'reorderMeasures', caseId, input: { measureIds: after.order } }]);
  }

  /**
   * The ids of all measures in the form's order, once every item is stored. Measures added by this
   * save got their ids from the core in the order they were added, which is their order in the form,
   * so they are matched from the case state the last command answered with. Undefined when that state
   * is not at hand (a port that answers without it): then the order is left as the core has it.
   */
  private savedOrder(
    measures: readonly MeasureEntry[],
    saved: Result<unknown>,
  ): { order: string[] | undefined; current: readonly string[] } {
    const answer = saved.ok
      ? (saved.value as { state?: { measures?: readonly { id: string }[] } } | undefined)
      : undefined;
    const stateIds = answer?.state?.measures?.map((m) => m.id);
    const current = stateIds ?? [...this.baseline.keys()];
    const added = current.filter((id) => !this.baseline.has(id));
    const order = measures.map((m) => m.id ?? added.shift());
    return { order: order.some((id) => id === undefined) ? undefined : (order as string[]), current };
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
    return m.title?.trim() || this.i18n.t('plan.untitled');
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

  private f(index: number, rest: string) {
    const path = `measures.${index}.${rest}`;
    return { path, error: this.errorAt(path), warning: this.warningAt(path) };
  }

  private when(m: MeasureEntry): string {
    const t = this.i18n;
    if (m.startOn && m.endOn) return t.t('plan.when.range', { from: t.date(m.startOn), to: t.date(m.endOn) });
    if (m.startOn) return t.t('plan.when.from', { date: t.date(m.startOn) });
    if (m.endOn) return t.t('plan.when.until', { date: t.date(m.endOn) });
    return t.t('plan.when.open');
  }

  private renderHeader() {
    const t = this.i18n;
    const ms = this.measures;
    const count = ms.length;
    const running = ms.filter((m) => m.status === 'running').length;
    const secondBest = ms.filter((m) => m.secondBest).length;
    const dissent = ms.filter((m) => m.agreement?.personPosition?.trim()).length;
    const facts = [
      count === 0
        ? t.t('plan.none')
        : count === 1
          ? t.t('plan.countOne')
          : t.t('plan.count', { count: t.number(count) }),
      ...(running ? [t.t('plan.summary.running', { count: t.number(running) })] : []),
      ...(secondBest ? [t.t('plan.summary.secondBest', { count: t.number(secondBest) })] : []),
      ...(dissent ? [t.t('plan.summary.dissent', { count: t.number(dissent) })] : []),
    ];
    return html`<div class="head" part="header">
      <div>
        <h2>${t.t('plan.title')}</h2>
        <p class="meta">${facts.join(' · ')}</p>
      </div>
    </div>`;
  }

  private renderTimeline() {
    const t = this.i18n;
    const ms = this.measures;
    if (ms.length === 0) return nothing;
    const open = this.timelineOpen ?? ms.length <= 30;
    const titleOf = new Map(ms.filter((m) => m.id).map((m) => [m.id!, this.measureName(m)]));
    return html`<details
      class="section section--quiet timeline-box"
      part="timeline"
      ?open=${open}
      @toggle=${(e: Event) => (this.timelineOpen = (e.target as HTMLDetailsElement).open)}
    >
      <summary>${t.t('plan.timeline')}</summary>
      ${
        open
          ? html`<p class="fk-hint">${t.t('plan.timeline.hint')}</p>
              <ol class="timeline">
                ${planSteps(ms.map((m, i) => ({ ...m, key: this.keyOf(m, i) }))).map(
                  (step) =>
                    html`<li class="step" part="step">
                      <span class="step-no" aria-hidden="true">${t.number(step.index + 1)}</span>
                      <div>
                        <p class="step-title">
                          <strong>${t.t('plan.timeline.step', { number: t.number(step.index + 1) })}</strong>${
                            step.measures.length > 1
                              ? html` <span class="fk-hint">(${t.t('plan.timeline.parallel')})</span>`
                              : nothing
                          }
                        </p>
                        <ul>
                          ${step.measures.map((m) => {
                            const after = (m.dependsOn ?? [])
                              .filter((d) => d.kind === 'after')
                              .map((d) => titleOf.get(d.measureId) ?? d.measureId);
                            const withm = (m.dependsOn ?? [])
                              .filter((d) => d.kind === 'parallel')
                              .map((d) => titleOf.get(d.measureId) ?? d.measureId);
                            return html`<li>
                              <strong>${this.measureName(m)}</strong> · ${this.when(m)}
                              ${after.length ? html`<br /><span class="fk-hint">${t.t('plan.timeline.after', { measures: t.list(after) })}</span>` : nothing}
                              ${withm.length ? html`<br /><span class="fk-hint">${t.t('plan.timeline.with', { measures: t.list(withm) })}</span>` : nothing}
                            </li>`;
                          })}
                        </ul>
                      </div>
                    </li>`,
                )}
              </ol>`
          : nothing
      }
    </details>`;
  }

  private renderRow(m: MeasureEntry, index: number) {
    const t = this.i18n;
    const key = this.keyOf(m, index);
    const hasErrors = this.errorAt(`measures.${index}`, true) !== undefined;
    const open = this.expanded.has(key) || (this.showAllErrors && hasErrors);
    const goals = (m.goalIds ?? []).map((id) => this.goals.find((g) => g.id === id)?.title ?? id);
    const facts = [
      m.by?.name?.trim()
        ? `${m.by.name} (${t.t(`plan.by.${m.by.kind}`)})`
        : t.t(`plan.by.${m.by?.kind ?? 'formalProvider'}`),
      this.when(m),
      ...(m.legalDomain ? [t.t(`plan.legal.${m.legalDomain}`).split(' – ')[0]!] : []),
      ...(m.costCarrier ? [m.costCarrier] : []),
    ];
    const editorId = `editor-${key}`;
    return html`<div class="row" part="measure" slot=${`item-${key}`} data-key=${key}>
      <div class="row-top">
        <div class="row-main">
          <span class="row-title">${this.measureName(m)}</span>
          <span class="badges">
            <span class="badge ${m.status === 'running' ? 'badge--info' : m.status === 'completed' ? 'badge--ok' : ''}"
              >${t.t(`plan.status.${m.status ?? 'planned'}`)}</span
            >
            ${m.secondBest ? html`<span class="badge badge--warn">${t.t('plan.secondBest.badge')}</span>` : nothing}
            ${m.agreement?.personPosition?.trim() ? html`<span class="badge badge--warn">${t.t('plan.agreement.dissentBadge')}</span>` : nothing}
            ${hasErrors && this.mayShowErrors(`measures.${index}`) ? html`<span class="badge badge--warn">${t.t('plan.needsAttention')}</span>` : nothing}
          </span>
          <p class="meta">
            ${facts.join(' · ')}${goals.length ? html`<br />${t.t('plan.field.goals')}: ${t.list(goals)}` : nothing}
          </p>
        </div>
        <div class="actions">
          <button
            type="button"
            class="fk-button fk-button--small"
            data-path=${`measures.${index}`}
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${editorId}
            @click=${() => this.toggle(key)}
          >
            ${open ? t.t('plan.close') : t.t('plan.edit')}<span class="fk-visually-hidden"
              >: ${this.measureName(m)}</span
            >
          </button>
          ${
            !m.id && !this.locked
              ? html`<button type="button" class="fk-button fk-button--small" @click=${() => this.removeMeasure(index)}>
                  ${t.t('plan.remove')}<span class="fk-visually-hidden">: ${this.measureName(m)}</span>
                </button>`
              : nothing
          }
        </div>
      </div>
      <div id=${editorId} class="editor" part="editor" ?hidden=${!open}>
        ${open ? this.renderEditor(m, index) : nothing}
      </div>
    </div>`;
  }

  private renderEditor(m: MeasureEntry, index: number) {
    const t = this.i18n;
    const title = this.f(index, 'title');
    const byName = this.f(index, 'by.name');
    const endOn = this.f(index, 'endOn');
    const dis = this.isDisabled;
    const ro = this.readonly;
    const others = this.measures.filter((o) => o !== m && o.id);
    const before = m.id ? this.baseline.get(m.id) : undefined;
    const changed = !!before && changedMeasureFields(before, m).length > 0;
    return html`<fk-text-field
        data-path=${title.path}
        label=${t.t('plan.field.title')}
        required
        .value=${m.title ?? ''}
        .error=${title.error}
        ?disabled=${dis}
        ?readonly=${ro}
        @input=${(e: Event) => this.patchMeasure(index, { title: (e.target as HTMLInputElement).value }, 'title')}
      ></fk-text-field>
      <fk-textarea
        data-path=${`measures.${index}.description`}
        .error=${this.errorAt(`measures.${index}.description`)}
        label=${t.t('plan.field.description')}
        rows="2"
        .value=${m.description ?? ''}
        ?disabled=${dis}
        ?readonly=${ro}
        @input=${(e: Event) => this.patchMeasure(index, { description: (e.target as HTMLTextAreaElement).value }, 'description')}
      ></fk-textarea>
      ${
        this.goals.length
          ? html`<fk-checkbox-group
              data-path=${`measures.${index}.goalIds`}
              label=${t.t('plan.field.goals')}
              .options=${this.goals.map((g) => ({ value: g.id, label: g.title }))}
              .value=${m.goalIds ?? []}
              .error=${this.errorAt(`measures.${index}.goalIds`)}
              ?disabled=${this.locked}
              @change=${(e: Event) => this.patchMeasure(index, { goalIds: [...(e.target as HTMLElement & { value: string[] }).value] }, 'goalIds')}
            ></fk-checkbox-group>`
          : html`<p class="fk-hint">${t.t('plan.field.noGoals')}</p>`
      }
      <div class="pair">
        <fk-select
          data-path=${`measures.${index}.by.kind`}
          .error=${this.errorAt(`measures.${index}.by.kind`)}
          label=${t.t('plan.field.byKind')}
          .options=${MEASURE_ACTOR_KINDS.map((k) => ({ value: k, label: t.t(`plan.by.${k}`) }))}
          .value=${m.by?.kind ?? 'formalProvider'}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchMeasure(index, { by: { ...m.by, kind: (e.target as HTMLSelectElement).value as MeasureEntry['by']['kind'] } }, 'by.kind')}
        ></fk-select>
        <fk-text-field
          data-path=${byName.path}
          label=${t.t('plan.field.byName')}
          required
          .value=${m.by?.name ?? ''}
          .error=${byName.error}
          ?disabled=${dis}
          ?readonly=${ro}
          @input=${(e: Event) => this.patchMeasure(index, { by: { ...m.by, name: (e.target as HTMLInputElement).value } }, 'by.name')}
        ></fk-text-field>
      </div>
      <div class="pair">
        <fk-select
          data-path=${`measures.${index}.legalDomain`}
          .error=${this.errorAt(`measures.${index}.legalDomain`)}
          label=${t.t('plan.field.legalDomain')}
          .options=${[{ value: '', label: t.t('plan.field.legalDomainNone') }, ...LEGAL_DOMAINS.map((d) => ({ value: d, label: t.t(`plan.legal.${d}`) }))]}
          .value=${m.legalDomain ?? ''}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchMeasure(index, { legalDomain: ((e.target as HTMLSelectElement).value || undefined) as MeasureEntry['legalDomain'] }, 'legalDomain')}
        ></fk-select>
        <fk-text-field
          data-path=${`measures.${index}.costCarrier`}
          .error=${this.errorAt(`measures.${index}.costCarrier`)}
          label=${t.t('plan.field.costCarrier')}
          .value=${m.costCarrier ?? ''}
          ?disabled=${dis}
          ?readonly=${ro}
          @input=${(e: Event) => this.patchMeasure(index, { costCarrier: (e.target as HTMLInputElement).value }, 'costCarrier')}
        ></fk-text-field>
      </div>
      <div class="pair">
        <fk-date-field
          data-path=${`measures.${index}.startOn`}
          label=${t.t('plan.field.startOn')}
          .value=${m.startOn ?? ''}
          .error=${this.errorAt(`measures.${index}.startOn`)}
          ?disabled=${dis}
          ?readonly=${ro}
          @change=${(e: Event) => this.patchMeasure(index, { startOn: (e.target as HTMLInputElement).value || undefined }, 'startOn')}
        ></fk-date-field>
        <fk-date-field
          data-path=${endOn.path}
          label=${t.t('plan.field.endOn')}
          .value=${m.endOn ?? ''}
          .error=${endOn.error}
          ?disabled=${dis}
          ?readonly=${ro}
          @change=${(e: Event) => this.patchMeasure(index, { endOn: (e.target as HTMLInputElement).value || undefined }, 'endOn')}
        ></fk-date-field>
      </div>
      <fk-select
        data-path=${`measures.${index}.status`}
        .error=${this.errorAt(`measures.${index}.status`)}
        label=${t.t('plan.field.status')}
        .options=${MEASURE_STATUSES.map((s) => ({ value: s, label: t.t(`plan.status.${s}`) }))}
        .value=${m.status ?? 'planned'}
        ?disabled=${this.locked}
        @change=${(e: Event) => this.patchMeasure(index, { status: (e.target as HTMLSelectElement).value as MeasureEntry['status'] }, 'status')}
      ></fk-select>
      ${this.renderDependencies(m, index, others)} ${this.renderAlternatives(m, index)}
      ${this.renderSecondBest(m, index)}
      <div class="subsection" role="group" aria-label=${t.t('plan.agreement.agreed')}>
        <fk-checkbox
          data-path=${`measures.${index}.agreement.agreed`}
          .error=${this.errorAt(`measures.${index}.agreement.agreed`)}
          label=${t.t('plan.agreement.agreed')}
          .checked=${m.agreement?.agreed ?? false}
          ?disabled=${this.locked}
          @change=${(e: Event) => this.patchMeasure(index, { agreement: { ...m.agreement, agreed: (e.target as HTMLInputElement).checked } }, 'agreement.agreed')}
        ></fk-checkbox>
        <fk-textarea
          data-path=${`measures.${index}.agreement.personPosition`}
          .error=${this.errorAt(`measures.${index}.agreement.personPosition`)}
          label=${t.t('plan.agreement.position')}
          rows="2"
          .value=${m.agreement?.personPosition ?? ''}
          ?disabled=${dis}
          ?readonly=${ro}
          @input=${(e: Event) => {
            const text = (e.target as HTMLTextAreaElement).value;
            const { personPosition: _p, ...rest } = m.agreement ?? { agreed: false };
            this.patchMeasure(
              index,
              { agreement: text ? { ...rest, personPosition: text } : rest },
              'agreement.personPosition',
            );
          }}
        ></fk-textarea>
      </div>
      ${
        changed
          ? html`<fk-text-field
              data-path=${`measures.${index}.changeReason`}
              .error=${this.errorAt(`measures.${index}.changeReason`)}
              label=${t.t('plan.changeReason')}
              hint=${t.t('plan.changeReasonHint')}
              .value=${m.changeReason ?? ''}
              ?disabled=${dis}
              ?readonly=${ro}
              @input=${(e: Event) => this.patchMeasure(index, { changeReason: (e.target as HTMLInputElement).value }, 'changeReason')}
            ></fk-text-field>`
          : nothing
      }
      ${this.renderHistory(m)}`;
  }

  private renderDependencies(m: MeasureEntry, index: number, others: readonly MeasureEntry[]) {
    const t = this.i18n;
    const deps = m.dependsOn ?? [];
    const set = (next: NonNullable<MeasureEntry['dependsOn']>) =>
      this.patchMeasure(index, { dependsOn: next.length ? next : undefined }, 'dependsOn');
    return html`<div class="subsection" role="group" aria-labelledby=${`deps-${index}`}>
      <h4 id=${`deps-${index}`}>${t.t('plan.deps')}</h4>
      ${deps.map(
        (d, at) =>
          html`<div class="line">
            <fk-select
              data-path=${`measures.${index}.dependsOn.${at}.measureId`}
              .error=${this.errorAt(`measures.${index}.dependsOn.${at}.measureId`)}
              label=${t.t('plan.deps.measure')}
              .options=${others.map((o) => ({ value: o.id!, label: this.measureName(o) }))}
              .value=${d.measureId}
              ?disabled=${this.locked}
              @change=${(e: Event) => set(deps.map((x, i) => (i === at ? { ...x, measureId: (e.target as HTMLSelectElement).value } : x)))}
            ></fk-select>
            <fk-select
              data-path=${`measures.${index}.dependsOn.${at}.kind`}
              .error=${this.errorAt(`measures.${index}.dependsOn.${at}.kind`)}
              label=${t.t('plan.deps.kind')}
              .options=${(['after', 'parallel'] as const).map((k) => ({ value: k, label: t.t(`plan.deps.${k}`) }))}
              .value=${d.kind}
              ?disabled=${this.locked}
              @change=${(e: Event) => set(deps.map((x, i) => (i === at ? { ...x, kind: (e.target as HTMLSelectElement).value as 'after' } : x)))}
            ></fk-select>
            ${
              this.locked
                ? nothing
                : html`<button
                    type="button"
                    class="fk-button fk-button--small"
                    @click=${() => set(deps.filter((_, i) => i !== at))}
                  >
                    ${t.t('plan.remove')}<span class="fk-visually-hidden"
                      >: ${t.t('plan.deps.remove', { number: at + 1 })}</span
                    >
                  </button>`
            }
          </div>`,
      )}
      ${
        others.length === 0
          ? html`<p class="fk-hint">${t.t('plan.deps.none')}</p>`
          : this.locked
            ? nothing
            : html`<div class="actions">
                <button
                  type="button"
                  class="fk-button fk-button--small"
                  @click=${() => set([...deps, { measureId: others[0]!.id!, kind: 'after' }])}
                >
                  <span aria-hidden="true">+</span> ${t.t('plan.deps.add')}
                </button>
              </div>`
      }
    </div>`;
  }

  private renderAlternatives(m: MeasureEntry, index: number) {
    const t = this.i18n;
    const alts = m.alternatives ?? [];
    const set = (next: string[]) =>
      this.patchMeasure(index, { alternatives: next.length ? next : undefined }, 'alternatives');
    return html`<div class="subsection" role="group" aria-labelledby=${`alts-${index}`}>
      <h4 id=${`alts-${index}`}>${t.t('plan.alternatives')}</h4>
      ${alts.map(
        (a, at) =>
          html`<div class="line line--two">
            <fk-text-field
              data-path=${`measures.${index}.alternatives.${at}`}
              label=${t.t('plan.alternative', { number: at + 1 })}
              required
              .value=${a}
              .error=${this.errorAt(`measures.${index}.alternatives.${at}`)}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => set(alts.map((x, i) => (i === at ? (e.target as HTMLInputElement).value : x)))}
            ></fk-text-field>
            ${
              this.locked
                ? nothing
                : html`<button
                    type="button"
                    class="fk-button fk-button--small"
                    @click=${() => set(alts.filter((_, i) => i !== at))}
                  >
                    ${t.t('plan.remove')}<span class="fk-visually-hidden"
                      >: ${t.t('plan.alternatives.remove', { number: at + 1 })}</span
                    >
                  </button>`
            }
          </div>`,
      )}
      ${
        this.locked
          ? nothing
          : html`<div class="actions">
              <button type="button" class="fk-button fk-button--small" @click=${() => set([...alts, ''])}>
                <span aria-hidden="true">+</span> ${t.t('plan.alternatives.add')}
              </button>
            </div>`
      }
    </div>`;
  }

  private renderSecondBest(m: MeasureEntry, index: number) {
    const t = this.i18n;
    const sb = m.secondBest;
    const missing = this.f(index, 'secondBest.missingService');
    return html`<div class="subsection">
      <fk-checkbox
        data-path=${`measures.${index}.secondBest`}
        .error=${this.errorAt(`measures.${index}.secondBest`)}
        label=${t.t('plan.secondBest')}
        .checked=${!!sb}
        ?disabled=${this.locked}
        @change=${(e: Event) => this.patchMeasure(index, { secondBest: (e.target as HTMLInputElement).checked ? { missingService: '' } : undefined }, 'secondBest')}
      ></fk-checkbox>
      ${
        sb
          ? html`<fk-textarea
                data-path=${missing.path}
                label=${t.t('plan.secondBest.missing')}
                hint=${t.t('plan.secondBest.missingHint')}
                required
                rows="2"
                .value=${sb.missingService ?? ''}
                .error=${missing.error}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => this.patchMeasure(index, { secondBest: { ...sb, missingService: (e.target as HTMLTextAreaElement).value } }, 'secondBest.missingService')}
              ></fk-textarea>
              <div class="pair">
                <fk-text-field
                  data-path=${`measures.${index}.secondBest.serviceKind`}
                  .error=${this.errorAt(`measures.${index}.secondBest.serviceKind`)}
                  label=${t.t('plan.secondBest.kind')}
                  .value=${sb.serviceKind ?? ''}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.patchMeasure(index, { secondBest: { ...sb, serviceKind: (e.target as HTMLInputElement).value || undefined } }, 'secondBest.serviceKind')}
                ></fk-text-field>
                <fk-text-field
                  data-path=${`measures.${index}.secondBest.region`}
                  .error=${this.errorAt(`measures.${index}.secondBest.region`)}
                  label=${t.t('plan.secondBest.region')}
                  .value=${sb.region ?? ''}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.patchMeasure(index, { secondBest: { ...sb, region: (e.target as HTMLInputElement).value || undefined } }, 'secondBest.region')}
                ></fk-text-field>
              </div>`
          : nothing
      }
    </div>`;
  }

  private renderHistory(m: MeasureEntry) {
    const history = m.history ?? [];
    if (history.length === 0) return nothing;
    const t = this.i18n;
    return html`<details part="history">
      <summary>${t.t('plan.history', { count: t.number(history.length) })}</summary>
      <ol>
        ${history.map((h) => {
          const fields = Object.keys(h.previous)
            .map((k) =>
              k === 'status'
                ? `${t.t('plan.field.status')}: ${t.t(`plan.status.${h.previous.status ?? 'planned'}`)}`
                : k,
            )
            .join(', ');
          return html`<li>
            ${t.t('plan.history.entry', { date: t.date(h.changedOn), fields, reason: h.reason ? t.t('plan.history.reason', { reason: h.reason }) : '' })}
          </li>`;
        })}
      </ol>
    </details>`;
  }

  private renderPager(landmark: boolean) {
    const pages = this.pageCount;
    if (pages <= 1) return nothing;
    const t = this.i18n;
    const count = this.measures.length;
    const from = this.page * this.pageSize + 1;
    const to = Math.min(count, from + this.pageSize - 1);
    const content = html` <button
        type="button"
        class="fk-button fk-button--small"
        ?disabled=${this.page === 0}
        @click=${() => this.goToPage(this.page - 1)}
      >
        <span aria-hidden="true">←</span> ${t.t('plan.pagePrev')}
      </button>
      <span
        >${t.t('plan.pageRange', { from: t.number(from), to: t.number(to), count: t.number(count) })} ·
        ${t.t('plan.page', { page: t.number(this.page + 1), pages: t.number(pages) })}</span
      >
      <button
        type="button"
        class="fk-button fk-button--small"
        ?disabled=${this.page >= pages - 1}
        @click=${() => this.goToPage(this.page + 1)}
      >
        ${t.t('plan.pageNext')} <span aria-hidden="true">→</span>
      </button>`;
    // One landmark only; the second bar below the list repeats the buttons without a second nav.
    return landmark
      ? html`<nav class="pager" part="pager" aria-label=${t.t('plan.list')}>${content}</nav>`
      : html`<div class="pager" part="pager">${content}</div>`;
  }

  override render() {
    const t = this.i18n;
    const start = this.page * this.pageSize;
    const pageMeasures = this.measures.slice(start, start + this.pageSize);
    const rows = pageMeasures.map((m, i) => ({ m, index: start + i, key: this.keyOf(m, start + i) }));
    const hidden = Object.entries(this.redactions);
    return html`<div class="form" part="form">
      ${this.renderHeader()}
      ${this.locked ? nothing : html`<p class="lead">${t.t(this.together ? 'plan.togetherLead' : 'plan.lead')}</p>`}
      ${renderProfileHint(t, this.processStandard, 'measures', this.together)}
      ${this.renderRemoteChanged(t.t('plan.changedElsewhere'), t.t('plan.adoptRemote'))} ${this.renderRefusals()}
      ${this.renderTimeline()}
      <section class="plan-list" aria-labelledby="plan-list-heading">
        <h3 id="plan-list-heading" tabindex="-1">${t.t('plan.list')}</h3>
        ${this.renderPager(true)}
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
            (r) => this.renderRow(r.m, r.index),
          )}</fk-reorder-list
        >
        ${this.renderPager(false)}
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

/** A refusal's path inside a measure command (`['input', 'changes', 'title']`) as a path inside the measure. */
function toEntry(m: Measure): MeasureEntry {
  const { id, status, history, title, goalIds, by, agreement } = m;
  const entry: MeasureEntry = { id, title, goalIds, by, agreement, status, history };
  for (const key of [
    'description',
    'legalDomain',
    'costCarrier',
    'startOn',
    'endOn',
    'dependsOn',
    'alternatives',
    'secondBest',
  ] as const)
    if (m[key] !== undefined) (entry as Record<string, unknown>)[key] = m[key];
  return entry;
}
