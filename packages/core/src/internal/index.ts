/**
 * `@fallkit/core/internal`: everything the core's modules export, for the packages of this repository
 * (the stores, the sync client and server, the handover and FHIR packages, the components and the demo)
 * and the core's own tests: command handlers and invariant tables, the slices, reducers, guards, and the
 * canonical helpers the stores share (`canonicalJson`, append checks, erased payloads). It includes the
 * names of the public entry too, so one import serves a file that needs both.
 *
 * No stability promise: a name here may change in any release (docs/versioning.md). A host imports
 * `@fallkit/core` and its area subpaths.
 * @packageDocumentation
 */
export * from '../i18n/localized-text.js';
export * from '../i18n/calendar-date.js';
export * from '../result/refusal.js';
export * from '../ports/clock.js';
export * from '../ports/id-generator.js';
export * from '../ports/actor.js';
export * from '../access/index.js';
export * from '../journal/canonical-json.js';
export { sha256Hex, sha256HexOfBytes, sha256HexSync } from '../journal/sha256.js';
export * from '../journal/journal-event.js';
export * from '../journal/chain.js';
export * from '../journal/verify-journal.js';
export * from '../journal/journal-seal.js';
export * from '../journal/erasure-markers.js';
export * from '../journal/journal-verifier.js';
export * from '../journal/unreadable-event.js';
export * from '../journal/legacy-envelope.js';
export * from '../store/case-store.js';
export * from '../store/case-query.js';
export * from '../store/store-errors.js';
export * from '../store/append-checks.js';
export * from '../store/erased-payload.js';
export * from '../store/memory-store.js';
export * from '../model/index.js';
export * from '../events/index.js';
export * from '../fold/index.js';
export * from '../commands/index.js';
export * from '../service/index.js';
export * from '../privacy/index.js';
export * from '../documents/index.js';
export * from '../process/index.js';
export * from '../handover-package/index.js';
