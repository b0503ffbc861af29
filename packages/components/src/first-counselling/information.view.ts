import { html, nothing } from 'lit';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { INFO_KEYS } from './first-counselling.schema.js';
import { textArea, type FirstCounsellingView } from './first-counselling.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker).

/** What the person was told, and the oral contract. */
export function informationSection(v: FirstCounsellingView) {
  const t = v.t;
  const value = v.value;
  return html`<section class="section" part="information" aria-labelledby="information-heading">
    <h3 id="information-heading">${t.t('fc.information')}</h3>
    <fk-checkbox-group
      data-path="informationGiven"
      label=${t.t('fc.informationLead')}
      .options=${INFO_KEYS.map((k) => ({ value: k, label: t.t(`fc.info.${k}`) }))}
      .value=${INFO_KEYS.filter((k) => value.informationGiven?.[k] === true)}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<readonly string[]>) => {
        const on = e.value;
        v.setField('informationGiven', Object.fromEntries(INFO_KEYS.map((k) => [k, on.includes(k)])));
      }}
    ></fk-checkbox-group>
    <h4>${t.t('fc.contract')}</h4>
    <fk-checkbox
      data-path="oralContract.made"
      label=${t.t('fc.contractMade')}
      .checked=${value.oralContract?.made === true}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.setField('oralContract.made', e.value)}
    ></fk-checkbox>
    ${value.oralContract?.made ? textArea(v, 'oralContract.note', t.t('fc.contractNote'), 2) : nothing}
  </section>`;
}
