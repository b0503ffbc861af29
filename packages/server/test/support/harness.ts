/*
 * The server's tests: a database (PGlite in process, or the PostgreSQL 15 server of scripts/ensure-postgres.mjs),
 * a fresh tenant per test seeded with the example cases, a signing key whose public half is the verifier's
 * local JWKS (as an issuer's JWKS endpoint would serve it), a directory of the example users, and the
 * handlers. Tokens are signed here like an OpenID provider would; nothing leaves loopback.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey as JoseKey, type JWK } from 'jose';
import { createHmacJournalSeal, generateHmacSealKey, localDate, type Actor, type JournalSeal } from '@fallkit/core';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
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
import {
  createJwtVerifier,
  createSyncHandlers,
  createTenantStores,
  memoryDirectory,
  type DirectoryUser,
  type SyncHandlers,
  type SyncHandlersOptions,
} from '@fallkit/server';

export const ISSUER = 'http://127.0.0.1:7199/realms/fallkit-test';
export const AUDIENCE = 'fallkit-sync';

/** One database seen as the owner (migrations, tenants) and as the application role (the server). */
export interface Backend {
  readonly name: 'PGlite' | 'PostgreSQL';
  readonly owner: SqlDatabase;
  readonly app: SqlDatabase;
  /** Another application-role pool (PostgreSQL: a second server instance's own connections). */
  connectApp(): SqlDatabase;
  close(): Promise<void>;
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
    // PGlite is one connection in this process: a second "instance" shares it.
    connectApp: () => embedded.app,
    close: () => embedded.close(),
  };
}

export async function openPostgres(): Promise<Backend> {
  const ownerUrl = process.env.DATABASE_URL;
  const appUrl = process.env.FALLKIT_APP_DATABASE_URL;
  if (!ownerUrl || !appUrl)
    throw new Error(
      'DATABASE_URL and FALLKIT_APP_DATABASE_URL are not set: run `npm test`, or set them from `node scripts/ensure-postgres.mjs` (and `--app`)',
    );
  const appRole = decodeURIComponent(new URL(appUrl).username);
  const owner = pgDatabase({
    connectionString: ownerUrl,
    maxConnections: 2,
    applicationName: 'fallkit-server-test-owner',
  });
  unwrap(await migrate(owner, { appRoles: [appRole] }), 'migrate');
  const pools: SqlDatabase[] = [];
  const connectApp = () => {
    const pool = pgDatabase({ connectionString: appUrl, maxConnections: 8, applicationName: 'fallkit-server-test' });
    pools.push(pool);
    return pool;
  };
  const app = connectApp();
  return {
    name: 'PostgreSQL',
    owner,
    app,
    connectApp,
    async close() {
      await Promise.all(pools.map((pool) => pool.close()));
      await owner.close();
    },
  };
}

/** A tenant id nobody else uses. */
export function freshTenantId(): string {
  return `t-${randomBytes(6).toString('hex')}`;
}

/** The signing side of a test issuer: its key pair and its public JWKS. */
export interface Issuer {
  readonly jwks: { keys: JWK[] };
  sign(
    claims: Record<string, unknown>,
    options?: { expiresIn?: string | number; issuer?: string; audience?: string },
  ): Promise<string>;
}

export async function makeIssuer(kid = 'test-key-1'): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    sign: (claims, options = {}) => signWith(privateKey, kid, claims, options),
  };
}

function signWith(
  key: JoseKey,
  kid: string,
  claims: Record<string, unknown>,
  options: { expiresIn?: string | number; issuer?: string; audience?: string },
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuedAt()
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key);
}

/** The example users of the directory, by short name. */
export const USERS = {
  kim: EXAMPLE_ACTORS.kimCaseManager,
  kimDeputy: { id: 'u-kim-schulz', role: 'caseManager', agencyId: 'kim-musterstadt', name: 'Lea Schulz' },
  jobcenter: EXAMPLE_ACTORS.jobcenterCaseManager,
  jobcenter2: EXAMPLE_ACTORS.jobcenterCaseManager2,
  sozialamt: EXAMPLE_ACTORS.sozialamtCaseManager,
} as const satisfies Record<string, Actor>;

