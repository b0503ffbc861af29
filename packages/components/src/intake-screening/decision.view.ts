import { html, nothing } from 'lit';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { misrouting } from './intake-screening.schema.js';
import { redactedPart, type IntakeScreeningView } from './intake-screening.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker); so are
// the optional texts that show no feedback of their own.

/** The admission decision with reasons; a decision against the check asks for a reason (DP-27). */
export function decisionSection(v: IntakeScreeningView) {
  const t = v.t;
  const a = v.value.admission;
  const deviation = misrouting(v.value);
  return html`<section class="section" part="decision" aria-labelledby="decision-heading">
    <h3 id="decision-heading">${t.t('intake.decision')}</h3>
    ${
      redactedPart(v, 'admission', t.t('intake.decision')) ??
      html`${
          v.automated
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
          .error=${v.errorAt('admission.admitted')}
          ?disabled=${v.disabled || v.automated}
          ?readonly=${v.readonly}
          @change=${(e: FkFieldChangeEvent<string>) => v.setField('admission.admitted', e.value === 'yes')}
        ></fk-radio-group>
        ${
          deviation
            ? html`<p class="notice notice--warn" part="misrouting">${t.t(`intake.misrouting.${deviation}`)}</p>
                <fk-textarea
                  label=${t.t('intake.deviationReason')}
                  required
                  rows="2"
                  ${bind(v.field(['admission', 'deviationReason']))}
                ></fk-textarea>`
            : nothing
        }
        <fk-textarea
          label=${t.t('intake.reasons')}
          hint=${t.t('intake.reasonsHint')}
          required
          rows="3"
          ${bind(v.field(['admission', 'reasons']))}
        ></fk-textarea>
        <div class="pair">
          <fk-date-field
            label=${t.t('intake.decidedOn')}
            ${bind(v.field(['admission', 'decidedOn'], { optional: true }))}
          ></fk-date-field>
          ${
            a.admitted === false
              ? html`<fk-text-field
                  data-path="admission.referredElsewhereTo"
                  label=${t.t('intake.referredElsewhereTo')}
                  .value=${a.referredElsewhereTo ?? ''}
                  ?disabled=${v.disabled}
                  ?readonly=${v.readonly}
                  @input=${(e: Event) => v.setField('admission.referredElsewhereTo', (e.target as HTMLInputElement).value)}
                ></fk-text-field>`
              : nothing
          }
        </div>`
    }
  </section>`;
}
