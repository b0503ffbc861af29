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
 * The free text that travels with an event but is not part of its domain payload (DP-43): the
 * reason a caller gave for a command and the acting user's display name. It belongs to the erasable
 * part of the event: `payloadHash` covers it together with the payload, and erasure removes both,
 * so the hashed envelope holds only codes, ids and times.
 */
export const eventNoteSchema = z.strictObject({
  reason: z.optional(z.string()),
  actorName: z.optional(z.string()),
});

/** Free text of an event outside its payload; see {@link eventNoteSchema}. */
export type EventNote = z.infer<typeof eventNoteSchema>;

/**
 * The envelope of every event in a case journal. The payload's shape depends on `type` and
 * `schemaVersion` and is checked by the domain model; the envelope is the same for all.
 *
 * Hash chain: `payloadHash = sha256(canonical(payload))` (or of `{ note, payload }` when the event has a
 * note) and `hash = sha256(canonical(envelope without hash, payload and note))`, where the envelope
 * includes `prevHash` and `payloadHash`. Hashing the erasable part separately is what lets it be erased
 * (DP-32, DP-36, DP-43) while the chain still verifies. The envelope holds only codes, ids and times;
 * the actor is named by id, role and agency (its display name is in the note).
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
  /**
   * Legacy only (journals written before DP-43): a free-text reason in the hashed envelope. New events
   * never carry it; their reason is in the payload or in {@link EventNote}. Old events keep it, because
   * their stored hash covers it (see docs/architecture.md, "Envelope and payload").
   */
  reason: z.optional(z.string()),
  /**
   * The id of the command or batch that decided this event (idempotency: the same id again writes
   * nothing). Hashed with the envelope, so a retry can be recognised from the journal alone.
   */
  commandId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  payload: z.unknown(),
  /** Free text beside the payload (DP-43), covered by `payloadHash`, removed by erasure. */
  note: z.optional(eventNoteSchema),
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
  /**
   * A free-text reason the caller gave beside the input (the command envelope's `reason`). It goes
   * into the event's erasable {@link EventNote}, never into the hashed envelope (DP-43).
   */
  readonly reason?: string;
}

/** Tells whether a stored payload was erased under DP-32. */
export function isErasedPayload(payload: unknown): payload is ErasedPayload {
  // Fast path first: a failing zod parse builds an error object, which made this the hot spot of every replay.
  if (typeof payload !== 'object' || payload === null || (payload as { erased?: unknown }).erased !== true)
    return false;
  return erasedPayloadSchema.safeParse(payload).success;
}
