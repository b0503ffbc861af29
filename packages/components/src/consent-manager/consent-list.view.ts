import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CATEGORY_LABELS } from '@fallkit/core';
import { purposeName } from '../i18n/glossary.js';
import { offers } from '../shared/may-issue.js';
import { consentStatus, type ConsentStatus } from '../shared/consent-status.js';
import type { ConsentRecordLike, ConsentStateLike, ReleaseRecordLike } from '../shared/privacy-shapes.js';
import { informationParts } from './consent-information.js';
import type { ConsentManagerView } from './consent-manager.view.js';
import { withdrawalPanel } from './withdrawal.view.js';

/** The recorded consents and releases, each as a card, with the count of those about to expire (DP-11). */
export function consentList(v: ConsentManagerView) {
  const t = v.t;
  const day = v.day;
  const all = [
    ...v.consents.map((c) => ({ c, release: false })),
    ...v.releases.map((r) => ({ c: { record: r, withdrawals: [] as const }, release: true })),
  ];
  const expiring = all.filter(({ c }) => consentStatus(c, day).kind === 'expiring').length;
  return html`<section class="section" part="list" aria-labelledby="list-heading">
    <h3 id="list-heading">${t.t('consent.list')}</h3>
    ${expiring ? html`<p class="notice notice--warn">${t.t('consent.expiringSummary', { count: expiring })}</p>` : nothing}
    ${
      all.length === 0
        ? html`<p class="fk-hint">${t.t('consent.listEmpty')}</p>`
        : html`<ul class="plain cards">
            ${repeat(
              all,
              ({ c }) => c.record.id,
              ({ c, release }) => consentCard(v, c, release),
            )}
          </ul>`
    }
  </section>`;
}

/** A consent's status badge: valid, expiring, expired, withdrawn (wholly or in part), not yet valid. */
function statusBadge(
  v: ConsentManagerView,
  status: ConsentStatus,
  record: Pick<ConsentRecordLike, 'validFrom' | 'validUntil'>,
) {
  const t = v.t;
  const date = (d: string) => t.date(d.slice(0, 10));
  const [cls, text] =
    status.kind === 'valid'
      ? ['badge--ok', t.t('consent.status.valid', { date: date(record.validUntil) })]
      : status.kind === 'expiring'
        ? [
            'badge--warn',
            status.daysLeft === 0
              ? t.t('consent.status.expiringToday')
              : t.t('consent.status.expiring', { days: status.daysLeft, date: date(record.validUntil) }),
          ]
        : status.kind === 'expired'
          ? ['badge--danger', t.t('consent.status.expired', { date: date(record.validUntil) })]
          : status.kind === 'withdrawn'
            ? ['badge--danger', t.t('consent.status.withdrawn', { date: date(status.withdrawnAt ?? '') })]
            : status.kind === 'partlyWithdrawn'
              ? ['badge--warn', t.t('consent.status.partlyWithdrawn', { date: date(status.withdrawnAt ?? '') })]
              : ['badge--info', t.t('consent.status.notYetValid', { date: date(record.validFrom) })];
  return html`<span class="badge ${cls}" part="consent-status">${text}</span>`;
}

/** One recorded consent or release: what it covers, who gave it, its explanation and the withdraw button. */
function consentCard(
  v: ConsentManagerView,
  consent: ConsentStateLike | { readonly record: ReleaseRecordLike; readonly withdrawals: readonly [] },
  release: boolean,
) {
  const t = v.t;
  const r = consent.record;
  // A release names professionals and no purposes (the core's release schema, DP-15).
  const purposes = r.purposes ?? [];
  const professionals = r.professionals ?? [];
  const status = consentStatus(consent, v.day);
  const title = release ? t.t('consent.card.release') : t.t('consent.card.consent');
  const to = t.list(r.recipients.map((x) => x.name ?? x.agencyId));
  const withdrawnCats = r.categories.filter((c) => !status.remainingCategories.includes(c));
  const open =
    status.kind === 'valid' ||
    status.kind === 'expiring' ||
    status.kind === 'partlyWithdrawn' ||
    status.kind === 'notYetValid';
  const explanation = informationParts(
    {
      ...(release ? { kind: 'release' as const } : {}),
      categories: r.categories,
      recipients: r.recipients,
      purposes,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      ...(r.includesProfessionalSecret ? { includesProfessionalSecret: true } : {}),
      ...(professionals.length ? { professionals } : {}),
    },
    t,
    v.purposeTitles,
  );
  return html`<li class="card" part="consent" data-status=${status.kind} data-consent=${r.id}>
    <div class="card-head">
      <p class="card-title">${title} ${t.t('consent.card.to', { list: to })}</p>
      ${statusBadge(v, status, r)}
    </div>
    <dl class="facts">
      <dt>${t.t('consent.card.categories')}</dt>
      <dd>${t.list(r.categories.map((c) => t.text(CATEGORY_LABELS[c])))}</dd>
      ${
        purposes.length
          ? html`<dt>${t.t('consent.card.purposes')}</dt>
              <dd>${t.list(purposes.map((p) => purposeName(p, t.lang, v.purposeTitles)))}</dd>`
          : nothing
      }
      ${
        professionals.length
          ? html`<dt>${t.t('consent.card.professionals')}</dt>
              <dd>${t.list(professionals.map((p) => (p.profession ? `${p.name} (${p.profession})` : p.name)))}</dd>`
          : nothing
      }
      <dt>${t.t('consent.card.givenBy')}</dt>
      <dd>${v.personName(r.givenBy.personId)} (${t.t(`consent.role.${r.givenBy.role}`)})</dd>
      <dt>${t.t('consent.card.form')}</dt>
      <dd>${t.t(`consent.form.${r.form.kind}`)}</dd>
    </dl>
    ${
      withdrawnCats.length && status.kind === 'partlyWithdrawn'
        ? html`<p class="fk-hint">
            ${t.t('consent.card.withdrawnCategories', { list: t.list(withdrawnCats.map((c) => t.text(CATEGORY_LABELS[c]))) })}
          </p>`
        : nothing
    }
    <details part="explanation">
      <summary>${t.t('consent.card.explain')}</summary>
      ${explanation.map((p) => html`<p><strong>${p.heading}</strong> ${p.text}</p>`)}
    </details>
    ${
      open && !release && !v.readonly && !v.disabled && offers(v.issuable, 'withdrawConsent')
        ? html`<div class="actions">
            <button
              type="button"
              class="fk-button fk-button--small fk-button--danger"
              part="withdraw"
              aria-label=${t.t('consent.withdrawLabel', { title, list: to })}
              aria-expanded=${v.withdrawing === r.id ? 'true' : 'false'}
              @click=${() => v.openWithdraw(r.id)}
            >
              ${t.t('consent.withdraw')}
            </button>
          </div>`
        : nothing
    }
    ${v.withdrawing === r.id ? withdrawalPanel(v, r) : nothing}
  </li>`;
}
