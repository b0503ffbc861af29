import type { Actor } from '../ports/actor.js';
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, type EventNote, type JournalEvent, type PendingEvent } from './journal-event.js';
import { sha256HexSync } from './sha256.js';

/** The fields of an event that its `hash` covers: everything but the erasable part and the hash itself. */
type HashedEnvelope = Omit<JournalEvent, 'hash' | 'payload' | 'note'>;

/** `out` with one more member of canonical JSON (none for `undefined`); keys are plain names, quoted as they are. */
function member(out: string, key: string, value: unknown): string {
  return value === undefined ? out : `${out}${out === '' ? '' : ','}"${key}":${canonicalJson(value)}`;
}

/** Computes the hash of an event from its envelope (which includes `prevHash` and `payloadHash`). */
export function hashEnvelopeSync(envelope: HashedEnvelope): string {
  const { id, type, schemaVersion, caseId, seq, at, actor, reason, commandId, payloadHash, prevHash } = envelope;
  // `commandId` is absent from events sealed before it existed; canonical JSON drops undefined members,
  // so their hashes are unchanged. The members are written in their sorted order by hand: exactly
  // `canonicalJson({ id, type, … })` (a property test checks it), without sorting eleven keys per event.
  let out = member('', 'actor', actor);
  out = member(out, 'at', at);
  out = member(out, 'caseId', caseId);
  out = member(out, 'commandId', commandId);
  out = member(out, 'id', id);
  out = member(out, 'payloadHash', payloadHash);
  out = member(out, 'prevHash', prevHash);
  out = member(out, 'reason', reason);
  out = member(out, 'schemaVersion', schemaVersion);
  out = member(out, 'seq', seq);
  out = member(out, 'type', type);
  return sha256HexSync(`{${out}}`);
}

/** {@link hashEnvelopeSync}, for callers that await. */
export async function hashEnvelope(envelope: HashedEnvelope): Promise<string> {
  return hashEnvelopeSync(envelope);
}

/**
 * Computes the hash of an event's erasable part: the payload alone (as every event before DP-43), or
 * the payload together with its note. The envelope's `payloadHash` is this value.
 */
export function hashPayloadSync(payload: unknown, note?: EventNote): string {
  return sha256HexSync(canonicalJson(note === undefined ? (payload ?? null) : { note, payload: payload ?? null }));
}

/** {@link hashPayloadSync}, for callers that await. */
export async function hashPayload(payload: unknown, note?: EventNote): Promise<string> {
  return hashPayloadSync(payload, note);
}

/** The note of a new event: the caller's reason and the actor's display name, if any (DP-43). */
function noteOf(reason: string | undefined, actorName: string | undefined): EventNote | undefined {
  if (reason === undefined && actorName === undefined) return undefined;
  return { ...(reason === undefined ? {} : { reason }), ...(actorName === undefined ? {} : { actorName }) };
}

/** What a journal needs to know to give pending events their place in a stream. */
export interface SealContext {
  readonly caseId: string;
  /** The last event already in the stream, or `undefined` for a new stream. */
  readonly last: Pick<JournalEvent, 'seq' | 'hash'> | undefined;
  readonly at: string;
  readonly actor: Actor;
  readonly newId: () => string;
  /** The command or batch the events come from, recorded in every envelope (idempotency). */
  readonly commandId?: string;
}

/**
 * Turns the events a command decided into journal events: numbered after the stream's last event,
 * stamped with time and actor, and chained by hash. Pure apart from hashing. Free text (the caller's
 * reason, the actor's name) goes into the erasable note, never into the envelope (DP-43).
 */
export async function sealEvents(pending: readonly PendingEvent[], context: SealContext): Promise<JournalEvent[]> {
  const sealed: JournalEvent[] = [];
  let seq = context.last?.seq ?? 0;
  let prevHash = context.last?.hash ?? GENESIS_HASH;
  const { id, role, agencyId, name } = context.actor;
  for (const event of pending) {
    seq += 1;
    const payload = event.payload ?? null;
    const note = noteOf(event.reason, name);
    const envelope: HashedEnvelope = {
      id: context.newId(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      caseId: context.caseId,
      seq,
      at: context.at,
      actor: { id, role, agencyId },
      ...(context.commandId === undefined ? {} : { commandId: context.commandId }),
      payloadHash: await hashPayload(payload, note),
      prevHash,
    };
    const hash = await hashEnvelope(envelope);
    sealed.push({ ...envelope, payload, ...(note === undefined ? {} : { note }), hash });
    prevHash = hash;
  }
  return sealed;
}
