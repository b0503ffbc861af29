import type { CaseKeyRow, CryptoMeta } from '../schema/rows.js';
import type { FallkitDexie } from '../schema/schema-versions.js';
import { StoreRefusalError, storeRefusal } from '../errors/store-refusals.js';
import { importAesKey, openBytes, sealBytes } from './aes-gcm.js';
import { unreadableEventRefusal } from '@fallkit/core/store';

/** A case's data key, unwrapped for this session, with the stored row it came from. */
export interface CaseKey {
  readonly keyId: string;
  readonly key: CryptoKey;
  readonly row: CaseKeyRow;
  /** True when the key was made for this write and is not stored yet. */
  readonly isNew: boolean;
}

/**
 * Holds the session's keys: the master key (host `CryptoKey` or derived from the passphrase) and
 * the per-case data keys unwrapped with it. Nothing here is ever written in clear; `lock()` drops
 * every key from memory (DP-37).
 */
export class StoreVault {
  readonly mode: CryptoMeta['mode'];
  #master: CryptoKey | undefined;
  #sealKey: CryptoKey | undefined;
  readonly #caseKeys = new Map<string, CaseKey>();

  constructor(mode: CryptoMeta['mode'], master: CryptoKey | undefined, sealKey?: CryptoKey) {
    this.mode = mode;
    this.#master = master;
    this.#sealKey = sealKey;
  }

  /** Whether payloads are encrypted in this database. */
  get encrypted(): boolean {
    return this.mode !== 'off';
  }

  /** Whether the store is encrypted and has no key in memory. */
  get locked(): boolean {
    return this.encrypted && this.#master === undefined;
  }

  /** The master key; throws `STORE_LOCKED` when locked. */
  master(): CryptoKey {
    if (this.#master === undefined) throw new StoreRefusalError(storeRefusal('STORE_LOCKED'));
    return this.#master;
  }

  /** The journal seal key (DP-44); throws `STORE_LOCKED` when locked. */
  sealKey(): CryptoKey {
    if (this.#sealKey === undefined) throw new StoreRefusalError(storeRefusal('STORE_LOCKED'));
    return this.#sealKey;
  }

  /** Forgets every key held in memory. */
  lock(): void {
    this.#master = undefined;
    this.#sealKey = undefined;
    this.#caseKeys.clear();
  }

  /** Takes a checked master key and the seal key unwrapped with it. */
  unlock(master: CryptoKey, sealKey: CryptoKey): void {
    this.#caseKeys.clear();
    this.#master = master;
    this.#sealKey = sealKey;
  }

  /** Forgets one case's key (after the case was deleted, or another writer made a different key). */
  forget(caseId: string): void {
    this.#caseKeys.delete(caseId);
  }

  /**
   * The data key of a case: from memory, from the `keys` table, or (with `create`) a new random one
   * that the caller stores in its write transaction. Returns `undefined` for an unknown case without `create`.
   */
  async caseKey(db: FallkitDexie, caseId: string, create: boolean): Promise<CaseKey | undefined> {
    const master = this.master();
    const cached = this.#caseKeys.get(caseId);
    if (cached && !cached.isNew) return cached;
    const row = await db.keys.get(caseId);
    if (row) {
      // The master key was checked at unlock: a case key that does not open under it was tampered with.
      const raw = await openBytes(master, row.sealed).catch(() => {
        throw new StoreRefusalError(unreadableEventRefusal(caseId, 1));
      });
      const found: CaseKey = {
        keyId: row.keyId,
        key: await importAesKey(raw as Uint8Array<ArrayBuffer>),
        row,
        isNew: false,
      };
      raw.fill(0);
      this.#caseKeys.set(caseId, found);
      return found;
    }
    return create ? this.freshCaseKey(caseId) : undefined;
  }

  /** A new random data key for a case, sealed under the master key; the caller stores `row` in its transaction. */
  async freshCaseKey(caseId: string): Promise<CaseKey> {
    const master = this.master();
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const fresh: CaseKeyRow = { caseId, keyId: crypto.randomUUID(), sealed: await sealBytes(master, raw) };
    const made: CaseKey = { keyId: fresh.keyId, key: await importAesKey(raw), row: fresh, isNew: true };
    raw.fill(0);
    return made;
  }

  /** Remembers a key once its write committed. */
  remember(caseId: string, key: CaseKey): void {
    this.#caseKeys.set(caseId, { ...key, isNew: false });
  }
}
