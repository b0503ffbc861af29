import { html, nothing } from 'lit';
import { CATEGORY_LABELS, DATA_CATEGORIES, type DataCategory } from '@fallkit/core';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { coversAgency } from '../shared/consent-status.js';
import { renderTransferPreview } from '../shared/transfer-preview/transfer-preview.view.js';
import type { ReferralsView } from './referrals.view.js';

/**
 * What goes along with the referral and on what basis (DP-16, DP-17): the categories, the legal basis
 * (a consent covering the provider, or SGB X § 69), and the transfer preview item by item (DP-24).
 */
export function sharePart(v: ReferralsView) {
  const t = v.t;
  const value = v.value;
  const share = value.share ?? { categories: [] };
  const provider = value.provider?.name?.trim() || t.t('referrals.provider');
  const consents = v.consents.filter((c) => coversAgency(c, v.agencyId, v.day));
  const options = [
    { value: '', label: t.t('referrals.basis.none') },
    ...consents.map((c) => ({
      value: `consent:${c.record.id}`,
      label: t.t('referrals.basis.consent', { date: t.date(c.record.validFrom), until: t.date(c.record.validUntil) }),
    })),
    { value: 'sgb10_69', label: t.t('referrals.basis.sgb10_69') },
  ];
  return html`<section class="section section--quiet" part="share" aria-labelledby="share-heading">
    <h4 id="share-heading">${t.t('referrals.share')}</h4>
    <p class="fk-hint">${t.t('referrals.shareLead')}</p>
    <fk-checkbox-group
      data-path="share.categories"
      label=${t.t('referrals.shareCategories')}
      inline
      .options=${DATA_CATEGORIES.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
      .value=${share.categories}
      .warning=${v.warningAt('share')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<readonly DataCategory[]>) => v.setField('share', { ...share, categories: [...e.value] })}
    ></fk-checkbox-group>
    <fk-radio-group
      data-path="share.legalBasis"
      label=${t.t('referrals.basis')}
      hint=${consents.length === 0 && value.provider?.name?.trim() ? t.t('referrals.noConsent', { provider }) : nothing}
      .options=${options}
      .value=${share.legalBasis ?? ''}
      .error=${v.errorAt('share.legalBasis')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<string>) => {
        const basis = e.value;
        v.setField(
          'share',
          basis ? { ...share, legalBasis: basis } : { categories: basis === '' ? [] : share.categories },
        );
      }}
    ></fk-radio-group>
    ${
      consents.length === 0 && value.provider?.name?.trim() && !v.readonly && !v.disabled
        ? html`<p class="actions">
            <button type="button" class="fk-button" part="consent-needed" @click=${() => v.askForConsent()}>
              ${t.t('referrals.addConsent', { provider })}
            </button>
          </p>`
        : nothing
    }
    ${renderTransferPreview(v.preview, v.t as never, { recipient: provider, basis: share.legalBasis, basisLabel: v.basisLabel, selected: share.categories })}
  </section>`;
}
