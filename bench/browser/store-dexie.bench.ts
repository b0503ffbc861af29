/**
 * The Dexie store without encryption against hand-written IndexedDB code doing the same work in the same
 * run: 100,000 events appended across 2,000 cases, single-event appends, filtered and full caseload lists,
 * one 500-event case. The workload is described in store-workload.ts.
 */
import type { BrowserBench } from '../lib/types.js';
import { EVENTS_PER_CASE, measurePair } from './store-workload.js';

const bench: BrowserBench = () => measurePair(false, EVENTS_PER_CASE);
export default bench;
