import { sameActor } from '../ports/actor.js';
import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import type { ConfidentialityRelease, ConsentRecord, ConsentWithdrawal } from './consent/consent-record.js';
import type { PrivacyEventPayload } from './events.js';
import type { ChildProtectionDisclosure, TransferRecord } from './transfer/transfer-record.js';

/** A consent with the withdrawals made since. */
export interface ConsentState {
  readonly record: ConsentRecord;
  readonly withdrawals: readonly ConsentWithdrawal[];
}

/** A transfer as it stands now: marked when the consent it relied on was withdrawn (DP-14). */
export interface TransferState {
  readonly record: TransferRecord;
  readonly consentWithdrawnAt?: string;
}

/** A time-limited access grant: break-glass (DP-25) or a team lead's supervision reason (DP-23). */
export interface AccessGrant {
  readonly userId: string;
  readonly agencyId: string;
  readonly reason: string;
  readonly from: string;
  readonly until: string;
}

/**
 * What the data-protection rules read from a case journal besides the case state: consents,
 * releases, transfers, notifications, access grants, the staff-case flag and who recorded what.
 */
export interface PrivacyState {
  readonly consents: readonly ConsentState[];
  readonly releases: readonly ConfidentialityRelease[];
  readonly transfers: readonly TransferState[];
  readonly notifications: readonly PrivacyEventPayload<'RecipientNotified'>[];
  readonly disclosures: readonly ChildProtectionDisclosure[];
  readonly breakGlass: readonly AccessGrant[];
  readonly supervision: readonly AccessGrant[];
  /** The agency whose employee the case is about (DP-26), if flagged. */
  readonly staffCaseOf?: string;
  /** Subjects who objected to § 76 Abs. 2 SGB X transfers (DP-15). */
  readonly transferObjections: readonly string[];
  /** Agency of every user who wrote to the journal (from the event envelopes): whose data an item is. */
  readonly agencyOfUser: Readonly<Record<string, string>>;
  /**
   * User ids that wrote to this journal for more than one agency (DP-40: a person is agency and user id;
   * two agencies may hand out the same id). For them {@link agencyOfUser} says nothing; the agency of
   * each of their records is looked up by `recordAgencyKey(userId, recordedAt)` in {@link agencyOfRecord}.
   */
  readonly ambiguousUserIds?: readonly string[];
  /** The agency of each event of an ambiguous user id, keyed by {@link recordAgencyKey}. */
  readonly agencyOfRecord?: Readonly<Record<string, string>>;
}

/** A privacy state with nothing recorded. */
export const EMPTY_PRIVACY_STATE: PrivacyState = {
  consents: [],
  releases: [],
  transfers: [],
  notifications: [],
  disclosures: [],
  breakGlass: [],
  supervision: [],
  transferObjections: [],
  agencyOfUser: {},
};

/** The key of {@link PrivacyState.agencyOfRecord}: a user id and the instant of the event that recorded an item. */
export function recordAgencyKey(userId: string, at: string): string {
  return `${userId}\u0000${at}`;
}

