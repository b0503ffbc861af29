import {
  ok,
  refused,
  verifyJournal,
  type CaseIndexEntry,
  type CaseStore,
  type EventCatalog,
  type JournalEvent,
  type JournalSeal,
  type JournalSealRecord,
  type LocalizedText,
  type PayloadCheck,
  type Result,
} from '@fallkit/core';
import {
  canonicalJson,
  contentHashesOf,
  createStoredPayloadCheck,
  indexEntryFromJournal,
  journalRefusal,
  storedPayloadCheckOf,
  sha256HexOfBytes,
} from '@fallkit/core/store';
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
   * How index rows are computed from a journal (default: the core's `indexEntryFromJournal`). Rows
   * are always recomputed, never taken from the file; a file row that differs refuses the backup.
   */
  readonly project?: (events: readonly JournalEvent[]) => CaseIndexEntry | undefined;
  /** The seal that checks the file's seals and seals what is written (default: the target's own, DP-44). */
  readonly seal?: JournalSeal;
  /**
   * The host's own event types (the case service's `events` option): every readable payload is checked
   * against its type's schema before anything is written, the built-in modules' types always.
   */
  readonly events?: EventCatalog;
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
  /**
   * Streams the store refused to write (quota, a concurrent writer …). A stream that does not verify
   * never gets here: it refuses the whole backup before anything is written.
   */
  readonly refused: RefusedStream[];
  /**
   * Documents' content written (issue 22), as `caseId/contentHash`: for the streams imported or
   * skipped as identical, never for a conflicting or refused one.
   */
  readonly contents: string[];
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

/** A plain backup, split into streams. */
interface ParsedBackup {
  readonly journals: Map<string, JournalEvent[]>;
  readonly seals: Map<string, JournalSealRecord>;
  readonly rows: Map<string, CaseIndexEntry>;
  /** Documents' content per stream: content hash to bytes. */
  readonly contents: Map<string, Map<string, Uint8Array>>;
}

/** Decodes a content line's base64, or `undefined` when it is not base64. */
function decodeContent(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return fromBase64(value);
  } catch {
    return undefined;
  }
}

/** Splits a plain backup into streams, or refuses a damaged file. */
function parsePlain(text: string): Result<ParsedBackup> {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const header = parseLine(lines[0] ?? '') as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT) return storeRefused('STORE_BACKUP_MALFORMED', 'header');
  if (typeof header.formatVersion !== 'number' || header.formatVersion > BACKUP_FORMAT_VERSION)
    return storeRefused('STORE_BACKUP_UNSUPPORTED_VERSION');
  const journals = new Map<string, JournalEvent[]>();
  const seals = new Map<string, JournalSealRecord>();
  const rows = new Map<string, CaseIndexEntry>();
  const contents = new Map<string, Map<string, Uint8Array>>();
  let contentLines = 0;
  for (const [position, line] of lines.slice(1).entries()) {
    const parsed = parseLine(line) as Partial<BackupLine> | undefined;
    if (parsed?.kind === 'event' && parsed.event && typeof parsed.event.caseId === 'string') {
      const journal = journals.get(parsed.event.caseId) ?? [];
      journal.push(parsed.event);
      journals.set(parsed.event.caseId, journal);
    } else if (parsed?.kind === 'seal' && parsed.seal && typeof parsed.seal.caseId === 'string') {
      if (seals.has(parsed.seal.caseId)) return storeRefused('STORE_BACKUP_MALFORMED', `line ${position + 2}`);
      seals.set(parsed.seal.caseId, parsed.seal);
    } else if (parsed?.kind === 'index' && parsed.entry && typeof parsed.entry.caseId === 'string') {
      rows.set(parsed.entry.caseId, parsed.entry);
    } else if (
      parsed?.kind === 'content' &&
      typeof parsed.caseId === 'string' &&
      typeof parsed.contentHash === 'string'
    ) {
      const bytes = decodeContent(parsed.bytes);
      const stream = contents.get(parsed.caseId) ?? new Map<string, Uint8Array>();
      if (bytes === undefined || stream.has(parsed.contentHash))
        return storeRefused('STORE_BACKUP_MALFORMED', `line ${position + 2}`);
      stream.set(parsed.contentHash, bytes);
      contents.set(parsed.caseId, stream);
      contentLines += 1;
    } else return storeRefused('STORE_BACKUP_MALFORMED', `line ${position + 2}`);
  }
  const events = [...journals.values()].reduce((sum, journal) => sum + journal.length, 0);
  if (
    events !== header.events ||
    rows.size !== header.indexRows ||
    seals.size !== (header.seals ?? 0) ||
    contentLines !== (header.contents ?? 0)
  )
    return storeRefused('STORE_BACKUP_MALFORMED', 'counts do not match, file truncated?');
  return ok({ journals, seals, rows, contents });
}

