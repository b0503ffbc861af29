import type { JournalEvent } from '../journal/journal-event.js';
import { isErasedPayload } from '../journal/journal-event.js';
import type { CaseState } from '../model/case-state.js';

/** An agency that received data of the case. */
export interface Recipient {
  readonly agencyId: string;
  readonly name?: string;
  /** Ids of recorded transfers to it (the privacy module's `DataTransferred` events). */
  readonly transferIds: readonly string[];
}

function transferRecipient(payload: unknown): Recipient | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  const nested = (p['recipient'] ?? p['to']) as Record<string, unknown> | undefined;
  const agencyId = p['recipientAgencyId'] ?? nested?.['agencyId'];
  if (typeof agencyId !== 'string') return undefined;
  const name = p['recipientName'] ?? nested?.['name'];
  const transferIds = typeof p['id'] === 'string' ? [p['id']] : [];
  return typeof name === 'string' ? { agencyId, name, transferIds } : { agencyId, transferIds };
}

/**
 * Every agency other than the actor's own that received data of the case (Art. 19 GDPR): earlier
 * lead agencies, providers, case-conference participants, and recipients of recorded transfers (any
 * event whose type names a transfer and whose payload names a recipient agency).
 */
export function earlierRecipients(
  state: CaseState,
  journal: readonly JournalEvent[],
  ownAgencyId: string,
): Recipient[] {
  const found = new Map<string, Recipient>();
  const add = (recipient: Recipient | undefined): void => {
    if (recipient === undefined || recipient.agencyId === ownAgencyId) return;
    const known = found.get(recipient.agencyId);
    const name = known?.name ?? recipient.name;
    const transferIds = [...new Set([...(known?.transferIds ?? []), ...recipient.transferIds])];
    found.set(
      recipient.agencyId,
      name === undefined
        ? { agencyId: recipient.agencyId, transferIds }
        : { agencyId: recipient.agencyId, name, transferIds },
    );
  };
  for (const lead of state.leadAgencies) add({ agencyId: lead.agencyId, name: lead.name, transferIds: [] });
  for (const referral of state.providerReferrals)
    if (referral.provider.agencyId !== undefined)
      add({ agencyId: referral.provider.agencyId, name: referral.provider.name, transferIds: [] });
  for (const conference of state.caseConferences)
    for (const participant of conference.participants)
      if (participant.agencyId !== undefined) add({ agencyId: participant.agencyId, transferIds: [] });
  for (const event of journal)
    if (/Transfer/i.test(event.type) && !isErasedPayload(event.payload)) add(transferRecipient(event.payload));
  return [...found.values()].sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1));
}
