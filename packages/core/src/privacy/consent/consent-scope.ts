import type { DataCategory } from '../../model/record-meta.js';
import type { ConfidentialityRelease } from './consent-record.js';
import type { ConsentState } from '../privacy-state.js';
import type { ReasonCode } from '../reason-codes.js';
import { parsePurpose } from '../purposes.js';
import { localDate } from '../../service/local-date.js';

/** What a consent is asked to cover: a category for a recipient agency and a purpose, at an instant. */
export interface ConsentQuery {
  readonly agencyId: string;
  readonly category: DataCategory;
  readonly purpose: string;
  /** ISO timestamp. */
  readonly at: string;
}

/** Whether a purpose asked for is one the consent names (same string, or same kind for a bare kind). */
export function purposeCovered(consentPurposes: readonly string[], purpose: string): boolean {
  if (consentPurposes.includes(purpose)) return true;
  const asked = parsePurpose(purpose);
  return asked !== undefined && asked.ref !== undefined && consentPurposes.includes(asked.kind);
}

/**
 * The consent window (DP-11), the one definition: a consent or release is in force from its `validFrom`
 * day to the end of its `validUntil` day. Both are calendar dates of the organisation (Europe/Berlin), so
 * an instant is compared by its local date: a consent given on 2 December in Berlin is in force at
 * 23:30 UTC on 1 December, and one valid until 1 December has ended then. Returns why it is not in
 * force at `at` (an instant or a date), or `undefined`.
 */
export function consentWindowGap(
  record: { readonly validFrom: string; readonly validUntil: string },
  at: string,
): 'DENY_NO_CONSENT' | 'DENY_CONSENT_EXPIRED' | undefined {
  const day = at.length === 10 ? at : localDate(at);
  if (day < record.validFrom) return 'DENY_NO_CONSENT';
  if (day > record.validUntil.slice(0, 10)) return 'DENY_CONSENT_EXPIRED';
  return undefined;
}

/** The withdrawal in force at `at` that covers the category and recipient, if any. */
export function withdrawalAt(
  consent: ConsentState,
  query: Pick<ConsentQuery, 'agencyId' | 'at'> & { readonly category?: DataCategory },
): ConsentState['withdrawals'][number] | undefined {
  return consent.withdrawals.find(
    (w) =>
      w.withdrawnAt <= query.at &&
      (w.categories === undefined || query.category === undefined || w.categories.includes(query.category)) &&
      (w.recipientAgencyIds === undefined || w.recipientAgencyIds.includes(query.agencyId)),
  );
}

/**
 * Why a consent does not cover a query, or `undefined` when it does. The order is the order a
 * person would ask in: is it for this recipient and purpose, is it in force, was it withdrawn, does it
 * name the category.
 */
export function consentGap(consent: ConsentState, query: ConsentQuery): ReasonCode | undefined {
  const { record } = consent;
  if (!record.recipients.some((r) => r.agencyId === query.agencyId)) return 'DENY_NO_CONSENT';
  if (!purposeCovered(record.purposes, query.purpose)) return 'DENY_PURPOSE_MISMATCH';
  const window = consentWindowGap(record, query.at);
  if (window !== undefined) return window;
  if (withdrawalAt(consent, { agencyId: query.agencyId, at: query.at, category: query.category }) !== undefined) {
    return 'DENY_CONSENT_WITHDRAWN';
  }
  if (!record.categories.includes(query.category)) return 'REDACT_NO_CONSENT';
  return undefined;
}

/** Whether the consent as a whole is withdrawn for a recipient (all categories) at `at`. */
export function whollyWithdrawn(consent: ConsentState, agencyId: string, at: string): string | undefined {
  const whole = consent.withdrawals.find(
    (w) =>
      w.withdrawnAt <= at &&
      (w.recipientAgencyIds === undefined || w.recipientAgencyIds.includes(agencyId)) &&
      (w.categories === undefined || consent.record.categories.every((c) => w.categories?.includes(c))),
  );
  return whole?.withdrawnAt;
}

/** Whether a release lets professional-secret data of a subject go to an agency at `at` (DP-15). */
export function releaseCovers(
  release: ConfidentialityRelease,
  query: {
    readonly subjectId: string;
    readonly agencyId: string;
    readonly category: DataCategory;
    readonly at: string;
  },
): boolean {
  return (
    release.subjectId === query.subjectId &&
    release.recipients.some((r) => r.agencyId === query.agencyId) &&
    release.categories.includes(query.category) &&
    consentWindowGap(release, query.at) === undefined
  );
}
