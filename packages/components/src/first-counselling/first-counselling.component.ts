import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  COOPERATION_BARRIERS,
  COOPERATION_LEVELS,
  isRedactionMarker,
  recordFirstCounsellingInput,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type CaseState,
  type InterpreterNeed,
  type RedactionMarker,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { withoutMarkers } from '../shared/view-redactions.js';
import { todayIso } from '../base/parts-schema.js';
import { firstCounsellingMessages } from './first-counselling.messages.js';

type In = CaseCommandInputIn<'recordFirstCounselling'>;
type Level = (typeof COOPERATION_LEVELS)[number];

/**
 * The value of `<fk-first-counselling>`: the input of the core's `recordFirstCounselling`. The
 * judgements (motivation, willingness, ability) and the decision start unset: a person records them.
 */
export type FirstCounsellingValue = Omit<
  In,
  'motivation' | 'willingnessToCooperate' | 'abilityToCooperate' | 'decision'
> & {
  motivation: { level?: Level; note?: string };
  willingnessToCooperate?: Level;
  abilityToCooperate?: Level;
  decision: { kind?: 'assessment' | 'noFurtherMeasures'; reason?: string; referredElsewhereTo?: string };
};

/** The validated data `fk-submit` carries: the parsed `recordFirstCounselling` input. */
export type FirstCounsellingData = CaseCommandInput<'recordFirstCounselling'>;

/** What the form shows about the person's languages (connected: from the case's addressee). */
export interface PersonLanguageInfo {
  readonly languages?: readonly string[];
  readonly interpreter?: InterpreterNeed;
}

const INFO_KEYS = [
  'processExplained',
  'rolesExplained',
  'chancesAndDemandsExplained',
  'dataProtectionExplained',
] as const;

/** Whether a decision refuses case management over language without an interpreter (DOMAIN.md 4.2). */
export function refusesOverLanguage(
  value: Pick<FirstCounsellingValue, 'decision' | 'barriers' | 'interpreterUsed'>,
): boolean {
  return (
    value.decision?.kind === 'noFurtherMeasures' &&
    (value.barriers ?? []).includes('language') &&
    value.interpreterUsed !== true
  );
}

