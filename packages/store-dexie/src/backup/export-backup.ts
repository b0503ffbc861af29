import { ok, type CaseStore, type Result } from '@fallkit/core';
import { canonicalJson, contentHashesOf, sha256HexOfBytes } from '@fallkit/core/store';
import { sealBytes, toBase64 } from '../crypto/aes-gcm.js';
import {
  deriveKeyFromPassphrase,
  freshSalt,
  MIN_PBKDF2_ITERATIONS,
  passphraseIsStrong,
  PBKDF2_ITERATIONS,
} from '../crypto/passphrase.js';
import { storeRefused } from '../errors/store-refusals.js';
import { STORE_SCHEMA_VERSION } from '../schema/schema-versions.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupLine,
  type EncryptedBackupHeader,
} from './backup-format.js';

/** A store that can be backed up: the port plus the list of its streams. */
export type BackupSource = Pick<CaseStore, 'readJournal' | 'getCase' | 'readSeal' | 'readContent'> & {
  streamIds(): Promise<string[]>;
  readonly encrypted?: boolean;
};

/** Options of {@link exportBackup}. */
export interface ExportBackupOptions {
  /** Only these streams (default: all, including streams without index row such as the access log). */
  readonly caseIds?: readonly string[];
  /** Encrypt the whole file with this passphrase (AES-GCM, PBKDF2-SHA-256). */
  readonly passphrase?: string;
  /**
   * Allow a plain file although the store is encrypted. Off by default: a backup of an encrypted
   * store must not put case data in clear on a disk or stick by accident (DP-37).
   */
  readonly allowPlaintext?: boolean;
  /** Header timestamp (default: now). */
  readonly createdAt?: string;
  /** PBKDF2 iterations for an encrypted backup (default {@link PBKDF2_ITERATIONS}). */
  readonly iterations?: number;
}

const encoder = new TextEncoder();

/**
 * Writes streams to one JSON-lines text: a header line (format version, store schema version,
 * counts), then per stream its events in order, its seal (DP-44), its index row and the content of its
 * documents (issue 22: only content a readable event still names, so an erased or removed document's
 * bytes are not in the file; content that no longer matches its hash is left out). Every line is canonical JSON, so
 * the same data always give the same bytes. With a passphrase the whole text is encrypted and the
 * file is a header line plus one base64 line.
 */
export async function exportBackup(source: BackupSource, options: ExportBackupOptions = {}): Promise<Result<string>> {
  if (source.encrypted && options.passphrase === undefined && !options.allowPlaintext)
    return storeRefused('STORE_BACKUP_PASSPHRASE_REQUIRED');
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  if (options.passphrase !== undefined) {
    // Key hygiene (DP-37): the same minimum as for a database.
    if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS) return storeRefused('STORE_WEAK_KDF');
    if (!passphraseIsStrong(options.passphrase)) return storeRefused('STORE_WEAK_PASSPHRASE');
  }
  const ids = options.caseIds ? [...options.caseIds] : await source.streamIds();
  const lines: string[] = [];
  let events = 0;
  let indexRows = 0;
  let streams = 0;
  let seals = 0;
  let contents = 0;
  for (const caseId of ids) {
    const journal = await source.readJournal(caseId);
    if (journal.length === 0) continue;
    streams += 1;
    for (const event of journal) lines.push(canonicalJson({ kind: 'event', event } satisfies BackupLine));
    events += journal.length;
    const seal = await source.readSeal?.(caseId);
    if (seal) {
      lines.push(canonicalJson({ kind: 'seal', seal } satisfies BackupLine));
      seals += 1;
    }
    const entry = await source.getCase(caseId);
    if (entry) {
      lines.push(canonicalJson({ kind: 'index', entry } satisfies BackupLine));
      indexRows += 1;
    }
    // An erased event has no payload, so it names no content: erased bytes never enter a backup (DP-32).
    const hashes = [...new Set(journal.flatMap((event) => contentHashesOf(event)))].sort();
    for (const contentHash of hashes) {
      const bytes = await source.readContent?.(caseId, contentHash);
      if (bytes === undefined || sha256HexOfBytes(bytes) !== contentHash) continue;
      lines.push(canonicalJson({ kind: 'content', caseId, contentHash, bytes: toBase64(bytes) } satisfies BackupLine));
      contents += 1;
    }
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    storeSchemaVersion: STORE_SCHEMA_VERSION,
    createdAt: options.createdAt ?? new Date().toISOString(),
    streams,
    events,
    indexRows,
    seals,
    contents,
  };
  const plain = [canonicalJson(header), ...lines].join('\n') + '\n';
  if (options.passphrase === undefined) return ok(plain);
  const salt = freshSalt();
  const key = await deriveKeyFromPassphrase(options.passphrase, salt, iterations);
  const box = await sealBytes(key, encoder.encode(plain));
  const encryptedHeader: EncryptedBackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    encrypted: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), iv: toBase64(box.iv) },
  };
  return ok(`${canonicalJson(encryptedHeader)}\n${toBase64(new Uint8Array(box.data))}\n`);
}
