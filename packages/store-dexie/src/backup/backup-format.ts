import type { CaseIndexEntry, JournalEvent, JournalSealRecord } from '@fallkit/core';

/** The `format` value of every Fallkit backup header. */
export const BACKUP_FORMAT = 'fallkit-backup';

/**
 * The backup format version this code writes; it reads this one and older. Version 2 adds each
 * stream's seal (DP-44) and the count of seals in the header; version 3 the documents' content
 * (issue 22) and its count.
 */
export const BACKUP_FORMAT_VERSION = 3;

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
  /** Content lines: documents' bytes (format 3 and later). */
  readonly contents?: number;
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
 * A body line of a plain backup: one event, the stream's seal (after its events), one index row
 * (after its case's events; informational: restore recomputes rows and refuses a file whose row
 * differs), or one document's content (base64, under the SHA-256 hex its filing event names; restore
 * checks the hash and that a readable event of the stream names it).
 */
export type BackupLine =
  | { readonly kind: 'event'; readonly event: JournalEvent }
  | { readonly kind: 'seal'; readonly seal: JournalSealRecord }
  | { readonly kind: 'index'; readonly entry: CaseIndexEntry }
  | { readonly kind: 'content'; readonly caseId: string; readonly contentHash: string; readonly bytes: string };
