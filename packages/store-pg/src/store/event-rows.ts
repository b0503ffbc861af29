import type { JournalEvent } from '@fallkit/core';

/** A stored event as the reads select it: json columns as text, parsed here the same way for both drivers. */
export interface EventRow {
  readonly envelope: string;
  readonly payload: string | null;
  readonly note: string | null;
}

/** The columns every event read selects, in the shape of {@link EventRow}. */
export const EVENT_COLUMNS = 'envelope::text as envelope, payload::text as payload, note::text as note';

/**
 * The events of an append as one JSON parameter: rows `[seq, id, type, hash, envelope, payload, commandId,
 * note]`, where the envelope (the event without payload and note, kept as sealed), the payload and the note are
 * JSON texts of their own. Payload and note go apart because erasure removes them and nothing else; `null`
 * stands for a payload that was undefined and for an event without a note.
 */
export function encodeEvents(events: readonly JournalEvent[]): string {
  return JSON.stringify(
    events.map((event) => {
      const { payload, note, ...envelope } = event;
      return [
        event.seq,
        event.id,
        event.type,
        event.hash,
        JSON.stringify(envelope),
        payload === undefined ? null : JSON.stringify(payload),
        event.commandId ?? null,
        note === undefined ? null : JSON.stringify(note),
      ];
    }),
  );
}

/** Rebuilds an event from its row: a fresh object every time, so callers can never change what is stored. */
export function decodeEvent(row: EventRow): JournalEvent {
  const event: Record<string, unknown> = JSON.parse(row.envelope) as Record<string, unknown>;
  // SQL NULL is a payload that was undefined when sealed (JSON has no undefined); json 'null' stays null.
  if (row.payload !== null) event.payload = JSON.parse(row.payload) as unknown;
  if (row.note !== null) event.note = JSON.parse(row.note) as unknown;
  return event as JournalEvent;
}
