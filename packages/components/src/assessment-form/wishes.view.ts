import { html } from 'lit';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { redactedField, type AssessmentFormView } from './assessment-form.view.js';

/** Wishes and dreams in the person's words, the conversation date and the mode (structured or narrative). */
export function wishesSection(v: AssessmentFormView) {
  const t = v.t;
  return html`<section class="section" part="wishes" aria-labelledby="wishes-heading">
    <h3 id="wishes-heading" class="fk-visually-hidden">${t.t('assessment.wishes')}</h3>
    ${
      v.redactions['wishesAndDreams']
        ? redactedField(v, 'wishesAndDreams', t.t('assessment.wishes'))
        : html`<fk-textarea
            label=${t.t('assessment.wishes')}
            hint=${t.t('assessment.wishesHint')}
            rows="4"
            ${bind(v.field(['wishesAndDreams']))}
          ></fk-textarea>`
    }
    <fk-date-field
      label=${t.t('assessment.conversationDate')}
      ${bind(v.field(['recordedOn'], { optional: true }))}
    ></fk-date-field>
    ${modeChoice(v)}
  </section>`;
}

function modeChoice(v: AssessmentFormView) {
  const t = v.t;
  // Bound by hand, not with bind(): a read-only form shows the choice read-only (with its marker).
  return html`<fk-radio-group
    data-path="mode"
    label=${t.t('assessment.mode')}
    hint=${t.t('assessment.modeHint')}
    inline
    .options=${[
      { value: 'structured', label: t.t('assessment.mode.structured') },
      { value: 'narrative', label: t.t('assessment.mode.narrative') },
    ]}
    .value=${v.value.mode ?? 'structured'}
    ?disabled=${v.disabled}
    ?readonly=${v.readonly}
    @change=${(e: FkFieldChangeEvent<string>) => v.setField('mode', e.value)}
  ></fk-radio-group>`;
}

/** The narrative assessment: one free text instead of life domains. */
export function narrativeSection(v: AssessmentFormView) {
  const t = v.t;
  return html`<section class="section" part="narrative" aria-labelledby="narrative-heading">
    <h3 id="narrative-heading">${t.t('assessment.narrative')}</h3>
    <fk-textarea
      label=${t.t('assessment.narrativeLabel')}
      hint=${t.t('assessment.narrativeHint')}
      required
      rows="10"
      ${bind(v.field(['narrative']))}
    ></fk-textarea>
  </section>`;
}
