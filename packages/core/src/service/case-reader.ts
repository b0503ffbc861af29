import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import { applyEvents, foldCase } from '../fold/fold-case.js';
import type { CaseState } from '../model/case-state.js';
import { PRIVACY_EVENTS } from '../privacy/events.js';
import { foldPrivacy, type PrivacyState } from '../privacy/privacy-state.js';
import { RIGHTS_EVENT_TYPES } from '../rights/rights-events.js';
import { foldRights, type RightsState } from '../rights/rights-state.js';
import { ok, type Result } from '../result/refusal.js';
import type { CaseStore } from '../store/case-store.js';
import { storeFailure, unreadableJournal } from './service-failures.js';
import type { JournalHead, JournalSeal, JournalSealRecord } from '../journal/journal-seal.js';
import { journalRefusal } from '../journal/journal-verifier.js';
import { verifyJournal, verifyJournalTail, type PayloadCheck } from '../journal/verify-journal.js';
import { refused } from '../result/refusal.js';

/**
 * A case as the command pipeline needs it, at one head of its journal: the stored events, the folded
 * state, and the data-protection and rights projections. Immutable: a command builds the next head
 * with {@link extendHead}, so a refused batch leaves the head it started from untouched.
 */
export interface CaseHead {
  readonly caseId: string;
  /** The stored events up to the head, in order (not upcast). */
  readonly journal: readonly JournalEvent[];
  /** The head: the last event, `undefined` for a stream without events. */
  readonly last: JournalEvent | undefined;
  readonly lastSeq: number;
  /** The fold of `journal`; `undefined` while the case does not exist. */
  readonly state: CaseState | undefined;
  /** Consents, transfers, grants … (`foldPrivacy(journal)`, computed from {@link protective} alone). */
  readonly privacy: PrivacyState;
  /** The data-subject rights (`foldRights(journal)`, likewise). */
  readonly rights: RightsState;
  /**
   * The events the privacy and rights folds read: events of those modules' types, plus the first
   * event of every actor (its envelope says which agency the actor writes for). Folding these gives
   * exactly what folding the whole journal gives, at a cost that grows with consents and rights
   * requests instead of with the journal.
   */
  readonly protective: readonly JournalEvent[];
  /** Actors already represented in {@link protective}. */
  readonly actors: ReadonlySet<string>;
}

const PROTECTIVE_TYPES = new Set<string>([...Object.keys(PRIVACY_EVENTS), ...RIGHTS_EVENT_TYPES]);

function emptyHead(caseId: string): CaseHead {
  return {
    caseId,
    journal: [],
    last: undefined,
    lastSeq: 0,
    state: undefined,
    privacy: foldPrivacy([]),
    rights: foldRights([]),
    protective: [],
    actors: new Set(),
  };
}

/**
 * The head after further events that continue `head` (sealed by a command, or read from the store),
 * with the state already folded by the caller. The projections are refolded only when the events
 * include protective ones, and then from the protective events alone.
 */
export function extendHead(head: CaseHead, events: readonly JournalEvent[], state: CaseState | undefined): CaseHead {
  if (events.length === 0) return head;
  let actors = head.actors;
  const added: JournalEvent[] = [];
  for (const event of events) {
    const newActor = !actors.has(event.actor.id);
    if (newActor) actors = new Set([...actors, event.actor.id]);
    if (newActor || PROTECTIVE_TYPES.has(event.type)) added.push(event);
  }
  const protective = added.length === 0 ? head.protective : head.protective.concat(added);
  return {
    caseId: head.caseId,
    journal: head.journal.concat(events),
    last: events.at(-1),
    lastSeq: events.at(-1)?.seq ?? head.lastSeq,
    state,
    privacy: added.length === 0 ? head.privacy : foldPrivacy(protective),
    rights: added.length === 0 ? head.rights : foldRights(protective),
    protective,
    actors,
  };
}

/**
 * Whether a stored event can be folded: the envelope fields the fold and the guards read, and a
 * payload (possibly an erasure marker). Deliberately shallow, as it runs on every event read: hashes,
 * formats and payload schemas are what verification checks (`loadCase(…, { verify: true })`).
 */