/** Folds the data-protection events of a case journal. Pure; erased payloads are skipped. */
export function foldPrivacy(journal: readonly JournalEvent[]): PrivacyState {
  const consents: { record: ConsentRecord; withdrawals: ConsentWithdrawal[] }[] = [];
  const releases: ConfidentialityRelease[] = [];
  const transfers: { record: TransferRecord; consentWithdrawnAt?: string }[] = [];
  const notifications: PrivacyEventPayload<'RecipientNotified'>[] = [];
  const disclosures: ChildProtectionDisclosure[] = [];
  const breakGlass: AccessGrant[] = [];
  const supervision: AccessGrant[] = [];
  const transferObjections: string[] = [];
  const agencyOfUser: Record<string, string> = Object.create(null) as Record<string, string>;
  let staffCaseOf: string | undefined;
  const agenciesOfUser = new Map<string, Set<string>>();
  for (const event of journal) {
    agencyOfUser[event.actor.id] ??= event.actor.agencyId;
    let seen = agenciesOfUser.get(event.actor.id);
    if (seen === undefined) agenciesOfUser.set(event.actor.id, (seen = new Set<string>()));
    seen.add(event.actor.agencyId);
    if (isErasedPayload(event.payload)) continue;
    switch (event.type) {
      case 'ConsentRecorded':
        consents.push({ record: event.payload as ConsentRecord, withdrawals: [] });
        break;
      case 'ConsentWithdrawn': {
        const withdrawal = event.payload as ConsentWithdrawal;
        consents.find((c) => c.record.id === withdrawal.consentId)?.withdrawals.push(withdrawal);
        for (const transfer of transfers) {
          if (withdrawal.affectedTransferIds.includes(transfer.record.id)) {
            transfer.consentWithdrawnAt ??= withdrawal.withdrawnAt;
          }
        }
        break;
      }
      case 'ConfidentialityReleaseRecorded':
        releases.push(event.payload as ConfidentialityRelease);
        break;
      case 'DataTransferred':
        transfers.push({ record: event.payload as TransferRecord });
        break;
      case 'RecipientNotified':
        notifications.push(event.payload as PrivacyEventPayload<'RecipientNotified'>);
        break;
      case 'ChildProtectionDisclosure':
        disclosures.push(event.payload as ChildProtectionDisclosure);
        break;
      case 'BreakGlassUsed': {
        const p = event.payload as PrivacyEventPayload<'BreakGlassUsed'>;
        breakGlass.push({ userId: p.userId, agencyId: p.agencyId, reason: p.reason, from: p.from, until: p.until });
        break;
      }
      case 'SupervisionReasonRecorded': {
        const p = event.payload as PrivacyEventPayload<'SupervisionReasonRecorded'>;
        supervision.push({ userId: p.userId, agencyId: p.agencyId, reason: p.reason, from: p.from, until: p.until });
        break;
      }
      case 'StaffCaseFlagged':
        staffCaseOf = (event.payload as PrivacyEventPayload<'StaffCaseFlagged'>).agencyId;
        break;
      case 'TransferObjectionRecorded':
        transferObjections.push((event.payload as PrivacyEventPayload<'TransferObjectionRecorded'>).subjectId);
        break;
      default:
        break;
    }
  }
  const state: PrivacyState = {
    consents,
    releases,
    transfers,
    notifications,
    disclosures,
    breakGlass,
    supervision,
    transferObjections,
    agencyOfUser,
  };
  const ambiguous = [...agenciesOfUser].filter(([, agencies]) => agencies.size > 1).map(([id]) => id);
  if (ambiguous.length > 0) {
    // Only the records of ambiguous ids need their own agency: a second pass over their events alone, so a
    // journal without namesakes (nearly every one) builds no key per event.
    const agencyOfRecord: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const event of journal) {
      if (!ambiguous.includes(event.actor.id)) continue;
      // Two namesakes writing at the same instant cannot be told apart: that record belongs to neither.
      const key = recordAgencyKey(event.actor.id, event.at);
      const earlier = agencyOfRecord[key];
      agencyOfRecord[key] = earlier === undefined || earlier === event.actor.agencyId ? event.actor.agencyId : '';
    }
    Object.assign(state, { ambiguousUserIds: ambiguous, agencyOfRecord });
  }
  return staffCaseOf === undefined ? state : { ...state, staffCaseOf };
}

/** The grant of a person (agency and user id together, DP-40) that is valid at `now`, if any. */
export function activeGrant(
  grants: readonly AccessGrant[],
  actor: { readonly id: string; readonly agencyId: string },
  now: string,
): AccessGrant | undefined {
  return grants.find((grant) => sameActor(grant, actor) && grant.from <= now && now < grant.until);
}
