/**
 * Sustained pushes per second (issue 15): 20 devices pushing notes and contacts to one tenant through the sync
 * server over HTTP on loopback (port 7150), each command re-executed by the core, sealed, appended with its feed
 * position, command id and index row. Baseline in the same run: 20 connections doing plain `INSERT`s of the same
 * rows (the stored events' JSON) into a plain table of the same database, one row a transaction: what the database
 * alone costs for the same writes.
 *
 * On PostgreSQL when `DATABASE_URL` and `FALLKIT_APP_DATABASE_URL` are set (as `npm test` sets them through
 * scripts/ensure-postgres.mjs), else on PGlite in process (one connection: the clients queue). Seconds per phase:
 * `BENCH_SYNC_SECONDS` (default 10).
 *
 * The server's sources need the `@fallkit/source` condition, which the bench runner does not set: the case runs
 * itself again in a child process with it (`--worker`).
 */
import { randomBytes } from 'node:crypto';
import { sourceWorkerCase } from '../lib/source-worker.mjs';

const CLIENTS = 20;
const PORT = 7150;

/** The database: a PostgreSQL server from the environment, or PGlite. */
async function openBackend() {
  const store = await import('@fallkit/store-pg');
  const ownerUrl = process.env.DATABASE_URL;
  const appUrl = process.env.FALLKIT_APP_DATABASE_URL;
  if (ownerUrl && appUrl) {
    const owner = store.pgDatabase({ connectionString: ownerUrl, maxConnections: CLIENTS + 2 });
    const migrated = await store.migrate(owner, { appRoles: [decodeURIComponent(new URL(appUrl).username)] });
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.errors));
    const app = store.pgDatabase({ connectionString: appUrl, maxConnections: CLIENTS });
    return { name: 'PostgreSQL', owner, app, close: async () => (await app.close(), await owner.close()) };
  }
  const opened = await store.openEmbeddedDatabase();
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  return { name: 'PGlite', owner: opened.value.owner, app: opened.value.app, close: () => opened.value.close() };
}

async function worker() {
  const seconds = Number(process.env.BENCH_SYNC_SECONDS ?? '10');
  const core = await import('@fallkit/core');
  const { EXAMPLE_ACTORS, runExampleCases } = await import('@fallkit/core/examples');
  const storePg = await import('@fallkit/store-pg');
  const server = await import('@fallkit/server');
  const jose = await import('jose');
  const backend = await openBackend();
  const tenantId = `bench-${randomBytes(4).toString('hex')}`;
  const provisioned = await storePg.provisionTenant(backend.owner, tenantId);
  if (!provisioned.ok) throw new Error(JSON.stringify(provisioned.errors));
  const seal = core.createHmacJournalSeal(await core.generateHmacSealKey());
  const opened = await storePg.openPgCaseStore({ database: backend.app, tenantId, journalSeal: seal });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  const store = opened.value;
  await runExampleCases({ store });
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
  const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'bench', alg: 'ES256' };
  const issuer = 'http://127.0.0.1:7151/realms/bench';
  const users = [EXAMPLE_ACTORS.kimCaseManager, EXAMPLE_ACTORS.jobcenterCaseManager];
  const handlers = server.createSyncHandlers({
    tenants: server.createTenantStores({ database: backend.app, seal }),
    directory: server.memoryDirectory(
      users.map((u) => ({ userId: u.id, tenantId, agencyId: u.agencyId, roles: [u.role], name: u.name })),
    ),
    verifier: server.createJwtVerifier({ issuer, jwks: { keys: [jwk] } }),
  });
  const running = await server.serveSync(handlers, { port: PORT });
  const rows = await store.listCases();
  const casesOf = (user) =>
    rows.filter((r) => r.status === 'open' && r.caseManagerIds.includes(user.id)).map((r) => r.caseId);
  const token = (user) =>
    new jose.SignJWT({ sub: user.id, fallkit_tenant: tenantId })
      .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
      .setIssuer(issuer)
      .setExpirationTime('1h')
      .sign(privateKey);
  const headBefore = await store.feedHead();
  let accepted = 0;
  let refused = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, index) => {
      const user = users[index % users.length];
      const cases = casesOf(user);
      const bearer = await token(user);
      for (let round = 0; Date.now() < deadline; round += 1) {
        const caseId = cases[round % cases.length];
        const command =
          round % 2 === 0
            ? { type: 'recordNote', caseId, input: { text: `Vermerk ${index}/${round}` } }
            : { type: 'recordContact', caseId, input: { mode: 'phone', note: `Anruf ${index}/${round}` } };
        const response = await fetch(`${running.url}/fallkit/v1/commands`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ commands: [{ commandId: `b-${index}-${round}-${tenantId}`, baseSeq: 0, command }] }),
        });
        const body = await response.json();
        for (const result of body.results ?? []) {
          if (result.status === 'applied') accepted += 1;
          else refused += 1;
        }
      }
    }),
  );
  const pushSeconds = (performance.now() - started) / 1000;
  await running.close();

  // Baseline: the same rows, plain INSERTs, 20 connections, one row a transaction.
  const feed = [];
  for (let after = headBefore; ;) {
    const page = await store.readFeed({ after, limit: 1000 });
    if (page.entries.length === 0) break;
    feed.push(...page.entries.map((e) => e.event));
    after = page.position;
  }
  const table = `fallkit_bench_${randomBytes(4).toString('hex')}`;
  await backend.owner.transaction((s) =>
    s.exec(
      `create table public.${table} (id text primary key, case_id text not null, seq int not null, envelope json not null)`,
    ),
  );
  let next = 0;
  const insertStarted = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < feed.length; i = next++) {
        const event = feed[i];
        await backend.owner.transaction((s) =>
          s.query(`insert into public.${table} (id, case_id, seq, envelope) values ($1, $2, $3, $4)`, [
            `${event.id}`,
            event.caseId,
            event.seq,
            JSON.stringify(event),
          ]),
        );
      }
    }),
  );
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  await backend.owner.transaction((s) => s.exec(`drop table public.${table}`));
  await storePg.dropTenant(backend.owner, tenantId);
  await backend.close();
  const pushesPerSecond = accepted / pushSeconds;
  const insertsPerSecond = feed.length / insertSeconds;
  return [
    {
      name: `sync push, ${CLIENTS} clients, ${backend.name} (${accepted} applied, ${refused} refused)`,
      value: pushesPerSecond,
      unit: 'commands/s',
      baseline: insertsPerSecond,
      baselineName: `plain INSERT of the same ${feed.length} rows, ${CLIENTS} connections`,
    },
  ];
}

/** The bench case: the worker above, in a child process with the source condition. */
export default sourceWorkerCase(import.meta.url, worker);
