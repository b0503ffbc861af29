/**
 * Shared workload of the store benches (store-dexie.bench.ts without, store-encrypted.bench.ts with
 * encryption at rest): the Dexie store against hand-written IndexedDB code doing the same work in the same run.
 *   - append 100,000 events across 2,000 cases (one append of 50 events per case: 2,000 transactions,
 *     each reading the stream's last event, adding the events and putting the index row);
 *   - append single events to existing cases (the everyday write, one transaction each);
 *   - load a caseload list from the 2,000 cases, filtered by case manager and stage, and the whole list;
 *   - load one 500-event case.
 * Events carry synthetic hashes: the store checks numbering and linkage on append, not digests (sealing is
 * measured in journal-seal.bench.ts). The raw baseline with encryption seals the same fields with AES-GCM
 * under one key, so the ratio shows the store's own overhead (per-case keys, Dexie, checks). Both sides do
 * every step in turns (the store first, then the baseline, then the other way round), each on its own database.
 */
import Dexie from 'dexie';
import type { CaseIndexEntry, JournalEvent } from '@fallkit/core';
import { openDexieCaseStore, type DexieCaseStore } from '@fallkit/store-dexie';
import type { BenchRow } from '../lib/types.js';

const CASES = 2000;
/** Events per case in the plain run (100,000 in all); the encrypted run uses fewer to keep the bench under ~2 minutes. */
export const EVENTS_PER_CASE = 50;
const SINGLE_APPENDS = 200;
const BIG_CASE_EVENTS = 500;
const MANAGERS = 20;
const STAGES = ['intake', 'assessment', 'planning', 'monitoring', 'evaluation'];
const ROUNDS = 5;

const hex = (n: number): string => n.toString(16).padStart(64, '0');
let hashCounter = 1;

function caseEvents(caseId: string, count: number): JournalEvent[] {
  const events: JournalEvent[] = [];
  let prevHash = '0'.repeat(64);
  for (let seq = 1; seq <= count; seq += 1) {
    const hash = hex(hashCounter++);
    events.push({
      id: `${caseId}-e${seq}`,
      type: 'NoteRecorded',
      schemaVersion: 1,
      caseId,
      seq,
      at: '2026-03-02T09:00:00.000Z',
      actor: { id: 'user-1', role: 'caseManager', agencyId: 'agency-1', name: 'Anna Berater' },
      payload: {
        client: 'Zeynep Yılmaz-Hoffmann',
        note: `Gespräch ${seq}: Wohnungssuche, Schuldnerberatung vereinbart, nächster Termin beim Jobcenter.`,
        n: seq,
      },
      payloadHash: hex(hashCounter++),
      prevHash,
      hash,
    });
    prevHash = hash;
  }
  return events;
}

function indexRow(caseId: string, number: number, lastSeq: number): CaseIndexEntry {
  return {
    caseId,
    lastSeq,
    updatedAt: '2026-03-02T09:00:00.000Z',
    status: 'open',
    stage: STAGES[number % STAGES.length]!,
    leadAgencyId: `agency-${number % 7}`,
    caseManagerIds: [`user-${number % MANAGERS}`],
    legalDomains: ['SGB_II'],
    nextDueDate: `2026-04-${String(1 + (number % 28)).padStart(2, '0')}`,
    label: `Akte ${number}`,
    flags: [],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function makeWorkload(eventsPerCase: number) {
  return Array.from({ length: CASES }, (_, i) => {
    const caseId = `case-${String(i).padStart(4, '0')}`;
    return { caseId, number: i, events: caseEvents(caseId, eventsPerCase) };
  });
}
const bigCase = caseEvents('case-big', BIG_CASE_EVENTS);
const query = { caseManagerId: 'user-3', stage: 'monitoring' };

// ---------- hand-written IndexedDB, the baseline ----------

interface Raw {
  db: IDBDatabase;
  key?: CryptoKey;
}

function done(request: IDBRequest | IDBTransaction): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if ('oncomplete' in request) {
      request.oncomplete = () => resolve(undefined);
      request.onerror = () => reject(request.error);
      request.onabort = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }
  });
}

async function rawOpen(name: string, key?: CryptoKey): Promise<Raw> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('events', { keyPath: ['caseId', 'seq'] }).createIndex('id', 'id', { unique: true });
    const cases = db.createObjectStore('cases', { keyPath: 'caseId' });
    for (const field of ['status', 'stage', 'leadAgencyId', 'nextDueDate']) cases.createIndex(field, field);
    cases.createIndex('caseManagerIds', 'caseManagerIds', { multiEntry: true });
    cases.createIndex('legalDomains', 'legalDomains', { multiEntry: true });
  };
  return { db: (await done(request)) as IDBDatabase, ...(key ? { key } : {}) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function rawSeal(key: CryptoKey, value: unknown) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value))) };
}

