import type { LocalizedText } from '../i18n/localized-text.js';
import { text } from '../i18n/localized-text.js';
import { hashEnvelopeSync, hashPayloadSync } from './chain.js';
import { erasureAuthorisations, erasureIsAuthorised } from './erasure-markers.js';
import { parseJournalEvent } from './envelope-guard.js';
import { GENESIS_HASH, isErasedPayload, type JournalEvent } from './journal-event.js';
import type { JournalHead, JournalSeal, JournalSealRecord } from './journal-seal.js';

/** What can be wrong with a journal, first problem only. */
export type JournalProblemCode =
  | 'JOURNAL_EVENT_MALFORMED'
  | 'JOURNAL_WRONG_STREAM'
  | 'JOURNAL_SEQUENCE_GAP'
  | 'JOURNAL_PAYLOAD_HASH_MISMATCH'
  | 'JOURNAL_HASH_MISMATCH'
  | 'JOURNAL_BROKEN_LINK'
  | 'JOURNAL_PAYLOAD_INVALID'
  /** An erasure marker without a `DataErased` or retention decision behind it (DP-44). */
  | 'JOURNAL_ERASURE_UNAUTHORISED'
  /** An event whose stored form could not be read back (an encrypted event that fails to decrypt). */
  | 'JOURNAL_EVENT_UNREADABLE'
  /** A journal with events but no seal, where a seal is required (DP-44). */
  | 'JOURNAL_SEAL_MISSING'
  /** A seal that was not made by this store's key (forged or from another store). */
  | 'JOURNAL_SEAL_INVALID'
  /** The sealed head event no longer has the sealed hash: the chain was re-hashed up to it. */
  | 'JOURNAL_SEAL_MISMATCH'
  /** Fewer events than the seal covers: the tail was cut off. */
  | 'JOURNAL_TRUNCATED'
  /** Events after the sealed head: appended without the key. */
  | 'JOURNAL_UNSEALED_EVENTS'
  /** An event already verified in this session is no longer the one that was verified. */
  | 'JOURNAL_VERIFIED_HEAD_CHANGED';

/** The first problem found in a journal, with the index (0-based position in the array) where it is. */
export interface JournalProblem {
  readonly code: JournalProblemCode;
  readonly index: number;
  /** The sequence number of the first bad event (for a cut-off tail: the first missing one). */
  readonly seq: number | undefined;
  readonly message: LocalizedText;
}

/** The verdict of {@link verifyJournal}. */
export type JournalVerification =
  | { readonly ok: true; readonly length: number; readonly lastHash: string }
  | { readonly ok: false; readonly problem: JournalProblem };

/** Checks a single event's payload against the domain model; returns false if it fails its schema. */
export type PayloadCheck = (event: { type: string; schemaVersion: number; payload: unknown }) => boolean;

/** The anchor of a journal (DP-44): the seal port and the stream's latest stored seal. */
export interface SealCheck {
  readonly port: JournalSeal;
  readonly record: JournalSealRecord | undefined;
  /** A seal record already checked with the port (same signature): its signature is not recomputed. */
  readonly trustedRecord?: JournalSealRecord;
}

/** Options for {@link verifyJournal}. */
export interface VerifyOptions {
  /**
   * Also check each payload against its event schema. The domain model passes its own check here;
   * erased payloads (DP-32) are exempt.
   */
  readonly checkPayload?: PayloadCheck;
  /** Check the journal against its seal (DP-44). Without it the chain is checked but not anchored. */
  readonly seal?: SealCheck;
  /**
   * A head this process verified before: events up to it are not hashed again, only the head's hash
   * is compared, which keeps re-reads of long journals cheap. Erasure markers are still checked over
   * the whole journal (they change payloads, never hashes).
   */
  readonly from?: JournalHead;
}

