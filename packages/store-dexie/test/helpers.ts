import Dexie from 'dexie';
import { type CaseIndexEntry, type JournalEvent, type Subscribable } from '@fallkit/core';
import { sealEvents } from '@fallkit/core/internal';
import { openDexieCaseStore, type DexieCaseStore, type OpenDexieCaseStoreOptions } from '../src/index.js';

let counter = 0;
const opened: { name: string; stores: DexieCaseStore[] }[] = [];

/** A database name no other test uses. */
export function freshName(prefix = 'fallkit-test'): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens a store and remembers it for {@link cleanUp}; fails the test on a refusal. */
export async function openStore(
  options: Partial<OpenDexieCaseStoreOptions> & { name?: string } = {},
): Promise<DexieCaseStore> {
  const name = options.name ?? freshName();
  const result = await openDexieCaseStore({ encryption: 'off', ...options, name });
  if (!result.ok) throw new Error(`open failed: ${JSON.stringify(result.errors)}`);
  let entry = opened.find((item) => item.name === name);
  if (!entry) opened.push((entry = { name, stores: [] }));
  entry.stores.push(result.value);
  return result.value;
}

/** Closes every store opened through {@link openStore} and deletes its database. */
export async function cleanUp(): Promise<void> {
  for (const { name, stores } of opened.splice(0)) {
    for (const store of stores) store.close();
    await Dexie.delete(name);
  }
}

/** Reads every value of an object store with the raw IndexedDB API, bypassing Dexie. */
export function rawValues(dbName: string, storeName: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const read = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        db.close();
        resolve(read.result);
      };
    };
  });
}

/** Serialises raw values, ArrayBuffers and typed arrays as decoded UTF-8 too, to search them for plaintext. */
export function rawText(values: unknown[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  return JSON.stringify(values, (_key, value: unknown) => {
    if (value instanceof ArrayBuffer) return decoder.decode(value);
    if (ArrayBuffer.isView(value)) return decoder.decode(value as Uint8Array);
    return value;
  });
}

/** A client name that must never appear in clear in an encrypted database (DP-37). */
export const CLIENT_NAME = 'Zeynep Yılmaz-Hoffmann';

const testActor = { id: 'user-anna', role: 'caseManager', agencyId: 'agency-nord', name: 'Anna Berater' } as const;

/** Sealed events for a case, continuing after `after`, with the client's name in the payload. */
export async function makeEvents(
  caseId: string,
  count: number,
  after?: JournalEvent,
  at = '2026-03-02T09:00:00.000Z',
): Promise<JournalEvent[]> {
  const pending = Array.from({ length: count }, (_, i) => ({
    type: 'NoteRecorded',
    schemaVersion: 1,
    // A payload that matches NoteRecorded's schema: a backup import checks every readable payload (DP-38).
    payload: {
      id: `note-${i + 1}`,
      on: at.slice(0, 10),
      text: `Gespräch ${i + 1} mit ${CLIENT_NAME}: Wohnungssuche, Schulden, Ü-Termin`,
      subjectIds: ['person-1'],
      categories: ['housing'],
      origin: 'caseManager',
      recordedBy: testActor.id,
      recordedAt: at,
    },
    reason: i === 0 ? `Erstkontakt mit ${CLIENT_NAME}` : undefined,
  }));
  return sealEvents(pending, {
    caseId,
    last: after,
    at,
    actor: testActor,
    newId: () => `${caseId}-${crypto.randomUUID()}`,
  });
}

/** An index row for tests. */
export function indexRow(caseId: string, lastSeq: number, overrides: Partial<CaseIndexEntry> = {}): CaseIndexEntry {
  return {
    caseId,
    lastSeq,
    updatedAt: '2026-03-02T09:00:00.000Z',
    status: 'open',
    stage: 'assessment',
    leadAgencyId: 'agency-nord',
    caseManagerIds: ['user-anna'],
    legalDomains: ['SGB_II'],
    nextDueDate: '2026-04-01',
    label: `Akte ${caseId} – ${CLIENT_NAME}`,
    ...overrides,
  };
}

/** Waits for the first value of a subscribable that passes `accept`. */
export function nextMatching<T>(source: Subscribable<T>, accept: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error('no matching value in time'));
    }, timeoutMs);
    const subscription = source.subscribe({
      next: (value) => {
        if (!accept(value)) return;
        clearTimeout(timer);
        queueMicrotask(() => subscription.unsubscribe());
        resolve(value);
      },
      error: (error) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    });
  });
}

/**
 * A `DataErased` decision after `after`, for the seqs an erasure then removes: the store's erasure
 * is only the mechanism, a marker without its decision is refused as a forgery (DP-44).
 */
export async function erasureDecision(caseId: string, after: JournalEvent, seqs: number[]): Promise<JournalEvent> {
  const [decision] = await sealEvents(
    [
      {
        type: 'DataErased',
        schemaVersion: 1,
        payload: {
          erasureId: 'erasure-1',
          subjectId: 'person-1',
          scope: 'case',
          seqs,
          erasedOn: '2026-04-30',
          rule: 'DP-32',
        },
      },
    ],
    {
      caseId,
      last: after,
      at: '2026-04-30T09:00:00.000Z',
      actor: testActor,
      newId: () => `${caseId}-${crypto.randomUUID()}`,
    },
  );
  return decision!;
}
