/**
 * `@fallkit/sync`: the sync client of a device. An outbox of commands in IndexedDB (sealed under the
 * local store's key), a synced case service that decides every command locally (offline too) and
 * queues it, push and pull loops with backoff, journals and revocations applied to the local Dexie
 * store, and conflicts kept until a person re-applies or discards them. See docs/sync.md.
 * @packageDocumentation
 */
export { createSyncClient, type SyncClient, type SyncClientOptions } from './client/create-sync-client.js';
export {
  createSyncedCaseService,
  type SyncedCaseService,
  type SyncedCaseServiceOptions,
  type SyncedOutcome,
} from './service/synced-case-service.js';
export { CutViews } from './cuts/cut-views.js';
export { SyncEngine, type SyncEngineOptions, type SyncRound, type SyncTimers } from './loop/sync-engine.js';
export { StatusChannel, type SyncStatus } from './loop/sync-status.js';
export { backoffDelay, type BackoffOptions } from './loop/backoff.js';
export { Outbox, type QueuedBatch, type QueuedCommand } from './outbox/outbox.js';
export type { CompanionSealer, SealedBox } from './outbox/sealing.js';
export { ConflictList, type ConflictResolution, type SyncConflict } from './conflicts/conflict-list.js';
export {
  applyJournalChange,
  verifyReceivedJournal,
  type AppliedJournal,
  type LocalStore,
  type ReceivedJournalCheck,
} from './apply/apply-change.js';
export {
  openSyncDatabase,
  syncDatabaseName,
  SYNC_SCHEMA_V1,
  SERVER_KEYS_KEY,
  type ConflictRow,
  type ConflictStatus,
  type OutboxRow,
  type ServerHeadRow,
  type UploadRow,
  SYNC_SCHEMA_V3,
  type SyncDexie,
} from './database/sync-database.js';
export { createFetchTransport, type FetchTransportOptions, type TokenSource } from './transport/fetch-transport.js';
export type { LiveSubscription, SyncTransport } from './transport/sync-transport.js';
export { readServerSentEvents, type ServerSentMessage } from './transport/server-sent-events.js';
export { syncRefusal, type SyncClientCode } from './messages/sync-refusals.js';
export * from './protocol/sync-protocol.js';
export { openSyncedDevice, type OpenSyncedDeviceOptions, type SyncedDevice } from './client/open-synced-device.js';
export { ServerKeys, type ServerKeysOptions } from './keys/server-keys.js';
export {
  ContentUploads,
  documentsFiledBy,
  uploadContents,
  type PendingUpload,
  type UploadContentsOptions,
  type UploadPass,
} from './content/content-uploads.js';
export { createSyncedDocuments, type SyncedDocumentsOptions } from './content/synced-documents.js';
