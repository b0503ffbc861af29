import { createHmacJournalSeal, importHmacSealKey, type JournalSeal } from '@fallkit/core';
import { SEAL_KEY_META_KEY, type SealKeyMeta } from '../schema/rows.js';
import type { FallkitDexie } from '../schema/schema-versions.js';
import { StoreRefusalError, storeRefusal } from '../errors/store-refusals.js';
import { openBytes, sealBytes } from './aes-gcm.js';

/**
 * The journal seal key of an encrypted database (DP-44): 32 random bytes, stored only sealed under
 * the master key (which comes from the unlock secret), imported as a non-extractable HMAC-SHA-256 key.
 * Made once, the first time the database is unlocked; another tab that made it first wins. A row that
 * no longer opens under the (checked) master key was tampered with: `STORE_SEAL_KEY_DAMAGED`.
 */
export async function unlockSealKey(db: FallkitDexie, master: CryptoKey): Promise<CryptoKey> {
  let row = (await db.meta.get(SEAL_KEY_META_KEY)) as SealKeyMeta | undefined;
  if (row === undefined) {
    const fresh = crypto.getRandomValues(new Uint8Array(32));
    const made: SealKeyMeta = { key: SEAL_KEY_META_KEY, sealed: await sealBytes(master, fresh) };
    fresh.fill(0);
    row = await db.transaction('rw', db.meta, async () => {
      const first = (await db.meta.get(SEAL_KEY_META_KEY)) as SealKeyMeta | undefined;
      if (first !== undefined) return first;
      await db.meta.add(made);
      return made;
    });
  }
  const raw = await openBytes(master, row.sealed).catch(() => {
    throw new StoreRefusalError(storeRefusal('STORE_SEAL_KEY_DAMAGED'));
  });
  try {
    return await importHmacSealKey(raw as Uint8Array<ArrayBuffer>);
  } finally {
    raw.fill(0);
  }
}

/** A {@link JournalSeal} over a key that may be dropped (lock): each call takes the current key or throws `STORE_LOCKED`. */
export function lockableJournalSeal(currentKey: () => CryptoKey): JournalSeal {
  return {
    sign: (head) => createHmacJournalSeal(currentKey()).sign(head),
    verify: (record) => createHmacJournalSeal(currentKey()).verify(record),
  };
}
