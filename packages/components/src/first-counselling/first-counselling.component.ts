import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  isRedactionMarker,
  recordFirstCounsellingInput,
  type CaseCommand,
  type CaseState,
  type RedactionMarker,
} from '@fallkit/core';
import { FkFormElement } from '../base/form-element.js';
import { schemaValidator, type Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { withoutMarkers } from '../shared/view-redactions.js';
import { todayIso } from '../base/parts-schema.js';
import { firstCounsellingMessages } from './first-counselling.messages.js';
import { firstCounsellingStyles } from './first-counselling.styles.js';
import {
  refusesOverLanguage,
  type FirstCounsellingData,
  type FirstCounsellingValue,
  type PersonLanguageInfo,
} from './first-counselling.schema.js';
import type { FirstCounsellingView } from './first-counselling.view.js';
import { concernSection, cooperationSection } from './conversation.view.js';
import { languageSection } from './language.view.js';
import { informationSection } from './information.view.js';
import { decisionSection } from './decision.view.js';

export { refusesOverLanguage } from './first-counselling.schema.js';
export type { FirstCounsellingData, FirstCounsellingValue, PersonLanguageInfo } from './first-counselling.schema.js';

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

  static override styles = firstCounsellingStyles;

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

  /** What the section views read and may do (see `first-counselling.view.ts`). */
  private view(): FirstCounsellingView {
    return {
      t: this.i18n,
      value: this.value,
      disabled: this.isDisabled,
      readonly: this.readonly,
      person: this.person,
      redactions: this.redactions,
      field: (path, options) => this.fieldAt(path, options),
      errorAt: (path) => this.errorAt(path),
      warningAt: (path) => this.warningAt(path),
      setField: (path, value) => this.setField(path, value),
    };
  }

  override render() {
    const t = this.i18n;
    const view = this.view();
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
      ${concernSection(view)} ${cooperationSection(view)} ${languageSection(view)} ${informationSection(view)}
      ${decisionSection(view)} ${this.renderSubmitActions(t.t('fc.save'))} ${this.renderStatus()}
    </div>`;
  }
}
