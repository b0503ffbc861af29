import type { CaseIndexEntry, JournalEvent } from '@fallkit/core';

/** An AES-GCM ciphertext with its 96-bit IV, as stored in IndexedDB (binary, structured-clone safe). */
export interface SealedBox {
  readonly iv: Uint8Array;
  readonly data: ArrayBuffer;
}

/**
 * An event as stored. Without encryption it is the {@link JournalEvent} itself. With encryption the
 * sensitive parts (payload, reason, the actor's display name) are sealed in `sealed` and the rest of
 * the envelope stays in clear: ids, type, sequence, time, actor id/role/agency and hashes carry no
 * client data and keep ordering, conflicts and chain checks possible without the key.
 */
export type EventRow = Omit<JournalEvent, 'payload'> & {
  readonly payload?: unknown;
  readonly sealed?: SealedBox;
};

/** A case index row as stored; with encryption the label is sealed unless the host marks it non-sensitive. */
export type CaseRow = Omit<CaseIndexEntry, 'label'> & {
  readonly label?: string;
  readonly sealedLabel?: SealedBox;
};

/**
 * A document's content (issue 22), under its case and SHA-256. With encryption the bytes are sealed under the
 * case's data key (`keyId` names it): erasing or deleting the case's key makes them unreadable with the rest
 * of the case (crypto-shredding); without, they are stored as they are.
 */
export interface ContentRow {
  readonly caseId: string;
  readonly hash: string;
  readonly keyId?: string;
  readonly sealed?: SealedBox;
  readonly bytes?: Uint8Array;
}

/** A per-case data key (random 256 bits) sealed under the master key; deleting it crypto-shreds the case. */
export interface CaseKeyRow {
  readonly caseId: string;
  readonly keyId: string;
  readonly sealed: SealedBox;
}

/** Key of the meta row that records how the database is encrypted. */
export const CRYPTO_META_KEY = 'crypto';
/** Key of the meta row that holds the journal seal key (DP-44), sealed under the master key. */
export const SEAL_KEY_META_KEY = 'journalSealKey';

/** The journal seal key: 32 random bytes sealed under the master key, never stored in clear. */
export interface SealKeyMeta {
  readonly key: typeof SEAL_KEY_META_KEY;
  readonly sealed: SealedBox;
}

/** Key of the meta row that says the case index must be rebuilt from the journals after a migration. */
export const INDEX_STALE_META_KEY = 'indexStale';

/** How a database is encrypted, fixed when it is created. */
export type CryptoMeta =
  | { readonly key: typeof CRYPTO_META_KEY; readonly mode: 'off' }
  | {
      readonly key: typeof CRYPTO_META_KEY;
      readonly mode: 'key';
      readonly check: SealedBox;
    }
  | {
      readonly key: typeof CRYPTO_META_KEY;
      readonly mode: 'passphrase';
      readonly check: SealedBox;
      readonly salt: Uint8Array;
      readonly iterations: number;
    };

/** A row of the `meta` table. */
export type MetaRow = CryptoMeta | SealKeyMeta | { readonly key: typeof INDEX_STALE_META_KEY; readonly since: number };
