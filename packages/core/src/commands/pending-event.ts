import type { PendingEvent } from '../journal/journal-event.js';
import { CASE_EVENTS, type CaseEventPayload, type CaseEventType } from '../events/catalog.js';

/**
 * A pending case event at its type's current version, with a typed payload. Free text such as a
 * reason belongs in the payload (DP-43: the envelope holds only codes, ids and times).
 */
export function caseEvent<T extends CaseEventType>(type: T, payload: CaseEventPayload<T>): PendingEvent {
  return { type, schemaVersion: CASE_EVENTS[type].version, payload };
}
