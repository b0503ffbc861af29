import Dexie from 'dexie';
import {
  ok,
  type AppendRequest,
  type AppendResult,
  type CaseIndexEntry,
  type CaseQuery,
  type CaseStore,
  type JournalEvent,
  type JournalSeal,
  type JournalSealRecord,
  type ReadJournalOptions,
  type RecordedCommand,
  type Result,
  type Subscribable,
} from '@fallkit/core';
import {
  commandIdsOf,
  compareCaseIndexEntries,
  contentHashesOf,
  conflictRefusal,
  duplicateCommandRefusal,
  describeAppendMismatch,
  erasedEvent,
  malformedAppendRefusal,
  matchesCaseQuery,
} from '@fallkit/core/store';
import type { CaseKeyRow, CaseRow, ContentRow, EventRow, SealedBox } from '../schema/rows.js';
import { INDEX_STALE_META_KEY } from '../schema/rows.js';
import type { FallkitDexie } from '../schema/schema-versions.js';
import { StoreVault, type CaseKey } from '../crypto/vault.js';
import { openBytes, openJson, sealBytes, sealJson } from '../crypto/aes-gcm.js';
import { classifyStoreError } from '../errors/classify-error.js';
import { StoreRefusalError, storeRefusal } from '../errors/store-refusals.js';
import { liveSubscribable } from '../live/to-subscribable.js';
import { decodeCase, decodeEvents, encodeCase, encodeEvents } from './row-codec.js';
import { unlockVault, type EncryptionSecret } from './unlock.js';
import { lockableJournalSeal, unlockSealKey } from '../crypto/seal-key.js';
import { exportBackup, type ExportBackupOptions } from '../backup/export-backup.js';
import { importBackup, type ImportBackupOptions, type ImportReport } from '../backup/import-backup.js';

/** Builds an index entry for a case from its whole journal; `undefined` for streams that are not cases. */
export type ProjectIndex = (events: readonly JournalEvent[]) => CaseIndexEntry | undefined;

/** Settings of a {@link DexieCaseStore} that {@link openDexieCaseStore} passes on. */
export interface DexieCaseStoreSettings {
  /** Whether index labels are sealed with the payloads (default true: labels count as sensitive). */
  readonly labelsSensitive: boolean;
  /** Lock after this many milliseconds without store activity (DP-37; 0 = never). */
  readonly lockAfterIdleMs: number;
  /** Whether a migration left the case index to be rebuilt from the journals. */
  readonly indexStale: boolean;
  /** The host's seal for a database without encryption (DP-44); an encrypted one derives its own. */
  readonly hostSeal?: JournalSeal | undefined;
}

/** Turns a thrown browser or store error into a refused result. */
async function asResult<T extends { ok: boolean }>(
  work: () => Promise<T>,
): Promise<T | { ok: false; errors: [ReturnType<typeof classifyStoreError>] }> {
  try {
    return await work();
  } catch (error) {
    return { ok: false, errors: [classifyStoreError(error)] };
  }
}

/** Runs work and rethrows any failure as a typed {@link StoreRefusalError}. */
async function orThrow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StoreRefusalError ? error : new StoreRefusalError(classifyStoreError(error));
  }
}

/** The key range of one stream in the compound primary key `[caseId+seq]`, optionally after a seq. */
function streamRange(db: FallkitDexie, caseId: string, afterSeq = 0) {
  return afterSeq > 0
    ? db.events.where('[caseId+seq]').between([caseId, afterSeq], [caseId, Dexie.maxKey], false, true)
    : db.events.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true);
}

