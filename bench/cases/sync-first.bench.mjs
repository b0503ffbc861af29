/**
 * First sync (issue 15): a device with nothing pulls the feed of a tenant of N cases (copies of the seven example
 * cases, `BENCH_SYNC_CASES`, default 350) through the sync server over HTTP on loopback (port 7152), page by page
 * (1,000 cases a page): every journal verified, cut for the actor by the core, sealed head attached, each delivery
 * written to the access log. Baseline in the same run: fetching exactly the same response bytes, stored, from the
 * same HTTP server (what moving the bytes costs). Goal of the issue: within 2x.
 *
 * The actor is the Jobcenter case manager (full journals of the Jobcenter's cases, a cut of the handed-over
 * Rahimi cases, silence about the rest). On PostgreSQL when `DATABASE_URL` and `FALLKIT_APP_DATABASE_URL` are
 * set, else on PGlite. Runs in a child process with the `@fallkit/source` condition (see sync-push.bench.mjs).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { runWorker } from './sync-push.bench.mjs';

const SELF = fileURLToPath(import.meta.url);
const PORT = 7152;

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

async function worker() {
  const count = Number(process.env.BENCH_SYNC_CASES ?? '350');
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
  const issuer = 'http://127.0.0.1:7153/realms/bench';
  const actor = EXAMPLE_ACTORS.jobcenterCaseManager;
  const handlers = server.createSyncHandlers({
    tenants: server.createTenantStores({ database: backend.app, seal }),
    directory: server.memoryDirectory([
      { userId: actor.id, tenantId, agencyId: actor.agencyId, roles: [actor.role], name: actor.name },
    ]),
    verifier: server.createJwtVerifier({ issuer, jwks: { keys: [jwk] } }),
  });
  // The same HTTP server answers the raw bytes under /raw/<n>: the baseline moves exactly what sync moved.
  const raw = [];
  const running = await server.serveSync(handlers, {
    port: PORT,
    fetch: (request) => {
      const match = /^\/raw\/(\d+)$/.exec(new URL(request.url).pathname);
      if (match) return new Response(raw[Number(match[1])], { headers: { 'content-type': 'application/json' } });
      return handlers.handle(request);
    },
  });
  const bearer = await new jose.SignJWT({ sub: actor.id, fallkit_tenant: tenantId })
    .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
    .setIssuer(issuer)
    .setExpirationTime('1h')
    .sign(privateKey);
  let changes = 0;
  let after = 0;
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${running.url}/fallkit/v1/feed?after=${after}&limit=1000`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const bytes = await response.text();
    const page = JSON.parse(bytes);
    if (response.status !== 200) throw new Error(bytes.slice(0, 500));
    raw.push(bytes);
    changes += page.changes.length;
    after = page.position;
    if (!page.more) break;
  }
  const syncMs = performance.now() - started;
  const rawStarted = performance.now();
  for (let i = 0; i < raw.length; i += 1) JSON.parse(await (await fetch(`${running.url}/raw/${i}`)).text());
  const rawMs = performance.now() - rawStarted;
  const bytes = raw.reduce((sum, page) => sum + page.length, 0);
  await running.close();
  await storePg.dropTenant(backend.owner, tenantId);
  await backend.close();
  return [
    {
      name: `first sync, ${count} cases (${events} events), ${changes} delivered to the Jobcenter, ${(bytes / 1e6).toFixed(1)} MB, ${backend.name}`,
      value: syncMs,
      unit: 'ms',
      baseline: rawMs,
      baselineName: 'the same bytes fetched raw from the same server',
    },
  ];
}

if (process.argv.includes('--worker') && process.argv[1] === SELF) {
  worker().then(
    (rows) => {
      process.stdout.write(`${JSON.stringify(rows)}\n`);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** The bench case: runs the worker. */
export default async function () {
  return runWorker(SELF);
}