async function rawAppend(
  raw: Raw,
  caseId: string,
  expectedSeq: number,
  events: JournalEvent[],
  entry: CaseIndexEntry,
): Promise<void> {
  const rows = raw.key
    ? await Promise.all(
        events.map(async ({ payload, ...rest }) => ({ ...rest, sealed: await rawSeal(raw.key!, payload) })),
      )
    : events;
  const row =
    raw.key && entry.label ? { ...entry, label: undefined, sealedLabel: await rawSeal(raw.key, entry.label) } : entry;
  const tx = raw.db.transaction(['events', 'cases'], 'readwrite');
  const events_ = tx.objectStore('events');
  const cursor = events_.openCursor(IDBKeyRange.bound([caseId], [caseId, []]), 'prev');
  cursor.onsuccess = () => {
    const last = cursor.result?.value as JournalEvent | undefined;
    if ((last?.seq ?? 0) !== expectedSeq) {
      tx.abort();
      return;
    }
    for (const event of rows) events_.add(event);
    tx.objectStore('cases').put(row);
  };
  await done(tx);
}

async function rawListCases(raw: Raw, filtered: boolean): Promise<CaseIndexEntry[]> {
  const cases = raw.db.transaction('cases').objectStore('cases');
  const rows = (await done(
    filtered ? cases.index('caseManagerIds').getAll(query.caseManagerId) : cases.getAll(),
  )) as (CaseIndexEntry & { sealedLabel?: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer } })[];
  const matching = filtered ? rows.filter((row) => row.stage === query.stage) : rows;
  const decoded = await Promise.all(
    matching.map(async (row) =>
      raw.key && row.sealedLabel
        ? {
            ...row,
            label: decoder.decode(
              await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.sealedLabel.iv }, raw.key, row.sealedLabel.data),
            ),
          }
        : row,
    ),
  );
  return decoded.sort((a, b) =>
    a.nextDueDate! < b.nextDueDate! ? -1 : a.nextDueDate! > b.nextDueDate! ? 1 : a.caseId < b.caseId ? -1 : 1,
  );
}

async function rawReadJournal(raw: Raw, caseId: string): Promise<unknown[]> {
  const rows = (await done(
    raw.db
      .transaction('events')
      .objectStore('events')
      .getAll(IDBKeyRange.bound([caseId], [caseId, []])),
  )) as {
    sealed?: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
  }[];
  if (!raw.key) return rows;
  return Promise.all(
    rows.map(async ({ sealed, ...rest }) => ({
      ...rest,
      payload: JSON.parse(
        decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed!.iv }, raw.key!, sealed!.data)),
      ) as unknown,
    })),
  );
}

// ---------- the runs ----------

interface Work {
  append(caseId: string, expectedSeq: number, events: JournalEvent[], entry: CaseIndexEntry): Promise<void>;
  list(filtered: boolean): Promise<unknown[]>;
  read(caseId: string): Promise<unknown[]>;
}

interface Figures {
  append: number;
  single: number;
  listFiltered: number;
  listAll: number;
  readBig: number;
  matched: number;
}

/**
 * Runs one step on the store and on the baseline, alternating which goes first, and returns both times. The
 * two sides run turn about rather than one whole run after the other: on a shared machine the load changes
 * within a minute, and a run-after-run schedule hands those changes to one side only.
 */
async function onBoth(sides: readonly [Work, Work], turn: number, step: (work: Work) => Promise<unknown>) {
  const times: [number, number] = [0, 0];
  for (const side of turn % 2 === 0 ? [0, 1] : [1, 0]) {
    const started = performance.now();
    await step(sides[side]!);
    times[side] = performance.now() - started;
  }
  return times;
}