const messages: Record<JournalProblemCode, (n: number) => LocalizedText> = {
  JOURNAL_EVENT_MALFORMED: (n) => text(`Ereignis ${n} ist fehlerhaft aufgebaut.`, `Event ${n} is malformed.`),
  JOURNAL_WRONG_STREAM: (n) =>
    text(`Ereignis ${n} gehört zu einer anderen Akte.`, `Event ${n} belongs to another case.`),
  JOURNAL_SEQUENCE_GAP: (n) =>
    text(
      `Lücke oder Vertauschung in der Ereignisfolge bei Ereignis ${n}.`,
      `Gap or swap in the event sequence at event ${n}.`,
    ),
  JOURNAL_PAYLOAD_HASH_MISMATCH: (n) =>
    text(`Inhalt von Ereignis ${n} wurde verändert.`, `The content of event ${n} was altered.`),
  JOURNAL_HASH_MISMATCH: (n) => text(`Ereignis ${n} wurde verändert.`, `Event ${n} was altered.`),
  JOURNAL_BROKEN_LINK: (n) =>
    text(`Die Kette ist vor Ereignis ${n} unterbrochen.`, `The chain is broken before event ${n}.`),
  JOURNAL_PAYLOAD_INVALID: (n) =>
    text(`Ereignis ${n} passt nicht zu seinem Schema.`, `Event ${n} does not match its schema.`),
  JOURNAL_ERASURE_UNAUTHORISED: (n) =>
    text(
      `Ereignis ${n} ist als gelöscht markiert, ohne dass eine Löschung entschieden wurde.`,
      `Event ${n} is marked as erased although no erasure was decided.`,
    ),
  JOURNAL_EVENT_UNREADABLE: (n) =>
    text(
      `Ereignis ${n} lässt sich nicht entschlüsseln: es wurde verändert.`,
      `Event ${n} cannot be decrypted: it was altered.`,
    ),
  JOURNAL_SEAL_MISSING: (n) =>
    text(
      `Die Akte ist nicht versiegelt (bis Ereignis ${n}); sie wird nicht angezeigt.`,
      `The case journal is not sealed (up to event ${n}); it is not shown.`,
    ),
  JOURNAL_SEAL_INVALID: (n) =>
    text(
      `Das Siegel der Akte (Ereignis ${n}) stammt nicht von diesem Speicher.`,
      `The seal of the case journal (event ${n}) was not made by this store.`,
    ),
  JOURNAL_SEAL_MISMATCH: (n) =>
    text(
      `Ereignis ${n} stimmt nicht mit dem Siegel überein: die Kette bis dorthin wurde neu berechnet.`,
      `Event ${n} does not match the seal: the chain up to it was recomputed.`,
    ),
  JOURNAL_TRUNCATED: (n) =>
    text(
      `Ereignis ${n} und folgende fehlen: die Akte wurde gekürzt.`,
      `Event ${n} and later are missing: the journal was cut.`,
    ),
  JOURNAL_UNSEALED_EVENTS: (n) =>
    text(`Ereignis ${n} wurde ohne Siegel angefügt.`, `Event ${n} was appended without a seal.`),
  JOURNAL_VERIFIED_HEAD_CHANGED: (n) =>
    text(`Ereignis ${n} wurde nach seiner Prüfung verändert.`, `Event ${n} was altered after it had been verified.`),
};

/** A refused verification naming the event at `index` (sequence number `seq`). */
export function journalProblem(code: JournalProblemCode, index: number, seq?: number): JournalVerification {
  const n = seq ?? index + 1;
  return { ok: false, problem: { code, index, seq: n, message: messages[code](n) } };
}

/**
 * Checks a journal's head against its seal (DP-44): genuine, of this stream, covering exactly these
 * events, and the sealed head's hash unchanged. `undefined` when it holds. Also used for journal cuts,
 * whose hidden links carry the same `caseId` and `hash`.
 */
export async function checkSeal(
  seal: SealCheck,
  events: readonly Pick<JournalEvent, 'caseId' | 'hash'>[],
): Promise<JournalVerification | undefined> {
  const { record } = seal;
  const length = events.length;
  if (record === undefined) return length === 0 ? undefined : journalProblem('JOURNAL_SEAL_MISSING', length - 1);
  const head = events.at(-1);
  const sameAsTrusted =
    seal.trustedRecord !== undefined &&
    seal.trustedRecord.signature === record.signature &&
    seal.trustedRecord.seq === record.seq &&
    seal.trustedRecord.hash === record.hash &&
    seal.trustedRecord.caseId === record.caseId;
  if ((head !== undefined && record.caseId !== head.caseId) || !(sameAsTrusted || (await seal.port.verify(record)))) {
    return journalProblem('JOURNAL_SEAL_INVALID', Math.max(0, record.seq - 1), record.seq);
  }
  if (record.seq > length) return journalProblem('JOURNAL_TRUNCATED', length, length + 1);
  if (record.seq < length) return journalProblem('JOURNAL_UNSEALED_EVENTS', record.seq, record.seq + 1);
  if (record.seq > 0 && events[record.seq - 1]!.hash !== record.hash)
    return journalProblem('JOURNAL_SEAL_MISMATCH', record.seq - 1, record.seq);
  return undefined;
}

/**
 * Verifies a stream of events (DP-38, DP-44): each event matches the envelope schema, belongs to the
 * same stream, follows its predecessor without a gap in sequence numbers, its erasable part matches
 * `payloadHash` (unless erased, and then only with a decision behind the marker), its `hash` is right,
 * and its `prevHash` is its predecessor's hash; then the head against the stream's seal, when one is
 * required. Reports the first problem, naming the first bad event.
 */
