import type { ErasedPayload, JournalEvent } from '../journal/journal-event.js';

/** The marker a store writes in place of an erased payload (DP-32). */
export function erasedPayload(erasedAt: string, rule: string): ErasedPayload {
  return { erased: true, erasedAt, rule };
}

/**
 * An event with its erasable part removed (DP-32, DP-36, DP-43): the payload becomes the marker and
 * the note (the caller's reason, the actor's name) goes. Envelope, `payloadHash` and `hash` stay, so
 * the chain still verifies; the marker is only accepted with a decision behind it (DP-44).
 */
export function erasedEvent(event: JournalEvent, erasedAt: string, rule: string): JournalEvent {
  const { note: _note, ...kept } = event;
  return { ...kept, payload: erasedPayload(erasedAt, rule) };
}
