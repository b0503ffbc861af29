import type { Actor } from '../ports/actor.js';
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, type JournalEvent, type PendingEvent } from './journal-event.js';
import { sha256Hex } from './sha256.js';

/** The fields of an event that its `hash` covers. */
type HashedEnvelope = Omit<JournalEvent, 'hash' | 'payload'>;

/** Computes the hash of an event from its envelope (which includes `prevHash` and `payloadHash`). */
export function hashEnvelope(envelope: HashedEnvelope): Promise<string> {
  const { id, type, schemaVersion, caseId, seq, at, actor, reason, commandId, payloadHash, prevHash } = envelope;
  // `commandId` is absent from events sealed before it existed; canonical JSON drops undefined members,
  // so their hashes are unchanged.
  return sha256Hex(
    canonicalJson({ id, type, schemaVersion, caseId, seq, at, actor, reason, commandId, payloadHash, prevHash }),
  );
}

/** Computes the hash of a payload. */
export function hashPayload(payload: unknown): Promise<string> {
  return sha256Hex(canonicalJson(payload ?? null));
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
 * stamped with time and actor, and chained by hash. Pure apart from hashing.
 */
export async function sealEvents(pending: readonly PendingEvent[], context: SealContext): Promise<JournalEvent[]> {
  const sealed: JournalEvent[] = [];
  let seq = context.last?.seq ?? 0;
  let prevHash = context.last?.hash ?? GENESIS_HASH;
  const { id, role, agencyId, name } = context.actor;
  for (const event of pending) {
    seq += 1;
    const payload = event.payload ?? null;
    const envelope: HashedEnvelope = {
      id: context.newId(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      caseId: context.caseId,
      seq,
      at: context.at,
      actor: name === undefined ? { id, role, agencyId } : { id, role, agencyId, name },
      ...(event.reason === undefined ? {} : { reason: event.reason }),
      ...(context.commandId === undefined ? {} : { commandId: context.commandId }),
      payloadHash: await hashPayload(payload),
      prevHash,
    };
    const hash = await hashEnvelope(envelope);
    sealed.push({ ...envelope, payload, hash });
    prevHash = hash;
  }
  return sealed;
}
