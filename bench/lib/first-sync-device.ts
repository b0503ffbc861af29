/**
 * The browser half of `bench/cases/sync-first-browser.bench.mjs`: a fresh device opens its encrypted store
 * through `openSyncedDevice` (the one call a host page makes) and runs its first sync against the server
 * this page came from: every page of the feed pulled, each journal or cut verified against the server's
 * signed head, stored encrypted in IndexedDB, the access log kept. Then, as the baseline, the same response
 * bytes fetched raw from the same server and parsed. Bundled by the benchmark with `bundleBrowserBench`.
 */
import Dexie from 'dexie';
import { openSyncedDevice, syncDatabaseName } from '@fallkit/sync';

/** What the benchmark hands the page. */
export interface FirstSyncInput {
  readonly token: string;
  /** How many raw pages the server keeps under `/raw/<i>` (the node pull's bytes). */
  readonly rawPages: number;
}

/** What the page measured. */
export interface FirstSyncOutput {
  readonly syncMs: number;
  readonly rawMs: number;
  readonly changes: number;
  readonly cases: number;
  readonly error?: string;
}

export default async function firstSync(input: FirstSyncInput): Promise<FirstSyncOutput> {
  const name = `fallkit-bench-first-sync-${crypto.randomUUID()}`;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const started = performance.now();
  const opened = await openSyncedDevice({
    baseUrl: location.origin,
    token: () => input.token,
    name,
    encryption: { key },
    sync: { intervalMs: 0 },
  });
  if (!opened.ok) return { syncMs: 0, rawMs: 0, changes: 0, cases: 0, error: JSON.stringify(opened.errors) };
  const device = opened.value;
  // openSyncedDevice starts the first round; syncNow joins it, and a round pulls until the server has no more.
  const round = await device.sync.syncNow();
  const syncMs = performance.now() - started;
  const cases = (await device.store.listCases()).length;
  device.close();
  await Dexie.delete(name);
  await Dexie.delete(syncDatabaseName(name));
  if (!round.ok) return { syncMs, rawMs: 0, changes: 0, cases, error: JSON.stringify(round.errors) };
  const rawStarted = performance.now();
  for (let i = 0; i < input.rawPages; i += 1) JSON.parse(await (await fetch(`/raw/${i}`)).text());
  const rawMs = performance.now() - rawStarted;
  return { syncMs, rawMs, changes: round.value.changes, cases };
}
