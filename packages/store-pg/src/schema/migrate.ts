import { ok, sha256Hex, type Result } from '@fallkit/core';
import { classifyPgError } from '../errors/classify-error.js';
import { PgStoreError, pgStoreRefusal, pgStoreRefused } from '../errors/store-refusals.js';
import type { SqlDatabase, SqlSession } from '../sql/sql-database.js';
import type { Migration } from './migration.js';
import { MIGRATIONS } from './migrations/index.js';

/** What {@link migrate} did. */
export interface MigrationReport {
  /** Versions applied by this call, in order (empty when the schema was current). */
  readonly applied: readonly number[];
  /** The schema version now. */
  readonly version: number;
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /**
   * Application roles to grant the store's privileges to (again, on every call: new tables get theirs).
   * Each must exist, and be neither superuser nor BYPASSRLS nor the migrating role itself.
   */
  readonly appRoles?: readonly string[];
  /** The steps to apply; the package's own by default (tests pass others). */
  readonly migrations?: readonly Migration[];
}

/**
 * Any constant would do: serialises migrators of the same database (two server instances starting together).
 * The transaction-scoped advisory lock ends with the transaction.
 */
const MIGRATION_LOCK = 7_431_004_215;

const BOOTSTRAP = /* sql */ `
create schema if not exists fallkit;
create table if not exists fallkit.schema_migration (
  version    integer primary key check (version > 0),
  name       text not null,
  checksum   text not null,
  applied_at timestamptz not null default now()
);
-- Row level security here too, so that every table in the schema has it. The application role has no
-- privilege on this table at all; the policy lets through those that do (the owner who migrates).
alter table fallkit.schema_migration enable row level security;
alter table fallkit.schema_migration force row level security;
do $$ begin
  if not exists (select 1 from pg_catalog.pg_policies
                 where schemaname = 'fallkit' and tablename = 'schema_migration' and policyname = 'migrator') then
    create policy migrator on fallkit.schema_migration using (true) with check (true);
  end if;
end $$;
revoke all on fallkit.schema_migration from public;
`;

async function checkAppRole(session: SqlSession, role: string): Promise<void> {
  const rows = await session.query<{ super: boolean; bypass: boolean; me: boolean }>(
    `select rolsuper as super, rolbypassrls as bypass, rolname = current_user as me
       from pg_catalog.pg_roles where rolname = $1`,
    [role],
  );
  const found = rows[0];
  if (!found) throw new PgStoreError(pgStoreRefusal('STORE_FORBIDDEN', `role ${role} does not exist`));
  if (found.super || found.bypass || found.me) throw new PgStoreError(pgStoreRefusal('STORE_ROLE_PRIVILEGED', role));
}

/**
 * Brings the schema `fallkit` to the newest version, as its owner: every pending step in ONE transaction
 * (all or nothing) under an advisory lock, each recorded in `fallkit.schema_migration` with its checksum.
 * Idempotent: a second call applies nothing. Refuses a database whose recorded steps differ from the code's
 * (`STORE_MIGRATION_CHANGED`) or that is newer than the code (`STORE_SCHEMA_NEWER`), and application roles
 * that could pass row level security (`STORE_ROLE_PRIVILEGED`). Never throws.
 */
export async function migrate(database: SqlDatabase, options: MigrateOptions = {}): Promise<Result<MigrationReport>> {
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const numbered = migrations.every((step, index) => step.version === index + 1);
  if (!numbered) return pgStoreRefused('STORE_FAILED', 'migration versions must be 1, 2, 3 … without gaps');
  const checksums = await Promise.all(migrations.map((step) => sha256Hex(step.sql)));
  try {
    const report = await database.transaction(async (session): Promise<Result<MigrationReport>> => {
      await session.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await session.exec(BOOTSTRAP);
      const recorded = await session.query<{ version: number; checksum: string }>(
        'select version, checksum from fallkit.schema_migration order by version',
      );
      const newest = recorded.at(-1)?.version ?? 0;
      if (newest > migrations.length) return pgStoreRefused('STORE_SCHEMA_NEWER', `${newest} > ${migrations.length}`);
      for (const row of recorded) {
        if (row.checksum !== checksums[row.version - 1])
          return pgStoreRefused('STORE_MIGRATION_CHANGED', `version ${row.version}`);
      }
      const applied: number[] = [];
      for (const step of migrations.slice(newest)) {
        await session.exec(step.sql);
        await session.query('insert into fallkit.schema_migration (version, name, checksum) values ($1, $2, $3)', [
          step.version,
          step.name,
          checksums[step.version - 1]!,
        ]);
        applied.push(step.version);
      }
      for (const role of options.appRoles ?? []) {
        await checkAppRole(session, role);
        await session.query('select fallkit.grant_app_role($1)', [role]);
      }
      return ok({ applied, version: migrations.length });
    });
    return report;
  } catch (error) {
    return { ok: false, errors: [classifyPgError(error)] };
  }
}
