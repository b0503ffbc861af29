import type { CaseState, ProviderReferralStatus } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { currentCarePlanId } from './care-plans.js';
import { agencyId } from './organisation.js';

const REQUEST_STATUS: Readonly<Record<ProviderReferralStatus, string>> = {
  requested: 'active',
  accepted: 'active',
  waiting: 'active',
  started: 'active',
  interrupted: 'on-hold',
  completed: 'completed',
  declined: 'revoked',
};

/** Task statuses after the referral workflow of the SDOH Clinical Care IG. */
const TASK_STATUS: Readonly<Record<ProviderReferralStatus, string>> = {
  requested: 'requested',
  accepted: 'accepted',
  waiting: 'ready',
  started: 'in-progress',
  interrupted: 'on-hold',
  completed: 'completed',
  declined: 'rejected',
};

/**
 * Each referral to a provider as a ServiceRequest (what is asked, of whom, based on the help plan) and
 * a Task that tracks it (its status after the SDOH referral workflow, owner the provider).
 */
export function referralsOf(state: CaseState, day: string, names: Map<string, string>): FhirResource[] {
  const out: FhirResource[] = [];
  const subject = ref('Patient', fhirId(state.addresseeId));
  const lead = state.leadAgencies.filter((p) => p.from <= day).at(-1);
  for (const referral of state.providerReferrals) {
    const providerId = referral.provider.agencyId ?? `provider-${referral.id}`;
    if (!names.has(providerId)) names.set(providerId, referral.provider.name);
    const provider = ref('Organization', agencyId(providerId), referral.provider.name);
    const requestId = fhirId(referral.id);
    const last = referral.statusHistory?.at(-1)?.on ?? referral.referredOn;
    out.push(
      {
        resourceType: 'ServiceRequest',
        id: requestId,
        status: REQUEST_STATUS[referral.status],
        intent: 'order',
        code: { text: referral.purpose },
        subject,
        authoredOn: referral.referredOn,
        ...(lead === undefined ? {} : { requester: ref('Organization', agencyId(lead.agencyId), lead.name) }),
        performer: [provider],
        basedOn: [ref('CarePlan', currentCarePlanId(state))],
        ...(referral.modalities ? { note: [{ text: referral.modalities }] } : {}),
      },
      {
        resourceType: 'Task',
        id: fhirId('task', referral.id),
        status: TASK_STATUS[referral.status],
        intent: 'order',
        focus: ref('ServiceRequest', requestId),
        for: subject,
        authoredOn: referral.referredOn,
        lastModified: last < referral.referredOn ? referral.referredOn : last,
        ...(lead === undefined ? {} : { requester: ref('Organization', agencyId(lead.agencyId), lead.name) }),
        owner: provider,
      },
    );
  }
  return out;
}
