import Dexie from 'dexie';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { FixedClock, randomIds, type Actor } from '@fallkit/core';
import { openDexieCaseStore, type DexieCaseStore } from '@fallkit/store-dexie';
import { createSyncClient, syncDatabaseName, type SyncClient, type SyncTimers } from '../src/index.js';
import type { FakeTransport } from './fake-server.js';

/** The person on the device: a Jobcenter case manager (fictional, from the core's examples). */
export const ACTOR: Actor = EXAMPLE_ACTORS.jobcenterCaseManager;

/** A name that must never appear in clear in the raw IndexedDB of an encrypted store. */
export const CLIENT_NAME = 'Zeynep Yılmaz-Hoffmann';

/** The input of an `openCase` for the device's agency. */
export function openCaseCommand(caseId: string) {
  return {
    type: 'openCase' as const,
    input: {
      caseId,
      addressee: { roles: ['addressee' as const], givenName: 'Zeynep', familyName: 'Yılmaz-Hoffmann' },
      leadAgency: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', legalDomain: 'SGB_II' as const },
    },
  };
}

/** A note with the client's name in it (case text). */
export function noteCommand(caseId: string, words: string) {
  return { type: 'recordNote' as const, caseId, input: { text: `${words} (${CLIENT_NAME})` } };
}

let counter = 0;
const names: string[] = [];
const clients: SyncClient[] = [];
const stores: DexieCaseStore[] = [];

/** A database name no other test uses. */
export function freshName(): string {
  counter += 1;
  const name = `fallkit-sync-test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  names.push(name);
  return name;
}

/** A host master key (non-extractable AES-GCM), as a host that keeps the key would hand it over. */
export function masterKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Timers that only record what was scheduled; tests run rounds themselves. */
export class RecordedTimers implements SyncTimers {
  readonly delays: number[] = [];
  setTimeout(_work: () => void, ms: number): unknown {
    this.delays.push(ms);
    return this.delays.length;
  }
  clearTimeout(): void {}
}

/** Opens an encrypted store and a sync client on it (a "device"). */
export async function device(
  transport: FakeTransport,
  options: {
    name?: string;
    key?: CryptoKey;
    timers?: RecordedTimers;
    pageLimit?: number;
    onRevoked?: (caseId: string) => void;
  } = {},
) {
  const name = options.name ?? freshName();
  const key = options.key ?? (await masterKey());
  const opened = await openDexieCaseStore({ name, encryption: { key }, lockAfterIdleMs: 0 });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  const store = opened.value;
  stores.push(store);
  const timers = options.timers ?? new RecordedTimers();
  const client = createSyncClient({
    store,
    clock: new FixedClock('2026-03-02T10:00:00.000Z'),
    ids: randomIds,
    actor: transport.actor,
    transport,
    timers,
    backoff: { baseMs: 1000, maxMs: 60_000, random: () => 0.5 },
    ...(options.pageLimit === undefined ? {} : { pageLimit: options.pageLimit }),
    ...(options.onRevoked === undefined ? {} : { onRevoked: options.onRevoked }),
  });
  clients.push(client);
  return { name, key, store, client, timers };
}

/** Closes every device and deletes its databases. */
export async function cleanUp(): Promise<void> {
  for (const client of clients.splice(0)) client.close();
  for (const store of stores.splice(0)) store.close();
  for (const name of names.splice(0)) {
    await Dexie.delete(name);
    await Dexie.delete(syncDatabaseName(name));
  }
}

/** Every value of an object store, read with the raw IndexedDB API (bypassing Dexie). */
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

/** Raw values as text, binary parts decoded as UTF-8 too, to search them for plaintext. */
export function rawText(values: unknown[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  return JSON.stringify(values, (_key, value: unknown) => {
    if (value instanceof ArrayBuffer) return decoder.decode(value);
    if (ArrayBuffer.isView(value)) return decoder.decode(value as Uint8Array);
    return value;
  });
}
