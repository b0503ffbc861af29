import {
  indexEntryFromJournal,
  isErasedPayload,
  journalRefusal,
  ok,
  verifyJournal,
  type AppendRequest,
  type AppendResult,
  type CaseIndexEntry,
  type JournalEvent,
  type JournalSeal,
  type Refusal,
  type Result,
} from '@fallkit/core';
import type { SyncDexie } from '../database/sync-database.js';
import type { JournalChange } from '../protocol/sync-protocol.js';
import { syncRefusal } from '../messages/sync-refusals.js';

/** What applying changes needs of the local store (a `DexieCaseStore` has all of it). */
export interface LocalStore {
  readonly journalSeal?: JournalSeal | undefined;
  readJournal(caseId: string): Promise<JournalEvent[]>;
  append(request: AppendRequest): Promise<AppendResult>;
  deleteStream(caseId: string): Promise<void>;
}

/**
 * Checks a received journal before anything of it is written (DP-38): the hash chain from the first
 * event. The server's seal is made with the server's key, which a device does not hold; the device
 * seals the head it stores with its own key (DP-44). Replaceable, so a journal cut by the core can be
 * checked with the core's cut verification.
 */
export type ReceivedJournalCheck = (caseId: string, events: readonly JournalEvent[]) => Promise<Refusal | undefined>;

/** The default check: the core's `verifyJournal` over the whole received journal. */
export const verifyReceivedJournal: ReceivedJournalCheck = async (caseId, events) => {
  const verdict = await verifyJournal(events);
  return verdict.ok ? undefined : journalRefusal(caseId, verdict.problem);
};

/** What applying a journal change did. */
export type AppliedJournal =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'appended'; readonly added: number }
  /** The local journal held events the server's does not (own commands still pending, or another outcome): it was replaced. */
  | { readonly kind: 'replaced'; readonly dropped: number }
  /** A tail that does not continue what this device holds: the case must be fetched whole. */
  | { readonly kind: 'needs-bootstrap' };

/** Whether two copies of an event are the same as stored: same hash, and the same erased or withheld payload. */
function sameStored(a: JournalEvent, b: JournalEvent): boolean {
  return (
    a.hash === b.hash &&
    isErasedPayload(a.payload) === isErasedPayload(b.payload) &&
    (a.payload === undefined) === (b.payload === undefined)
  );
}

function indexOf(caseId: string, events: readonly JournalEvent[]): Result<CaseIndexEntry | undefined> {
  try {
    return ok(indexEntryFromJournal(events));
  } catch {
    return { ok: false, errors: [syncRefusal('SYNC_JOURNAL_REFUSED', caseId)] };
  }
}

/**
 * Applies one case's journal from the server to the local store. The server's journal is the truth:
 * - when the local journal is a prefix of it, the new events are appended (with the index row and the
 *   device's seal of the new head, in one transaction);
 * - when the local journal holds events the server's does not (this device's own commands, decided
 *   locally and not yet answered, or erasures the server carried out), the stream is replaced by the
 *   server's journal; the caller then decides the pending commands again on top of it, so they stay
 *   visible. Replacing deletes the old case key and makes a new one (crypto-shredding erased payloads).
 * A tail (events not starting at 1) must continue the server head this device holds, else the case
 * is fetched whole (`needs-bootstrap`). Nothing is written when the received journal does not verify.
 */
export async function applyJournalChange(
  store: LocalStore,
  db: SyncDexie,
  change: JournalChange,
  check: ReceivedJournalCheck = verifyReceivedJournal,
): Promise<Result<AppliedJournal>> {
  const { caseId, events } = change;
  if (events.length === 0) return ok({ kind: 'unchanged' });
  const local = await store.readJournal(caseId);
  let server: JournalEvent[];
  const first = events[0]!;
  if (first.seq === 1) server = [...events];
  else {
    const head = await db.heads.get(caseId);
    const known = local[first.seq - 2];
    if (head?.seq !== first.seq - 1 || known?.hash !== head.hash || first.prevHash !== head.hash)
      return ok({ kind: 'needs-bootstrap' });
    server = [...local.slice(0, first.seq - 1), ...events];
  }
  const refusal = await check(caseId, server);
  if (refusal !== undefined)
    return { ok: false, errors: [{ ...syncRefusal('SYNC_JOURNAL_REFUSED', `${caseId}: ${refusal.code}`) }, refusal] };
  const index = indexOf(caseId, server);
  if (!index.ok) return index;
  const last = server.at(-1)!;
  const seal =
    store.journalSeal === undefined
      ? undefined
      : await store.journalSeal.sign({ caseId, seq: last.seq, hash: last.hash });
  const prefix = local.length <= server.length && local.every((event, i) => sameStored(event, server[i]!));
  const write = async (expectedSeq: number, toWrite: JournalEvent[]) =>
    store.append({
      caseId,
      expectedSeq,
      events: toWrite,
      ...(index.value === undefined ? {} : { index: index.value }),
      ...(seal === undefined ? {} : { seal }),
    });
  let outcome: AppliedJournal;
  if (prefix) {
    const added = server.slice(local.length);
    if (added.length > 0) {
      const appended = await write(local.length, added);
      if (!appended.ok) return appended;
    }
    outcome = added.length === 0 ? { kind: 'unchanged' } : { kind: 'appended', added: added.length };
  } else {
    await store.deleteStream(caseId);
    const appended = await write(0, server);
    if (!appended.ok) return appended;
    const dropped = local.filter((event) => !server.some((s) => sameStored(s, event))).length;
    outcome = { kind: 'replaced', dropped };
  }
  await db.heads.put({ caseId, seq: last.seq, hash: last.hash });
  return ok(outcome);
}
