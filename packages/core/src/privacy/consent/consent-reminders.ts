import { localDate } from '../../service/local-date.js';
import { text } from '../../i18n/localized-text.js';
import type { Notice } from '../../result/refusal.js';
import { CONSENT_REMINDER_DAYS } from './consent-record.js';
import type { PrivacyState } from '../privacy-state.js';
import { privacyNotice } from '../reason-codes.js';
import { whollyWithdrawn } from './consent-scope.js';

/** A consent as the worklist lists it (`buildWorklist({ consentsOf })` of the process module). */
export interface ConsentDeadline {
  readonly id: string;
  readonly validUntil: string;
  readonly withdrawn?: boolean;
}

/** Every consent of a case with its end date and whether it was withdrawn as a whole, for the worklist. */
export function consentDeadlines(privacy: PrivacyState, now: string): ConsentDeadline[] {
  return privacy.consents.map((c) => {
    const withdrawn = c.record.recipients.every((r) => whollyWithdrawn(c, r.agencyId, now) !== undefined);
    return withdrawn
      ? { id: c.record.id, validUntil: c.record.validUntil, withdrawn }
      : { id: c.record.id, validUntil: c.record.validUntil };
  });
}

/**
 * DP-11 reminders: a `CONSENT_EXPIRING` notice for every consent in force that ends within
 * {@link CONSENT_REMINDER_DAYS} days of `now`.
 */
export function expiringConsentNotices(privacy: PrivacyState, now: string, days = CONSENT_REMINDER_DAYS): Notice[] {
  const today = localDate(now); // the organisation's day, as the service writes periods
  const horizon = new Date(Date.parse(`${today}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return consentDeadlines(privacy, now)
    .filter((c) => c.withdrawn !== true && c.validUntil >= today && c.validUntil <= horizon)
    .map((c) =>
      privacyNotice('CONSENT_EXPIRING', {
        path: ['consents', c.id],
        detail: text(`Gültig bis ${c.validUntil}.`, `Valid until ${c.validUntil}.`),
      }),
    );
}
