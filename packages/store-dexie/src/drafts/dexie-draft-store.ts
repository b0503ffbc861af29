import Dexie from 'dexie';
import type { DexieCaseStore } from '../store/dexie-case-store.js';
import { classifyStoreError } from '../errors/classify-error.js';
import { StoreRefusalError, storeRefusal } from '../errors/store-refusals.js';
import { declareDraftsSchema, draftsDatabaseName, type DraftRow, type DraftsDexie } from './draft-database.js';
import { draftScopeOf, type DraftStore } from './draft-store-port.js';

/** What the draft store needs of the case store: its name, its encryption state and its master-key sealing. */
export type DraftStoreHost = Pick<DexieCaseStore, 'encrypted' | 'locked' | 'sealCompanion' | 'openCompanion'> & {
  readonly database: { readonly name: string };
};

/** Options of {@link DexieDraftStore}. */
export interface DexieDraftStoreOptions {
  /** The case store the drafts belong to: drafts are sealed with its key and refused while it is locked. */
  readonly store: DraftStoreHost;
  /** The drafts database name (default `<store name>-drafts`). */
  readonly name?: string;
  /** The IndexedDB factory (default `globalThis.indexedDB`). */
  readonly indexedDB?: IDBFactory;
  /** The key-range constructor belonging to {@link indexedDB} (default `globalThis.IDBKeyRange`). */
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Runs work and rethrows any failure as a typed {@link StoreRefusalError}. */
async function orThrow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StoreRefusalError ? error : new StoreRefusalError(classifyStoreError(error));
  }
}

/**
 * Unsaved form input kept in IndexedDB beside a {@link DexieCaseStore}, for
 * `<fk-case-provider .drafts=${drafts}>` (issue 8: drafts survive a reload). Drafts live in a database
 * of their own (`<store name>-drafts`), so the store's schema version is not touched.
 *
 * Drafts are kept in memory (answered synchronously, as issue 8 asks) and in the database; database
 * work runs in call order. With an encrypted store every draft is sealed with AES-GCM under the store's
 * master key: drafts hold case text, and nothing is written in clear (DP-37). While the store is
 * locked, reading and writing drafts is refused with `STORE_LOCKED` and the drafts in memory are
 * forgotten (the sealed ones stay and are readable again after `unlock`); deleting needs no key.
 * Values must be JSON-serialisable (form values are).
 *
 * Draft keys are `<caseId>::<formId>` as the components build them; {@link deleteDraftsFor} removes a
 * case's drafts when the case is deleted or erased.
 *
 * @example
 * const drafts = new DexieDraftStore({ store });
 * html`<fk-case-provider .drafts=${drafts}>…</fk-case-provider>`;
 * // after store.deleteStream(caseId) or an erasure:
 * await drafts.deleteDraftsFor(caseId);
 */
export class DexieDraftStore implements DraftStore {
  readonly #store: DraftStoreHost;
  readonly #db: DraftsDexie;
  /** Drafts known in this page: answered synchronously, so a re-created element finds its draft at once. */
  readonly #memory = new Map<string, unknown>();
  /** Database work in call order: a `delete` right after a `set` must not be overtaken by the sealing `set`. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: DexieDraftStoreOptions) {
    this.#store = options.store;
    const indexedDB = options.indexedDB ?? globalThis.indexedDB;
    const keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
    // Dexie opens the database on first use.
    this.#db = declareDraftsSchema(
      new Dexie(options.name ?? draftsDatabaseName(options.store.database.name), {
        indexedDB,
        IDBKeyRange: keyRange,
      }),
    );
  }

  /** The name of the drafts database. */
  get name(): string {
    return this.#db.name;
  }

  /**
   * The draft under `key`, or `undefined`: from memory at once when this page kept it, else from the
   * database (a promise). Refused with `STORE_LOCKED` while the store is locked.
   */
  get(key: string): unknown {
    if (this.#store.locked) return Promise.reject(this.#lockedError());
    if (this.#memory.has(key)) return structuredClone(this.#memory.get(key));
    return this.#enqueue(async () => {
      this.#refuseWhileLocked();
      const row = await this.#db.drafts.get(key);
      let value: unknown;
      if (row?.sealed !== undefined) value = await this.#store.openCompanion<unknown>(row.sealed);
      // A draft written in clear is never given out by an encrypted store (it would not be from this store).
      else value = this.#store.encrypted ? undefined : row?.value;
      if (value !== undefined && !this.#memory.has(key)) this.#memory.set(key, value);
      return value === undefined ? undefined : structuredClone(value);
    });
  }

  /**
   * Keeps `value` as the draft under `key`: in memory at once, then in the database, sealed when the
   * store is encrypted. Refused with `STORE_LOCKED` while the store is locked.
   */
  set(key: string, value: unknown): Promise<void> {
    if (this.#store.locked) return Promise.reject(this.#lockedError());
    const copy = structuredClone(value);
    this.#memory.set(key, copy);
    return this.#enqueue(async () => {
      this.#refuseWhileLocked();
      const base = { key, scope: draftScopeOf(key), savedAt: new Date().toISOString() };
      const sealed = await this.#store.sealCompanion(copy);
      const row: DraftRow = sealed === undefined ? { ...base, value: copy } : { ...base, sealed };
      await this.#db.drafts.put(row);
    });
  }

  /** Forgets the draft under `key` (after a save or a discard). Needs no key, so it also works while locked. */
  delete(key: string): Promise<void> {
    this.#memory.delete(key);
    return this.#enqueue(() => this.#db.drafts.delete(key));
  }

  /** Deletes every draft of a case (keys `<caseId>::…`), e.g. with the case; returns how many. Works while locked. */
  deleteDraftsFor(caseId: string): Promise<number> {
    for (const key of [...this.#memory.keys()]) if (draftScopeOf(key) === caseId) this.#memory.delete(key);
    return this.#enqueue(() => this.#db.drafts.where('scope').equals(caseId).delete());
  }

  /** The keys of all kept drafts (no content; works while locked). */
  keys(): Promise<string[]> {
    return this.#enqueue(async () => (await this.#db.drafts.toCollection().primaryKeys()).map(String));
  }

  /** Deletes every draft, in memory and in the database (logout on a shared device). */
  clear(): Promise<void> {
    this.#memory.clear();
    return this.#enqueue(() => this.#db.drafts.clear());
  }

  /**
   * Forgets the drafts held in memory; the sealed ones in the database stay. Call it with
   * `store.lock()`; the draft store also does it by itself as soon as it finds the store locked.
   */
  clearMemory(): void {
    this.#memory.clear();
  }

  /** Closes the drafts database connection and forgets the drafts in memory. */
  close(): void {
    this.#memory.clear();
    this.#db.close();
  }

  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(
      () => orThrow(work),
      () => orThrow(work),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #lockedError(): StoreRefusalError {
    // Plain drafts must not outlive the key in memory (DP-37).
    this.#memory.clear();
    return new StoreRefusalError(storeRefusal('STORE_LOCKED'));
  }

  #refuseWhileLocked(): void {
    if (this.#store.locked) throw this.#lockedError();
  }
}
