import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { DEFAULT_PROCESS_STANDARD, type CaseCommand, type CaseState, type RedactionMarker } from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import type { Validator } from '../base/validator.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sameJson, todayIso } from '../base/parts-schema.js';
import { intakeScreeningMessages } from './intake-screening.messages.js';
import { intakeScreeningStyles } from './intake-screening.styles.js';
import {
  PART_COMMANDS,
  intakeForParsing,
  intakeScreeningSchema,
  intakeValidators,
  type CasefindingStandard,
  type IntakeScreeningData,
  type IntakeScreeningValue,
  type Part,
} from './intake-screening.schema.js';
import { intakeFromCase } from './intake-screening.from-case.js';
import type { IntakeScreeningView } from './intake-screening.view.js';
import { referralSection } from './referral.view.js';
import { criteriaSection } from './criteria.view.js';
import { decisionSection } from './decision.view.js';
import { crisisSection } from './crisis.view.js';

export { misrouting } from './intake-screening.schema.js';
export type { CasefindingStandard, IntakeScreeningData, IntakeScreeningValue } from './intake-screening.schema.js';

/**
 * Zuweisung and access screening (DOMAIN.md 4.1): who referred the person and why, the written
 * casefinding criteria of the process standard as a checklist with explanations, the overall
 * judgement, the admission decision with reasons, and a crisis flag. When the decision goes against
 * the check (admitted without complex needs, sent away despite them) the form says so and asks for a
 * reason, so misrouting stays visible in the reports. Nothing is decided automatically: the
 * decision fields start empty and a person sets them (DP-27).
 *
 * Standalone: `value` holds the four command inputs; `fk-submit` carries them parsed. Connected
 * (inside `<fk-case-provider>`): loads the latest referral, check, decision and open crisis of the
 * case and saves only the parts that changed, in process order (`recordReferral`,
 * `checkCasefindingCriteria`, `decideAdmission`, `flagCrisis`); withheld parts show why (DP-24).
 *
 * @tagname fk-intake-screening
 * @summary Referral, casefinding criteria, admission decision with misrouting check, crisis flag.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail`: `{ referral, check, admission, crisis? }` parsed. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the typed text stays.
 *
 * @csspart form - The outer container.
 * @csspart header - Title and lead.
 * @csspart referral - The referral section.
 * @csspart criteria - The casefinding checklist.
 * @csspart criterion - One criterion of the checklist.
 * @csspart decision - The admission decision.
 * @csspart misrouting - The notice shown when the decision deviates from the check.
 * @csspart automated - The notice that a system account may not decide on admission (DP-27).
 * @csspart crisis - The crisis section.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-warning - The misrouting notice.
 * @cssproperty --fk-color-danger - The crisis section's edge.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkIntakeScreening extends FkFormElement<
  IntakeScreeningValue,
  IntakeScreeningData,
  CaseState,
  CaseCommand
> {
  static override catalog = intakeScreeningMessages;

  static override styles = intakeScreeningStyles;

  declare protected readonly i18n: LocalizeController<typeof intakeScreeningMessages.de>;
  protected override schema = intakeScreeningSchema();

  /** The casefinding part of the process standard: its written criteria (default: seed 003's). */
  @property({ attribute: false }) standard: CasefindingStandard = DEFAULT_PROCESS_STANDARD.casefinding;

  /** Parts the data-protection view withheld (`referral`, `check`, `admission`, `crisis`). */
  @property({ attribute: false }) redactions: Readonly<Partial<Record<Part, RedactionMarker>>> = {};

  /** The value as loaded from the case: only parts that differ from it are saved. */
  private loaded?: IntakeScreeningValue;

  protected override emptyValue(): IntakeScreeningValue {
    return {
      referral: { referrer: { kind: 'agency', name: '' }, referredOn: todayIso(), reason: '' },
      check: {
        checkedOn: todayIso(),
        criteria: this.standard.criteria.map((c) => ({ criterionId: c.id, met: false })),
        targetGroupCriteria: this.standard.targetGroupCriteria.map((c) => ({ criterionId: c.id, met: false })),
      },
      admission: { decidedOn: todayIso(), reasons: '' },
    };
  }
  protected override validators(): readonly Validator<IntakeScreeningValue>[] {
    return intakeValidators(this.schema);
  }

  /** The value as the core's schemas should see it: no deviation reason without a deviation. */
  protected override forParsing(value: IntakeScreeningValue): IntakeScreeningValue {
    return intakeForParsing(value);
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): IntakeScreeningValue {
    const { value, redactions } = intakeFromCase(view, this.standard, this.emptyValue());
    this.redactions = redactions;
    this.loaded = value;
    return value;
  }

  protected override commandsFor(data: IntakeScreeningData): CaseCommand[] {
    const caseId = this.connection.caseId;
    const commands: CaseCommand[] = [];
    for (const part of Object.keys(PART_COMMANDS) as Part[]) {
      const input = data[part];
      if (input === undefined || this.redactions[part]) continue;
      if (this.loaded && sameJson(this.value[part], this.loaded[part])) continue;
      commands.push({ type: PART_COMMANDS[part], caseId, input } as CaseCommand);
    }
    return commands;
  }

  protected override async save(data: IntakeScreeningData) {
    const result = await super.save(data);
    if (result.ok) this.loaded = this.value;
    return result;
  }

  /** Whether the acting user is a system account: it may not decide on admission (DP-27). */
  private get automated(): boolean {
    return this.connection.request?.actor.role === 'system';
  }

  // ---- edits ----------------------------------------------------------------------------------------

  private setCriterion(list: 'criteria' | 'targetGroupCriteria', index: number, patch: Record<string, unknown>): void {
    const items = [...(this.value.check[list] ?? [])];
    const item = items[index];
    if (!item) return;
    const next = { ...item, ...patch };
    if (next.met !== true) delete (next as { explanation?: string }).explanation;
    items[index] = next;
    this.setValue({ ...this.value, check: { ...this.value.check, [list]: items } }, ['check', list, index]);
  }

  private toggleCrisis(on: boolean): void {
    if (on) this.setValue({ ...this.value, crisis: { flaggedOn: todayIso(), description: '' } }, 'crisis');
    else {
      const { crisis: _drop, ...rest } = this.value;
      this.setValue(rest as IntakeScreeningValue, 'crisis');
    }
  }

  // ---- rendering ------------------------------------------------------------------------------------

  /** What the section views read and may do (see `intake-screening.view.ts`). */
  private view(): IntakeScreeningView {
    return {
      t: this.i18n,
      value: this.value,
      disabled: this.isDisabled,
      readonly: this.readonly,
      automated: this.automated,
      standard: this.standard,
      loaded: this.loaded,
      redactions: this.redactions,
      field: (path, options) => this.fieldAt(path, options),
      errorAt: (path) => this.errorAt(path),
      setField: (path, value) => this.setField(path, value),
      setCriterion: (list, index, patch) => this.setCriterion(list, index, patch),
      toggleCrisis: (on) => this.toggleCrisis(on),
    };
  }

  override render() {
    const t = this.i18n;
    const view = this.view();
    const editable = !this.readonly && !this.isDisabled;
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2>${t.t('intake.title')}</h2>
      </div>
      ${editable ? html`<p class="lead">${t.t('intake.lead')}</p>` : nothing}
      ${this.renderRemoteChanged(t.t('intake.changedElsewhere'), t.t('intake.adoptRemote'))} ${this.renderRefusals()}
      ${referralSection(view)} ${criteriaSection(view)} ${decisionSection(view)} ${crisisSection(view)}
      ${this.renderSubmitActions(t.t('intake.save'))} ${this.renderStatus()}
    </div>`;
  }
}
