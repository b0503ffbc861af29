import type { JournalEvent } from '@fallkit/core';

/** A stored event as the reads select it: json columns as text, parsed here the same way for both drivers. */
export interface EventRow {
  readonly envelope: string;
  readonly payload: string | null;
}

/** The columns every event read selects, in the shape of {@link EventRow}. */
export const EVENT_COLUMNS = 'envelope::text as envelope, payload::text as payload';

/**
 * The events of an append as one JSON parameter: rows `[seq, id, type, hash, envelope, payload, commandId]`, where the
 * envelope (the event without its payload, kept as sealed) and the payload are JSON texts of their own. The
 * payload goes apart so that erasure replaces it alone; `null` stands for a payload that was undefined.
 */
export function encodeEvents(events: readonly JournalEvent[]): string {
  return JSON.stringify(
    events.map((event) => {
      const { payload, ...envelope } = event;
      return [
        event.seq,
        event.id,
        event.type,
        event.hash,
        JSON.stringify(envelope),
        payload === undefined ? null : JSON.stringify(payload),
        event.commandId ?? null,
      ];
    }),
  );
}

/** Rebuilds an event from its row: a fresh object every time, so callers can never change what is stored. */
export function decodeEvent(row: EventRow): JournalEvent {
  const envelope = JSON.parse(row.envelope) as Omit<JournalEvent, 'payload'>;
  // SQL NULL is a payload that was undefined when sealed (JSON has no undefined); json 'null' stays null.
  return row.payload === null
    ? (envelope as JournalEvent)
    : ({ ...envelope, payload: JSON.parse(row.payload) as unknown } as JournalEvent);
}
