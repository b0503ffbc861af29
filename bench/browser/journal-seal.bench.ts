/**
 * Cost of sealing journal events (envelope, canonical JSON, two SHA-256 per event, chained) in Chromium,
 * against the bare WebCrypto digests of the same bytes measured in the same run: the ratio is the kernel's
 * overhead over the hashing it cannot avoid.
 */
import { SequentialIds, type Actor, type PendingEvent } from '@fallkit/core';
import { canonicalJson, sealEvents } from '@fallkit/core/internal';
import type { BenchRow, BrowserBench } from '../lib/types.js';

const EVENTS = 1000;
const ROUNDS = 5;

const actor: Actor = { id: 'u-1', role: 'caseManager', agencyId: 'a-1' };

function pendingEvents(): PendingEvent[] {
  return Array.from({ length: EVENTS }, (_, index) => ({
    type: 'note.recorded',
    schemaVersion: 1,
    payload: { text: `Gesprächsnotiz ${index}: Termin beim Jobcenter vereinbart.`, tags: ['termin', 'jobcenter'] },
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timeIt(body: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  return median(times);
}

const bench: BrowserBench = async () => {
  const pending = pendingEvents();
  const encoder = new TextEncoder();
  const bytes = pending.map((event) => encoder.encode(canonicalJson(event.payload)));
  const seal = await timeIt(() => {
    const ids = new SequentialIds();
    return sealEvents(pending, {
      caseId: 'case-1',
      last: undefined,
      at: '2026-01-05T09:00:00.000Z',
      actor,
      newId: () => ids.next('evt'),
    });
  });
  // Two digests per event (payload and envelope), one after the other as the chain requires.
  const digestsOnly = await timeIt(async () => {
    for (const data of bytes) {
      await crypto.subtle.digest('SHA-256', data);
      await crypto.subtle.digest('SHA-256', data);
    }
  });
  const rows: BenchRow[] = [
    {
      name: `seal ${EVENTS} events (median of ${ROUNDS})`,
      value: seal,
      unit: 'ms',
      baseline: digestsOnly,
      baselineName: '2×SHA-256 only',
    },
    { name: 'events sealed per second', value: Math.round((EVENTS / seal) * 1000), unit: 'ev/s' },
  ];
  return rows;
};
export default bench;
