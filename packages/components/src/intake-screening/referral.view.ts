import { html } from 'lit';
import { REFERRER_KINDS } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { redactedPart, type IntakeScreeningView } from './intake-screening.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker); so are
// the optional texts that show no feedback of their own.

/** Who referred the person, why and when. */
export function referralSection(v: IntakeScreeningView) {
  const t = v.t;
  const r = v.value.referral;
  return html`<section class="section" part="referral" aria-labelledby="referral-heading">
    <h3 id="referral-heading">${t.t('intake.referral')}</h3>
    ${
      redactedPart(v, 'referral', t.t('intake.referral')) ??
      html`<div class="pair">
          <fk-select
            data-path="referral.referrer.kind"
            label=${t.t('intake.referrerKind')}
            required
            .options=${REFERRER_KINDS.map((k) => ({ value: k, label: t.t(`intake.referrerKind.${k}`) }))}
            .value=${r.referrer.kind}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @change=${(e: FkFieldChangeEvent<string>) => v.setField('referral.referrer.kind', e.value)}
          ></fk-select>
          <fk-text-field
            label=${t.t('intake.referrerName')}
            required
            ${bind(v.field(['referral', 'referrer', 'name']))}
          ></fk-text-field>
        </div>
        <fk-textarea
          label=${t.t('intake.reason')}
          hint=${t.t('intake.reasonHint')}
          required
          rows="3"
          ${bind(v.field(['referral', 'reason']))}
        ></fk-textarea>
        <fk-date-field
          label=${t.t('intake.referredOn')}
          required
          ${bind(v.field(['referral', 'referredOn']))}
        ></fk-date-field>`
    }
  </section>`;
}
