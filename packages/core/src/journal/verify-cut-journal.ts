import { hashEnvelope, hashPayload } from './chain.js';
import { erasureAuthorisations, erasureIsAuthorised } from './erasure-markers.js';
import { parseJournalEvent } from './envelope-guard.js';
import { GENESIS_HASH, isErasedPayload, type JournalEvent } from './journal-event.js';
import { checkSeal, journalProblem, type JournalVerification, type VerifyOptions } from './verify-journal.js';

/**
 * A journal event reduced to its link in the chain: what a journal cut (issue 15, `@fallkit/core/sync`)
 * keeps of an event its reader may not see. The link is checked, the hash taken on trust from the next
 * whole event (whose own hash covers its `prevHash`) or from the seal (for a hidden head).
 */
export interface HiddenLink {
  readonly hidden: true;
  readonly caseId: string;
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Whether a value is a well-formed {@link HiddenLink} (nothing else in it). */
export function isHiddenLink(value: unknown): value is HiddenLink {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Object.keys(v).length === 5 &&
    v['hidden'] === true &&
    typeof v['caseId'] === 'string' &&
    v['caseId'].length > 0 &&
    Number.isInteger(v['seq']) &&
    (v['seq'] as number) > 0 &&
    typeof v['prevHash'] === 'string' &&
    HEX64.test(v['prevHash']) &&
    typeof v['hash'] === 'string' &&
    HEX64.test(v['hash'])
  );
}

/**
 * Verifies a journal cut (DP-38, DP-44): whole events as {@link verifyJournal} does (envelope, payload
 * hash, schema, erasure markers backed by a decision the cut shows), hidden links by place and link, and
 * the head (whole or hidden) against the seal. A cut that verifies is exactly the server's sealed
 * journal with some events reduced to links: nothing added, nothing dropped, nothing changed.
 */
export async function verifyCutJournal(
  events: readonly unknown[],
  options: Omit<VerifyOptions, 'from'> = {},
): Promise<JournalVerification> {
  const items: (JournalEvent | HiddenLink)[] = [];
  for (const [index, raw] of events.entries()) {
    if (isHiddenLink(raw)) {
      items.push(raw);
      continue;
    }
    const parsed = parseJournalEvent(raw);
    const seqOf = (raw as { seq?: unknown } | null)?.seq;
    if (!parsed.success)
      return journalProblem('JOURNAL_EVENT_MALFORMED', index, typeof seqOf === 'number' ? seqOf : undefined);
    items.push(parsed.data);
  }
  const whole = items.filter((item): item is JournalEvent => !('hidden' in item));
  const authorisations = erasureAuthorisations(whole);
  let prevHash = GENESIS_HASH;
  let caseId: string | undefined;
  for (const [index, item] of items.entries()) {
    const fail = (code: Parameters<typeof journalProblem>[0]) => journalProblem(code, index, item.seq);
    caseId ??= item.caseId;
    if (item.caseId !== caseId) return fail('JOURNAL_WRONG_STREAM');
    if (item.seq !== index + 1) return journalProblem('JOURNAL_SEQUENCE_GAP', index, index + 1);
    if (item.prevHash !== prevHash) return fail('JOURNAL_BROKEN_LINK');
    if ('hidden' in item) {
      prevHash = item.hash;
      continue;
    }
    if (!erasureIsAuthorised(item, authorisations)) return fail('JOURNAL_ERASURE_UNAUTHORISED');
    const erased = isErasedPayload(item.payload);
    if (!erased && (await hashPayload(item.payload, item.note)) !== item.payloadHash)
      return fail('JOURNAL_PAYLOAD_HASH_MISMATCH');
    if ((await hashEnvelope(item)) !== item.hash) return fail('JOURNAL_HASH_MISMATCH');
    if (!erased && options.checkPayload && !options.checkPayload(item)) return fail('JOURNAL_PAYLOAD_INVALID');
    prevHash = item.hash;
  }
  if (options.seal !== undefined) {
    const sealProblem = await checkSeal(options.seal, items);
    if (sealProblem !== undefined) return sealProblem;
  }
  return { ok: true, length: items.length, lastHash: prevHash };
}