/**
 * Erstberatung (stage 1, DOMAIN.md 4.2): the concern in the person's words, a first picture of
 * problems and resources, the impression of motivation, willingness and ability to cooperate kept
 * apart (refusal is often fear, language or cognition), interpreting, what the person was told about
 * the process, the first oral contract, and the decision: case management (assessment next) or no
 * further measures with a reason and where the person was referred instead. Language is never a
 * reason to refuse: "no further measures" with a language barrier and no interpreter is blocked.
 *
 * Standalone: `value` is the input of `recordFirstCounselling`; `fk-submit` carries it parsed.
 * Connected: loads the case's Erstberatung and the addressee's languages, saves with
 * `recordFirstCounselling`; withheld fields show why (DP-24).
 *
 * @tagname fk-first-counselling
 * @summary Erstberatung: concern, first picture, willingness vs ability, interpreting, information, oral contract, decision.
 *
 * @event change - The user changed the value. `detail: { value, valid }`.
 * @event fk-submit - Valid data to save. `detail`: the parsed `recordFirstCounselling` input. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the typed text stays.
 *
 * @csspart form - The outer container.
 * @csspart header - Title and lead.
 * @csspart concern - The concern and first picture.
 * @csspart cooperation - Motivation, willingness and ability, barriers.
 * @csspart language - Language and interpreting.
 * @csspart information - Information given and the oral contract.
 * @csspart decision - The decision.
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-info - The "willingness is not ability" note.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkFirstCounselling extends FkFormElement<
  FirstCounsellingValue,
  FirstCounsellingData,
  CaseState,
  CaseCommand
> {
  static override catalog = firstCounsellingMessages;

  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .facts {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')};
      }
    `,
  ];

  declare protected readonly i18n: LocalizeController<typeof firstCounsellingMessages.de>;
  protected override schema = recordFirstCounsellingInput;

  /** The person's languages and interpreter need (connected: from the addressee in the case). */
  @property({ attribute: false }) person?: PersonLanguageInfo;

  /** Fields the data-protection view withheld, keyed by field name (`concernInOwnWords`, `firstCounselling`). */
  @property({ attribute: false }) redactions: Readonly<Record<string, RedactionMarker>> = {};

  protected override emptyValue(): FirstCounsellingValue {
    return {
      heldOn: todayIso(),
      concernInOwnWords: '',
      firstPictureProblems: '',
      firstPictureResources: '',
      motivation: {},
      barriers: [],
      informationGiven: {
        processExplained: false,
        rolesExplained: false,
        chancesAndDemandsExplained: false,
        dataProtectionExplained: false,
      },
      oralContract: { made: false },
      decision: {},
    };
  }

  /** The value as the core's schema should see it: a decision carries only its own fields. */
  protected override forParsing(value: FirstCounsellingValue): unknown {
    const d = value.decision ?? {};
    const decision =
      d.kind === 'noFurtherMeasures'
        ? {
            kind: d.kind,
            reason: d.reason ?? '',
            ...(d.referredElsewhereTo?.trim() ? { referredElsewhereTo: d.referredElsewhereTo } : {}),
          }
        : d.kind === 'assessment'
          ? { kind: d.kind }
          : d;
    return { ...value, decision };
  }

  protected override validators(): readonly Validator<FirstCounsellingValue>[] {
    const schema = schemaValidator<unknown>(recordFirstCounsellingInput);
    return [
      { id: 'schema', validate: (value) => schema.validate(this.forParsing(value)) },
      {
        id: 'language-never-a-reason',
        validate: (value): Feedback[] =>
          refusesOverLanguage(value)
            ? [
                {
                  type: 'error',
                  code: 'LANGUAGE_NOT_A_REASON',
                  rule: 'DOMAIN-4.2',
                  message: { key: 'fc.languageRefusal' },
                  path: ['decision', 'kind'],
                },
              ]
            : [],
      },
      {
        id: 'willingness-is-not-ability',
        validate: (value): Feedback[] =>
          value.willingnessToCooperate === 'low' && (value.barriers ?? []).length === 0
            ? [
                {
                  type: 'info',
                  code: 'CHECK_BARRIERS',
                  message: { key: 'fc.lowWillingnessHint' },
                  path: ['willingnessToCooperate'],
                },
              ]
            : [],
      },
    ];
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): FirstCounsellingValue {
    const addressee = (view.persons ?? []).find((p) => !isRedactionMarker(p) && p.id === view.addresseeId);
    if (addressee) {
      const languages = isRedactionMarker(addressee.languages) ? undefined : addressee.languages;
      const interpreter = isRedactionMarker(addressee.interpreter) ? undefined : addressee.interpreter;
      this.person = { ...(languages ? { languages } : {}), ...(interpreter ? { interpreter } : {}) };
    }
    const record = view.firstCounselling as unknown;
    if (isRedactionMarker(record)) {
      this.redactions = { firstCounselling: record };
      return this.emptyValue();
    }
    if (!record) {
      this.redactions = {};
      return this.emptyValue();
    }
    const found: Record<string, RedactionMarker> = {};
    const fc = withoutMarkers(record as NonNullable<CaseState['firstCounselling']>, '', found);
    this.redactions = Object.fromEntries(Object.entries(found).map(([k, m]) => [k.slice(1), m]));
    return {
      heldOn: fc.heldOn,
      participantIds: fc.participantIds,
      ...(fc.interpreterUsed === undefined ? {} : { interpreterUsed: fc.interpreterUsed }),
      concernInOwnWords: fc.concernInOwnWords ?? '',
      firstPictureProblems: fc.firstPictureProblems ?? '',
      firstPictureResources: fc.firstPictureResources ?? '',
      motivation: fc.motivation ?? {},
      ...(fc.willingnessToCooperate ? { willingnessToCooperate: fc.willingnessToCooperate } : {}),
      ...(fc.abilityToCooperate ? { abilityToCooperate: fc.abilityToCooperate } : {}),
      barriers: fc.barriers ?? [],
      informationGiven: fc.informationGiven ?? this.emptyValue().informationGiven,
      oralContract: fc.oralContract ?? { made: false },
      decision: fc.decision ?? {},
    };
  }

  protected override commandsFor(data: FirstCounsellingData): CaseCommand {
    return { type: 'recordFirstCounselling', caseId: this.connection.caseId, input: data };
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private textArea(path: string, label: string, rows: number, options: { hint?: string; required?: boolean } = {}) {
    const field = path.split('.').pop()!;
    const marker = this.redactions[field];
    if (marker && !path.includes('.')) return html`<fk-redacted label=${label} .marker=${marker}></fk-redacted>`;
    const value = path
      .split('.')
      .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], this.value);
    return html`<fk-textarea
      data-path=${path}
      label=${label}
      hint=${options.hint ?? nothing}
      ?required=${options.required === true}
      rows=${rows}
      .value=${(value as string | undefined) ?? ''}
      .error=${this.errorAt(path)}
      .warning=${this.warningAt(path)}
      ?disabled=${this.isDisabled}
      ?readonly=${this.readonly}
      @input=${(e: Event) => this.setField(path, (e.target as HTMLTextAreaElement).value)}
    ></fk-textarea>`;
  }

  private levelGroup(path: 'motivation.level' | 'willingnessToCooperate' | 'abilityToCooperate', label: string) {
    const t = this.i18n;
    const field = path.split('.')[0]!;
    if (this.redactions[field])
      return html`<fk-redacted label=${label} .marker=${this.redactions[field]}></fk-redacted>`;
    const current = path === 'motivation.level' ? this.value.motivation?.level : this.value[path];
    return html`<fk-radio-group
      data-path=${path}
      label=${label}
      required
      inline
      .options=${COOPERATION_LEVELS.map((l) => ({ value: l, label: t.t(`fc.level.${l}`) }))}
      .value=${current ?? ''}
      .error=${this.errorAt(path)}
      .warning=${this.warningAt(path)}
      ?disabled=${this.isDisabled}
      ?readonly=${this.readonly}
      @change=${(e: Event) => this.setField(path, (e.target as HTMLInputElement).value)}
    ></fk-radio-group>`;
  }

  private renderLanguage() {
    const t = this.i18n;
    const p = this.person;
    const facts: string[] = [];
    if (p?.languages?.length) facts.push(t.t('fc.personLanguages', { languages: t.list([...p.languages]) }));
    if (p?.interpreter?.needed) facts.push(t.t('fc.interpreterNeed', { language: p.interpreter.language ?? '–' }));
    return html`<section class="section" part="language" aria-labelledby="language-heading">
      <h3 id="language-heading">${t.t('fc.language')}</h3>
      <p class="notice">${t.t('fc.languageLead')}</p>
      ${facts.length ? html`<p class="facts">${facts.map((f) => html`<span class="badge badge--info">${f}</span>`)}</p>` : nothing}
      <fk-checkbox
        data-path="interpreterUsed"
        label=${t.t('fc.interpreterUsed')}
        .checked=${this.value.interpreterUsed === true}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.setField('interpreterUsed', (e.target as HTMLInputElement).checked)}
      ></fk-checkbox>
    </section>`;
  }

  private renderDecision() {
    const t = this.i18n;
    const d = this.value.decision ?? {};
    if (this.redactions['decision']) {
      return html`<section class="section" part="decision">
        <fk-redacted label=${t.t('fc.decision')} .marker=${this.redactions['decision']}></fk-redacted>
      </section>`;
    }
    return html`<section class="section" part="decision" aria-labelledby="decision-heading">
      <h3 id="decision-heading">${t.t('fc.decision')}</h3>
      <fk-radio-group
        data-path="decision.kind"
        label=${t.t('fc.decision')}
        hide-label
        required
        .options=${[
          { value: 'assessment', label: t.t('fc.decision.assessment') },
          { value: 'noFurtherMeasures', label: t.t('fc.decision.noFurtherMeasures') },
        ]}
        .value=${d.kind ?? ''}
        .error=${this.errorAt('decision.kind') ?? this.errorAt('decision')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.setField('decision.kind', (e.target as HTMLInputElement).value)}
      ></fk-radio-group>
      ${
        d.kind === 'noFurtherMeasures'
          ? html`${this.textArea('decision.reason', t.t('fc.decisionReason'), 2, { required: true })}
              <fk-text-field
                data-path="decision.referredElsewhereTo"
                label=${t.t('fc.referredElsewhereTo')}
                hint=${t.t('fc.referredElsewhereHint')}
                .value=${d.referredElsewhereTo ?? ''}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @input=${(e: Event) => this.setField('decision.referredElsewhereTo', (e.target as HTMLInputElement).value)}
              ></fk-text-field>`
          : nothing
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const v = this.value;
    const editable = !this.readonly && !this.isDisabled;
    if (this.redactions['firstCounselling']) {
      return html`<div class="form" part="form">
        <div class="head" part="header"><h2>${t.t('fc.title')}</h2></div>
        <fk-redacted label=${t.t('fc.title')} .marker=${this.redactions['firstCounselling']}></fk-redacted>
        ${this.renderStatus()}
      </div>`;
    }
    return html`<div class="form" part="form">
      <div class="head" part="header">
        <h2>${t.t('fc.title')}</h2>
      </div>
      ${editable ? html`<p class="lead">${t.t('fc.lead')}</p>` : nothing}
      ${this.renderRemoteChanged(t.t('fc.changedElsewhere'), t.t('fc.adoptRemote'))} ${this.renderRefusals()}
      <section class="section" part="concern" aria-labelledby="concern-heading">
        <h3 id="concern-heading" class="fk-visually-hidden">${t.t('fc.concern')}</h3>
        ${this.textArea('concernInOwnWords', t.t('fc.concern'), 4, { hint: t.t('fc.concernHint'), required: true })}
        <div class="pair">
          ${this.textArea('firstPictureProblems', t.t('fc.problems'), 3)}
          ${this.textArea('firstPictureResources', t.t('fc.resources'), 3)}
        </div>
        <fk-date-field
          data-path="heldOn"
          label=${t.t('fc.heldOn')}
          .value=${v.heldOn ?? ''}
          .error=${this.errorAt('heldOn')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('heldOn', (e.target as HTMLInputElement).value || undefined)}
        ></fk-date-field>
      </section>
      <section class="section" part="cooperation" aria-labelledby="cooperation-heading">
        <h3 id="cooperation-heading">${t.t('fc.cooperation')}</h3>
        <p class="notice">${t.t('fc.cooperationLead')}</p>
        ${this.levelGroup('motivation.level', t.t('fc.motivation'))}
        <fk-text-field
          data-path="motivation.note"
          label=${t.t('fc.motivationNote')}
          .value=${v.motivation?.note ?? ''}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @input=${(e: Event) => this.setField('motivation.note', (e.target as HTMLInputElement).value)}
        ></fk-text-field>
        <div class="pair">
          ${this.levelGroup('willingnessToCooperate', t.t('fc.willingness'))}
          ${this.levelGroup('abilityToCooperate', t.t('fc.ability'))}
        </div>
        <fk-checkbox-group
          data-path="barriers"
          label=${t.t('fc.barriers')}
          inline
          .options=${COOPERATION_BARRIERS.map((b) => ({ value: b, label: t.t(`fc.barrier.${b}`) }))}
          .value=${v.barriers ?? []}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('barriers', [...(e.target as HTMLElement & { value: string[] }).value])}
        ></fk-checkbox-group>
      </section>
      ${this.renderLanguage()}
      <section class="section" part="information" aria-labelledby="information-heading">
        <h3 id="information-heading">${t.t('fc.information')}</h3>
        <fk-checkbox-group
          data-path="informationGiven"
          label=${t.t('fc.informationLead')}
          .options=${INFO_KEYS.map((k) => ({ value: k, label: t.t(`fc.info.${k}`) }))}
          .value=${INFO_KEYS.filter((k) => v.informationGiven?.[k] === true)}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => {
            const on = (e.target as HTMLElement & { value: string[] }).value;
            this.setField('informationGiven', Object.fromEntries(INFO_KEYS.map((k) => [k, on.includes(k)])));
          }}
        ></fk-checkbox-group>
        <h4>${t.t('fc.contract')}</h4>
        <fk-checkbox
          data-path="oralContract.made"
          label=${t.t('fc.contractMade')}
          .checked=${v.oralContract?.made === true}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('oralContract.made', (e.target as HTMLInputElement).checked)}
        ></fk-checkbox>
        ${v.oralContract?.made ? this.textArea('oralContract.note', t.t('fc.contractNote'), 2) : nothing}
      </section>
      ${this.renderDecision()} ${this.renderSubmitActions(t.t('fc.save'))} ${this.renderStatus()}
    </div>`;
  }
}
