/**
 * The sync server of `npm start` (`@fallkit/server` on `@fallkit/store-pg`): the embedded PGlite with its data
 * in `.data/pglite/`, or the PostgreSQL of `DATABASE_URL` (owner, for migrations and the tenant) and
 * `FALLKIT_APP_DATABASE_URL` (the application role the server works as); the demo tenant provisioned and,
 * when empty, seeded with the example cases; a directory of the demo's people; tokens verified against the
 * issuer's JWKS. Loaded by start.mjs under tsx, so it runs the packages' sources.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createHmacJournalSeal, importHmacSealKey } from '@fallkit/core';
import { EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import {
  migrate,
  openEmbeddedDatabase,
  openPgCaseStore,
  pgDatabase,
  provisionTenant,
  type SqlDatabase,
} from '@fallkit/store-pg';
import {
  createJwtVerifier,
  createSyncHandlers,
  createServerHeadKeys,
  createTenantStores,
  generateHeadSigningKey,
  jsonFileAgencyKeys,
  jsonFileDirectory,
  memoryDirectory,
  type HeadSigningKey,
} from '@fallkit/server';
import { DEMO_ACCOUNTS, DEMO_TENANT } from '../../../packages/server/src/identity-provider/index.js';

export interface SyncBackendOptions {
  readonly databaseUrl?: string | undefined;
  readonly appDatabaseUrl?: string | undefined;
  /** The data folder (`.data/`): PGlite's files and the seal key. */
  readonly dataDir: string;
  readonly issuer: string;
  /** The issuer's JWKS; discovered from `issuer` when absent. */
  readonly jwksUri?: string | undefined;
  readonly audience?: string | undefined;
  readonly tenantClaim?: string | undefined;
  /** A directory file `{ users: [{ userId, tenantId, agencyId, roles, name? }] }` for the organisation's users. */
  readonly directoryFile?: string | undefined;
  /** The tenant this server serves (default the demo's, `musterstadt`, which is seeded when empty). */
  readonly tenant?: string | undefined;
}

export interface SyncBackend {
  /** Answers requests under `/fallkit/` (true) and leaves the rest (false). */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Where the journals live, for the start line. */
  readonly database: string;
  /** Example cases seeded on this start (0 when the tenant held cases already). */
  readonly seeded: number;
  close(): Promise<void>;
}

function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; errors: readonly { code: string }[] },
  what: string,
): T {
  if (!result.ok) throw new Error(`${what}: ${result.errors.map((error) => error.code).join(', ')}`);
  return result.value;
}

/** The seal key (DP-44), kept beside the data (a real installation keeps it in its key management). */
async function sealKey(file: string): Promise<CryptoKey> {
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(Buffer.from((await readFile(file, 'utf8')).trim(), 'hex'));
    if (raw.length < 32) throw new RangeError('short');
  } catch {
    raw = new Uint8Array(randomBytes(32));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, Buffer.from(raw).toString('hex'), { mode: 0o600 });
  }
  return importHmacSealKey(raw);
}

/**
 * The server's head-signing key (issue 15, DP-44), kept in the data folder like the seal key: a restart signs
 * with the same key, so devices keep the key they fetched, and a second instance on the same folder signs alike.
 * A missing or unreadable file gets a new key (devices then fetch the new JWKS once, on its unknown kid).
 */
async function headSigningKey(file: string): Promise<HeadSigningKey> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as HeadSigningKey;
    await createServerHeadKeys({ signing: stored }); // throws on anything but an Ed25519 private JWK
    return stored;
  } catch {
    const fresh = await generateHeadSigningKey();
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(fresh), { mode: 0o600 });
    return fresh;
  }
}