function readable(event: unknown): event is JournalEvent {
  if (event === null || typeof event !== 'object') return false;
  const e = event as Partial<Record<keyof JournalEvent, unknown>>;
  const actor = e.actor as { id?: unknown; agencyId?: unknown } | null | undefined;
  return (
    typeof e.type === 'string' &&
    typeof e.caseId === 'string' &&
    typeof e.seq === 'number' &&
    typeof e.schemaVersion === 'number' &&
    typeof e.at === 'string' &&
    typeof e.hash === 'string' &&
    typeof e.prevHash === 'string' &&
    typeof actor?.id === 'string' &&
    typeof actor.agencyId === 'string' &&
    e.payload !== undefined
  );
}

/** Whether the rights decided an erasure the events in hand do not show yet (the store erases after the decision). */
function erasurePending(head: CaseHead): boolean {
  for (const seq of head.rights.erasedSeqs) {
    const event = head.journal[seq - 1];
    if (event !== undefined && !isErasedPayload(event.payload)) return true;
  }
  return false;
}

/** How a reader verifies what it reads (DP-38, DP-44). */
export interface CaseReaderVerification {
  /** The seal of the journals; without it chains and erasure markers are checked, heads are not anchored. */
  readonly seal?: JournalSeal;
  /** The payload check of every module's events. */
  readonly checkPayload?: PayloadCheck;
  /**
   * The payload check used instead of {@link checkPayload} when {@link seal} anchors the journals
   * (`createSealedReadPayloadCheck`): a head whose seal verifies was signed by a writer that checked
   * every payload, and the chain proves none changed since, so payloads at their current version are
   * not parsed again (issue 18). It is only ever passed to the verifier together with the seal check,
   * which refuses every journal the seal does not cover; without a seal, `checkPayload` runs on every read.
   */
  readonly checkSealedPayload?: PayloadCheck;
}

/**
 * How many cases one service holds in memory (the ones worked on most recently). A report or a list
 * that loads every case must not keep every journal: beyond this the least recently used head is
 * dropped and, when needed again, rebuilt from the store.
 */
export const MAX_HELD_CASES = 32;

/** Reads and folds a case: the whole journal, or the tail after a known head. */
export interface CaseReader {
  /**
   * The case at the store's current head. Reads only the events after the head this reader already
   * holds (and that head itself, to confirm the stream was not deleted or rewritten); reads and folds
   * the whole journal when it holds none, when the stored head does not match, or while an erasure
   * is decided but not yet carried out. Never throws: store failures and unreadable events are refusals.
   */
  read(caseId: string): Promise<Result<CaseHead>>;
  /** Keeps a head the service just appended, so the next command reads nothing but what came after it. */
  remember(head: CaseHead): void;
  /** Drops the held head of a case (after a refused append whose cause is unknown). */
  forget(caseId: string): void;
}

/** How often a read whose seal raced ahead of its events is read again (see `settledRead`). */
const SEAL_RACE_RETRIES = 4;

/**
 * Creates the reader of one case service: the per-case snapshot (the folded state at a head) lives
 * here, in memory. It is a cache, never the truth: every read asks the store what came after it, and
 * it is rebuilt from the journal whenever the store's head is not the one it holds.
 */
