import type { PendingEvent } from '../journal/journal-event.js';
import { CASE_EVENTS, type CaseEventPayload, type CaseEventType } from '../events/catalog.js';

/** A pending case event at its type's current version, with a typed payload. */
export function caseEvent<T extends CaseEventType>(
  type: T,
  payload: CaseEventPayload<T>,
  reason?: string,
): PendingEvent {
  const base = { type, schemaVersion: CASE_EVENTS[type].version, payload };
  return reason === undefined ? base : { ...base, reason };
}
