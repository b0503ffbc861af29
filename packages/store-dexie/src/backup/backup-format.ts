import type { CaseIndexEntry, JournalEvent } from '@fallkit/core';

/** The `format` value of every Fallkit backup header. */
export const BACKUP_FORMAT = 'fallkit-backup';

/** The backup format version this code writes; it reads this one and older. */
export const BACKUP_FORMAT_VERSION = 1;

/** First line of a plain backup. */
export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  /** Schema version of the store that wrote it (informational: lines hold port values, not rows). */
  readonly storeSchemaVersion: number;
  readonly createdAt: string;
  readonly streams: number;
  readonly events: number;
  readonly indexRows: number;
}

/** First line of an encrypted backup; the second line is the base64 AES-GCM ciphertext of a whole plain backup. */
export interface EncryptedBackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly encrypted: {
    readonly cipher: 'AES-GCM';
    readonly kdf: 'PBKDF2-SHA-256';
    readonly iterations: number;
    readonly salt: string;
    readonly iv: string;
  };
}

/** A body line of a plain backup: one event, or one index row (after its case's events). */
export type BackupLine =
  { readonly kind: 'event'; readonly event: JournalEvent } | { readonly kind: 'index'; readonly entry: CaseIndexEntry };
