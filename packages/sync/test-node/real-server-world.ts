/*
 * The real server in process for the sync client's Node tests: @fallkit/server's handlers on PGlite with the
 * core's example cases (as `npm start` seeds them), a test issuer whose public key is the verifier's JWKS, and
 * a fetch transport per actor whose fetch is the handlers' own (no port, no network).
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createHmacJournalSeal, generateHmacSealKey, type Actor } from '@fallkit/core';
import { runExampleCases } from '@fallkit/core/examples';
import { openEmbeddedDatabase, openPgCaseStore, provisionTenant, type PgCaseStore } from '@fallkit/store-pg';
import {
  createContentHandlers,
  createJwtVerifier,
  createSyncHandlers,
  createTenantStores,
  memoryDirectory,
  syncApp,
} from '@fallkit/server';
import { createFetchTransport, type SyncTransport } from '../src/index.js';

export const TENANT = 'musterstadt';

/** What {@link openRealServer} started. */
export interface RealServer {
  /** The tenant's store on the server (to look at what it holds). */
  readonly store: PgCaseStore;
  /** A transport signed in as each actor, by actor id. */
  readonly transports: ReadonlyMap<string, SyncTransport>;
  /** A transport without a token. */
  readonly anonymous: SyncTransport;
  close(): Promise<void>;
}

/** Starts the server over PGlite for the given actors; with `content`, the documents' routes are mounted too. */
export async function openRealServer(
  actors: readonly Actor[],
  options: { readonly issuer: string; readonly content?: boolean },
): Promise<RealServer> {
  const embedded = await openEmbeddedDatabase();
  if (!embedded.ok) throw new Error(JSON.stringify(embedded.errors));
  const provisioned = await provisionTenant(embedded.value.owner, TENANT);
  if (!provisioned.ok) throw new Error(JSON.stringify(provisioned.errors));
  const seal = createHmacJournalSeal(await generateHmacSealKey());
  // The example cases on the server, as `npm start` seeds them: the Rahimi case handed over from KIM to the Jobcenter.
  const seeded = await openPgCaseStore({ database: embedded.value.app, tenantId: TENANT, journalSeal: seal });
  if (!seeded.ok) throw new Error(JSON.stringify(seeded.errors));
  await runExampleCases({ store: seeded.value });
  const tenants = createTenantStores({ database: embedded.value.app, seal });
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const verifier = createJwtVerifier({ issuer: options.issuer, jwks: { keys: [jwk] } });
  const directory = memoryDirectory(
    actors.map((a) => ({ userId: a.id, tenantId: TENANT, agencyId: a.agencyId, roles: [a.role], name: a.name })),
  );
  const onError = (error: unknown) => console.error('server failure in test:', error);
  const sync = createSyncHandlers({ tenants, directory, verifier, onError });
  // Mounted as a host mounts them: the Hono app routes documents' paths to the content handlers.
  const handle = options.content
    ? (request: Request) =>
        Promise.resolve(syncApp(sync, createContentHandlers({ tenants, directory, verifier, onError })).fetch(request))
    : (request: Request) => sync.handle(request);
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) =>
    handle(new Request(input, init))) as typeof fetch;
  const baseUrl = new URL(options.issuer).origin;
  const transports = new Map<string, SyncTransport>();
  for (const actor of actors) {
    const token = await new SignJWT({ fallkit_tenant: TENANT })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuedAt()
      .setIssuer(options.issuer)
      .setSubject(actor.id)
      .setExpirationTime('10m')
      .sign(privateKey);
    transports.set(actor.id, createFetchTransport({ baseUrl, token: () => token, fetch: fetchFn }));
  }
  return {
    store: seeded.value,
    transports,
    anonymous: createFetchTransport({ baseUrl, token: () => undefined, fetch: fetchFn }),
    close: () => embedded.value.close(),
  };
}
