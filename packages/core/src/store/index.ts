/**
 * `@fallkit/core/store`: what an implementation of the store port (`CaseStore` from `@fallkit/core`) needs
 * beyond the port's types, so every store answers alike: the canonical JSON the hash chain and a backup are
 * computed over, the checks of an append and the refusals a store gives (a version conflict, a malformed
 * append, a command id stored before, an event it cannot read), the case list's query and order, the payload
 * that stands in for an erased event, and the case list's row rebuilt from a journal.
 *
 * A stable subpath for store authors (`@fallkit/store-dexie` and `@fallkit/store-pg` import only this and the main entry); the
 * journal rules themselves stay in the core, a store only keeps what the core decided. Versioned like the
 * main entry (docs/versioning.md).
 * @module
 */

// The canonical form of a value: what the chain's hashes and a backup's checksum are computed over.
export { canonicalJson } from '../journal/canonical-json.js';

// A document's content is named by its SHA-256 (a backup checks every content line against it on restore).
export { sha256HexOfBytes } from '../journal/sha256.js';

// An append: checks against the stored head, and the refusals a store gives.
export { describeAppendMismatch } from './append-checks.js';
export { commandIdsOf, conflictRefusal, duplicateCommandRefusal, malformedAppendRefusal } from './store-errors.js';
export { contentHashesOf } from './case-store.js';

// A journal that cannot be read or fails verification.
export { unreadableEventRefusal } from '../journal/unreadable-event.js';
export { journalRefusal } from '../journal/journal-verifier.js';

// The case list: a store's query, its order, and its row rebuilt from the journal (after an import or repair).
export { compareCaseIndexEntries, matchesCaseQuery } from './case-query.js';
export { indexEntryFromJournal } from '../service/index-from-journal.js';

// Erasure: the payload that replaces an erased event's (the event stays in the chain).
export { erasedEvent, erasedPayload } from './erased-payload.js';
export { createStoredPayloadCheck, storedPayloadCheckOf } from '../events/stored-payload-check.js';