async function jwksOf(issuer: string): Promise<string> {
  const response = await fetch(
    new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`),
  );
  if (!response.ok) throw new Error(`${issuer}: no OpenID configuration (HTTP ${response.status})`);
  const { jwks_uri: uri } = (await response.json()) as { jwks_uri?: unknown };
  if (typeof uri !== 'string') throw new Error(`${issuer}: the OpenID configuration names no jwks_uri`);
  return uri;
}

/** Opens the database, the demo tenant and the handlers. */
export async function startSyncBackend(options: SyncBackendOptions): Promise<SyncBackend> {
  let owner: SqlDatabase;
  let app: SqlDatabase;
  let closeDatabase: () => Promise<void>;
  let database: string;
  if (options.databaseUrl) {
    if (!options.appDatabaseUrl)
      throw new Error(
        'DATABASE_URL braucht FALLKIT_APP_DATABASE_URL (die Anwendungsrolle ohne BYPASSRLS) / DATABASE_URL needs FALLKIT_APP_DATABASE_URL (the application role without BYPASSRLS)',
      );
    owner = pgDatabase({
      connectionString: options.databaseUrl,
      maxConnections: 2,
      applicationName: 'fallkit-start-owner',
    });
    const appRole = decodeURIComponent(new URL(options.appDatabaseUrl).username);
    unwrap(await migrate(owner, { appRoles: [appRole] }), 'migrate');
    app = pgDatabase({ connectionString: options.appDatabaseUrl, maxConnections: 8, applicationName: 'fallkit-start' });
    closeDatabase = async () => {
      await app.close();
      await owner.close();
    };
    const url = new URL(options.databaseUrl);
    database = `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } else {
    const dataDir = join(options.dataDir, 'pglite');
    const embedded = unwrap(await openEmbeddedDatabase({ dataDir }), 'PGlite');
    owner = embedded.owner;
    app = embedded.app;
    closeDatabase = () => embedded.close();
    database = `PGlite ${dataDir}`;
  }
  try {
    const tenant = options.tenant ?? DEMO_TENANT;
    unwrap(await provisionTenant(owner, tenant), 'provisionTenant');
    const seal = createHmacJournalSeal(await sealKey(join(options.dataDir, 'server', 'seal.key')));
    const store = unwrap(await openPgCaseStore({ database: app, tenantId: tenant, journalSeal: seal }), 'store');
    let seeded = 0;
    // Only the demo's tenant gets the invented example cases; an organisation's tenant starts empty.
    if (tenant === DEMO_TENANT && (await store.getCase(EXAMPLE_CASES[0]!.caseId)) === undefined) {
      await runExampleCases({ store });
      seeded = EXAMPLE_CASES.length;
    }
    const verifier = createJwtVerifier({
      issuer: options.issuer,
      jwks: new URL(options.jwksUri ?? (await jwksOf(options.issuer))),
      ...(options.audience ? { audience: options.audience } : {}),
      ...(options.tenantClaim ? { tenantClaim: options.tenantClaim } : {}),
    });
    const handlers = createSyncHandlers({
      tenants: createTenantStores({ database: app, seal }),
      // The organisation's users (their provider's `sub`), or the demo's people.
      directory: options.directoryFile
        ? await jsonFileDirectory(options.directoryFile)
        : memoryDirectory(
            DEMO_ACCOUNTS.map((account) => ({
              userId: account.sub,
              tenantId: account.tenant,
              agencyId: account.agencyId,
              roles: [account.role],
              name: account.name,
            })),
          ),
      verifier,
      // The agencies' public signing keys, published from their devices (the private keys stay there).
      agencyKeys: await jsonFileAgencyKeys(join(options.dataDir, 'server', 'agency-keys.json')),
      headKeys: createServerHeadKeys({
        signing: await headSigningKey(join(options.dataDir, 'server', 'head-key.json')),
      }),
      allowedTenants: [tenant],
      onError: (error) => console.error('Sync-Server / sync server:', error),
    });
    const listener = getRequestListener((request) => handlers.handle(request));
    return {
      handle(request, response) {
        if (!(request.url ?? '').startsWith('/fallkit/')) return false;
        void listener(request, response);
        return true;
      },
      database,
      seeded,
      close: closeDatabase,
    };
  } catch (error) {
    await closeDatabase().catch(() => undefined);
    throw error;
  }
}
