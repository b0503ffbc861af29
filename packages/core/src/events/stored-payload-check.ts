import { ACCESS_LOG_STREAM_PREFIX, isReservedStreamId } from '../access/reserved-streams.js';
import { HANDOVER_PACKAGE_EVENTS } from '../handover-package/handover-package-events.js';
import { isErasedPayload } from '../journal/journal-event.js';
import { isHiddenLink } from '../journal/verify-cut-journal.js';
import { journalProblem, type JournalProblem, type PayloadCheck } from '../journal/verify-journal.js';
import { ACCESS_LOG_EVENTS } from '../privacy/access-log/access-log.js';
import { PRIVACY_EVENTS } from '../privacy/events.js';
import { RETENTION_CASE_EVENTS } from '../retention/retention-events.js';
import { checkRetentionLogPayload, RETENTION_LOG_STREAM } from '../retention/retention-log.js';
import { RIGHTS_EVENTS } from '../rights/rights-events.js';
import { CASE_EVENTS } from './catalog.js';
import type { EventCatalog } from './event-definition.js';
import { createPayloadCheck } from './upcast.js';

/** Every built-in module's events, plus the host's own. */
function storedCatalog(events: EventCatalog): EventCatalog {
  return {
    ...CASE_EVENTS,
    ...PRIVACY_EVENTS,
    ...RIGHTS_EVENTS,
    ...RETENTION_CASE_EVENTS,
    ...HANDOVER_PACKAGE_EVENTS,
    ...events,
  };
}

/**
 * The payload check a case service applies on write and on an unsealed read (every built-in module's
 * events, plus the host's own `events`), for code that stores journals it received rather than decided:
 * a backup import and a sync device (issues 15, 22). Checking before storing keeps a malformed payload
 * out (DP-38), instead of storing a journal the service then refuses to read (`JOURNAL_PAYLOAD_INVALID`).
 */
export function createStoredPayloadCheck(events: EventCatalog = {}): PayloadCheck {
  return createPayloadCheck(storedCatalog(events));
}

/**
 * The payload check of a read whose journal a keyed seal anchors (DP-38, DP-44; issue 18), for the case
 * reader only, and only together with the seal check (`verifyJournal`'s `seal`): every writer that holds
 * the seal key (the case service, the backup import, the sync apply, the retention sweep) checks each
 * payload with {@link createStoredPayloadCheck} before it signs the new head, and the hash chain and the
 * seal prove that no payload changed since. So a payload stored at its type's current version is not
 * parsed again; what no write-time check saw still is: the upcast form of an older version, and a type
 * or version this catalog does not know (refused). A journal the seal does not cover is refused by the
 * seal check itself (`JOURNAL_SEAL_MISSING`, `JOURNAL_UNSEALED_EVENTS`, …).
 */
export function createSealedReadPayloadCheck(events: EventCatalog = {}): PayloadCheck {
  const catalog = storedCatalog(events);
  const check = createPayloadCheck(catalog);
  return (event) => {
    const definition = Object.prototype.hasOwnProperty.call(catalog, event.type) ? catalog[event.type] : undefined;
    if (definition === undefined) return false;
    return event.schemaVersion === definition.version || check(event);
  };
}

/**
 * The payload check of one stream of a store: a case's `caseCheck` (from {@link createStoredPayloadCheck}),
 * the access log's and the retention log's own catalogs for those system streams, `undefined` (nothing to
 * check against) for any other reserved stream id.
 */
export function storedPayloadCheckOf(streamId: string, caseCheck: PayloadCheck): PayloadCheck | undefined {
  if (streamId === RETENTION_LOG_STREAM) return checkRetentionLogPayload;
  if (streamId.startsWith(ACCESS_LOG_STREAM_PREFIX)) return (accessLogCheck ??= createPayloadCheck(ACCESS_LOG_EVENTS));
  return isReservedStreamId(streamId) ? undefined : caseCheck;
}

let accessLogCheck: PayloadCheck | undefined;

/**
 * The first event whose payload fails `check`, as a journal problem (`JOURNAL_PAYLOAD_INVALID`), or
 * `undefined`. Erased payloads (DP-32 markers) and a cut's hidden links carry no payload and pass.
 */
export function findInvalidPayload(
  events: readonly { readonly seq: number }[],
  check: PayloadCheck,
): JournalProblem | undefined {
  for (const [index, event] of events.entries()) {
    if (isHiddenLink(event)) continue;
    const { type, schemaVersion, payload } = event as { type?: unknown; schemaVersion?: unknown; payload?: unknown };
    if (isErasedPayload(payload)) continue;
    if (typeof type !== 'string' || typeof schemaVersion !== 'number' || !check({ type, schemaVersion, payload })) {
      const verdict = journalProblem('JOURNAL_PAYLOAD_INVALID', index, event.seq);
      return verdict.ok ? undefined : verdict.problem;
    }
  }
  return undefined;
}