export function createCaseReader(
  store: CaseStore,
  verification: CaseReaderVerification = {},
  options: { readonly maxHeld?: number } = {},
): CaseReader {
  const { seal } = verification;
  // With a seal, the sealed-read check (DP-38, DP-44); without one, the whole payload check on every read.
  const checkPayload =
    seal === undefined ? verification.checkPayload : (verification.checkSealedPayload ?? verification.checkPayload);
  const maxHeld = options.maxHeld ?? MAX_HELD_CASES;
  // Insertion order is recency: a case read or written again moves to the end, the oldest is dropped.
  const held = new Map<string, CaseHead>();
  const snapshots = {
    get: (caseId: string) => held.get(caseId),
    delete: (caseId: string) => held.delete(caseId),
    set(caseId: string, head: CaseHead) {
      held.delete(caseId);
      held.set(caseId, head);
      for (const oldest of held.keys()) {
        if (held.size <= maxHeld) break;
        held.delete(oldest);
      }
    },
  };

  async function readSeal(caseId: string): Promise<Result<JournalSealRecord | undefined>> {
    if (seal === undefined) return ok(undefined);
    try {
      return ok(await store.readSeal?.(caseId));
    } catch (error) {
      return storeFailure(error, caseId);
    }
  }

  /** The whole journal against its chain, erasure decisions and seal; `from` is a head verified before. */
  async function verifyWhole(caseId: string, raw: readonly unknown[], from: JournalHead | undefined) {
    const record = await readSeal(caseId);
    if (!record.ok) return record;
    const verdict = await verifyJournal(raw, {
      ...(checkPayload === undefined ? {} : { checkPayload }),
      ...(seal === undefined ? {} : { seal: { port: seal, record: record.value } }),
      ...(from === undefined || raw.length === 0 ? {} : { from }),
    });
    return verdict.ok ? ok(undefined) : refused(journalRefusal(caseId, verdict.problem));
  }

  async function fetch(caseId: string, afterSeq: number): Promise<Result<readonly unknown[]>> {
    try {
      return ok(await store.readJournal(caseId, afterSeq > 0 ? { afterSeq } : {}));
    } catch (error) {
      return storeFailure(error, caseId);
    }
  }

  function fold(base: CaseHead, raw: readonly unknown[]): Result<CaseHead> {
    for (const event of raw) {
      if (!readable(event)) {
        const seq = (event as { seq?: unknown } | null)?.seq;
        return unreadableJournal(base.caseId, typeof seq === 'number' ? seq : undefined);
      }
    }
    const events = raw as readonly JournalEvent[];
    try {
      const state = base.lastSeq === 0 ? foldCase(events) : applyEvents(base.state, events);
      return ok(extendHead(base, events, state));
    } catch {
      // A reducer that cannot apply a stored payload (wrong shape): the data is bad, not the command.
      return unreadableJournal(base.caseId, undefined);
    }
  }

  async function rebuild(caseId: string): Promise<Result<CaseHead>> {
    const held = snapshots.get(caseId);
    snapshots.delete(caseId);
    const read = await fetch(caseId, 0);
    if (!read.ok) return read;
    const from = held?.last === undefined ? undefined : { caseId, seq: held.lastSeq, hash: held.last.hash };
    const verified = await verifyWhole(caseId, read.value, from);
    if (!verified.ok) return verified;
    const head = fold(emptyHead(caseId), read.value);
    if (head.ok && head.value.lastSeq > 0 && !erasurePending(head.value)) snapshots.set(caseId, head.value);
    return head;
  }

  async function read(caseId: string): Promise<Result<CaseHead>> {
    const current = snapshots.get(caseId);
    if (current?.last === undefined) return rebuild(caseId);
    const read = await fetch(caseId, current.lastSeq - 1);
    if (!read.ok) return read;
    const [first, ...tail] = read.value as readonly Partial<JournalEvent>[];
    // The held head must still be the stored event at its position: not deleted, not rewritten.
    if (first?.seq !== current.lastSeq || first.hash !== current.last.hash) return rebuild(caseId);
    if (tail.length === 0) {
      snapshots.set(caseId, current);
      return ok(current);
    }
    if (tail[0]?.prevHash !== current.last.hash) return rebuild(caseId);
    // Only what came after the verified head is verified now (DP-44), and the new head's seal.
    const record = await readSeal(caseId);
    if (!record.ok) return record;
    const verdict = await verifyJournalTail({ caseId, seq: current.lastSeq, hash: current.last.hash }, tail, {
      ...(checkPayload === undefined ? {} : { checkPayload }),
      ...(seal === undefined ? {} : { seal: { port: seal, record: record.value } }),
    });
    if (verdict === 'needs-whole-journal') return rebuild(caseId);
    if (!verdict.ok) {
      snapshots.delete(caseId);
      return refused(journalRefusal(caseId, verdict.problem));
    }
    const next = fold(current, tail);
    if (!next.ok) return next;
    if (erasurePending(next.value)) return rebuild(caseId);
    snapshots.set(caseId, next.value);
    return next;
  }

  /**
   * The store reads the events and the seal one after the other, not in one snapshot: a writer appending in
   * between leaves a seal that covers more events than were read, which looks like a cut-off tail. Such a
   * read is read again (a few times under heavy writing); a journal that was really cut off stays cut off
   * and is refused.
   */
  async function settledRead(caseId: string): Promise<Result<CaseHead>> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await read(caseId);
      if (result.ok || attempt >= SEAL_RACE_RETRIES || result.errors[0]?.code !== 'JOURNAL_TRUNCATED') return result;
      snapshots.delete(caseId);
    }
  }

  return {
    read: settledRead,
    remember(head) {
      if (head.lastSeq > 0 && !erasurePending(head)) snapshots.set(head.caseId, head);
      else snapshots.delete(head.caseId);
    },
    forget(caseId) {
      snapshots.delete(caseId);
    },
  };
}
