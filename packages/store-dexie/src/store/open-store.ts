import Dexie from 'dexie';
import { ok, type JournalSeal, type Result } from '@fallkit/core';
import { CRYPTO_META_KEY, INDEX_STALE_META_KEY, type CryptoMeta } from '../schema/rows.js';
import { declareSchema, type FallkitDexie } from '../schema/schema-versions.js';
import { StoreVault } from '../crypto/vault.js';
import { makeKeyCheck } from '../crypto/key-check.js';
import {
  deriveKeyFromPassphrase,
  freshSalt,
  MIN_PBKDF2_ITERATIONS,
  passphraseIsStrong,
  PBKDF2_ITERATIONS,
} from '../crypto/passphrase.js';
import { unlockSealKey } from '../crypto/seal-key.js';
import { classifyStoreError } from '../errors/classify-error.js';
import { storeRefused } from '../errors/store-refusals.js';
import { DexieCaseStore } from './dexie-case-store.js';
import { isUsableKey, readCryptoMeta, unlockVault, type EncryptionSecret } from './unlock.js';

/**
 * Encryption at rest (DP-37): a secret to encrypt with, or `'off'`. There is no default: a host that
 * keeps case data unencrypted on the device must say so here (and in its processing record).
 */
export type EncryptionSetting = EncryptionSecret | 'off';

/** Options of {@link openDexieCaseStore}. */
export interface OpenDexieCaseStoreOptions {
  /** IndexedDB database name; one per tenant or user on a shared device. */
  readonly name: string;
  /** How case data are encrypted at rest; fixed when the database is created. */
  readonly encryption: EncryptionSetting;
  /** Whether index labels count as sensitive and are sealed (default true). Set false if your labels are plain case numbers. */
  readonly labelsSensitive?: boolean;
  /** Lock the keys after this many milliseconds without store activity (default 600,000 = 10 min, DP-37; 0 = never). */
  readonly lockAfterIdleMs?: number;
  /** How long to wait for other tabs to let go of an old version before refusing with `STORE_BLOCKED` (default 3,000 ms). */
  readonly blockedTimeoutMs?: number;
  /**
   * PBKDF2 iterations for a new passphrase database (default {@link PBKDF2_ITERATIONS}); fewer than
   * {@link MIN_PBKDF2_ITERATIONS} are refused with `STORE_WEAK_KDF`.
   */
  readonly pbkdf2Iterations?: number;
  /**
   * The seal of the journals for a database without encryption (DP-44), from a key the host keeps.
   * An encrypted database derives its own from the unlock secret and ignores this.
   */
  readonly journalSeal?: JournalSeal;
  /** The IndexedDB factory (default `globalThis.indexedDB`); `null` means there is none. For tests and unusual hosts. */
  readonly indexedDB?: IDBFactory | null;
  /** The key-range constructor belonging to {@link indexedDB} (default `globalThis.IDBKeyRange`). */
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Opens the database, turning a blocked upgrade (another tab on an old version) into `'blocked'` after a grace period. */
async function openOrBlocked(db: FallkitDexie, timeoutMs: number): Promise<'open' | 'blocked'> {
  let onBlocked: () => void = () => undefined;
  const blocked = new Promise<'blocked'>((resolve) => {
    onBlocked = () => setTimeout(() => resolve('blocked'), timeoutMs);
  });
  db.on('blocked', onBlocked);
  const opening = db.open().then(() => 'open' as const);
  opening.catch(() => undefined);
  const outcome = await Promise.race([opening, blocked]);
  db.on('blocked').unsubscribe(onBlocked);
  return outcome;
}

/** Records the encryption of a new database, unless another tab did so first (then that one counts). */
async function initialiseCrypto(
  db: FallkitDexie,
  setting: EncryptionSetting,
  iterations: number,
): Promise<Result<CryptoKey | undefined>> {
  let meta: CryptoMeta;
  let master: CryptoKey | undefined;
  if (setting === 'off') meta = { key: CRYPTO_META_KEY, mode: 'off' };
  else if ('passphrase' in setting) {
    // Key hygiene (DP-37): a new database takes neither a guessable passphrase nor a cheap derivation.
    if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS) return storeRefused('STORE_WEAK_KDF');
    if (!passphraseIsStrong(setting.passphrase)) return storeRefused('STORE_WEAK_PASSPHRASE');
    const salt = freshSalt();
    master = await deriveKeyFromPassphrase(setting.passphrase, salt, iterations);
    meta = { key: CRYPTO_META_KEY, mode: 'passphrase', salt, iterations, check: await makeKeyCheck(master) };
  } else {
    if (!isUsableKey(setting.key))
      return storeRefused('STORE_WRONG_KEY', 'AES-GCM key with encrypt and decrypt usages required');
    master = setting.key;
    meta = { key: CRYPTO_META_KEY, mode: 'key', check: await makeKeyCheck(master) };
  }
  const created = await db.transaction('rw', [db.meta, db.events, db.cases], async () => {
    if (await db.meta.get(CRYPTO_META_KEY)) return false;
    // A version-1 database holds data but no crypto record: it was unencrypted.
    if (setting !== 'off' && ((await db.events.count()) > 0 || (await db.cases.count()) > 0)) return undefined;
    await db.meta.add(meta);
    return true;
  });
  if (created === undefined) return storeRefused('STORE_ENCRYPTION_MISMATCH', 'existing unencrypted data');
  return created ? ok(master) : checkExisting(db, setting);
}

