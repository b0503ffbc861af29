import type { Refusal } from '../result/refusal.js';
import type { JournalEvent } from './journal-event.js';
import type { JournalHead, JournalSeal, JournalSealRecord } from './journal-seal.js';
import { verifyJournal, type JournalProblem, type JournalVerification, type PayloadCheck } from './verify-journal.js';

/** Options of {@link createJournalVerifier}. */
export interface JournalVerifierOptions {
  /** The seal port; without one the chain and the erasure markers are checked, but nothing anchors the head. */
  readonly seal?: JournalSeal;
  /** The payload check of the domain model (every module's events). */
  readonly checkPayload?: PayloadCheck;
}

/**
 * Verifies journals on every read, cheaply (DP-44): what was verified before in this process (the
 * last verified, sealed head per stream) is not hashed again; only events after it are, the seal is
 * checked against the new head, and erasure markers are checked over the whole journal.
 */
export interface JournalVerifier {
  /** Verifies a whole journal of `caseId` against its latest stored seal. */
  verify(
    caseId: string,
    events: readonly JournalEvent[],
    seal: JournalSealRecord | undefined,
  ): Promise<JournalVerification>;
  /** The head verified last for a stream (`undefined` before the first verification). */
  verifiedHead(caseId: string): JournalHead | undefined;
  /** Forgets what was verified for a stream (after it was deleted or replaced). */
  forget(caseId: string): void;
  /** Whether a seal port anchors the journals. */
  readonly sealed: boolean;
}

interface Verified {
  readonly head: JournalHead;
  readonly record: JournalSealRecord | undefined;
}

/** Creates a {@link JournalVerifier} with its own cache of verified heads. */
export function createJournalVerifier(options: JournalVerifierOptions = {}): JournalVerifier {
  const verified = new Map<string, Verified>();
  return {
    sealed: options.seal !== undefined,
    async verify(caseId, events, record) {
      const known = verified.get(caseId);
      const verdict = await verifyJournal(events, {
        ...(options.checkPayload === undefined ? {} : { checkPayload: options.checkPayload }),
        ...(options.seal === undefined
          ? {}
          : {
              seal: {
                port: options.seal,
                record,
                ...(known?.record === undefined ? {} : { trustedRecord: known.record }),
              },
            }),
        ...(known === undefined ? {} : { from: known.head }),
      });
      if (verdict.ok) {
        verified.set(caseId, { head: { caseId, seq: verdict.length, hash: verdict.lastHash }, record });
      } else {
        verified.delete(caseId);
      }
      return verdict;
    },
    verifiedHead: (caseId) => verified.get(caseId)?.head,
    forget: (caseId) => void verified.delete(caseId),
  };
}

const SEAL_CODES = new Set<string>([
  'JOURNAL_ERASURE_UNAUTHORISED',
  'JOURNAL_EVENT_UNREADABLE',
  'JOURNAL_SEAL_MISSING',
  'JOURNAL_SEAL_INVALID',
  'JOURNAL_SEAL_MISMATCH',
  'JOURNAL_TRUNCATED',
  'JOURNAL_UNSEALED_EVENTS',
  'JOURNAL_VERIFIED_HEAD_CHANGED',
]);

/**
 * The refusal for a journal that failed verification: its code, the rule (DP-44 for the anchor and
 * the erasure markers, DP-38 for the chain), and the path `[caseId, seq]` of the first bad event.
 */
export function journalRefusal(caseId: string, problem: JournalProblem): Refusal {
  return {
    code: problem.code,
    rule: SEAL_CODES.has(problem.code) ? 'DP-44' : 'DP-38',
    message: problem.message,
    path: [caseId, problem.seq ?? problem.index + 1],
  };
}
