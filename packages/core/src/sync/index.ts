/**
 * Sync (issue 15): the protocol between a device and the authoritative server, and the core's sync
 * policy: which command types are re-decided on a stale base and which come back as conflicts
 * (`SYNC_MERGE`), and the journal cut a device receives for an actor who may not see all. Browser-safe.
 * @module
 */
export * from './protocol.js';
export * from './merge.js';
export * from './journal-cut.js';
export * from './cut-reader.js';
export * from './cut-channels.js';
export * from './cut-case-views.js';
export * from './signed-head.js';
export * from '../journal/verify-cut-journal.js';
export { createStoredPayloadCheck, findInvalidPayload } from '../events/stored-payload-check.js';
