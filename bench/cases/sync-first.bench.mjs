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
import { openFirstSyncWorld } from '../lib/first-sync-world.mjs';
import { sourceWorkerCase } from '../lib/source-worker.mjs';

const PORT = 7152;

async function worker() {
  const count = Number(process.env.BENCH_SYNC_CASES ?? '350');
  /** @type {string[]} */
  const raw = [];
  const world = await openFirstSyncWorld({
    count,
    port: PORT,
    routes: (request) => {
      const match = /^\/raw\/(\d+)$/.exec(new URL(request.url).pathname);
      return match
        ? new Response(raw[Number(match[1])], { headers: { 'content-type': 'application/json' } })
        : undefined;
    },
  });
  const started = performance.now();
  const { pages, changes } = await world.pullFeed();
  const syncMs = performance.now() - started;
  raw.push(...pages);
  const rawStarted = performance.now();
  for (let i = 0; i < raw.length; i += 1) JSON.parse(await (await fetch(`${world.url}/raw/${i}`)).text());
  const rawMs = performance.now() - rawStarted;
  const bytes = raw.reduce((sum, page) => sum + page.length, 0);
  await world.close();
  return [
    {
      name: `first sync, ${count} cases (${world.events} events), ${changes} delivered to the Jobcenter, ${(bytes / 1e6).toFixed(1)} MB, ${world.backend}`,
      value: syncMs,
      unit: 'ms',
      baseline: rawMs,
      baselineName: 'the same bytes fetched raw from the same server',
    },
  ];
}

/** The bench case: the worker above, in a child process with the source condition. */
export default sourceWorkerCase(import.meta.url, worker);
