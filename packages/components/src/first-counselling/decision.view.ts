import { html, nothing } from 'lit';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { textArea, type FirstCounsellingView } from './first-counselling.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker).

/** The decision: go on to the assessment, or no further measures with a reason. */
export function decisionSection(v: FirstCounsellingView) {
  const t = v.t;
  const d = v.value.decision ?? {};
  if (v.redactions['decision']) {
    return html`<section class="section" part="decision">
      <fk-redacted label=${t.t('fc.decision')} .marker=${v.redactions['decision']}></fk-redacted>
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
      .error=${v.errorAt('decision.kind') ?? v.errorAt('decision')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<string>) => v.setField('decision.kind', e.value)}
    ></fk-radio-group>
    ${
      d.kind === 'noFurtherMeasures'
        ? html`${textArea(v, 'decision.reason', t.t('fc.decisionReason'), 2, { required: true })}
            <fk-text-field
              data-path="decision.referredElsewhereTo"
              label=${t.t('fc.referredElsewhereTo')}
              hint=${t.t('fc.referredElsewhereHint')}
              .value=${d.referredElsewhereTo ?? ''}
              ?disabled=${v.disabled}
              ?readonly=${v.readonly}
              @input=${(e: Event) => v.setField('decision.referredElsewhereTo', (e.target as HTMLInputElement).value)}
            ></fk-text-field>`
        : nothing
    }
  </section>`;
}