/** Checks the setting against an existing database and yields its master key. */
async function checkExisting(db: FallkitDexie, setting: EncryptionSetting): Promise<Result<CryptoKey | undefined>> {
  const meta = await readCryptoMeta(db);
  if (setting === 'off')
    return meta?.mode === 'off' ? ok(undefined) : storeRefused('STORE_ENCRYPTION_MISMATCH', 'database is encrypted');
  return unlockVault(db, setting);
}

/**
 * Opens (creating or migrating as needed) a Fallkit store on IndexedDB. Browser failures come back as
 * typed refusals with German and English messages: `STORE_UNAVAILABLE` (no IndexedDB, private mode),
 * `STORE_BLOCKED` (another tab holds an old version open), `STORE_OUTDATED` (a newer version exists),
 * `STORE_WRONG_KEY`, `STORE_ENCRYPTION_MISMATCH`.
 *
 * @example
 * const opened = await openDexieCaseStore({ name: 'fallkit-agency-7', encryption: { passphrase } });
 * if (!opened.ok) showRefusal(opened.errors[0]);
 * else useStore(opened.value);
 */
export async function openDexieCaseStore(options: OpenDexieCaseStoreOptions): Promise<Result<DexieCaseStore>> {
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  if (!factory) return storeRefused('STORE_UNAVAILABLE', 'no IndexedDB');
  const keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
  let db: FallkitDexie | undefined;
  try {
    db = declareSchema(new Dexie(options.name, { indexedDB: factory, IDBKeyRange: keyRange }));
    if ((await openOrBlocked(db, options.blockedTimeoutMs ?? 3000)) === 'blocked') {
      db.close();
      return storeRefused('STORE_BLOCKED');
    }
    const existing = await readCryptoMeta(db);
    const unlocked = existing
      ? await checkExisting(db, options.encryption)
      : await initialiseCrypto(db, options.encryption, options.pbkdf2Iterations ?? PBKDF2_ITERATIONS);
    if (!unlocked.ok) {
      db.close();
      return unlocked;
    }
    const mode = (await readCryptoMeta(db))?.mode ?? 'off';
    const indexStale = (await db.meta.get(INDEX_STALE_META_KEY)) !== undefined;
    const sealKey = unlocked.value === undefined ? undefined : await unlockSealKey(db, unlocked.value);
    return ok(
      new DexieCaseStore(db, new StoreVault(mode, unlocked.value, sealKey), {
        labelsSensitive: options.labelsSensitive ?? true,
        lockAfterIdleMs: options.lockAfterIdleMs ?? 600_000,
        indexStale,
        hostSeal: options.journalSeal,
      }),
    );
  } catch (error) {
    db?.close();
    return { ok: false, errors: [classifyStoreError(error, 'open')] };
  }
}
