/*
 * The two databases the tests run on, each opened once per test file (PGlite takes seconds to start on a
 * loaded machine; a server pool is cheap but not free), with a fresh tenant per test: tenants are isolated
 * from each other, which is what the schema promises, so a new tenant is as good as a new database.
 */
import { randomBytes } from 'node:crypto';
import {
  dropTenant,
  migrate,
  openEmbeddedDatabase,
  openPgCaseStore,
  pgDatabase,
  provisionTenant,
  type PgCaseStore,
  type SqlDatabase,
} from '@fallkit/store-pg';

/** One database seen as its owner (migrations, tenants) and as the application role (the store). */
export interface Backend {
  readonly name: 'PGlite' | 'PostgreSQL';
  readonly owner: SqlDatabase;
  readonly app: SqlDatabase;
  /** The application role's name. */
  readonly appRole: string;
  /** Opens another application-role connection pool (PostgreSQL only; PGlite is one connection). */
  connectApp?(options?: { maxConnections?: number }): SqlDatabase;
  close(): Promise<void>;
}

/** A tenant id nobody else uses: `t-` and 12 random hex digits. */
export function freshTenantId(): string {
  return `t-${randomBytes(6).toString('hex')}`;
}

function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; errors: readonly { code: string }[] },
  what: string,
): T {
  if (!result.ok) throw new Error(`${what} refused: ${result.errors.map((e) => e.code).join(', ')}`);
  return result.value;
}

export async function openPglite(): Promise<Backend> {
  const embedded = unwrap(await openEmbeddedDatabase(), 'openEmbeddedDatabase');
  return {
    name: 'PGlite',
    owner: embedded.owner,
    app: embedded.app,
    appRole: 'fallkit_app',
    close: () => embedded.close(),
  };
}

/**
 * The server from the environment that `scripts/test.mjs` sets up through `scripts/ensure-postgres.mjs`:
 * `DATABASE_URL` (the owner, runs the migrations) and `FALLKIT_APP_DATABASE_URL` (the application role).
 * Without them these tests fail with the line that says what to do; they are never skipped.
 */
export async function openPostgres(): Promise<Backend> {
  const ownerUrl = process.env.DATABASE_URL;
  const appUrl = process.env.FALLKIT_APP_DATABASE_URL;
  if (!ownerUrl || !appUrl)
    throw new Error(
      'DATABASE_URL and FALLKIT_APP_DATABASE_URL are not set: run `npm test`, or set them from `node scripts/ensure-postgres.mjs` (and `--app`)',
    );
  const appRole = decodeURIComponent(new URL(appUrl).username);
  const owner = pgDatabase({ connectionString: ownerUrl, maxConnections: 2, applicationName: 'fallkit-test-owner' });
  unwrap(await migrate(owner, { appRoles: [appRole] }), 'migrate');
  const pools: SqlDatabase[] = [];
  const connectApp = (options: { maxConnections?: number } = {}): SqlDatabase => {
    const pool = pgDatabase({
      connectionString: appUrl,
      maxConnections: options.maxConnections ?? 4,
      applicationName: 'fallkit-test',
    });
    pools.push(pool);
    return pool;
  };
  const app = connectApp();
  return {
    name: 'PostgreSQL',
    owner,
    app,
    appRole,
    connectApp,
    async close() {
      await Promise.all(pools.map((pool) => pool.close()));
      await owner.close();
    },
  };
}

/** Each backend opened once per mocha process, shared by the test files, closed after the last one. */
const opened = new Map<() => Promise<Backend>, Promise<Backend>>();

// A root-level hook: registered when the first test file imports this module.
after(async function () {
  this.timeout(60_000);
  for (const backend of opened.values()) await backend.then((open) => open.close()).catch(() => undefined);
  opened.clear();
});

function shared(open: () => Promise<Backend>): Promise<Backend> {
  let backend = opened.get(open);
  if (!backend) {
    backend = open();
    opened.set(open, backend);
  }
  return backend;
}

/**
 * Registers `before`/`after` hooks that get the (shared) backend for the enclosing `describe`, and drop every
 * tenant its tests made. The returned object is filled in by the time the tests run.
 */
export function useBackend(open: () => Promise<Backend>) {
  let backend: Backend | undefined;
  const tenants: string[] = [];
  before(async function () {
    this.timeout(60_000);
    backend = await shared(open);
  });
  after(async function () {
    this.timeout(60_000);
    if (!backend) return;
    for (const tenantId of tenants.splice(0)) await dropTenant(backend.owner, tenantId);
  });
  const get = (): Backend => {
    if (!backend) throw new Error('the backend is not open (its before hook failed)');
    return backend;
  };
  return {
    get backend(): Backend {
      return get();
    },
    /** A provisioned tenant of this run, dropped after the file. */
    async tenant(): Promise<string> {
      const tenantId = freshTenantId();
      unwrap(await provisionTenant(get().owner, tenantId), 'provisionTenant');
      tenants.push(tenantId);
      return tenantId;
    },
    /** A store of a fresh tenant, as the application role. */
    async freshStore(database?: SqlDatabase): Promise<PgCaseStore> {
      const tenantId = await this.tenant();
      return unwrap(await openPgCaseStore({ database: database ?? get().app, tenantId }), 'openPgCaseStore');
    },
    /** A store of an existing tenant. */
    async storeOf(tenantId: string, database?: SqlDatabase): Promise<PgCaseStore> {
      return unwrap(await openPgCaseStore({ database: database ?? get().app, tenantId }), 'openPgCaseStore');
    },
  };
}

export type BackendHandle = ReturnType<typeof useBackend>;
