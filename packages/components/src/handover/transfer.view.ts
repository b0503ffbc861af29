import { html } from 'lit';
import { CATEGORY_LABELS } from '@fallkit/core';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { coversAgency } from '../shared/consent-status.js';
import { renderTransferPreview } from '../shared/transfer-preview/transfer-preview.view.js';
import type { HandoverView } from './handover.view.js';

/** Which consent covers the receiving agency (DP-14), and the choice of the one the handover relies on. */
export function consentCheckSection(v: HandoverView) {
  const t = v.t;
  const to = v.value.to;
  const agency = to?.name?.trim() || t.t('handover.toUnnamed');
  const covering = to?.agencyId ? v.consents.filter((c) => coversAgency(c, to.agencyId, v.today)) : [];
  // Bound by hand, not with bind(): a read-only form shows the choice read-only (with its marker).
  return html`<section class="section" part="consent-check" aria-labelledby="consent-heading">
    <h3 id="consent-heading">${t.t('handover.consent')}</h3>
    ${
      covering.length === 0
        ? html`<p class="notice notice--warn">${t.t('handover.consentNone', { agency })}</p>`
        : html`<fk-radio-group
            data-path="consentRef"
            label=${t.t('handover.consentLead', { agency })}
            .options=${[
              ...covering.map((c) => ({
                value: c.record.id,
                label: t.t('handover.consentOption', {
                  date: t.date(c.record.validFrom),
                  until: t.date(c.record.validUntil),
                  categories: t.list(c.record.categories.map((k) => t.text(CATEGORY_LABELS[k]))),
                }),
              })),
              { value: '', label: t.t('handover.consentNoUse') },
            ]}
            .value=${v.value.consentRef ?? ''}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @change=${(e: FkFieldChangeEvent<string>) => v.setField('consentRef', e.value || undefined)}
          ></fk-radio-group>`
    }
  </section>`;
}

/** The data packet preview: what the receiving agency would get and what stays behind, with reasons (DP-16, DP-17). */
export function packetSection(v: HandoverView) {
  const t = v.t;
  const value = v.value;
  return html`<section class="section" part="packet" aria-labelledby="packet-heading">
    <h3 id="packet-heading">${t.t('handover.packet')}</h3>
    <p class="fk-hint">${t.t('handover.packetLead')}</p>
    ${renderTransferPreview(v.preview, v.t as never, {
      recipient: value.to?.name?.trim() || t.t('handover.toUnnamed'),
      basis: value.consentRef ? `consent:${value.consentRef}` : undefined,
      basisLabel: (basis) => v.basisLabel(basis),
      selected: v.packetCategories,
    })}
  </section>`;
}