/** A seal port that accepts any seal's signature: for files whose integrity AES-GCM already proved. */
const AUTHENTICATED_FILE: JournalSeal = {
  sign: () => Promise.reject(new Error('an authenticated file is only verified, never signed')),
  verify: () => Promise.resolve(true),
};

/**
 * Verifies every stream of a backup (DP-38, DP-44): chain, erasure markers, every readable event's
 * payload against its type's schema (an erased payload is a DP-32 marker, not a payload), and the head against
 * the stream's seal. An encrypted backup is authenticated as a whole by AES-GCM, so its seals are
 * checked for what they say (seq and hash of the head) without their signature, which was made by
 * the source store's key; a plain backup's seals must verify with `seal` (the same key: the same
 * database or the host's key). Without any seal port a plain file is checked as a chain only.
 * Then recomputes every index row and compares it with the file's. Returns the first refusal.
 */
async function verifyBackup(
  backup: ParsedBackup,
  seal: JournalSeal | undefined,
  authenticated: boolean,
  project: (events: readonly JournalEvent[]) => CaseIndexEntry | undefined,
  caseCheck: PayloadCheck,
): Promise<Result<Map<string, CaseIndexEntry | undefined>>> {
  const rows = new Map<string, CaseIndexEntry | undefined>();
  for (const [caseId, events] of backup.journals) {
    const record = backup.seals.get(caseId);
    const port = authenticated ? AUTHENTICATED_FILE : seal;
    // The payload check the case service reads with: a chain and a seal prove who wrote an event, not that
    // it is well-formed, and a journal the service cannot read must not be stored (DP-38).
    const checkPayload = storedPayloadCheckOf(caseId, caseCheck);
    const verdict = await verifyJournal(events, {
      ...(checkPayload === undefined ? {} : { checkPayload }),
      ...(port === undefined || (authenticated && record === undefined) ? {} : { seal: { port, record } }),
    });
    if (!verdict.ok) {
      const refusal = journalRefusal(caseId, verdict.problem);
      return refused(refusal, storeRefusalOf('STORE_BACKUP_TAMPERED', caseId));
    }
    const entry = project(events);
    const fileRow = backup.rows.get(caseId);
    if (
      (fileRow === undefined) !== (entry === undefined) ||
      (fileRow && canonicalJson(fileRow) !== canonicalJson(entry))
    )
      return refused(storeRefusalOf('STORE_BACKUP_INDEX_MISMATCH', caseId));
    rows.set(caseId, entry);
  }
  for (const caseId of [...backup.seals.keys(), ...backup.rows.keys(), ...backup.contents.keys()])
    if (!backup.journals.has(caseId)) return refused(storeRefusalOf('STORE_BACKUP_TAMPERED', caseId));
  // Content only under a hash a readable event of its stream names (an erased event names none, DP-32),
  // and only bytes that are what that hash says: a restored document opens byte-equal or not at all.
  for (const [caseId, stream] of backup.contents) {
    const named = new Set(backup.journals.get(caseId)!.flatMap((event) => contentHashesOf(event)));
    for (const [contentHash, bytes] of stream)
      if (!named.has(contentHash) || sha256HexOfBytes(bytes) !== contentHash)
        return refused(storeRefusalOf('STORE_BACKUP_TAMPERED', caseId));
  }
  return ok(rows);
}

