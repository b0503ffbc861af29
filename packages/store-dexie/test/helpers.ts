import Dexie from 'dexie';
import { openDexieCaseStore, type DexieCaseStore, type OpenDexieCaseStoreOptions } from '../src/index.js';

let counter = 0;
const opened: { name: string; stores: DexieCaseStore[] }[] = [];

/** A database name no other test uses. */
export function freshName(prefix = 'fallkit-test'): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens a store and remembers it for {@link cleanUp}; fails the test on a refusal. */
export async function openStore(options: Partial<OpenDexieCaseStoreOptions> & { name?: string } = {}): Promise<DexieCaseStore> {
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