export async function verifyJournal(
  events: readonly unknown[],
  options: VerifyOptions = {},
): Promise<JournalVerification> {
  let prevHash = GENESIS_HASH;
  let caseId: string | undefined;
  const parsedEvents: JournalEvent[] = [];
  for (const [index, raw] of events.entries()) {
    const parsed = parseJournalEvent(raw);
    const seqOf = (raw as { seq?: unknown } | null)?.seq;
    if (!parsed.success)
      return journalProblem('JOURNAL_EVENT_MALFORMED', index, typeof seqOf === 'number' ? seqOf : undefined);
    parsedEvents.push(parsed.data);
  }
  const authorisations = erasureAuthorisations(parsedEvents);
  const from = options.from;
  const trustedUpTo =
    from !== undefined && from.seq <= parsedEvents.length && parsedEvents[from.seq - 1]?.hash === from.hash
      ? from.seq
      : 0;
  if (from !== undefined && from.seq > 0 && trustedUpTo === 0) {
    // A head verified before has changed or gone: report it rather than re-hash from scratch quietly.
    if (from.seq > parsedEvents.length)
      return journalProblem('JOURNAL_TRUNCATED', parsedEvents.length, parsedEvents.length + 1);
    return journalProblem('JOURNAL_VERIFIED_HEAD_CHANGED', from.seq - 1, from.seq);
  }
  for (const [index, event] of parsedEvents.entries()) {
    const fail = (code: JournalProblemCode) => journalProblem(code, index, event.seq);
    caseId ??= event.caseId;
    if (event.caseId !== caseId) return fail('JOURNAL_WRONG_STREAM');
    if (event.seq !== index + 1) return journalProblem('JOURNAL_SEQUENCE_GAP', index, index + 1);
    if (!erasureIsAuthorised(event, authorisations)) return fail('JOURNAL_ERASURE_UNAUTHORISED');
    if (index < trustedUpTo) {
      prevHash = event.hash;
      continue;
    }
    // Hashed in the calling thread, one event after the other (see sha256.ts for why not WebCrypto).
    const erased = isErasedPayload(event.payload);
    if (!erased && hashPayloadSync(event.payload, event.note) !== event.payloadHash)
      return fail('JOURNAL_PAYLOAD_HASH_MISMATCH');
    if (hashEnvelopeSync(event) !== event.hash) return fail('JOURNAL_HASH_MISMATCH');
    if (event.prevHash !== prevHash) return fail('JOURNAL_BROKEN_LINK');
    if (!erased && options.checkPayload && !options.checkPayload(event)) return fail('JOURNAL_PAYLOAD_INVALID');
    prevHash = event.hash;
  }
  if (options.seal !== undefined) {
    const sealProblem = await checkSeal(options.seal, parsedEvents);
    if (sealProblem !== undefined) return sealProblem;
  }
  return { ok: true, length: parsedEvents.length, lastHash: prevHash };
}

/**
 * Verifies events that continue a head verified before (DP-44), without reading what came before:
 * each must be well formed, of the same stream, numbered and linked after the head, with its hashes
 * right and its payload valid; then the new head against the seal. A tail that holds an erasure
 * marker cannot be judged without the decisions before it: the caller verifies the whole journal
 * then (`verifyJournal`). Reports the first problem, naming the event.
 */
export async function verifyJournalTail(
  head: JournalHead,
  tail: readonly unknown[],
  options: Omit<VerifyOptions, 'from'> = {},
): Promise<JournalVerification | 'needs-whole-journal'> {
  let prevHash = head.hash;
  const parsedTail: JournalEvent[] = [];
  for (const [offset, raw] of tail.entries()) {
    const index = head.seq + offset;
    const parsed = parseJournalEvent(raw);
    if (!parsed.success) return journalProblem('JOURNAL_EVENT_MALFORMED', index, index + 1);
    const event = parsed.data;
    if (isErasedPayload(event.payload)) return 'needs-whole-journal';
    if (event.caseId !== head.caseId) return journalProblem('JOURNAL_WRONG_STREAM', index, event.seq);
    if (event.seq !== index + 1) return journalProblem('JOURNAL_SEQUENCE_GAP', index, index + 1);
    if (hashPayloadSync(event.payload, event.note) !== event.payloadHash)
      return journalProblem('JOURNAL_PAYLOAD_HASH_MISMATCH', index, event.seq);
    if (hashEnvelopeSync(event) !== event.hash) return journalProblem('JOURNAL_HASH_MISMATCH', index, event.seq);
    if (event.prevHash !== prevHash) return journalProblem('JOURNAL_BROKEN_LINK', index, event.seq);
    if (options.checkPayload && !options.checkPayload(event))
      return journalProblem('JOURNAL_PAYLOAD_INVALID', index, event.seq);
    prevHash = event.hash;
    parsedTail.push(event);
  }
  const length = head.seq + parsedTail.length;
  if (options.seal !== undefined && parsedTail.length > 0) {
    // The seal is checked against the new head only: positions before it were verified already.
    const { record } = options.seal;
    const last = parsedTail.at(-1)!;
    if (record === undefined) return journalProblem('JOURNAL_SEAL_MISSING', length - 1, length);
    if (record.caseId !== head.caseId || !(await options.seal.port.verify(record)))
      return journalProblem('JOURNAL_SEAL_INVALID', Math.max(0, record.seq - 1), record.seq);
    if (record.seq > length) return journalProblem('JOURNAL_TRUNCATED', length, length + 1);
    if (record.seq < length) return journalProblem('JOURNAL_UNSEALED_EVENTS', record.seq, record.seq + 1);
    if (record.hash !== last.hash) return journalProblem('JOURNAL_SEAL_MISMATCH', length - 1, length);
  }
  return { ok: true, length, lastHash: prevHash };
}
