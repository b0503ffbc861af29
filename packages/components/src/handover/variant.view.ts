import { html, nothing } from 'lit';
import { HANDOVER_VARIANTS } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { HandoverView } from './handover.view.js';

/** The variant (three ways of a change of lead), the continuing role and how long the own agency stays involved. */
export function variantSection(v: HandoverView) {
  const t = v.t;
  const value = v.value;
  const continuing = v.keepsRole;
  const roleLabel =
    value.variant === 'municipalityAsContractor'
      ? t.t('handover.continuingRole.municipalityAsContractor')
      : t.t('handover.continuingRole.municipalityCoversFurtherNeeds');
  // The choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker).
  return html`<section class="section" part="variant" aria-labelledby="variant-heading">
    <h3 id="variant-heading">${t.t('handover.variant')}</h3>
    <fk-radio-group
      data-path="variant"
      label=${t.t('handover.variant')}
      hide-label
      required
      .options=${HANDOVER_VARIANTS.map((k) => ({ value: k, label: t.t(`handover.variant.${k}`), description: t.t(`handover.variant.${k}.hint`) }))}
      .value=${value.variant ?? ''}
      .error=${v.errorAt('variant')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<string>) => v.setField('variant', e.value)}
    ></fk-radio-group>
    ${
      value.variant === 'warmHandover'
        ? html`<fk-checkbox
            data-path="alsoCoversFurtherNeeds"
            label=${t.t('handover.alsoCoversFurtherNeeds')}
            hint=${t.t('handover.alsoCoversFurtherNeedsHint')}
            .checked=${v.alsoCoversFurtherNeeds}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @change=${(e: FkFieldChangeEvent<boolean>) => v.setAlsoCoversFurtherNeeds(e.value)}
          ></fk-checkbox>`
        : nothing
    }
    ${
      continuing
        ? html`<fk-textarea
            label=${roleLabel}
            hint=${t.t('handover.continuingRoleHint')}
            required
            rows="2"
            ${bind(v.field(['continuingRole']))}
          ></fk-textarea>`
        : nothing
    }
    ${
      value.variant
        ? html`<fk-date-field
            label=${t.t('handover.involvedUntil')}
            hint=${continuing ? t.t('handover.involvedUntilHintContinuing') : t.t('handover.involvedUntilHintWarm')}
            ${bind(v.field(['involvedUntil'], { optional: true }))}
          ></fk-date-field>`
        : nothing
    }
  </section>`;
}