export function directoryUsers(tenantId: string): DirectoryUser[] {
  return Object.values(USERS).map((actor) => ({
    userId: actor.id,
    tenantId,
    agencyId: actor.agencyId,
    roles: [actor.role],
    name: actor.name,
  }));
}

/** A test world: one tenant with the example cases, the issuer, and server instances over it. */
export interface World {
  readonly backend: Backend;
  readonly tenantId: string;
  readonly issuer: Issuer;
  readonly seal: JournalSeal;
  readonly users: DirectoryUser[];
  /** The store of the tenant, as the application role (for checks). */
  readonly store: PgCaseStore;
  /** A server instance (handlers) over a database pool; a new pool with `connectApp` for another instance. */
  instance(
    database?: SqlDatabase,
    options?: { extraUsers?: DirectoryUser[]; headKeys?: SyncHandlersOptions['headKeys'] },
  ): SyncHandlers;
  /** A bearer token for a user of the directory (or any subject and tenant). */
  token(user: Actor | string, options?: { tenantId?: string; expiresIn?: string | number }): Promise<string>;
  drop(): Promise<void>;
}

/** One issuer for the whole test process (a child server process gets its public keys). */
const sharedIssuer = makeIssuer();

/** The issuer every world's tokens are signed by. */
export function testIssuer(): Promise<Issuer> {
  return sharedIssuer;
}

let sealKey: ReturnType<typeof generateHmacSealKey> | undefined;

export async function makeWorld(
  backend: Backend,
  options: { seedExamples?: boolean; seal?: JournalSeal } = {},
): Promise<World> {
  const tenantId = freshTenantId();
  unwrap(await provisionTenant(backend.owner, tenantId), 'provisionTenant');
  sealKey ??= generateHmacSealKey();
  const seal = options.seal ?? createHmacJournalSeal(await sealKey);
  const store = unwrap(
    await openPgCaseStore({ database: backend.app, tenantId, journalSeal: seal }),
    'openPgCaseStore',
  );
  if (options.seedExamples !== false) await runExampleCases({ store });
  const issuer = await sharedIssuer;
  const users = directoryUsers(tenantId);
  const verifier = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: issuer.jwks });
  return {
    backend,
    tenantId,
    issuer,
    seal,
    users,
    store,
    instance(database = backend.app, instanceOptions = {}) {
      const tenants = createTenantStores({ database, seal });
      return createSyncHandlers({
        tenants,
        directory: memoryDirectory([...users, ...(instanceOptions.extraUsers ?? [])]),
        verifier,
        onError: (error) => console.error('server failure in test:', error),
        ...(instanceOptions.headKeys === undefined ? {} : { headKeys: instanceOptions.headKeys }),
      });
    },
    token(user, tokenOptions = {}) {
      const sub = typeof user === 'string' ? user : user.id;
      return issuer.sign(
        { sub, fallkit_tenant: tokenOptions.tenantId ?? tenantId },
        tokenOptions.expiresIn === undefined ? {} : { expiresIn: tokenOptions.expiresIn },
      );
    },
    async drop() {
      await dropTenant(backend.owner, tenantId);
    },
  };
}

/** A request to the handlers, as a device sends it. */
export function request(
  path: string,
  options: { token?: string; method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`http://127.0.0.1:7100${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

/** The JSON of a response, with its status. */
export async function json<T = Record<string, unknown>>(response: Response): Promise<{ status: number; body: T }> {
  return { status: response.status, body: (await response.json()) as T };
}

/** Today's date on the server: the organisation's (Europe/Berlin), as the server decides; the tests' commands happen today. */
export function today(): string {
  return localDate(new Date().toISOString());
}
