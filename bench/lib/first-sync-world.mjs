/**
 * The world of the first-sync benchmarks (issue 15): a tenant of N cases (copies of the seven example cases
 * under new ids), the sync server over HTTP on loopback, and a token for the Jobcenter case manager (full
 * journals of the Jobcenter's cases, a cut of the handed-over Rahimi cases, silence about the rest). On
 * PostgreSQL when `DATABASE_URL` and `FALLKIT_APP_DATABASE_URL` are set, else on PGlite.
 *
 * Runs inside a worker with the `@fallkit/source` condition (`sourceWorkerCase` in source-worker.mjs).
 */
import { randomBytes } from 'node:crypto';

/** @param {typeof import('@fallkit/store-pg')} store */
async function openBackend(store) {
  const ownerUrl = process.env.DATABASE_URL;
  const appUrl = process.env.FALLKIT_APP_DATABASE_URL;
  if (ownerUrl && appUrl) {
    const owner = store.pgDatabase({ connectionString: ownerUrl, maxConnections: 4 });
    const migrated = await store.migrate(owner, { appRoles: [decodeURIComponent(new URL(appUrl).username)] });
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.errors));
    const app = store.pgDatabase({ connectionString: appUrl, maxConnections: 8 });
    return { name: 'PostgreSQL', owner, app, close: async () => (await app.close(), await owner.close()) };
  }
  const opened = await store.openEmbeddedDatabase();
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  return { name: 'PGlite', owner: opened.value.owner, app: opened.value.app, close: () => opened.value.close() };
}

/** The example cases again under new ids (case id, item and event id scope), so a tenant holds many. */
function copies(examples, count) {
  const out = [];
  for (let i = 0; out.length < count; i += 1) {
    for (const example of examples) {
      if (out.length >= count) break;
      const text = JSON.stringify(example)
        .replaceAll(`"${example.caseId}"`, `"${example.caseId}-c${i}"`)
        .replaceAll(`"${example.key}-`, `"${example.key}-c${i}-`)
        .replaceAll(`"key":"${example.key}"`, `"key":"${example.key}-c${i}"`);
      out.push(JSON.parse(text));
    }
  }
  return out;
}

/**
 * Opens the world. `routes` answers requests the sync handlers do not (the benchmark's own page and raw
 * bytes); it returns `undefined` for a request that is not its own.
 * @param {{ count: number, port: number, routes?: (request: Request) => Response | undefined | Promise<Response | undefined> }} options
 */
export async function openFirstSyncWorld({ count, port, routes }) {
  const core = await import('@fallkit/core');
  const { EXAMPLE_ACTORS, EXAMPLE_CASES, runExampleCases } = await import('@fallkit/core/examples');
  const storePg = await import('@fallkit/store-pg');
  const server = await import('@fallkit/server');
  const jose = await import('jose');
  const backend = await openBackend(storePg);
  const tenantId = `bench-${randomBytes(4).toString('hex')}`;
  const provisioned = await storePg.provisionTenant(backend.owner, tenantId);
  if (!provisioned.ok) throw new Error(JSON.stringify(provisioned.errors));
  const seal = core.createHmacJournalSeal(await core.generateHmacSealKey());
  const opened = await storePg.openPgCaseStore({ database: backend.app, tenantId, journalSeal: seal });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  await runExampleCases({ store: opened.value, cases: copies(EXAMPLE_CASES, count) });
  const events = await opened.value.feedHead();
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
  const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'bench', alg: 'ES256' };
  const issuer = `http://127.0.0.1:${port + 1}/realms/bench`;
  const actor = EXAMPLE_ACTORS.jobcenterCaseManager;
  const handlers = server.createSyncHandlers({
    tenants: server.createTenantStores({ database: backend.app, seal }),
    directory: server.memoryDirectory([
      { userId: actor.id, tenantId, agencyId: actor.agencyId, roles: [actor.role], name: actor.name },
    ]),
    verifier: server.createJwtVerifier({ issuer, jwks: { keys: [jwk] } }),
  });
  const running = await server.serveSync(handlers, {
    port,
    fetch: async (request) => (await routes?.(request)) ?? handlers.handle(request),
  });
  const bearer = await new jose.SignJWT({ sub: actor.id, fallkit_tenant: tenantId })
    .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
    .setIssuer(issuer)
    .setExpirationTime('1h')
    .sign(privateKey);
  return {
    backend: backend.name,
    events,
    url: running.url,
    bearer,
    /** Pulls the whole feed page by page as a device would; the pages' bytes and how many changes they held. */
    async pullFeed() {
      const pages = [];
      let changes = 0;
      let after = 0;
      for (;;) {
        const response = await fetch(`${running.url}/fallkit/v1/feed?after=${after}&limit=1000`, {
          headers: { authorization: `Bearer ${bearer}` },
        });
        const bytes = await response.text();
        if (response.status !== 200) throw new Error(bytes.slice(0, 500));
        const page = JSON.parse(bytes);
        pages.push(bytes);
        changes += page.changes.length;
        after = page.position;
        if (!page.more) break;
      }
      return { pages, changes };
    },
    async close() {
      await running.close();
      await storePg.dropTenant(backend.owner, tenantId);
      await backend.close();
    },
  };
}
