import type { CaseIndexEntry, JournalEvent, JournalSealRecord } from '@fallkit/core';

/** The `format` value of every Fallkit backup header. */
export const BACKUP_FORMAT = 'fallkit-backup';

/**
 * The backup format version this code writes; it reads this one and older. Version 2 adds each
 * stream's seal (DP-44) and the count of seals in the header.
 */
export const BACKUP_FORMAT_VERSION = 2;

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
  /** Seal lines (format 2 and later). */
  readonly seals?: number;
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

/**
 * A body line of a plain backup: one event, the stream's seal (after its events), or one index row
 * (after its case's events; informational: restore recomputes rows and refuses a file whose row differs).
 */
export type BackupLine =
  | { readonly kind: 'event'; readonly event: JournalEvent }
  | { readonly kind: 'seal'; readonly seal: JournalSealRecord }
  | { readonly kind: 'index'; readonly entry: CaseIndexEntry };