/** The key range of one case's content rows in `[caseId+hash]`. */
function contentRange(db: FallkitDexie, caseId: string) {
  return db.contents.where('[caseId+hash]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true);
}

/**
 * Inside the append transaction, given the stored key row (read there): the key row the append must store,
 * `undefined` when the stored one is the one used, `false` when another writer stored a different key.
 */
function keyToStore(
  caseKey: CaseKey,
  stored: CaseKeyRow | undefined,
  actualSeq: number,
): CaseKeyRow | undefined | false {
  // A key without events seals nothing (left by an interrupted older write): ours may replace it.
  if (stored === undefined || (actualSeq === 0 && caseKey.isNew)) return caseKey.row;
  return stored.keyId === caseKey.keyId ? undefined : false;
}

/**
 * The core's {@link CaseStore} on IndexedDB through Dexie 4: per-case hash-chained journals under the
 * compound key `[caseId+seq]`, the case index written in the same transaction as every append, live
 * queries that follow writes from other tabs, optional AES-GCM encryption at rest with per-case keys
 * (DP-37, crypto-shredding for DP-32/DP-36), and typed refusals for the errors real browsers throw.
 *
 * Open it with {@link openDexieCaseStore}. Methods that return a result never throw; the others
 * (`readJournal`, `listCases`, `getCase`, `putIndex`, `deleteStream`) throw {@link StoreRefusalError}.
 */
export class DexieCaseStore implements CaseStore {
  readonly #db: FallkitDexie;
  readonly #vault: StoreVault;
  readonly #settings: DexieCaseStoreSettings;
  #indexStale: boolean;
  #idleTimer: unknown;
  /**
   * The seal that anchors the journals (DP-44): with encryption an HMAC key kept only sealed under
   * the master key and dropped on lock; without, the host's. The case service uses it by default.
   */
  readonly journalSeal: JournalSeal | undefined;

  /** Use {@link openDexieCaseStore}; the constructor expects an open database and a checked vault. */
  constructor(db: FallkitDexie, vault: StoreVault, settings: DexieCaseStoreSettings) {
    this.#db = db;
    this.#vault = vault;
    this.#settings = settings;
    this.#indexStale = settings.indexStale;
    this.journalSeal = vault.encrypted ? lockableJournalSeal(() => vault.sealKey()) : settings.hostSeal;
    this.#touch();
  }

  /** The Dexie database, for diagnostics, tests and hooks; write through the store's methods only. */
  get database(): Dexie {
    return this.#db;
  }

  /** Whether payloads are encrypted at rest. */
  get encrypted(): boolean {
    return this.#vault.encrypted;
  }

  /** Whether the store is encrypted and currently has no key (reads are refused with `STORE_LOCKED`). */
  get locked(): boolean {
    return this.#vault.locked;
  }

  /** Whether a migration asks the host to rebuild the case index from the journals ({@link rebuildIndex}). */
  get indexRebuildNeeded(): boolean {
    return this.#indexStale;
  }

  /**
   * Appends events and the index row in one transaction; `STORE_CONFLICT` for a stale `expectedSeq`, typed refusals for browser errors.
   *
   * Each awaited IndexedDB request costs a round trip to the browser's storage backend, so the transaction
   * asks for everything its checks need at once (the stream's last event, the stored case key, each
   * `commandId`) and, once the checks pass, issues every write at once: two round trips instead of one per
   * read and write. The checks and the all-or-nothing write are the same as one request at a time.
   */
  async append(request: AppendRequest): Promise<AppendResult> {
    return asResult(async () => {
      this.#touch();
      const db = this.#db;
      const { caseId, expectedSeq } = request;
      const caseKey = this.#vault.encrypted ? await this.#caseKeyForAppend(caseId, expectedSeq) : undefined;
      // Independent WebCrypto calls (one per event, one for the label): issued together, not one after the other.
      const [rows, indexRow] = await Promise.all([
        encodeEvents(request.events, caseKey?.key),
        request.index && this.#encodeIndex(request.index),
      ]);
      const commandIds = commandIdsOf(request.events);
      const tables = [db.events, db.cases, db.keys, db.seals];
      const result = await db.transaction('rw', tables, async (): Promise<AppendResult> => {
        // In the transaction, so of two tabs retrying the same command exactly one stores it.
        const [last, storedKey, commandCounts] = await Promise.all([
          streamRange(db, caseId).last(),
          caseKey && db.keys.get(caseId),
          Promise.all(commandIds.map((commandId) => db.events.where('commandId').equals(commandId).count())),
        ]);
        const actualSeq = last?.seq ?? 0;
        if (expectedSeq !== actualSeq) return conflictRefusal(caseId, expectedSeq, actualSeq);
        const mismatch = describeAppendMismatch(request, last);
        if (mismatch !== undefined) return malformedAppendRefusal(caseId, mismatch);
        const repeated = commandIds.find((_, i) => (commandCounts[i] ?? 0) > 0);
        if (repeated !== undefined) return duplicateCommandRefusal(caseId, repeated);
        const keyRow = caseKey && keyToStore(caseKey, storedKey, actualSeq);
        if (keyRow === false) return conflictRefusal(caseId, expectedSeq, actualSeq);
        await Promise.all([
          db.events.bulkAdd(rows),
          keyRow && db.keys.put(keyRow),
          indexRow && db.cases.put(indexRow),
          request.seal && db.seals.put({ ...request.seal }),
        ]);
        return { ok: true, lastSeq: request.events.at(-1)?.seq ?? actualSeq };
      });
      if (caseKey) {
        if (result.ok) this.#vault.remember(caseId, caseKey);
        else this.#vault.forget(caseId);
      }
      return result;
    });
  }

  /**
   * The stream's events in order (all, or those after `afterSeq`: a key-range read, so a tail costs
   * what it holds), decrypted; throws {@link StoreRefusalError} (`STORE_LOCKED`, …).
   */
  async readJournal(caseId: string, options: ReadJournalOptions = {}): Promise<JournalEvent[]> {
    return orThrow(async () => {
      this.#touch();
      const rows = () => streamRange(this.#db, caseId, options.afterSeq).toArray();
      return this.#decodeJournal(caseId, await rows(), false, rows);
    });
  }

  /** The events recorded under a command id (through the `commandId` index), decrypted; `undefined` if none. */
  async findCommand(commandId: string): Promise<RecordedCommand | undefined> {
    return orThrow(async () => {
      this.#touch();
      const rows = () => this.#db.events.where('commandId').equals(commandId).sortBy('seq');
      const found = await rows();
      const caseId = found[0]?.caseId;
      if (caseId === undefined) return undefined;
      // The append refuses a stored commandId, so all rows are of one stream; the filter is a safeguard.
      const own = (list: EventRow[]) => list.filter((row) => row.caseId === caseId);
      return { caseId, events: await this.#decodeJournal(caseId, own(found), false, async () => own(await rows())) };
    });
  }

  /** The latest seal of a stream (DP-44), or `undefined`. Seals carry no client data and are stored in clear. */
  async readSeal(caseId: string): Promise<JournalSealRecord | undefined> {
    return orThrow(async () => {
      this.#touch();
      return this.#db.seals.get(caseId);
    });
  }

  /** Index rows matching the query, read through the most selective index, sorted as the port says. */
  async listCases(query: CaseQuery = {}): Promise<CaseIndexEntry[]> {
    return orThrow(async () => {
      this.#touch();
      return this.#decodeCases(query, await this.#readCaseRows(query), false);
    });
  }

  /** One case's index row, or `undefined`. */
  async getCase(caseId: string): Promise<CaseIndexEntry | undefined> {
    return orThrow(async () => {
      this.#touch();
      const row = await this.#db.cases.get(caseId);
      return row && decodeCase(row, this.#labelKey(row));
    });
  }

  /** Live journal of one stream, also after writes in other tabs. */
  observeJournal(caseId: string): Subscribable<JournalEvent[]> {
    return liveSubscribable(
      () => streamRange(this.#db, caseId).toArray(),
      (rows) => this.#decodeJournal(caseId, rows, true),
    );
  }

  /** Live case list for a query, also after writes in other tabs. */
  observeCases(query: CaseQuery = {}): Subscribable<CaseIndexEntry[]> {
    return liveSubscribable(
      () => this.#readCaseRows(query),
      (rows) => this.#decodeCases(query, rows, true),
    );
  }

  /**
   * Replaces payloads with the erasure marker (DP-32). With encryption the whole case is re-sealed
   * under a fresh case key and the old key is deleted, so copies of the old ciphertext that IndexedDB
   * may still keep on disk can no longer be opened.
   */
  async erasePayloads(caseId: string, seqs: readonly number[], erasedAt: string, rule: string): Promise<AppendResult> {
    return asResult(async () => {
      this.#touch();
      const db = this.#db;
      const wanted = new Set(seqs);
      const rows = await streamRange(db, caseId).toArray();
      const lastSeq = rows.at(-1)?.seq ?? 0;
      const events = await this.#decodeJournal(caseId, rows, false);
      const erased = events.map((event) => (wanted.has(event.seq) ? erasedEvent(event, erasedAt, rule) : event));
      // The content an erased event names goes with it (DP-32); the rest moves to the new key.
      const erasedContent = new Set(events.filter((e) => wanted.has(e.seq)).flatMap((e) => contentHashesOf(e)));
      const kept = await this.#readContents(caseId, (hash) => !erasedContent.has(hash));
      const newKey = this.#vault.encrypted && rows.length > 0 ? await this.#vault.freshCaseKey(caseId) : undefined;
      const encoded = await encodeEvents(
        newKey ? erased : erased.filter((event) => wanted.has(event.seq)),
        newKey?.key,
      );
      const contentRows = newKey
        ? await Promise.all(kept.map(({ hash, bytes }) => this.#contentRow(caseId, hash, bytes, newKey)))
        : [];
      const tables = [db.events, db.keys, db.contents];
      const result = await db.transaction('rw', tables, async (): Promise<AppendResult> => {
        const last = await streamRange(db, caseId).last();
        if ((last?.seq ?? 0) !== lastSeq || (last && last.hash !== rows.at(-1)?.hash))
          return conflictRefusal(caseId, lastSeq, last?.seq ?? 0);
        if (newKey) await db.keys.put(newKey.row);
        await db.events.bulkPut(encoded);
        await db.contents.bulkDelete([...erasedContent].map((hash) => [caseId, hash] as [string, string]));
        if (contentRows.length > 0) await db.contents.bulkPut(contentRows);
        return { ok: true, lastSeq };
      });
      if (newKey && result.ok) this.#vault.remember(caseId, newKey);
      return result;
    });
  }

  /** Replaces a case's index row (after erasure or an index rebuild). */
  async putIndex(entry: CaseIndexEntry): Promise<void> {
    return orThrow(async () => {
      this.#touch();
      await this.#db.cases.put(await this.#encodeIndex(entry));
    });
  }

  /** Deletes a stream's events, its index row and its case key (crypto-shredding, DP-36) in one transaction. */
  async deleteStream(caseId: string): Promise<void> {
    return orThrow(async () => {
      this.#touch();
      const db = this.#db;
      await db.transaction('rw', [db.events, db.cases, db.keys, db.seals, db.contents], async () => {
        await streamRange(db, caseId).delete();
        await db.cases.delete(caseId);
        await db.keys.delete(caseId);
        await db.seals.delete(caseId);
        await contentRange(db, caseId).delete();
      });
      this.#vault.forget(caseId);
    });
  }

  /**
   * Stores a document's content under the case (issue 22): sealed under the case's data key when the store
   * is encrypted (DP-37), so it is shredded with the case; the case must exist. Throws `StoreRefusalError`.
   */
  async putContent(caseId: string, contentHash: string, bytes: Uint8Array): Promise<void> {
    return orThrow(async () => {
      this.#touch();
      const key = this.#vault.encrypted ? await this.#vault.caseKey(this.#db, caseId, false) : undefined;
      if (this.#vault.encrypted && key === undefined)
        throw new StoreRefusalError(storeRefusal('STORE_KEY_MISSING', caseId));
      await this.#db.contents.put(await this.#contentRow(caseId, contentHash, bytes, key));
    });
  }

  /** A document's content, decrypted; `undefined` when there is none (or it is sealed under a key the case no longer has). */
  async readContent(caseId: string, contentHash: string): Promise<Uint8Array | undefined> {
    return orThrow(async () => {
      this.#touch();
      const [found] = await this.#readContents(caseId, (hash) => hash === contentHash);
      return found?.bytes;
    });
  }

  /** Deletes a document's content. */
  async deleteContent(caseId: string, contentHash: string): Promise<void> {
    return orThrow(async () => {
      this.#touch();
      await this.#db.contents.delete([caseId, contentHash]);
    });
  }

  async #contentRow(caseId: string, hash: string, bytes: Uint8Array, key: CaseKey | undefined): Promise<ContentRow> {
    if (key === undefined) return { caseId, hash, bytes: bytes.slice() };
    return {
      caseId,
      hash,
      keyId: key.keyId,
      sealed: await sealBytes(key.key, bytes.slice() as Uint8Array<ArrayBuffer>),
    };
  }

  /** The case's content rows the filter keeps, opened (rows under another key than the case's are left out). */
  async #readContents(caseId: string, keep: (hash: string) => boolean): Promise<{ hash: string; bytes: Uint8Array }[]> {
    const rows = (await contentRange(this.#db, caseId).toArray()).filter((row) => keep(row.hash));
    if (rows.length === 0) return [];
    const key = this.#vault.encrypted ? await this.#vault.caseKey(this.#db, caseId, false) : undefined;
    const out: { hash: string; bytes: Uint8Array }[] = [];
    for (const row of rows) {
      if (row.sealed === undefined) {
        if (row.bytes !== undefined && !this.#vault.encrypted) out.push({ hash: row.hash, bytes: row.bytes });
        continue;
      }
      if (key === undefined || row.keyId !== key.keyId) continue;
      out.push({ hash: row.hash, bytes: await openBytes(key.key, row.sealed) });
    }
    return out;
  }

  /** Ids of every stored stream, cases and others (the access log), in key order. */
  async streamIds(): Promise<string[]> {
    return orThrow(async () => {
      const keys = (await this.#db.events.orderBy('[caseId+seq]').keys()) as unknown as [string, number][];
      const ids: string[] = [];
      for (const [caseId] of keys) if (ids.at(-1) !== caseId) ids.push(caseId);
      return ids;
    });
  }

  /**
   * Rebuilds every index row from its journal with the host's projection (the store does not know
   * the domain). Streams the projection maps to `undefined` lose their row. Clears
   * {@link indexRebuildNeeded}.
   */
  async rebuildIndex(project: ProjectIndex): Promise<Result<{ rebuilt: number }>> {
    return asResult(async () => {
      let rebuilt = 0;
      for (const caseId of await this.streamIds()) {
        const entry = project(await this.readJournal(caseId));
        if (entry === undefined) await this.#db.cases.delete(caseId);
        else {
          await this.putIndex(entry);
          rebuilt += 1;
        }
      }
      await this.#db.meta.delete(INDEX_STALE_META_KEY);
      this.#indexStale = false;
      return ok({ rebuilt });
    });
  }

  /**
   * Exports the whole store or chosen streams as JSON lines, optionally encrypted with a passphrase.
   * An encrypted store refuses a plain export unless `allowPlaintext` is set. See {@link exportBackup}.
   */
  async exportBackup(options: ExportBackupOptions = {}): Promise<Result<string>> {
    return asResult(() => exportBackup(this, options));
  }

  /**
   * Imports a backup, verifying every journal before writing it; reports imported, skipped
   * (identical), conflicting and refused streams. See {@link importBackup}.
   */
  async importBackup(data: string | Blob, options: ImportBackupOptions = {}): Promise<Result<ImportReport>> {
    return asResult(() => importBackup(this, data, options));
  }

  /** Discards every key from memory (logout, inactivity, DP-37); reads are refused with `STORE_LOCKED` until {@link unlock}. */
  lock(): void {
    this.#vault.lock();
  }

  /** Unlocks with the passphrase or key the database was created with; a wrong one is refused with `STORE_WRONG_KEY`. */
  async unlock(secret: EncryptionSecret): Promise<Result<void>> {
    return asResult(async () => {
      const unlocked = await unlockVault(this.#db, secret);
      if (!unlocked.ok) return unlocked;
      this.#vault.unlock(unlocked.value, await unlockSealKey(this.#db, unlocked.value));
      this.#touch();
      return ok(undefined);
    });
  }

  /**
   * Seals a JSON value under the store's master key, for data kept beside the store on this device
   * (the draft store, DP-37); `undefined` when the store is not encrypted. Throws `STORE_LOCKED` while locked.
   */
  async sealCompanion(value: unknown): Promise<SealedBox | undefined> {
    if (!this.#vault.encrypted) return undefined;
    this.#touch();
    return orThrow(() => sealJson(this.#vault.master(), value));
  }

  /** Opens a value sealed with {@link sealCompanion}; throws `STORE_LOCKED` while locked, `STORE_WRONG_KEY` for another key. */
  async openCompanion<T>(box: SealedBox): Promise<T> {
    this.#touch();
    const master = await orThrow(async () => this.#vault.master());
    return openJson<T>(master, box).catch(() => {
      throw new StoreRefusalError(storeRefusal('STORE_WRONG_KEY', 'companion'));
    });
  }

  /** Closes the connection; the store cannot be used afterwards. */
  close(): void {
    this.#vault.lock();
    this.#clearIdle();
    this.#db.close();
  }

  /**
   * The key to seal an append with. A new stream (`expectedSeq` 0) gets a fresh key without a read of
   * its own: the append transaction checks whether another writer stored one first.
   */
  async #caseKeyForAppend(caseId: string, expectedSeq: number): Promise<CaseKey | undefined> {
    if (expectedSeq === 0) return this.#vault.freshCaseKey(caseId);
    return this.#vault.caseKey(this.#db, caseId, true);
  }

  /**
   * Decrypts rows of one stream; `reread` fetches the same rows again after the case was re-keyed. `shared`
   * marks rows of a live query, which Dexie's query cache may hand to other subscribers too: those are copied
   * so that a caller changing what it got changes nothing else. Rows of a plain read are already the caller's
   * own (IndexedDB gives every read a fresh structured clone) and are not copied a second time.
   */
  async #decodeJournal(
    caseId: string,
    rows: EventRow[],
    shared: boolean,
    reread: () => Promise<EventRow[]> = () => streamRange(this.#db, caseId).toArray(),
  ): Promise<JournalEvent[]> {
    if (!this.#vault.encrypted) return (shared ? structuredClone(rows) : rows) as JournalEvent[];
    const caseKey = await this.#vault.caseKey(this.#db, caseId, false);
    try {
      return await decodeEvents(rows, caseKey?.key, true);
    } catch (error) {
      // Another tab may have re-keyed the case (erasure) since this tab cached its key: reload both once.
      const rekeyed =
        error instanceof StoreRefusalError && ['STORE_WRONG_KEY', 'JOURNAL_EVENT_UNREADABLE'].includes(error.code);
      if (!rekeyed) throw error;
      this.#vault.forget(caseId);
      const fresh = await reread();
      return decodeEvents(fresh, (await this.#vault.caseKey(this.#db, caseId, false))?.key, true);
    }
  }

  /** Decodes index rows that match the query, in the port's order; `shared` as for {@link #decodeJournal}. */
  async #decodeCases(query: CaseQuery, rows: CaseRow[], shared: boolean): Promise<CaseIndexEntry[]> {
    const matching = rows.filter((row) => matchesCaseQuery(row, query));
    const own = (row: CaseRow) => (shared ? structuredClone(row) : row);
    const entries = await Promise.all(matching.map((row) => decodeCase(own(row), this.#labelKey(row))));
    return entries.sort(compareCaseIndexEntries);
  }

  /** Reads index rows through the most selective index the query allows. */
  #readCaseRows(query: CaseQuery): Promise<CaseRow[]> {
    const cases = this.#db.cases;
    const anyOf = (value: string | readonly string[]) => (typeof value === 'string' ? [value] : [...value]);
    if (query.caseManagerId !== undefined) return cases.where('caseManagerIds').equals(query.caseManagerId).toArray();
    if (query.leadAgencyId !== undefined) return cases.where('leadAgencyId').equals(query.leadAgencyId).toArray();
    if (query.stage !== undefined) return cases.where('stage').anyOf(anyOf(query.stage)).toArray();
    if (query.legalDomain !== undefined) return cases.where('legalDomains').equals(query.legalDomain).toArray();
    if (query.dueOnOrBefore !== undefined)
      return cases.where('nextDueDate').belowOrEqual(query.dueOnOrBefore).toArray();
    if (query.status !== undefined) return cases.where('status').anyOf(anyOf(query.status)).toArray();
    return cases.toArray();
  }

  #labelKey(row: CaseRow): CryptoKey | undefined {
    return row.sealedLabel === undefined ? undefined : this.#vault.master();
  }

  async #encodeIndex(entry: CaseIndexEntry): Promise<CaseRow> {
    const sealLabel = this.#vault.encrypted && this.#settings.labelsSensitive;
    return encodeCase(entry, sealLabel ? this.#vault.master() : undefined);
  }

  #touch(): void {
    if (!this.#vault.encrypted || this.#settings.lockAfterIdleMs <= 0) return;
    this.#clearIdle();
    this.#idleTimer = setTimeout(() => this.#vault.lock(), this.#settings.lockAfterIdleMs);
  }

  #clearIdle(): void {
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer as ReturnType<typeof setTimeout>);
    this.#idleTimer = undefined;
  }
}
