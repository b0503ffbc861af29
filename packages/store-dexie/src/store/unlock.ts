import { ok, type Result } from '@fallkit/core';
import { CRYPTO_META_KEY, type CryptoMeta } from '../schema/rows.js';
import type { FallkitDexie } from '../schema/schema-versions.js';
import { keyMatches } from '../crypto/key-check.js';
import { deriveKeyFromPassphrase } from '../crypto/passphrase.js';
import { storeRefused } from '../errors/store-refusals.js';

/**
 * What unlocks an encrypted store: a host-provided AES-GCM `CryptoKey` (non-extractable, usages
 * `encrypt` and `decrypt`), or a passphrase from which the key is derived with PBKDF2-SHA-256.
 */
export type EncryptionSecret = { readonly key: CryptoKey } | { readonly passphrase: string };

/** Whether a host key can serve as master key. */
export function isUsableKey(key: CryptoKey): boolean {
  return key.algorithm.name === 'AES-GCM' && key.usages.includes('encrypt') && key.usages.includes('decrypt');
}

/** Reads how the database is encrypted (`undefined` for a new or a version-1 database). */
export async function readCryptoMeta(db: FallkitDexie): Promise<CryptoMeta | undefined> {
  return (await db.meta.get(CRYPTO_META_KEY)) as CryptoMeta | undefined;
}

/**
 * Turns a secret into the master key of an existing encrypted database and checks it against the
 * key-check record: a wrong passphrase or key is refused with `STORE_WRONG_KEY`, never used.
 */
export async function unlockVault(db: FallkitDexie, secret: EncryptionSecret): Promise<Result<CryptoKey>> {
  const meta = await readCryptoMeta(db);
  if (meta === undefined || meta.mode === 'off') return storeRefused('STORE_ENCRYPTION_MISMATCH', 'not encrypted');
  let master: CryptoKey;
  if ('passphrase' in secret) {
    if (meta.mode !== 'passphrase') return storeRefused('STORE_ENCRYPTION_MISMATCH', 'key expected');
    master = await deriveKeyFromPassphrase(secret.passphrase, meta.salt, meta.iterations);
  } else {
    if (meta.mode !== 'key') return storeRefused('STORE_ENCRYPTION_MISMATCH', 'passphrase expected');
    if (!isUsableKey(secret.key))
      return storeRefused('STORE_WRONG_KEY', 'AES-GCM key with encrypt and decrypt usages required');
    master = secret.key;
  }
  if (!(await keyMatches(master, meta.check))) return storeRefused('STORE_WRONG_KEY');
  return ok(master);
}
