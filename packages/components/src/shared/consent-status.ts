import { CONSENT_REMINDER_DAYS, type DataCategory } from '@fallkit/core';
import type { ConsentRecordLike, ConsentStateLike, ConsentWithdrawalLike } from './privacy-shapes.js';

/** What a status is read from: a consent or a release, with its withdrawals. */
export interface StatusSource {
  readonly record: Pick<ConsentRecordLike, 'categories' | 'validFrom' | 'validUntil'>;
  readonly withdrawals: readonly ConsentWithdrawalLike[];
}

/** Days before expiry from which a consent is flagged (DP-11): the core's reminder window. */
export const CONSENT_WARNING_DAYS = CONSENT_REMINDER_DAYS;

/** Where a consent stands on a day. */
export type ConsentStatusKind = 'notYetValid' | 'valid' | 'expiring' | 'expired' | 'withdrawn' | 'partlyWithdrawn';

/** The status of a consent on `today`, with the days left and the withdrawal date where it applies. */
export interface ConsentStatus {
  readonly kind: ConsentStatusKind;
  /** Whole days until the last valid day (0 on that day). */
  readonly daysLeft: number;
  readonly withdrawnAt?: string;
  /** Categories still covered after partial withdrawals. */
  readonly remainingCategories: readonly DataCategory[];
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** The core's date helpers (one definition each): months added to a date, age on a date (DP-11, DP-12). */
export { addMonths, ageOn } from '@fallkit/core';

/** The status of a consent on `today` (ISO date): withdrawn wins, then validity, then the 30-day flag. */
export function consentStatus(consent: StatusSource, today: string): ConsentStatus {
  const { record, withdrawals } = consent;
  const daysLeft = daysBetween(today, record.validUntil);
  const effective = withdrawals.filter((w) => w.withdrawnAt.slice(0, 10) <= today);
  const whole = effective.find((w) => w.categories === undefined && w.recipientAgencyIds === undefined);
  const withdrawnCategories = new Set(
    effective.filter((w) => w.recipientAgencyIds === undefined).flatMap((w) => w.categories ?? []),
  );
  const remaining = whole ? [] : record.categories.filter((c) => !withdrawnCategories.has(c));
  const base = { daysLeft, remainingCategories: remaining };
  if (whole || (remaining.length === 0 && effective.length > 0))
    return { ...base, kind: 'withdrawn', withdrawnAt: (whole ?? effective[0])!.withdrawnAt };
  if (today < record.validFrom) return { ...base, kind: 'notYetValid' };
  if (daysLeft < 0) return { ...base, kind: 'expired' };
  if (effective.length > 0)
    return { ...base, kind: 'partlyWithdrawn', withdrawnAt: effective[effective.length - 1]!.withdrawnAt };
  if (daysLeft <= CONSENT_WARNING_DAYS) return { ...base, kind: 'expiring' };
  return { ...base, kind: 'valid' };
}

/** Whether a consent covers an agency now (valid or expiring, not withdrawn for it). */
export function coversAgency(consent: ConsentStateLike, agencyId: string, today: string): boolean {
  const status = consentStatus(consent, today);
  if (status.kind !== 'valid' && status.kind !== 'expiring' && status.kind !== 'partlyWithdrawn') return false;
  if (!consent.record.recipients.some((r) => r.agencyId === agencyId)) return false;
  return !consent.withdrawals.some(
    (w) =>
      w.withdrawnAt.slice(0, 10) <= today &&
      w.categories === undefined &&
      (w.recipientAgencyIds ?? []).includes(agencyId),
  );
}
