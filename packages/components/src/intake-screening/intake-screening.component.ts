import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  DEFAULT_PROCESS_STANDARD,
  REFERRER_KINDS,
  checkCasefindingCriteriaInput,
  decideAdmissionInput,
  flagCrisisInput,
  isRedactionMarker,
  recordReferralInput,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type CaseState,
  type ProcessStandard,
  type RedactionMarker,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { intakeScreeningMessages } from './intake-screening.messages.js';
import { partsSchema, sameJson, todayIso } from '../base/parts-schema.js';

type AdmissionIn = CaseCommandInputIn<'decideAdmission'>;

/**
 * The value of `<fk-intake-screening>`: the inputs of the core's `recordReferral`,
 * `checkCasefindingCriteria`, `decideAdmission` and (when flagged) `flagCrisis` commands. `admitted`
 * and `complexNeeds` stay unset until a person decides (DP-27).
 */
export interface IntakeScreeningValue {
  referral: CaseCommandInputIn<'recordReferral'>;
  check: Omit<CaseCommandInputIn<'checkCasefindingCriteria'>, 'complexNeeds'> & { complexNeeds?: boolean };
  admission: Omit<AdmissionIn, 'admitted'> & { admitted?: boolean };
  crisis?: CaseCommandInputIn<'flagCrisis'>;
}

/** The validated data `fk-submit` carries: the parsed command inputs. */
export interface IntakeScreeningData {
  referral: CaseCommandInput<'recordReferral'>;
  check: CaseCommandInput<'checkCasefindingCriteria'>;
  admission: CaseCommandInput<'decideAdmission'>;
  crisis?: CaseCommandInput<'flagCrisis'>;
}

/** The casefinding part of a process standard (criteria with labels and optional descriptions). */
export type CasefindingStandard = ProcessStandard['casefinding'];

const PART_COMMANDS = {
  referral: 'recordReferral',
  check: 'checkCasefindingCriteria',
  admission: 'decideAdmission',
  crisis: 'flagCrisis',
} as const;

type Part = keyof typeof PART_COMMANDS;

