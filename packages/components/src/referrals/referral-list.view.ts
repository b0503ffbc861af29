import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  PROVIDER_REFERRAL_STATUSES,
  isRedactionMarker,
  type ProviderReferral,
  type ProviderReferralStatus,
  type RedactionMarker,
} from '@fallkit/core';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { STATUS_CLASS } from './referrals.schema.js';
import type { ReferralsView } from './referrals.view.js';

/** The case's referrals to providers, each with its status. */
export function referralList(v: ReferralsView) {
  const t = v.t;
  return html`<section class="section" part="list" aria-labelledby="list-heading">
    <h3 id="list-heading">${t.t('referrals.list')}</h3>
    ${
      v.referrals.length === 0
        ? html`<p class="fk-hint">${t.t('referrals.empty')}</p>`
        : html`<ul class="plain cards">
            ${repeat(
              v.referrals,
              (r, i) => (isRedactionMarker(r) ? `m${i}` : r.id),
              (r, i) => referralCard(v, r, i),
            )}
          </ul>`
    }
  </section>`;
}

/** One referral: provider, purpose, feedback arrangement, status history, the status change. */
function referralCard(v: ReferralsView, item: ProviderReferral | RedactionMarker, index: number) {
  const t = v.t;
  if (isRedactionMarker(item)) {
    return html`<li class="card" part="referral">
      <fk-redacted label=${t.t('referrals.list')} .marker=${item}></fk-redacted>
    </li>`;
  }
  const r = item;
  const f = r.feedback;
  const feedback = f?.agreed
    ? [
        f.description,
        f.intervalDays ? t.t('referrals.feedbackEvery', { days: f.intervalDays }) : '',
        f.nextFeedbackOn ? t.t('referrals.feedbackNext', { date: t.date(f.nextFeedbackOn) }) : '',
      ]
        .filter(Boolean)
        .join(', ')
    : undefined;
  const editable = !v.readonly && !v.disabled;
  return html`<li class="card" part="referral" data-referral=${r.id} data-index=${index}>
    <div class="card-head">
      <p class="card-title">${r.provider.name}</p>
      <span class="badge ${STATUS_CLASS[r.status]}" part="referral-status">${t.t(`referrals.status.${r.status}`)}</span>
    </div>
    <p>${r.purpose}</p>
    <p class="fk-hint">
      ${t.t('referrals.referredOn', { date: t.date(r.referredOn) })}${r.provider.contactPerson ? ` · ${r.provider.contactPerson}` : ''}
    </p>
    ${
      feedback !== undefined
        ? html`<p class="fk-hint">${t.t('referrals.feedbackAgreed', { description: feedback })}</p>`
        : html`<p class="fk-feedback fk-feedback--warning">
            <span class="fk-feedback__icon" aria-hidden="true">i</span>${t.t('referrals.feedbackNone')}
          </p>`
    }
    ${
      r.statusHistory?.length
        ? html`<details>
            <summary>${t.t('referrals.history')}</summary>
            <ol class="history" part="history">
              ${r.statusHistory.map((h) => html`<li>${t.date(h.on)}: ${t.t(`referrals.status.${h.status}`)}${h.note ? ` – ${h.note}` : ''}</li>`)}
            </ol>
          </details>`
        : nothing
    }
    ${
      editable && v.statusFor !== r.id
        ? html`<div class="actions">
            <button
              type="button"
              class="fk-button fk-button--small"
              aria-label=${t.t('referrals.changeStatusLabel', { provider: r.provider.name })}
              @click=${() => v.openStatus(r)}
            >
              ${t.t('referrals.changeStatus')}
            </button>
          </div>`
        : nothing
    }
    ${v.statusFor === r.id ? statusPanel(v) : nothing}
  </li>`;
}

/** The status change of one referral: new status, date, note. */
function statusPanel(v: ReferralsView) {
  const t = v.t;
  const d = v.statusDraft;
  return html`<div class="section section--quiet" part="status-panel">
    <h4 tabindex="-1">${t.t('referrals.changeStatus')}</h4>
    <div class="pair">
      <fk-select
        label=${t.t('referrals.newStatus')}
        .options=${PROVIDER_REFERRAL_STATUSES.map((s) => ({ value: s, label: t.t(`referrals.status.${s}`) }))}
        .value=${d.status}
        @change=${(e: FkFieldChangeEvent<ProviderReferralStatus>) => v.editStatus({ status: e.value })}
      ></fk-select>
      <fk-date-field
        label=${t.t('referrals.statusOn')}
        .value=${d.on}
        @change=${(e: FkFieldChangeEvent<string>) => v.editStatus({ on: e.value })}
      ></fk-date-field>
    </div>
    <fk-textarea
      label=${t.t('referrals.statusNote')}
      rows="2"
      .value=${d.note}
      @input=${onFieldText((text) => v.editStatus({ note: text }))}
    ></fk-textarea>
    <div class="actions">
      <button type="button" class="fk-button fk-button--primary" ?disabled=${v.pending} @click=${() => v.saveStatus()}>
        ${t.t('referrals.statusSave')}
      </button>
      <button type="button" class="fk-button" @click=${() => v.cancelStatus()}>${t.t('referrals.cancel')}</button>
    </div>
  </div>`;
}
