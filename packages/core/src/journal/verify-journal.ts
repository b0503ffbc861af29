import type { LocalizedText } from '../i18n/localized-text.js';
import { text } from '../i18n/localized-text.js';
import { hashEnvelope, hashPayload } from './chain.js';
import { GENESIS_HASH, isErasedPayload, journalEventSchema } from './journal-event.js';

/** What can be wrong with a journal, first problem only. */
export type JournalProblemCode =
  | 'JOURNAL_EVENT_MALFORMED'
  | 'JOURNAL_WRONG_STREAM'
  | 'JOURNAL_SEQUENCE_GAP'
  | 'JOURNAL_PAYLOAD_HASH_MISMATCH'
  | 'JOURNAL_HASH_MISMATCH'
  | 'JOURNAL_BROKEN_LINK'
  | 'JOURNAL_PAYLOAD_INVALID';

/** The first problem found in a journal, with the index (0-based position in the array) where it is. */
export interface JournalProblem {
  readonly code: JournalProblemCode;
  readonly index: number;
  readonly seq: number | undefined;
  readonly message: LocalizedText;
}

/** The verdict of {@link verifyJournal}. */
export type JournalVerification =
  | { readonly ok: true; readonly length: number; readonly lastHash: string }
  | { readonly ok: false; readonly problem: JournalProblem };

/** Checks a single event's payload against the domain model; returns false if it fails its schema. */
export type PayloadCheck = (event: { type: string; schemaVersion: number; payload: unknown }) => boolean;

/** Options for {@link verifyJournal}. */
export interface VerifyOptions {
  /**
   * Also check each payload against its event schema. The domain model passes its own check here;
   * erased payloads (DP-32) are exempt.
   */
  readonly checkPayload?: PayloadCheck;
}

/**
 * Verifies a stream of events (DP-38): each event matches the envelope schema, belongs to the same
 * stream, follows its predecessor without a gap in sequence numbers, its payload matches
 * `payloadHash` (unless erased under DP-32), its `hash` is right, and its `prevHash` is its
 * predecessor's hash. Reports the first problem, with the index of the first broken link.
 */
export async function verifyJournal(
  events: readonly unknown[],
  options: VerifyOptions = {},
): Promise<JournalVerification> {
  let prevHash = GENESIS_HASH;
  let caseId: string | undefined;
  for (const [index, raw] of events.entries()) {
    const parsed = journalEventSchema.safeParse(raw);
    const seqOf = (raw as { seq?: unknown } | null)?.seq;
    const seq = typeof seqOf === 'number' ? seqOf : undefined;
    const fail = (code: JournalProblemCode, message: LocalizedText): JournalVerification => ({
      ok: false,
      problem: { code, index, seq, message },
    });
    if (!parsed.success) {
      return fail(
        'JOURNAL_EVENT_MALFORMED',
        text(`Ereignis ${index + 1} ist fehlerhaft aufgebaut.`, `Event ${index + 1} is malformed.`),
      );
    }
    const event = parsed.data;
    caseId ??= event.caseId;
    if (event.caseId !== caseId) {
      return fail(
        'JOURNAL_WRONG_STREAM',
        text(`Ereignis ${index + 1} gehört zu einer anderen Akte.`, `Event ${index + 1} belongs to another case.`),
      );
    }
    if (event.seq !== index + 1) {
      return fail(
        'JOURNAL_SEQUENCE_GAP',
        text(
          `Lücke in der Ereignisfolge vor Ereignis ${index + 1}.`,
          `Gap in the event sequence before event ${index + 1}.`,
        ),
      );
    }
    const erased = isErasedPayload(event.payload);
    if (!erased && (await hashPayload(event.payload)) !== event.payloadHash) {
      return fail(
        'JOURNAL_PAYLOAD_HASH_MISMATCH',
        text(`Inhalt von Ereignis ${index + 1} wurde verändert.`, `The content of event ${index + 1} was altered.`),
      );
    }
    if ((await hashEnvelope(event)) !== event.hash) {
      return fail(
        'JOURNAL_HASH_MISMATCH',
        text(`Ereignis ${index + 1} wurde verändert.`, `Event ${index + 1} was altered.`),
      );
    }
    if (event.prevHash !== prevHash) {
      return fail(
        'JOURNAL_BROKEN_LINK',
        text(`Die Kette ist vor Ereignis ${index + 1} unterbrochen.`, `The chain is broken before event ${index + 1}.`),
      );
    }
    if (!erased && options.checkPayload && !options.checkPayload(event)) {
      return fail(
        'JOURNAL_PAYLOAD_INVALID',
        text(`Ereignis ${index + 1} passt nicht zu seinem Schema.`, `Event ${index + 1} does not match its schema.`),
      );
    }
    prevHash = event.hash;
  }
  return { ok: true, length: events.length, lastHash: prevHash };
}
