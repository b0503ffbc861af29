import {
  ok,
  type AppendRequest,
  type AppendResult,
  type CaseIndexEntry,
  type JournalEvent,
  type JournalSeal,
  type PayloadCheck,
  type Refusal,
  type Result,
} from '@fallkit/core';
import { indexEntryFromJournal, isErasedPayload, journalRefusal } from '@fallkit/core/internal';
import { createStoredPayloadCheck, findInvalidPayload, isHiddenLink, verifyCutJournal } from '@fallkit/core/sync';
import type { SyncDexie } from '../database/sync-database.js';
import type { JournalChange, ReceivedEvent } from '../protocol/sync-protocol.js';
import { syncRefusal } from '../messages/sync-refusals.js';

/** What applying changes needs of the local store (a `DexieCaseStore` has all of it). */
export interface LocalStore {
  readonly journalSeal?: JournalSeal | undefined;
  readJournal(caseId: string): Promise<JournalEvent[]>;
  append(request: AppendRequest): Promise<AppendResult>;
  deleteStream(caseId: string): Promise<void>;
}

/**
 * Checks a received journal before anything of it is written (DP-38): the core's `verifyCutJournal`,
 * which checks whole events as `verifyJournal` does and hidden links by place and link. The server's
 * seal is made with the server's key, which a device does not hold; the device seals the head it
 * stores with its own key (DP-44). Replaceable by a host that can check the server's seal.
 */
export type ReceivedJournalCheck = (
  caseId: string,
  events: readonly ReceivedEvent[],
  /** The server's signature of the journal's head, as received (checked by the sync engine's `ServerKeys`). */
  signedHead?: unknown,
) => Promise<Refusal | undefined>;

/** The default check: the core's chain verification of a full journal or a cut. */
export const verifyReceivedJournal: ReceivedJournalCheck = async (caseId, events) => {
  const verdict = await verifyCutJournal(events);
  return verdict.ok ? undefined : journalRefusal(caseId, verdict.problem);
};

/** The payload check of the built-in modules' events, the one a case service reads with (DP-38). */
const BUILT_IN_PAYLOADS: PayloadCheck = /* @__PURE__ */ createStoredPayloadCheck();

/** What applying a journal change did. */
export type AppliedJournal =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'appended'; readonly added: number }
  /** The local journal held events the server's does not (own commands still pending, or another outcome): it was replaced. */
  | { readonly kind: 'replaced'; readonly dropped: number }
  /** A tail that does not continue what this device holds: the case must be fetched whole. */
  | { readonly kind: 'needs-bootstrap' };

/** Whether two copies of an event are the same as stored: same hash, same erased state, both links or both whole. */
function sameStored(a: ReceivedEvent, b: ReceivedEvent): boolean {
  const payload = (e: ReceivedEvent) => (isHiddenLink(e) ? undefined : e.payload);
  return (
    a.hash === b.hash &&
    isHiddenLink(a) === isHiddenLink(b) &&
    isErasedPayload(payload(a)) === isErasedPayload(payload(b))
  );
}

/**
 * The index row of a received journal, from its whole events (a cut's hidden links carry nothing to
 * project); `lastSeq` is the journal's real head. `undefined` when the events do not make a case.
 */
function indexOf(events: readonly ReceivedEvent[]): CaseIndexEntry | undefined {
  const whole = events.filter((e): e is JournalEvent => !isHiddenLink(e));
  try {
    const entry = indexEntryFromJournal(whole);
    const last = events.at(-1);
    return entry === undefined || last === undefined ? entry : { ...entry, lastSeq: last.seq };
  } catch {
    // A cut whose whole events do not fold on their own: the case is stored, just not listed.
    return undefined;
  }
}

/**
 * Applies one case's journal from the server to the local store. The server's journal is the truth:
 * - when the local journal is a prefix of it, the new events are appended (with the index row and the
 *   device's seal of the new head, in one transaction);
 * - when the local journal holds events the server's does not (this device's own commands, decided
 *   locally and not yet answered, an erasure the server carried out, or a part now hidden), the stream
 *   is replaced by the server's journal; the caller then decides the pending commands again on top of
 *   it, so they stay visible. Replacing deletes the old case key and makes a new one (crypto-shredding).
 * A journal not starting at 1 must continue the server head this device holds, else the case is fetched
 * whole (`needs-bootstrap`). Nothing is written when the received journal does not verify, nor when a
 * kept event's payload does not match its type's schema (`checkPayload`, DP-38): that check runs here
 * whatever `check` a host passes, as the signature check runs whatever the chain check is, because a
 * stored journal the case service then refuses to read (`JOURNAL_PAYLOAD_INVALID`) is a case lost on
 * this device. Hidden links and erased payloads (DP-32) carry no payload and pass.
 */
export async function applyJournalChange(
  store: LocalStore,
  db: SyncDexie,
  change: Pick<JournalChange, 'caseId' | 'events' | 'signedHead'>,
  check: ReceivedJournalCheck = verifyReceivedJournal,
  /** The payload check (default: the built-in modules' events; a host with its own events passes its catalog's). */
  checkPayload: PayloadCheck = BUILT_IN_PAYLOADS,
): Promise<Result<AppliedJournal>> {
  const { caseId, events } = change;
  if (events.length === 0) return ok({ kind: 'unchanged' });
  // The store keeps hidden links as they are (store-dexie's row codec); to the store they are events.
  const local = (await store.readJournal(caseId)) as readonly ReceivedEvent[];
  let server: ReceivedEvent[];
  const first = events[0]!;
  if (first.seq === 1) server = [...events];
  else {
    const head = await db.heads.get(caseId);
    const known = local[first.seq - 2];
    if (head?.seq !== first.seq - 1 || known?.hash !== head.hash || first.prevHash !== head.hash)
      return ok({ kind: 'needs-bootstrap' });
    server = [...local.slice(0, first.seq - 1), ...events];
  }
  // Only what this device does not hold as it is: the rest passed this check (or its own service's) when stored.
  let held = 0;
  while (held < local.length && held < server.length && sameStored(local[held]!, server[held]!)) held += 1;
  const invalid = findInvalidPayload(server.slice(held), checkPayload);
  const refusal =
    (await check(caseId, server, change.signedHead)) ??
    (invalid === undefined ? undefined : journalRefusal(caseId, invalid));
  if (refusal !== undefined)
    return { ok: false, errors: [syncRefusal('SYNC_JOURNAL_REFUSED', `${caseId}: ${refusal.code}`), refusal] };
  const index = indexOf(server);
  const last = server.at(-1)!;
  const seal =
    store.journalSeal === undefined
      ? undefined
      : await store.journalSeal.sign({ caseId, seq: last.seq, hash: last.hash });
  const prefix = local.length <= server.length && local.every((event, i) => sameStored(event, server[i]!));
  const write = async (expectedSeq: number, toWrite: readonly ReceivedEvent[]) =>
    store.append({
      caseId,
      expectedSeq,
      events: toWrite as readonly JournalEvent[],
      ...(index === undefined ? {} : { index }),
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
  await db.heads.put({
    caseId,
    seq: last.seq,
    hash: last.hash,
    ...(change.signedHead === undefined ? {} : { signedHead: change.signedHead }),
  });
  return ok(outcome);
}
