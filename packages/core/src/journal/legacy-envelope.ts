import type { JournalEvent } from './journal-event.js';

/**
 * The envelope upcaster (DP-43): journals written before DP-43 kept the free-text reason and the
 * actor's display name in the hashed envelope. The stored events stay exactly as they are (their
 * hash covers those fields, so they keep verifying); the copy a reader gets has them moved into the
 * note, where every new event keeps them, so readers only ever look at `note`.
 *
 * Such a legacy reason cannot be erased without breaking its event's hash: it stays, verifiable, until
 * the controller re-seals the journal (see docs/data-protection.md, "Legacy envelopes").
 */
export function upcastEnvelope(event: JournalEvent): JournalEvent {
  // Payload checks hand pending events (no actor yet) through the same upcast path.
  const legacyName = (event.actor as JournalEvent['actor'] | undefined)?.name;
  if (event.reason === undefined && legacyName === undefined) return event;
  const { reason, actor, ...rest } = event;
  const note = {
    ...(reason === undefined ? {} : { reason }),
    ...(legacyName === undefined ? {} : { actorName: legacyName }),
    ...(event.note ?? {}),
  };
  if ((actor as JournalEvent['actor'] | undefined) === undefined) return { ...rest, note } as JournalEvent;
  const { name: _name, ...actorRef } = actor;
  return { ...rest, actor: actorRef, note };
}

/** Whether an event still carries free text in its hashed envelope (written before DP-43). */
export function hasLegacyEnvelopeText(event: JournalEvent): boolean {
  return event.reason !== undefined || (event.actor as JournalEvent['actor'] | undefined)?.name !== undefined;
}
