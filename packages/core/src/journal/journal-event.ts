import * as z from 'zod/mini';
import { ACTOR_ROLES } from '../ports/actor.js';

/** The `prevHash` of a journal's first event: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** The part of an actor that is written into every event: enough to say who did it, in which role. */
export const actorRefSchema = z.object({
  id: z.string().check(z.minLength(1)),
  role: z.enum(ACTOR_ROLES),
  agencyId: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
});

/** Marker put in place of a payload that was erased (DP-32); the envelope and `payloadHash` stay. */
export const erasedPayloadSchema = z.object({
  erased: z.literal(true),
  erasedAt: z.iso.datetime(),
  rule: z.string(),
});

/** An erased payload marker. */
export type ErasedPayload = z.infer<typeof erasedPayloadSchema>;

/**
 * The envelope of every event in a case journal. The payload's shape depends on `type` and
 * `schemaVersion` and is checked by the domain model; the envelope is the same for all.
 *
 * Hash chain: `payloadHash = sha256(canonical(payload))` and
 * `hash = sha256(canonical(envelope without hash and payload))`, where the envelope includes
 * `prevHash` and `payloadHash`. Hashing the payload separately is what lets a payload be erased
 * (DP-32) while the chain still verifies.
 */
export const journalEventSchema = z.object({
  /** Globally unique event id; makes applying an event idempotent when journals sync. */
  id: z.string().check(z.minLength(1)),
  /** Domain event type, e.g. `GoalAgreed`. */
  type: z.string().check(z.minLength(1)),
  /** Version of this event type's payload schema; older versions are upcast when read. */
  schemaVersion: z.int().check(z.positive()),
  /** The stream this event belongs to: a case id, or a log stream such as the access log. */
  caseId: z.string().check(z.minLength(1)),
  /** Position in the stream, starting at 1, without gaps. */
  seq: z.int().check(z.positive()),
  /** When it happened, from the clock port (ISO 8601 UTC). */
  at: z.iso.datetime(),
  actor: actorRefSchema,
  /** Why, where the domain asks for a reason (revisions, refusals, closures, break-glass). */
  reason: z.optional(z.string()),
  /**
   * The id of the command or batch that decided this event (idempotency: the same id again writes
   * nothing). Hashed with the envelope, so a retry can be recognised from the journal alone.
   */
  commandId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  payload: z.unknown(),
  payloadHash: hex64,
  prevHash: hex64,
  hash: hex64,
});

/** One stored event of a case journal (or of another hash-chained stream). */
export type JournalEvent = z.infer<typeof journalEventSchema>;

/** An event as a command handler decides it, before the journal gives it a place and a hash. */
export interface PendingEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly payload: unknown;
  readonly reason?: string;
}

/** Tells whether a stored payload was erased under DP-32. */
export function isErasedPayload(payload: unknown): payload is ErasedPayload {
  // Fast path first: a failing zod parse builds an error object, which made this the hot spot of every replay.
  if (typeof payload !== 'object' || payload === null || (payload as { erased?: unknown }).erased !== true)
    return false;
  return erasedPayloadSchema.safeParse(payload).success;
}
