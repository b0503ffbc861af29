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
 * With an encrypted store every draft is sealed with AES-GCM under the store's master key: drafts hold
 * case text, and nothing is written in clear (DP-37). While the store is locked, reading and writing
 * drafts is refused with `STORE_LOCKED` (the sealed drafts stay and are readable again after
 * `unlock`); deleting needs no key. Values must be JSON-serialisable (form values are).
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

  /** The draft under `key`, or `undefined`. Refused with `STORE_LOCKED` while the store is locked. */
  async get(key: string): Promise<unknown> {
    return orThrow(async () => {
      this.#refuseWhileLocked();
      const row = await this.#db.drafts.get(key);
      if (row === undefined) return undefined;
      if (row.sealed !== undefined) return this.#store.openCompanion<unknown>(row.sealed);
      // A draft written in clear is never given out by an encrypted store (it would not be from this store).
      return this.#store.encrypted ? undefined : row.value;
    });
  }

  /** Keeps `value` as the draft under `key`, sealed when the store is encrypted. Refused while locked. */
  async set(key: string, value: unknown): Promise<void> {
    await orThrow(async () => {
      this.#refuseWhileLocked();
      const base = { key, scope: draftScopeOf(key), savedAt: new Date().toISOString() };
      const sealed = await this.#store.sealCompanion(value);
      const row: DraftRow = sealed === undefined ? { ...base, value } : { ...base, sealed };
      await this.#db.drafts.put(row);
    });
  }

  /** Forgets the draft under `key` (after a save or a discard). Needs no key, so it also works while locked. */
  async delete(key: string): Promise<void> {
    await orThrow(() => this.#db.drafts.delete(key));
  }

  /** Deletes every draft of a case (keys `<caseId>::…`), e.g. with the case; returns how many. Works while locked. */
  async deleteDraftsFor(caseId: string): Promise<number> {
    return orThrow(() => this.#db.drafts.where('scope').equals(caseId).delete());
  }

  /** The keys of all kept drafts (no content; works while locked). */
  async keys(): Promise<string[]> {
    return orThrow(async () => (await this.#db.drafts.toCollection().primaryKeys()).map(String));
  }

  /** Deletes every draft (logout on a shared device). */
  async clear(): Promise<void> {
    await orThrow(() => this.#db.drafts.clear());
  }

  /** Closes the drafts database connection. */
  close(): void {
    this.#db.close();
  }

  #refuseWhileLocked(): void {
    if (this.#store.locked) throw new StoreRefusalError(storeRefusal('STORE_LOCKED'));
  }
}
