import type { JournalEvent } from '../journal/journal-event.js';
import { isErasedPayload } from '../journal/journal-event.js';
import { upcastEnvelope } from '../journal/legacy-envelope.js';
import type { PayloadCheck } from '../journal/verify-journal.js';
import { CASE_EVENTS } from './catalog.js';
import type { EventCatalog } from './event-definition.js';

/**
 * Brings a stored event's payload to the current version of its type. The stored event is not
 * changed (its hash covers the stored version); callers fold the upcast copy. Unknown types, erased
 * payloads and current versions keep their payload. The envelope is upcast too ({@link upcastEnvelope}). Throws if an upcaster is missing: that is a
 * programming error of the catalog, not bad data.
 */
export function upcastEvent(stored: JournalEvent, catalog: EventCatalog = CASE_EVENTS): JournalEvent {
  // Old envelopes' free text moves into the note of the copy (DP-43); the stored event is untouched.
  const event = upcastEnvelope(stored);
  const definition = catalog[event.type];
  if (definition === undefined || event.schemaVersion >= definition.version || isErasedPayload(event.payload))
    return event;
  let payload = event.payload;
  for (let version = event.schemaVersion; version < definition.version; version += 1) {
    const upcaster = definition.upcasters?.[version];
    if (upcaster === undefined) throw new Error(`No upcaster for ${event.type} v${version} -> v${version + 1}`);
    payload = upcaster(payload);
  }
  return { ...event, schemaVersion: definition.version, payload };
}

/**
 * A {@link PayloadCheck} for `verifyJournal`: upcasts, then checks the payload against its type's
 * schema. Types outside the catalog fail, so pass a catalog that includes every module's events.
 */
export function createPayloadCheck(catalog: EventCatalog = CASE_EVENTS): PayloadCheck {
  return (event) => {
    const definition = catalog[event.type];
    if (definition === undefined || event.schemaVersion > definition.version) return false;
    try {
      const current = upcastEvent(event as JournalEvent, catalog);
      return definition.schema.safeParse(current.payload).success;
    } catch {
      return false;
    }
  };
}

/** {@link createPayloadCheck} over the case catalog. */
export const checkCaseEventPayload: PayloadCheck = createPayloadCheck();
