/**
 * The same workload as store-dexie.bench.ts with encryption at rest (AES-GCM, per-case keys) against
 * hand-written IndexedDB code that seals the same fields with AES-GCM under one key, in the same run. The
 * append figure covers 20,000 events (10 per case over the same 2,000 cases) instead of 100,000, to keep the
 * store benches under about two minutes; compare events per second with the plain run.
 */
import type { BrowserBench } from '../lib/types.js';
import { measurePair } from './store-workload.js';

const bench: BrowserBench = () => measurePair(true, 10);
export default bench;
