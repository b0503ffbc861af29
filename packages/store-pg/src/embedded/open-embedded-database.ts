import { PGlite } from '@electric-sql/pglite';
import { ok, type Result } from '@fallkit/core';
import { classifyPgError } from '../errors/classify-error.js';
import { migrate, type MigrationReport } from '../schema/migrate.js';
import { pgliteDatabase } from '../sql/pglite-database.js';
import type { SqlDatabase } from '../sql/sql-database.js';

/** Where the embedded database keeps its files. */
export interface EmbeddedDatabaseOptions {
  /** A directory for the data (created when missing); in memory when omitted. */
  readonly dataDir?: string;
  /** The application role the store works as (default `fallkit_app`). */
  readonly appRole?: string;
}

/** The embedded database, open and migrated: one PGlite, seen as the owner and as the application role. */
export interface EmbeddedDatabase {
  /** For migrations and tenants (`provisionTenant`): the superuser PGlite runs as. */
  readonly owner: SqlDatabase;
  /** For the store: every transaction switches to the application role, so row level security applies. */
  readonly app: SqlDatabase;
  /** What the migrations did on opening. */
  readonly migration: MigrationReport;
  /** Closes PGlite (both views). */
  close(): Promise<void>;
}

const APP_ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens PGlite (PostgreSQL in WebAssembly, in this process) as the embedded default where no server is
 * configured: migrates the schema, creates the application role (no login, no BYPASSRLS) and grants it the
 * store's privileges. PGlite allows one process per data directory.
 */
export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<Result<EmbeddedDatabase>> {
  const appRole = options.appRole ?? 'fallkit_app';
  if (!APP_ROLE.test(appRole)) throw new TypeError(`not a plain role name: ${JSON.stringify(appRole)}`);
  let pglite: PGlite | undefined;
  try {
    pglite = options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir);
    await pglite.waitReady;
    await pglite.exec(`do $$ begin
      if not exists (select 1 from pg_catalog.pg_roles where rolname = '${appRole}') then
        create role ${appRole} nologin nosuperuser nobypassrls;
      end if;
    end $$;`);
    const owner = pgliteDatabase({ pglite, closePglite: false });
    const migrated = await migrate(owner, { appRoles: [appRole] });
    if (!migrated.ok) {
      await pglite.close();
      return migrated;
    }
    const app = pgliteDatabase({ pglite, role: appRole, closePglite: false });
    const opened = pglite;
    return ok({ owner, app, migration: migrated.value, close: () => opened.close() });
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    return { ok: false, errors: [classifyPgError(error)] };
  }
}
