import type { CaseState, ConsentState } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { localCoding } from '../terminology/code-systems.js';
import { agencyId } from './organisation.js';

/** The statute of consent in social law, as the Consent's policy (ppc-1: a policy or a policy rule). */
export const CONSENT_POLICY = 'https://www.gesetze-im-internet.de/sgb_10/__67b.html';

const RECIPIENT_ROLE = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
      code: 'IRCP',
      display: 'information recipient',
    },
  ],
};

/**
 * The consents the actor may see as Consent resources (scope patient-privacy, ppc-2: with the patient).
 * The provision permits the named categories (local code system) for the named purposes to the named
 * recipients in the consent's period; each withdrawal is a nested `deny` provision from its time
 * (DP-14), and a withdrawal of everything or a lapsed period makes the Consent `inactive`. Consents a
 * person other than the addressee gave for themselves are left out: R4's Consent is about a Patient.
 */
export function consentsOf(
  state: CaseState,
  consents: readonly ConsentState[],
  today: string,
  names: Map<string, string>,
): FhirResource[] {
  const out: FhirResource[] = [];
  for (const { record, withdrawals } of consents) {
    if (record.subjectId !== state.addresseeId) continue;
    for (const recipient of record.recipients)
      if (!names.has(recipient.agencyId)) names.set(recipient.agencyId, recipient.name ?? recipient.agencyId);
    const whole = withdrawals.some((w) => w.categories === undefined && w.recipientAgencyIds === undefined);
    const lapsed = record.validUntil < today;
    const giver = record.givenBy as { personId?: string; role?: string };
    const performer =
      giver.personId === undefined
        ? []
        : [
            giver.personId === state.addresseeId
              ? ref('Patient', fhirId(giver.personId))
              : ref('RelatedPerson', fhirId(giver.personId)),
          ];
    out.push({
      resourceType: 'Consent',
      id: fhirId(record.id),
      status: whole || lapsed ? 'inactive' : 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Consent Document' }] }],
      patient: ref('Patient', fhirId(state.addresseeId)),
      dateTime: record.recordedAt,
      ...(performer.length > 0 ? { performer } : {}),
      policy: [{ uri: CONSENT_POLICY }],
      provision: {
        type: 'permit',
        period: { start: record.validFrom, end: record.validUntil },
        actor: record.recipients.map((r) => ({
          role: RECIPIENT_ROLE,
          reference: ref('Organization', agencyId(r.agencyId), r.name),
        })),
        purpose: record.purposes.map((p) => localCoding('purpose', p.split(':')[0]!)),
        code: record.categories.map((c) => ({ coding: [localCoding('data-category', c)] })),
        ...(withdrawals.length === 0
          ? {}
          : {
              provision: withdrawals.map((w) => ({
                type: 'deny',
                period: { start: w.withdrawnAt },
                ...(w.recipientAgencyIds === undefined
                  ? {}
                  : {
                      actor: w.recipientAgencyIds.map((id) => ({
                        role: RECIPIENT_ROLE,
                        reference: ref('Organization', agencyId(id)),
                      })),
                    }),
                code: (w.categories ?? record.categories).map((c) => ({ coding: [localCoding('data-category', c)] })),
              })),
            }),
      },
    });
  }
  return out;
}
