import type { Refusal } from '../result/refusal.js';
import { journalProblem } from './verify-journal.js';
import { journalRefusal } from './journal-verifier.js';

/**
 * The refusal a store gives when one stored event cannot be read back, e.g. an encrypted event whose
 * ciphertext fails authentication although the key is right (DP-44): that event was tampered with,
 * so it is named (`[caseId, seq]`) instead of blaming the passphrase.
 */
export function unreadableEventRefusal(caseId: string, seq: number): Refusal {
  const verdict = journalProblem('JOURNAL_EVENT_UNREADABLE', seq - 1, seq);
  if (verdict.ok) throw new Error('unreachable');
  return journalRefusal(caseId, verdict.problem);
}
