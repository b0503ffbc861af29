/**
 * `@fallkit/server`: the authoritative sync server of issue 15. Framework-free handlers (a Web `Request` in,
 * a `Response` out) over `@fallkit/store-pg`, a Hono adapter, OpenID Connect access tokens verified with
 * jose, a user directory port. Every command is re-executed through `@fallkit/core` as the actor the token
 * and the directory name; every read is the core's journal cut for that actor. See `docs/server.md`.
 * @packageDocumentation
 */
export { createSyncHandlers, type SyncHandlers, type SyncHandlersOptions } from './http/sync-handlers.js';
export { syncApp, serveSync, type RunningSyncServer } from './http/hono-adapter.js';
export {
  createContentHandlers,
  DOCUMENT_ROUTES,
  type ContentHandlers,
  type ContentHandlersOptions,
} from './http/content-routes.js';
export {
  bearerToken,
  createJwtVerifier,
  type JwtVerifierOptions,
  type TokenVerifier,
  type VerifiedToken,
} from './auth/token-verifier.js';
export {
  actorOf,
  jsonFileDirectory,
  memoryDirectory,
  type DirectoryUser,
  type UserDirectory,
} from './directory/user-directory.js';
export { createTenantStores, type TenantStores, type TenantStoresOptions } from './tenants/tenant-stores.js';
export { SYNC_ERROR_STATUS, SyncHttpError, syncRefusal, wireRefusal } from './errors/sync-refusal.js';
export { pushEntry } from './sync/push.js';
export { readFeedFor, decideChange, logDeliveries, type DecidedChange } from './sync/feed.js';
export { livePositions } from './sync/live-positions.js';
export {
  createServerHeadKeys,
  generateHeadSigningKey,
  type HeadSigningKey,
  type ServerHeadKeys,
  type ServerHeadKeysOptions,
} from './seal/head-signing-keys.js';
export {
  jsonFileAgencyKeys,
  memoryAgencyKeys,
  publishAgencyKey,
  withdrawAgencyKey,
  agencyJwks,
  type AgencyKeyStore,
  type HeldAgencyKey,
  type PublishOutcome,
} from './handover/agency-keys.js';
