import { html } from 'lit';
import { LEGAL_DOMAINS } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { HandoverView } from './handover.view.js';

/** The receiving agency (from the host's directory, or typed), the legal domains, from when, and why. */
export function agencySection(v: HandoverView) {
  const t = v.t;
  const value = v.value;
  const domains = LEGAL_DOMAINS.map((d) => ({ value: d, label: v.domainLabel(d) }));
  const name = v.field(['to', 'name']);
  const agencyId = v.field(['to', 'agencyId']);
  // The choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker).
  return html`<section class="section" part="agency" aria-labelledby="agency-heading">
    <h3 id="agency-heading">${t.t('handover.to')}</h3>
    ${
      v.directory.of('agency').length
        ? agencyChoice(v)
        : html` <div class="pair">
            <fk-text-field
              label=${t.t('handover.toName')}
              required
              ${bind({ ...name, set: (next: string) => v.setAgencyName(next) })}
            ></fk-text-field>
            <fk-text-field
              label=${t.t('handover.toAgencyId')}
              hint=${t.t('handover.toAgencyIdHint')}
              required
              ${bind({ ...agencyId, set: (next: string) => v.setAgencyId(next) })}
            ></fk-text-field>
          </div>`
    }
    <div class="pair">
      <fk-select
        data-path="legalDomain"
        label=${t.t('handover.legalDomain')}
        required
        .options=${domains}
        .value=${value.legalDomain ?? ''}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('legalDomain', e.value)}
      ></fk-select>
      <fk-select
        data-path="endsLegalDomain"
        label=${t.t('handover.endsLegalDomain')}
        .options=${[{ value: '', label: t.t('handover.noDomain') }, ...domains]}
        .value=${value.endsLegalDomain ?? ''}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('endsLegalDomain', e.value || undefined)}
      ></fk-select>
    </div>
    <fk-date-field label=${t.t('handover.effectiveFrom')} required ${bind(v.field(['effectiveFrom']))}></fk-date-field>
    <fk-textarea
      label=${t.t('handover.reason')}
      hint=${t.t('handover.reasonHint')}
      required
      rows="2"
      ${bind(v.field(['reason']))}
    ></fk-textarea>
  </section>`;
}

/** The receiving agency from the host's directory, by name; its id comes with it. */
function agencyChoice(v: HandoverView) {
  const t = v.t;
  const chosen = v.directory.find(v.value.to?.agencyId);
  return html`<fk-select
    data-path="to.name"
    label=${t.t('handover.toName')}
    required
    placeholder=${t.t('handover.directory.pick')}
    .options=${v.directory.of('agency').map((e) => ({ value: e.agencyId, label: e.name }))}
    .value=${chosen?.agencyId ?? ''}
    .error=${v.errorAt('to.name') ?? v.errorAt('to.agencyId')}
    ?disabled=${v.disabled}
    ?readonly=${v.readonly}
    @change=${(e: FkFieldChangeEvent<string>) => v.pickAgency(e.value)}
  ></fk-select>`;
}
