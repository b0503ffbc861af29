import type { ConsentState } from '@fallkit/core';
import type { AgreementConsent } from '../goal-agreement/agreement-print.js';

/**
 * A consent as the printable agreement states it: partial withdrawals narrow it, a whole withdrawal
 * (or one that leaves nothing) revokes it, an expired one is left out (it no longer allows anything).
 */
export function agreementConsent(consent: ConsentState, today: string): AgreementConsent | undefined {
  const { record } = consent;
  if (record.validUntil.slice(0, 10) < today) return undefined;
  let categories: readonly string[] = record.categories;
  let recipients = record.recipients;
  let revokedOn: string | undefined;
  for (const w of consent.withdrawals) {
    const cats = w.categories ?? [];
    const agencies = w.recipientAgencyIds ?? [];
    if (cats.length === 0 && agencies.length === 0) revokedOn ??= w.withdrawnAt.slice(0, 10);
    // A withdrawal naming both narrows the categories: the printed consent never claims more than holds.
    if (cats.length > 0) categories = categories.filter((c) => !(cats as readonly string[]).includes(c));
    else if (agencies.length > 0) recipients = recipients.filter((r) => !agencies.includes(r.agencyId));
    if (categories.length === 0 || recipients.length === 0) revokedOn ??= w.withdrawnAt.slice(0, 10);
  }
  return {
    id: record.id,
    categories,
    recipients: recipients.map((r) => ({ agencyId: r.agencyId, ...(r.name === undefined ? {} : { name: r.name }) })),
    purposes: record.purposes,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    givenBy: record.givenBy,
    ...(revokedOn === undefined ? {} : { revokedOn }),
  };
}
