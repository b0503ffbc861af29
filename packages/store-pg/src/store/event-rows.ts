import type { JournalEvent } from '@fallkit/core';

/** A stored event as the reads select it: json columns as text, parsed here the same way for both drivers. */
export interface EventRow {
  readonly envelope: string;
  readonly payload: string | null;
}

/** The columns every event read selects, in the shape of {@link EventRow}. */
export const EVENT_COLUMNS = 'envelope::text as envelope, payload::text as payload';

/**
 * The events of an append as one JSON parameter: `[{ e: envelope, p: payload }, …]`. The envelope is the event
 * without its payload, kept as sealed; the payload goes apart so that erasure replaces it alone.
 */
export function encodeEvents(events: readonly JournalEvent[]): string {
  return JSON.stringify(
    events.map((event) => {
      const { payload, ...envelope } = event;
      return { e: envelope, p: payload };
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