/** The workload on both sides, step by step in turns (see {@link onBoth}); returns the store's and the baseline's figures. */
async function run(
  sides: readonly [Work, Work],
  workload: ReturnType<typeof makeWorkload>,
): Promise<[Figures, Figures]> {
  const append: [number, number] = [0, 0];
  for (const [turn, item] of workload.entries()) {
    const times = await onBoth(sides, turn, (work) =>
      work.append(item.caseId, 0, item.events, indexRow(item.caseId, item.number, item.events.length)),
    );
    append[0] += times[0];
    append[1] += times[1];
  }
  const singles: [number[], number[]] = [[], []];
  for (const [turn, item] of workload.slice(0, SINGLE_APPENDS).entries()) {
    const last = item.events.at(-1)!;
    const next: JournalEvent = {
      ...last,
      id: `${last.id}-next`,
      seq: last.seq + 1,
      prevHash: last.hash,
      hash: hex(hashCounter++),
    };
    const times = await onBoth(sides, turn, (work) =>
      work.append(item.caseId, last.seq, [next], indexRow(item.caseId, item.number, next.seq)),
    );
    singles[0].push(times[0]);
    singles[1].push(times[1]);
  }
  const matched: number[] = [];
  for (const work of sides) {
    await work.append('case-big', 0, bigCase, indexRow('case-big', 99999, BIG_CASE_EVENTS));
    matched.push((await work.list(true)).length);
    if ((await work.read('case-big')).length !== BIG_CASE_EVENTS) throw new Error('big case incomplete');
  }
  const timeBoth = async (step: (work: Work) => Promise<unknown>): Promise<[number, number]> => {
    const times: [number[], number[]] = [[], []];
    for (let round = 0; round < ROUNDS; round += 1) {
      const [ours, base] = await onBoth(sides, round, step);
      times[0].push(ours);
      times[1].push(base);
    }
    return [median(times[0]), median(times[1])];
  };
  const listFiltered = await timeBoth((work) => work.list(true));
  const listAll = await timeBoth((work) => work.list(false));
  const readBig = await timeBoth((work) => work.read('case-big'));
  const figures = (side: 0 | 1): Figures => ({
    append: append[side],
    single: median(singles[side]),
    matched: matched[side]!,
    listFiltered: listFiltered[side],
    listAll: listAll[side],
    readBig: readBig[side],
  });
  return [figures(0), figures(1)];
}

function dexieWork(store: DexieCaseStore): Work {
  return {
    append: async (caseId, expectedSeq, events, index) => {
      const result = await store.append({ caseId, expectedSeq, events, index });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
    },
    list: (filtered) => store.listCases(filtered ? query : {}),
    read: (caseId) => store.readJournal(caseId),
  };
}

function rawWork(raw: Raw): Work {
  return {
    append: (caseId, expectedSeq, events, index) => rawAppend(raw, caseId, expectedSeq, events, index),
    list: (filtered) => rawListCases(raw, filtered),
    read: (caseId) => rawReadJournal(raw, caseId),
  };
}

/** Runs the workload on the Dexie store and on raw IndexedDB (both encrypted or both not) and returns the rows. */
export async function measurePair(encrypted: boolean, eventsPerCase: number): Promise<BenchRow[]> {
  const workload = makeWorkload(eventsPerCase);
  const suffix = encrypted ? ', encrypted' : '';
  const dexieName = `bench-store-dexie-${encrypted}-${Date.now()}`;
  const rawName = `bench-store-raw-${encrypted}-${Date.now()}`;
  const opened = await openDexieCaseStore({
    name: dexieName,
    encryption: encrypted
      ? { key: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) }
      : 'off',
    lockAfterIdleMs: 0,
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  const raw = await rawOpen(
    rawName,
    encrypted
      ? await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
      : undefined,
  );
  const [ours, base] = await run([dexieWork(opened.value), rawWork(raw)], workload);
  if (ours.matched !== base.matched) throw new Error(`filtered lists differ: ${ours.matched} vs ${base.matched}`);
  opened.value.close();
  raw.db.close();
  await Dexie.delete(dexieName);
  await Dexie.delete(rawName);
  const total = CASES * eventsPerCase;
  const rows: BenchRow[] = [
    {
      name: `append ${total.toLocaleString('en-US')} events, ${CASES.toLocaleString('en-US')} cases, ${eventsPerCase} per append${suffix}`,
      value: Math.round(ours.append),
      unit: 'ms',
      baseline: Math.round(base.append),
      baselineName: 'raw IndexedDB',
    },
    { name: `  events appended per second${suffix}`, value: Math.round((total / ours.append) * 1000), unit: 'ev/s' },
    {
      name: `append 1 event to a case (median of ${SINGLE_APPENDS})${suffix}`,
      value: ours.single,
      unit: 'ms',
      baseline: base.single,
      baselineName: 'raw IndexedDB',
    },
    {
      name: `caseload: ${CASES} cases by manager+stage (${ours.matched} rows)${suffix}`,
      value: ours.listFiltered,
      unit: 'ms',
      baseline: base.listFiltered,
      baselineName: 'raw IndexedDB',
    },
    {
      name: `caseload: all ${CASES + 1} cases${suffix}`,
      value: ours.listAll,
      unit: 'ms',
      baseline: base.listAll,
      baselineName: 'raw IndexedDB',
    },
    {
      name: `load one ${BIG_CASE_EVENTS}-event case${suffix}`,
      value: ours.readBig,
      unit: 'ms',
      baseline: base.readBig,
      baselineName: 'raw IndexedDB',
    },
  ];
  return rows;
}
