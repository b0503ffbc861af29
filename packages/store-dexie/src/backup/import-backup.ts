import {
  ok,
  verifyJournal,
  type CaseIndexEntry,
  type CaseStore,
  type JournalEvent,
  type LocalizedText,
  type Result,
} from '@fallkit/core';
import { fromBase64, openBytes } from '../crypto/aes-gcm.js';
import { deriveKeyFromPassphrase } from '../crypto/passphrase.js';
import { classifyStoreError } from '../errors/classify-error.js';
import { storeRefused } from '../errors/store-refusals.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupLine,
  type EncryptedBackupHeader,
} from './backup-format.js';

/** Options of {@link importBackup}. */
export interface ImportBackupOptions {
  /** The passphrase of an encrypted backup. */
  readonly passphrase?: string;
  /**
   * Rebuild each imported case's index row from its journal instead of taking the row from the file.
   * Index rows are projections and not covered by the hash chain; hosts that do not trust the file's
   * rows pass their projection here.
   */
  readonly project?: (events: readonly JournalEvent[]) => CaseIndexEntry | undefined;
}

/** A stream that was not imported, and why. */
export interface RefusedStream {
  readonly caseId: string;
  readonly code: string;
  readonly message: LocalizedText;
  /** Position (0-based) of the first broken event, where the hash chain failed. */
  readonly index?: number;
}

/** What {@link importBackup} did, stream by stream. */
export interface ImportReport {
  /** Streams written (new, or an existing journal extended by the backup's later events). */
  readonly imported: string[];
  /** Streams already present with an identical journal. */
  readonly skipped: string[];
  /** Streams present with a diverging journal: nothing written, for a person to resolve. */
  readonly conflicts: string[];
  /** Streams that did not verify (DP-38) or could not be written: nothing written. */
  readonly refused: RefusedStream[];
}

const decoder = new TextDecoder();

async function readText(data: string | Blob): Promise<string> {
  return typeof data === 'string' ? data : data.text();
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/** Decrypts an encrypted backup to its plain text, or refuses. */
async function decryptBackup(
  header: EncryptedBackupHeader,
  body: string | undefined,
  passphrase: string | undefined,
): Promise<Result<string>> {
  if (passphrase === undefined) return storeRefused('STORE_BACKUP_PASSPHRASE_REQUIRED');
  if (body === undefined) return storeRefused('STORE_BACKUP_MALFORMED', 'no content');
  const { salt, iv, iterations } = header.encrypted;
  try {
    const key = await deriveKeyFromPassphrase(passphrase, fromBase64(salt), iterations);
    return ok(decoder.decode(await openBytes(key, { iv: fromBase64(iv), data: fromBase64(body).buffer })));
  } catch {
    return storeRefused('STORE_BACKUP_WRONG_PASSPHRASE');
  }
}

/** Splits a plain backup into streams, or refuses a damaged file. */
function parsePlain(
  text: string,
): Result<{ journals: Map<string, JournalEvent[]>; rows: Map<string, CaseIndexEntry> }> {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const header = parseLine(lines[0] ?? '') as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT) return storeRefused('STORE_BACKUP_MALFORMED', 'header');
  if (typeof header.formatVersion !== 'number' || header.formatVersion > BACKUP_FORMAT_VERSION)
    return storeRefused('STORE_BACKUP_UNSUPPORTED_VERSION');
  const journals = new Map<string, JournalEvent[]>();
  const rows = new Map<string, CaseIndexEntry>();
  for (const [position, line] of lines.slice(1).entries()) {
    const parsed = parseLine(line) as Partial<BackupLine> | undefined;
    if (parsed?.kind === 'event' && parsed.event && typeof parsed.event.caseId === 'string') {
      const journal = journals.get(parsed.event.caseId) ?? [];
      journal.push(parsed.event);
      journals.set(parsed.event.caseId, journal);
    } else if (parsed?.kind === 'index' && parsed.entry && typeof parsed.entry.caseId === 'string') {
      rows.set(parsed.entry.caseId, parsed.entry);
    } else return storeRefused('STORE_BACKUP_MALFORMED', `line ${position + 2}`);
  }
  const events = [...journals.values()].reduce((sum, journal) => sum + journal.length, 0);
  if (events !== header.events || rows.size !== header.indexRows)
    return storeRefused('STORE_BACKUP_MALFORMED', 'counts do not match, file truncated?');
  return ok({ journals, rows });
}

/**
 * Imports a backup written by {@link exportBackup} into a store, empty or not. Every stream's journal
 * is run through `verifyJournal` before anything of it is written (DP-38): a stream that does not
 * verify is refused whole. A stream already present is skipped when identical, extended when the
 * backup continues it, and reported as a conflict when the two diverge. Each stream is written with
 * one atomic append, so an interrupted import leaves whole streams only.
 */
export async function importBackup(
  target: CaseStore,
  data: string | Blob,
  options: ImportBackupOptions = {},
): Promise<Result<ImportReport>> {
  let text = await readText(data);
  const firstBreak = text.indexOf('\n');
  const head = parseLine(firstBreak < 0 ? text : text.slice(0, firstBreak)) as
    Partial<EncryptedBackupHeader> | undefined;
  if (head?.format === BACKUP_FORMAT && head.encrypted) {
    const body = text.slice(firstBreak + 1).trim();
    const decrypted = await decryptBackup(head as EncryptedBackupHeader, body || undefined, options.passphrase);
    if (!decrypted.ok) return decrypted;
    text = decrypted.value;
  }
  const parsed = parsePlain(text);
  if (!parsed.ok) return parsed;
  const report: ImportReport = { imported: [], skipped: [], conflicts: [], refused: [] };
  for (const [caseId, events] of parsed.value.journals) {
    const verdict = await verifyJournal(events);
    if (!verdict.ok) {
      report.refused.push({
        caseId,
        code: verdict.problem.code,
        message: verdict.problem.message,
        index: verdict.problem.index,
      });
      continue;
    }
    const existing = await target.readJournal(caseId);
    const sharedPrefix =
      existing.length <= events.length && existing.every((event, i) => event.hash === events[i]?.hash);
    if (!sharedPrefix) {
      report.conflicts.push(caseId);
      continue;
    }
    if (existing.length === events.length) {
      report.skipped.push(caseId);
      continue;
    }
    const entry = options.project ? options.project(events) : parsed.value.rows.get(caseId);
    const appended = await target
      .append({
        caseId,
        expectedSeq: existing.length,
        events: events.slice(existing.length),
        ...(entry ? { index: entry } : {}),
      })
      .catch((error: unknown) => ({ ok: false as const, errors: [classifyStoreError(error)] }));
    if (appended.ok) report.imported.push(caseId);
    else if (appended.errors[0]?.code === 'STORE_CONFLICT') report.conflicts.push(caseId);
    else
      report.refused.push({
        caseId,
        code: appended.errors[0]?.code ?? 'STORE_FAILED',
        message: appended.errors[0]!.message,
      });
  }
  return ok(report);
}
