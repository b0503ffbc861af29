/**
 * `@fallkit/store-pg`: the core's store port on PostgreSQL, through the `pg` driver against a server or on
 * PGlite (PostgreSQL in WebAssembly) as the embedded default. Multi-tenant: every table keyed by `tenant_id`,
 * LIST-partitioned per tenant, under row level security from a transaction-scoped setting; a gapless
 * per-tenant feed for sync; versioned SQL migrations; live values through `LISTEN`/`NOTIFY`.
 * @packageDocumentation
 */
export { PgCaseStore, openPgCaseStore, type PgCaseStoreOptions, type ReadFeedOptions } from './store/pg-case-store.js';
export {
  INBOX_PAGE_MAX,
  openPgHandoverInbox,
  type InboxMessage,
  type InboxMessageKind,
  type NewInboxMessage,
  type PgHandoverInbox,
} from './inbox/handover-inbox.js';
export { MAX_FEED_PAGE, type FeedEntry, type FeedPage } from './feed/tenant-feed.js';
export { migrate, type MigrateOptions, type MigrationReport } from './schema/migrate.js';
export type { Migration } from './schema/migration.js';
export { MIGRATIONS } from './schema/migrations/index.js';
export { provisionTenant, dropTenant } from './tenancy/provision-tenant.js';
export { TENANT_ID_PATTERN, isTenantId, tenantChannel } from './tenancy/tenant-id.js';
export { pgDatabase, type PgDatabaseOptions } from './sql/pg-database.js';
export { pgliteDatabase, type PgliteDatabaseOptions } from './sql/pglite-database.js';
export type { SqlDatabase, SqlParam, SqlSession, TransactionOptions, Unlisten } from './sql/sql-database.js';
export {
  openEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
} from './embedded/open-embedded-database.js';
export { PgStoreError, pgStoreRefusal, pgStoreRefused, type PgStoreRefusalCode } from './errors/store-refusals.js';
export { classifyPgError } from './errors/classify-error.js';
