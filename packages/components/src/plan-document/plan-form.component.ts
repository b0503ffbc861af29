import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  applicablePlanItems,
  createStandardRegistry,
  isRedactionMarker,
  recordPlanInput,
  sourceLabel,
  type CaseCommand,
  type CaseState,
  type PlanItem,
  type ProcessStandard,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { todayIso } from '../base/parts-schema.js';
import { planMessages } from './plan-document.messages.js';
import { planFormStyles } from './plan-form.styles.js';
import { caseCounts, type PlanFormData, type PlanFormValue } from './plan-form.schema.js';
import type { PlanFormView } from './plan-form.view.js';
import { participantsSection, planItem } from './plan-items.view.js';

export type { PlanFormData, PlanFormParticipant, PlanFormValue } from './plan-form.schema.js';

/**
 * The plan of a legal profile (stage 4 with its statute): Kooperationsplan (§ 15 SGB II), Hilfeplan
 * (§ 36 SGB VIII), Gesamtplan (§ 121 SGB IX). The form adapts to the case's standard: one field per
 * content item of the profile's plan document, with its label, whether the statute requires it
 * ("Pflicht"), expects it ("Soll") or allows it ("Kann"), and the provision it comes from (marked
 * where the value is not checked against the statute). Goals and measures come from the goal
 * agreement and the help plan; the form shows whether the plan has them. Missing required content
 * blocks the save (the core refuses it as PR-33 too); missing "should" content is a warning (PR-34).
 *
 * `together`: the shared-screen mode for planning with the person: plain German labels, large type,
 * the person's own words first.
 *
 * Standalone: pass `standard` (a legal profile); `value` is the form's value, `fk-submit` carries the
 * parsed `recordPlan` input. Connected: the standard is the case's own (by its recorded id and
 * version), the latest plan is the starting point, and saving sends `recordPlan`.
 *
 * @tagname fk-plan-form
 * @summary The plan document of the case's legal profile: required content per statute, the person's words first.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail`: the parsed `recordPlan` input. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the typed text stays.
 *
 * @csspart form - The outer container.
 * @csspart own-words - The person's own words.
 * @csspart items - The content items.
 * @csspart participants - The participants.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkPlanForm extends FkFormElement<PlanFormValue, PlanFormData, CaseState, CaseCommand> {
  static override catalog = planMessages;

  static override styles = planFormStyles;

  declare protected readonly i18n: LocalizeController<typeof planMessages.de>;
  protected override schema = recordPlanInput;

  /** The case's process standard (a legal profile). Connected: resolved from the case's recorded standard. */
  @property({ attribute: false }) standard?: ProcessStandard;

  /** Shared-screen mode: plain language, large type, the person's own words first. */
  @property({ type: Boolean, reflect: true }) together = false;

  /** The case as the view shows it (connected: set from the view); the form counts its goals and measures. */
  @property({ attribute: false }) caseState?: CaseState;

  protected override emptyValue(): PlanFormValue {
    return { recordedOn: todayIso(), participants: [], sections: {}, personsOwnWords: '', helpOutsideFamily: false };
  }

  /** The value as `recordPlan` takes it: sections as a list, empty texts and rows left out. */
  protected override forParsing(value: PlanFormValue): unknown {
    const sections = Object.entries(value.sections ?? {})
      .filter(([, text]) => text.trim() !== '')
      .map(([itemId, text]) => ({ itemId, text }));
    const participants = (value.participants ?? [])
      .filter((p) => p.name.trim() !== '' || p.role.trim() !== '')
      .map((p) => ({ name: p.name, role: p.role, ...(p.personId ? { personId: p.personId } : {}) }));
    return {
      ...(value.recordedOn ? { recordedOn: value.recordedOn } : {}),
      participants,
      sections,
      ...(value.personsOwnWords?.trim() ? { personsOwnWords: value.personsOwnWords } : {}),
      ...(this.hasOutsideFamilyItems() ? { helpOutsideFamily: value.helpOutsideFamily === true } : {}),
      ...(value.reviewOn ? { reviewOn: value.reviewOn } : {}),
    };
  }

  private hasOutsideFamilyItems(): boolean {
    return (this.standard?.plan?.items ?? []).some((i) => i.appliesWhen === 'helpOutsideFamily');
  }

  private items(): PlanItem[] {
    return this.standard
      ? applicablePlanItems(this.standard, { helpOutsideFamily: this.value?.helpOutsideFamily === true })
      : [];
  }

  private itemPresent(item: PlanItem, value: PlanFormValue): boolean {
    const counts = caseCounts(this.caseState);
    switch (item.from) {
      case 'text':
        return (value.sections?.[item.id] ?? '').trim() !== '';
      case 'participants':
        return (value.participants ?? []).some((p) => p.name.trim() !== '');
      case 'goals':
        return counts.goals > 0;
      case 'measures':
        return counts.measures > 0;
    }
  }

  private itemPath(item: PlanItem): string[] {
    return item.from === 'text' ? ['sections', item.id] : item.from === 'participants' ? ['participants'] : [item.from];
  }

  protected override validators(): readonly Validator<PlanFormValue>[] {
    const schema = schemaValidator<unknown>(recordPlanInput);
    return [
      { id: 'schema', validate: (value) => schema.validate(this.forParsing(value)) },
      {
        // The same content rule the core applies (PR-33 / PR-34), shown while typing.
        id: 'plan-content',
        validate: (value): Feedback[] =>
          this.items().flatMap((item): Feedback[] => {
            if (item.obligation === 'may' || this.itemPresent(item, value)) return [];
            const params = { label: this.i18n.text(item.label), paragraph: this.i18n.text(sourceLabel(item.source)) };
            return [
              item.obligation === 'must'
                ? {
                    type: 'error',
                    code: 'PROCESS_PLAN_CONTENT_MISSING',
                    rule: 'PR-33',
                    message: { key: 'plan.form.required', params },
                    path: this.itemPath(item),
                    flag: 'valueMissing',
                  }
                : {
                    type: 'warning',
                    code: 'PROCESS_PLAN_CONTENT_SHOULD',
                    rule: 'PR-34',
                    message: { key: 'plan.form.should', params },
                    path: this.itemPath(item),
                  },
            ];
          }),
      },
    ];
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): PlanFormValue {
    this.caseState = view;
    const own = createStandardRegistry(this.standard ? [this.standard] : []).get(view.processStandard);
    if (own !== undefined) this.standard = own;
    const latest = (view.plans ?? []).filter((p) => !isRedactionMarker(p)).at(-1);
    if (latest === undefined) return this.emptyValue();
    return {
      recordedOn: todayIso(),
      participants: latest.participants.map((p) => ({ ...p })),
      sections: Object.fromEntries(latest.sections.map((s) => [s.itemId, s.text])),
      personsOwnWords: latest.personsOwnWords ?? '',
      helpOutsideFamily: latest.helpOutsideFamily === true,
      ...(latest.reviewOn ? { reviewOn: latest.reviewOn } : {}),
    };
  }

  protected override commandsFor(data: PlanFormData): CaseCommand {
    return { type: 'recordPlan', caseId: this.connection.caseId, input: data };
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private label(item: PlanItem): string {
    return this.i18n.text(this.together && item.plainLabel ? item.plainLabel : item.label);
  }

  /** What the views read and may do (see `plan-form.view.ts`). */
  private view(): PlanFormView {
    return {
      t: this.i18n,
      value: this.value,
      locked: this.readonly || this.isDisabled,
      together: this.together,
      counts: caseCounts(this.caseState),
      items: this.items(),
      field: (path, options) => this.fieldAt(path, options),
      errorAt: (path) => this.errorAt(path),
      label: (item) => this.label(item),
      itemPath: (item) => this.itemPath(item),
      setParticipants: (participants) => this.setValue({ ...this.value, participants }, ['participants']),
    };
  }

  override render() {
    const t = this.i18n;
    const plan = this.standard?.plan;
    if (plan === undefined)
      return html`<div class="form" part="form">
        <p class="lead">${t.t('plan.noDocument')}</p>
        ${this.renderStatus()}
      </div>`;
    const v = this.value;
    const view = this.view();
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2>${t.text(plan.title)}</h2>
        <p class="meta">${t.text(this.standard!.name)}</p>
      </div>
      <p class="lead">
        ${this.together ? t.t('plan.form.togetherLead') : t.t('plan.form.lead', { title: t.text(sourceLabel(plan.source)) })}
      </p>
      ${this.renderRemoteChanged(t.t('plan.form.changedElsewhere'), t.t('plan.form.adoptRemote'))}
      ${this.renderRefusals()}
      <section class="section" part="own-words" aria-labelledby="own-words-heading">
        <h3 id="own-words-heading">${t.t('plan.ownWords')}</h3>
        <fk-textarea
          label=${t.t('plan.ownWordsLabel')}
          hint=${t.t('plan.ownWordsHint')}
          rows=${this.together ? 4 : 3}
          ${bind(this.fieldAt(['personsOwnWords']))}
        ></fk-textarea>
      </section>
      ${
        this.hasOutsideFamilyItems()
          ? html`<fk-checkbox
              data-path="helpOutsideFamily"
              label=${t.t('plan.form.helpOutsideFamily')}
              .checked=${v.helpOutsideFamily === true}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @change=${(e: FkFieldChangeEvent<boolean>) => this.setField('helpOutsideFamily', e.value)}
            ></fk-checkbox>`
          : nothing
      }
      ${participantsSection(view)}
      <section class="section" part="items" aria-labelledby="items-heading">
        <h3 id="items-heading">${t.t('plan.content')}</h3>
        ${view.items.map((item) => planItem(view, item))}
      </section>
      <div class="pair">
        <fk-date-field
          label=${t.t('plan.form.recordedOn')}
          ${bind(this.fieldAt(['recordedOn'], { optional: true }))}
        ></fk-date-field>
        <fk-date-field
          label=${t.t('plan.form.reviewOn')}
          ${bind(this.fieldAt(['reviewOn'], { optional: true }))}
        ></fk-date-field>
      </div>
      ${this.renderSubmitActions(t.t('plan.form.save'))} ${this.renderStatus()}
    </div>`;
  }
}