/** The misrouting a decision shows against the check (DOMAIN.md 4.1), if any. */
export function misrouting(
  value: Pick<IntakeScreeningValue, 'check' | 'admission'>,
): 'admittedWithout' | 'refusedWith' | undefined {
  const admitted = value.admission?.admitted;
  const complex = value.check?.complexNeeds;
  if (admitted === undefined || complex === undefined || admitted === complex) return undefined;
  return admitted ? 'admittedWithout' : 'refusedWith';
}

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

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .criteria {
        display: flex;
        flex-direction: column;
        gap: ${token('space-xs')};
      }
      .criterion {
        padding: ${token('space-xs')} ${token('space-s')};
        border-radius: ${token('radius-m')};
        border: ${token('border-width')} solid transparent;
      }
      .criterion[data-met] {
        border-color: ${token('color-primary-subtle')};
        background: ${token('color-primary-subtle')};
      }
      .criterion fk-text-field {
        margin-block-start: ${token('space-2xs')};
        margin-inline-start: ${token('space-l')};
      }
      @container (max-width: 30rem) {
        .criterion fk-text-field {
          margin-inline-start: 0;
        }
      }
      .count {
        font-weight: ${token('font-weight-strong')};
      }
      .crisis[data-flagged] {
        border-inline-start: 4px solid ${token('color-danger')};
      }
    `,
  ];

  declare protected readonly i18n: LocalizeController<typeof intakeScreeningMessages.de>;

  protected override schema = partsSchema<IntakeScreeningData>({
    referral: { schema: recordReferralInput },
    check: { schema: checkCasefindingCriteriaInput },
    admission: { schema: decideAdmissionInput },
    crisis: { schema: flagCrisisInput, optional: true },
  });

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
    const schema = schemaValidator<IntakeScreeningValue>(this.schema);
    return [
      {
        id: 'schema',
        // A deviation reason is only part of the decision when there is a deviation.
        validate: (value) => schema.validate(this.forParsing(value)),
      },
      {
        id: 'misrouting',
        validate: (value): Feedback[] =>
          misrouting(value) && !(value.admission.deviationReason ?? '').trim()
            ? [
                {
                  type: 'error',
                  code: 'MISROUTING_REASON_MISSING',
                  rule: 'DP-27',
                  message: { key: 'intake.deviationRequired' },
                  path: ['admission', 'deviationReason'],
                  flag: 'valueMissing',
                },
              ]
            : [],
      },
    ];
  }

  /** The value as the core's schemas should see it: no deviation reason without a deviation. */
  protected override forParsing(value: IntakeScreeningValue): IntakeScreeningValue {
    if (misrouting(value) || value.admission.deviationReason === undefined) return value;
    const { deviationReason: _drop, ...admission } = value.admission;
    return { ...value, admission };
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): IntakeScreeningValue {
    const redactions: Partial<Record<Part, RedactionMarker>> = {};
    const last = <T>(items: readonly unknown[] | undefined, part: Part): T | undefined => {
      const list = items ?? [];
      const item = list[list.length - 1];
      if (isRedactionMarker(item)) {
        redactions[part] = item;
        return undefined;
      }
      return item as T | undefined;
    };
    const empty = this.emptyValue();
    const referral = last<CaseState['referrals'][number]>(view.referrals, 'referral');
    const check = last<CaseState['casefindingChecks'][number]>(view.casefindingChecks, 'check');
    const admission = last<NonNullable<CaseState['admission']>>(view.admission ? [view.admission] : [], 'admission');
    const crises = (view.crises ?? []).filter((c) => isRedactionMarker(c) || !c.resolvedOn);
    const crisis = last<CaseState['crises'][number]>(crises, 'crisis');
    const value: IntakeScreeningValue = {
      referral: referral
        ? {
            referrer: { ...referral.referrer },
            referredOn: referral.referredOn,
            reason: referral.reason,
          }
        : empty.referral,
      check: check
        ? {
            checkedOn: check.checkedOn,
            criteria: this.mergeCriteria(check.criteria, this.standard.criteria),
            targetGroupCriteria: this.mergeCriteria(check.targetGroupCriteria, this.standard.targetGroupCriteria),
            complexNeeds: check.complexNeeds,
            ...(check.summary ? { summary: check.summary } : {}),
          }
        : empty.check,
      admission: admission
        ? {
            decidedOn: admission.decidedOn,
            admitted: admission.admitted,
            reasons: admission.reasons,
            ...(admission.deviationReason ? { deviationReason: admission.deviationReason } : {}),
            ...(admission.referredElsewhereTo ? { referredElsewhereTo: admission.referredElsewhereTo } : {}),
          }
        : empty.admission,
      ...(crisis
        ? {
            crisis: {
              flaggedOn: crisis.flaggedOn,
              description: crisis.description,
              ...(crisis.immediateHelp ? { immediateHelp: crisis.immediateHelp } : {}),
            },
          }
        : {}),
    };
    this.redactions = redactions;
    this.loaded = value;
    return value;
  }

  private mergeCriteria(
    checked: readonly { criterionId: string; met: boolean | null; explanation?: string }[],
    standard: readonly { id: string }[],
  ) {
    const byId = new Map(checked.map((c) => [c.criterionId, c]));
    const merged = standard.map((c) => ({ ...(byId.get(c.id) ?? { criterionId: c.id, met: false }) }));
    for (const c of checked) if (!standard.some((s) => s.id === c.criterionId)) merged.push({ ...c });
    return merged;
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

  private redacted(part: Part, label: string) {
    const marker = this.redactions[part];
    return marker ? html`<fk-redacted label=${label} .marker=${marker}></fk-redacted>` : undefined;
  }

  private renderReferral() {
    const t = this.i18n;
    const r = this.value.referral;
    return html`<section class="section" part="referral" aria-labelledby="referral-heading">
      <h3 id="referral-heading">${t.t('intake.referral')}</h3>
      ${
        this.redacted('referral', t.t('intake.referral')) ??
        html`<div class="pair">
            <fk-select
              data-path="referral.referrer.kind"
              label=${t.t('intake.referrerKind')}
              required
              .options=${REFERRER_KINDS.map((k) => ({ value: k, label: t.t(`intake.referrerKind.${k}`) }))}
              .value=${r.referrer.kind}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @change=${(e: Event) => this.setField('referral.referrer.kind', (e.target as HTMLSelectElement).value)}
            ></fk-select>
            <fk-text-field
              data-path="referral.referrer.name"
              label=${t.t('intake.referrerName')}
              required
              .value=${r.referrer.name}
              .error=${this.errorAt('referral.referrer.name')}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => this.setField('referral.referrer.name', (e.target as HTMLInputElement).value)}
            ></fk-text-field>
          </div>
          <fk-textarea
            data-path="referral.reason"
            label=${t.t('intake.reason')}
            hint=${t.t('intake.reasonHint')}
            required
            rows="3"
            .value=${r.reason}
            .error=${this.errorAt('referral.reason')}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @input=${(e: Event) => this.setField('referral.reason', (e.target as HTMLTextAreaElement).value)}
          ></fk-textarea>
          <fk-date-field
            data-path="referral.referredOn"
            label=${t.t('intake.referredOn')}
            required
            .value=${r.referredOn}
            .error=${this.errorAt('referral.referredOn')}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.setField('referral.referredOn', (e.target as HTMLInputElement).value)}
          ></fk-date-field>`
      }
    </section>`;
  }

  private criterionText(c: {
    id: string;
    label: { de: string; en: string };
    description?: { de: string; en: string };
  }) {
    const t = this.i18n;
    const key = `intake.criterion.${c.id}`;
    return c.description ? t.text(c.description) : t.has(key) ? t.t(key as 'intake.title') : undefined;
  }

  private renderCriteriaList(list: 'criteria' | 'targetGroupCriteria') {
    const defs = list === 'criteria' ? this.standard.criteria : this.standard.targetGroupCriteria;
    const items = this.value.check[list] ?? [];
    const t = this.i18n;
    return items.map((item, i) => {
      const def = defs.find((d) => d.id === item.criterionId);
      const label = def ? t.text(def.label) : item.criterionId;
      const path = `check.${list}.${i}`;
      return html`<li class="criterion" part="criterion" ?data-met=${item.met === true}>
        <fk-checkbox
          data-path=${`${path}.met`}
          label=${label}
          hint=${(def && this.criterionText(def)) ?? nothing}
          .checked=${item.met === true}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setCriterion(list, i, { met: (e.target as HTMLInputElement).checked })}
        ></fk-checkbox>
        ${
          item.met === true
            ? html`<fk-text-field
                data-path=${`${path}.explanation`}
                label=${t.t('intake.explanation')}
                .value=${item.explanation ?? ''}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => this.setCriterion(list, i, { explanation: (e.target as HTMLInputElement).value })}
              ></fk-text-field>`
            : nothing
        }
      </li>`;
    });
  }

  private renderCriteria() {
    const t = this.i18n;
    const check = this.value.check;
    const met = check.criteria.filter((c) => c.met === true).length;
    const blocked = this.redacted('check', t.t('intake.criteria'));
    return html`<section class="section" part="criteria" aria-labelledby="criteria-heading">
      <div class="section-head">
        <h3 id="criteria-heading">${t.t('intake.criteria')}</h3>
        ${blocked ? nothing : html`<span class="badge badge--info count">${t.t('intake.criteriaCount', { met, count: check.criteria.length })}</span>`}
      </div>
      ${
        blocked ??
        html`<p class="lead">${t.t('intake.criteriaLead')}</p>
          <ul class="plain criteria">
            ${this.renderCriteriaList('criteria')}
          </ul>
          ${
            (check.targetGroupCriteria ?? []).length
              ? html`<h4>${t.t('intake.targetGroup')}</h4>
                  <ul class="plain criteria">
                    ${this.renderCriteriaList('targetGroupCriteria')}
                  </ul>`
              : nothing
          }
          ${this.standard.minimumMet ? html`<p class="fk-hint">${t.t('intake.criteriaMinimum', { minimum: this.standard.minimumMet })}</p>` : nothing}
          <fk-radio-group
            data-path="check.complexNeeds"
            label=${t.t('intake.complexNeeds')}
            hint=${t.t('intake.complexNeedsHint')}
            required
            inline
            .options=${[
              { value: 'yes', label: t.t('intake.complexNeeds.yes') },
              { value: 'no', label: t.t('intake.complexNeeds.no') },
            ]}
            .value=${check.complexNeeds === undefined ? '' : check.complexNeeds ? 'yes' : 'no'}
            .error=${this.errorAt('check.complexNeeds')}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.setField('check.complexNeeds', (e.target as HTMLInputElement).value === 'yes')}
          ></fk-radio-group>
          <fk-textarea
            data-path="check.summary"
            label=${t.t('intake.summary')}
            rows="2"
            .value=${check.summary ?? ''}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @input=${(e: Event) => this.setField('check.summary', (e.target as HTMLTextAreaElement).value)}
          ></fk-textarea>`
      }
    </section>`;
  }

  private renderDecision() {
    const t = this.i18n;
    const a = this.value.admission;
    const deviation = misrouting(this.value);
    return html`<section class="section" part="decision" aria-labelledby="decision-heading">
      <h3 id="decision-heading">${t.t('intake.decision')}</h3>
      ${
        this.redacted('admission', t.t('intake.decision')) ??
        html`${
            this.automated
              ? html`<p class="notice notice--warn" part="automated">${t.t('intake.automatedActor')}</p>`
              : html`<p class="fk-hint">${t.t('intake.humanDecision')}</p>`
          }
          <fk-radio-group
            data-path="admission.admitted"
            label=${t.t('intake.admitted')}
            required
            inline
            .options=${[
              { value: 'yes', label: t.t('intake.admitted.yes') },
              { value: 'no', label: t.t('intake.admitted.no') },
            ]}
            .value=${a.admitted === undefined ? '' : a.admitted ? 'yes' : 'no'}
            .error=${this.errorAt('admission.admitted')}
            ?disabled=${this.isDisabled || this.automated}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.setField('admission.admitted', (e.target as HTMLInputElement).value === 'yes')}
          ></fk-radio-group>
          ${
            deviation
              ? html`<p class="notice notice--warn" part="misrouting">${t.t(`intake.misrouting.${deviation}`)}</p>
                  <fk-textarea
                    data-path="admission.deviationReason"
                    label=${t.t('intake.deviationReason')}
                    required
                    rows="2"
                    .value=${a.deviationReason ?? ''}
                    .error=${this.errorAt('admission.deviationReason')}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly}
                    @input=${(e: Event) => this.setField('admission.deviationReason', (e.target as HTMLTextAreaElement).value)}
                  ></fk-textarea>`
              : nothing
          }
          <fk-textarea
            data-path="admission.reasons"
            label=${t.t('intake.reasons')}
            hint=${t.t('intake.reasonsHint')}
            required
            rows="3"
            .value=${a.reasons ?? ''}
            .error=${this.errorAt('admission.reasons')}
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly}
            @input=${(e: Event) => this.setField('admission.reasons', (e.target as HTMLTextAreaElement).value)}
          ></fk-textarea>
          <div class="pair">
            <fk-date-field
              data-path="admission.decidedOn"
              label=${t.t('intake.decidedOn')}
              .value=${a.decidedOn ?? ''}
              .error=${this.errorAt('admission.decidedOn')}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @change=${(e: Event) => this.setField('admission.decidedOn', (e.target as HTMLInputElement).value || undefined)}
            ></fk-date-field>
            ${
              a.admitted === false
                ? html`<fk-text-field
                    data-path="admission.referredElsewhereTo"
                    label=${t.t('intake.referredElsewhereTo')}
                    .value=${a.referredElsewhereTo ?? ''}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly}
                    @input=${(e: Event) => this.setField('admission.referredElsewhereTo', (e.target as HTMLInputElement).value)}
                  ></fk-text-field>`
                : nothing
            }
          </div>`
      }
    </section>`;
  }

  private renderCrisis() {
    const t = this.i18n;
    const c = this.value.crisis;
    const fromCase = this.loaded?.crisis !== undefined && sameJson(c, this.loaded.crisis);
    return html`<section
      class="section crisis"
      part="crisis"
      aria-labelledby="crisis-heading"
      ?data-flagged=${c !== undefined}
    >
      <h3 id="crisis-heading">${t.t('intake.crisis')}</h3>
      ${
        this.redacted('crisis', t.t('intake.crisis')) ??
        html`<fk-checkbox
            data-path="crisis"
            label=${t.t('intake.crisisFlag')}
            hint=${t.t('intake.crisisHint')}
            .checked=${c !== undefined}
            ?disabled=${this.isDisabled || fromCase}
            ?readonly=${this.readonly}
            @change=${(e: Event) => this.toggleCrisis((e.target as HTMLInputElement).checked)}
          ></fk-checkbox>
          ${c && fromCase ? html`<p class="badge badge--warn">${t.t('intake.crisisOpen', { date: t.date(c.flaggedOn ?? todayIso()) })}</p>` : nothing}
          ${
            c
              ? html`<fk-textarea
                    data-path="crisis.description"
                    label=${t.t('intake.crisisDescription')}
                    required
                    rows="2"
                    .value=${c.description}
                    .error=${this.errorAt('crisis.description')}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly || fromCase}
                    @input=${(e: Event) => this.setField('crisis.description', (e.target as HTMLTextAreaElement).value)}
                  ></fk-textarea>
                  <fk-textarea
                    data-path="crisis.immediateHelp"
                    label=${t.t('intake.crisisHelp')}
                    rows="2"
                    .value=${c.immediateHelp ?? ''}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly || fromCase}
                    @input=${(e: Event) => this.setField('crisis.immediateHelp', (e.target as HTMLTextAreaElement).value)}
                  ></fk-textarea>`
              : nothing
          }`
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const editable = !this.readonly && !this.isDisabled;
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2>${t.t('intake.title')}</h2>
      </div>
      ${editable ? html`<p class="lead">${t.t('intake.lead')}</p>` : nothing}
      ${this.renderRemoteChanged(t.t('intake.changedElsewhere'), t.t('intake.adoptRemote'))} ${this.renderRefusals()}
      ${this.renderReferral()} ${this.renderCriteria()} ${this.renderDecision()} ${this.renderCrisis()}
      ${this.renderSubmitActions(t.t('intake.save'))} ${this.renderStatus()}
    </div>`;
  }
}