function storeRefusalOf(code: 'STORE_BACKUP_TAMPERED' | 'STORE_BACKUP_INDEX_MISMATCH', caseId: string) {
  return { ...storeRefused(code, caseId).errors[0]!, path: [caseId] };
}

/**
 * Imports a backup written by {@link exportBackup} into a store, empty or not. The whole backup is
 * verified before anything is written (DP-38, DP-44): a stream that fails its chain, an erasure
 * marker without a decision, a payload that does not match its event type's schema (`JOURNAL_PAYLOAD_INVALID`),
 * a seal, or an index row that differs from the one recomputed from its
 * journal refuses the whole file (`JOURNAL_*` naming the first bad event, with
 * `STORE_BACKUP_TAMPERED` or `STORE_BACKUP_INDEX_MISMATCH`), and the store stays as it was. Index rows
 * are always recomputed, never taken from the file. A stream already present is skipped when
 * identical, extended when the backup continues it, and reported as a conflict when the two diverge.
 * Each stream is written with one atomic append, sealed with the target's seal; then its documents'
 * content (verified against its SHA-256 before anything was written) is put into the target's content
 * store, for a stream imported or already identical. A target without a content store refuses a
 * backup that carries content (`STORE_BACKUP_CONTENT_UNSUPPORTED`), rather than restore documents
 * that would not open.
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
  const authenticated = head?.format === BACKUP_FORMAT && head.encrypted !== undefined;
  if (authenticated) {
    const body = text.slice(firstBreak + 1).trim();
    const decrypted = await decryptBackup(head as EncryptedBackupHeader, body || undefined, options.passphrase);
    if (!decrypted.ok) return decrypted;
    text = decrypted.value;
  }
  const parsed = parsePlain(text);
  if (!parsed.ok) return parsed;
  const seal = options.seal ?? target.journalSeal;
  const verified = await verifyBackup(
    parsed.value,
    seal,
    authenticated,
    options.project ?? indexEntryFromJournal,
    createStoredPayloadCheck(options.events),
  );
  if (!verified.ok) return verified;
  if (parsed.value.contents.size > 0 && target.putContent === undefined)
    return storeRefused('STORE_BACKUP_CONTENT_UNSUPPORTED');
  const report: ImportReport = { imported: [], skipped: [], conflicts: [], refused: [], contents: [] };
  const restoreContent = async (caseId: string) => {
    for (const [contentHash, bytes] of parsed.value.contents.get(caseId) ?? []) {
      await target.putContent!(caseId, contentHash, bytes);
      report.contents.push(`${caseId}/${contentHash}`);
    }
  };
  for (const [caseId, events] of parsed.value.journals) {
    const existing = await target.readJournal(caseId);
    const sharedPrefix =
      existing.length <= events.length && existing.every((event, i) => event.hash === events[i]?.hash);
    if (!sharedPrefix) {
      report.conflicts.push(caseId);
      continue;
    }
    if (existing.length === events.length) {
      report.skipped.push(caseId);
      await restoreContent(caseId);
      continue;
    }
    const entry = verified.value.get(caseId);
    const last = events.at(-1)!;
    const headSeal = seal === undefined ? undefined : await seal.sign({ caseId, seq: last.seq, hash: last.hash });
    const appended = await target
      .append({
        caseId,
        expectedSeq: existing.length,
        events: events.slice(existing.length),
        ...(entry ? { index: entry } : {}),
        ...(headSeal ? { seal: headSeal } : {}),
      })
      .catch((error: unknown) => ({ ok: false as const, errors: [classifyStoreError(error)] }));
    if (appended.ok) {
      report.imported.push(caseId);
      await restoreContent(caseId);
    } else if (appended.errors[0]?.code === 'STORE_CONFLICT') report.conflicts.push(caseId);
    else
      report.refused.push({
        caseId,
        code: appended.errors[0]?.code ?? 'STORE_FAILED',
        message: appended.errors[0]!.message,
      });
  }
  return ok(report);
}
