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
import { erasedPayload } from '@fallkit/core/store';
import { classifyPgError } from '../errors/classify-error.js';
import { PgStoreError, pgStoreRefused } from '../errors/store-refusals.js';
import { MAX_FEED_PAGE, readChangedStreams, readFeedHead, readFeedPage, type FeedPage } from '../feed/tenant-feed.js';
import { LiveChanges } from '../live/live-changes.js';
import type { SqlDatabase, SqlSession } from '../sql/sql-database.js';
import { isTenantId, tenantChannel } from '../tenancy/tenant-id.js';
import { LAST_EVENT, appendEvents, uniqueViolationRefusal } from './append-events.js';
import {
  UPSERT_CASE_INDEX,
  caseListStatement,
  decodeCaseIndex,
  sortCaseIndex,
  type CaseIndexRow,
} from './case-index-rows.js';
import { EVENT_COLUMNS, decodeEvent, type EventRow } from './event-rows.js';
import { asResult, inTenant } from './tenant-transaction.js';
import { contentHashesOfSeqs, deleteContentIn, putContentIn, readContentIn } from '../content/case-content.js';

/** Where a {@link PgCaseStore} keeps its data. */
export interface PgCaseStoreOptions {
  /** The database, connected as the application role (see `pgDatabase`, `pgliteDatabase`, `openEmbeddedDatabase`). */
  readonly database: SqlDatabase;
  /** The tenant every read and write of this store belongs to; created beforehand with `provisionTenant`. */
  readonly tenantId: string;
  /**
   * The seal port the case service signs journal heads with (DP-44): on a server, one made from the server's
   * own key (e.g. the core's HMAC seal), never stored in the database. Without it the host passes its own to
   * the case service.
   */
  readonly journalSeal?: JournalSeal;
}

/** Options of {@link PgCaseStore.readFeed}. */
export interface ReadFeedOptions {
  /** The position after which to read (0 from the start). */
  readonly after: number;
  /** At most this many entries (default and ceiling 1000). */
  readonly limit?: number;
}

/** Runs work; a failure is rethrown as a typed {@link PgStoreError}. */
async function orThrow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof PgStoreError ? error : new PgStoreError(classifyPgError(error));
  }
}

/**
 * The core's {@link CaseStore} on PostgreSQL, for one tenant: per-case hash-chained journals under the
 * primary key `(tenant_id, case_id, seq)`, the case index written in the same transaction as every append,
 * a gapless per-tenant feed ({@link readFeed}), live values through `LISTEN`/`NOTIFY`, and every statement
 * under the tenant's row level security. The same SQL runs on a server (`pg`) and on PGlite.
 *
 * Open it with {@link openPgCaseStore}. `append` and `erasePayloads` return results and never throw; the other
 * port methods throw {@link PgStoreError} with a typed refusal (`STORE_UNAVAILABLE`, …).
 */
export class PgCaseStore implements CaseStore {
  readonly #database: SqlDatabase;
  readonly #tenantId: string;
  readonly #channel: string;
  readonly #live: LiveChanges;
  /** The seal port given at opening (DP-44), for the case service; the store only keeps the seals. */
  readonly journalSeal: JournalSeal | undefined;

  /** Use {@link openPgCaseStore}, which checks the tenant; this expects a valid, provisioned tenant id. */
  constructor(database: SqlDatabase, tenantId: string, options: { readonly journalSeal?: JournalSeal } = {}) {
    this.journalSeal = options.journalSeal;
    this.#database = database;
    this.#tenantId = tenantId;
    this.#channel = tenantChannel(tenantId);
    this.#live = new LiveChanges({
      listen: (onNotify) => database.listen(this.#channel, onNotify),
      head: () => this.#read(async (session) => (await readFeedHead(session, tenantId)) ?? 0),
      changedSince: (position) => this.#read((session) => readChangedStreams(session, tenantId, position)),
      toError: (error) => (error instanceof PgStoreError ? error : new PgStoreError(classifyPgError(error))),
    });
  }

  /** The tenant this store reads and writes. */
  get tenantId(): string {
    return this.#tenantId;
  }

  /** Which engine keeps the data: `postgres` or `pglite`. */
  get engine(): SqlDatabase['engine'] {
    return this.#database.engine;
  }

  /**
   * Appends events and the index row in one transaction, with the tenant's next feed positions;
   * `STORE_CONFLICT` for a stale `expectedSeq` (also when a concurrent append won the race).
   */
  async append(request: AppendRequest): Promise<AppendResult> {
    const result = await asResult(async () => {
      try {
        return await this.#write((session) => appendEvents(session, this.#tenantId, request, this.#channel));
      } catch (error) {
        const refusal = await uniqueViolationRefusal(error, request, {
          actualSeq: () => this.#lastSeq(request.caseId),
          storedEventIds: (ids) => this.#storedEventIds(ids),
        });
        if (refusal) return refusal;
        throw error;
      }
    });
    if (result.ok) {
      this.#live.changed(request.caseId);
      return { ok: true, lastSeq: result.lastSeq };
    }
    return result;
  }

  /** The stream's events in order (after `afterSeq`, when given). */
  async readJournal(caseId: string, options: ReadJournalOptions = {}): Promise<JournalEvent[]> {
    const afterSeq = options.afterSeq ?? 0;
    return orThrow(() =>
      this.#read(async (session) => {
        const rows = await session.query<EventRow>(
          `select ${EVENT_COLUMNS} from fallkit.case_event
            where tenant_id = $1 and case_id = $2 and seq > $3 order by seq`,
          [this.#tenantId, caseId, afterSeq],
        );
        return rows.map(decodeEvent);
      }),
    );
  }

  /** The events an earlier append recorded under `commandId` (in this tenant), or `undefined`. */
  async findCommand(commandId: string): Promise<RecordedCommand | undefined> {
    return orThrow(() =>
      this.#read(async (session) => {
        const rows = await session.query<EventRow & { case_id: string }>(
          `select case_id, ${EVENT_COLUMNS} from fallkit.case_event
            where tenant_id = $1 and command_id = $2 order by case_id, seq`,
          [this.#tenantId, commandId],
        );
        const caseId = rows[0]?.case_id;
        if (caseId === undefined) return undefined;
        // The append refuses a stored command id, so all rows are of one stream; the filter is a safeguard.
        return { caseId, events: rows.filter((row) => row.case_id === caseId).map(decodeEvent) };
      }),
    );
  }

  /** The latest seal of a stream (DP-44), as the append that brought it wrote it; `undefined` without one. */
  async readSeal(caseId: string): Promise<JournalSealRecord | undefined> {
    return orThrow(() =>
      this.#read(async (session) => {
        const [row] = await session.query<{ record: string }>(
          'select record::text as record from fallkit.case_seal where tenant_id = $1 and case_id = $2',
          [this.#tenantId, caseId],
        );
        return row && (JSON.parse(row.record) as JournalSealRecord);
      }),
    );
  }

  /** Index rows matching the query, filtered in SQL, in the port's order. */
  async listCases(query?: CaseQuery): Promise<CaseIndexEntry[]> {
    return orThrow(() =>
      this.#read(async (session) => {
        const { sql, params } = caseListStatement(this.#tenantId, query);
        return sortCaseIndex((await session.query<CaseIndexRow>(sql, params)).map(decodeCaseIndex));
      }),
    );
  }

  /** One case's index row, or `undefined`. */
  async getCase(caseId: string): Promise<CaseIndexEntry | undefined> {
    return orThrow(() =>
      this.#read(async (session) => {
        const [row] = await session.query<CaseIndexRow>(
          'select entry::text as entry from fallkit.case_index where tenant_id = $1 and case_id = $2',
          [this.#tenantId, caseId],
        );
        return row && decodeCaseIndex(row);
      }),
    );
  }

  /** Live journal of one stream, also after writes of other processes and server instances. */
  observeJournal(caseId: string): Subscribable<JournalEvent[]> {
    return this.#live.observe(() => this.readJournal(caseId), caseId);
  }

  /** Live case list for a query, also after writes of other processes and server instances. */
  observeCases(query?: CaseQuery): Subscribable<CaseIndexEntry[]> {
    return this.#live.observe(() => this.listCases(query));
  }

  /**
   * Replaces payloads with the erasure marker and removes their notes (DP-32, DP-43); envelopes, hashes and feed
   * positions stay.
   */
  async erasePayloads(caseId: string, seqs: readonly number[], erasedAt: string, rule: string): Promise<AppendResult> {
    const result = await asResult(() =>
      this.#write(async (session) => {
        // The content an erased event names goes with it, in the same transaction (DP-32, issue 22).
        await deleteContentIn(
          session,
          this.#tenantId,
          caseId,
          await contentHashesOfSeqs(session, this.#tenantId, caseId, seqs),
        );
        await session.query(
          `update fallkit.case_event set payload = $3::json, note = null
            where tenant_id = $1 and case_id = $2
              and seq in (select value::integer from json_array_elements_text($4::json))`,
          [this.#tenantId, caseId, JSON.stringify(erasedPayload(erasedAt, rule)), JSON.stringify(seqs)],
        );
        await this.#notifyOther(session);
        return { ok: true as const, lastSeq: await this.#lastSeqIn(session, caseId) };
      }),
    );
    if (result.ok) this.#live.changed(caseId);
    return result;
  }

  /** Replaces a case's index row (after erasure or an index rebuild). */
  async putIndex(entry: CaseIndexEntry): Promise<void> {
    await orThrow(() =>
      this.#write(async (session) => {
        await session.query(UPSERT_CASE_INDEX, [this.#tenantId, entry.caseId, JSON.stringify(entry)]);
        await this.#notifyOther(session);
      }),
    );
    this.#live.changed(entry.caseId);
  }

  /** Deletes a stream's events, index row, command ids, seal and documents' content for good (retention, DP-36), in one transaction. */
  async deleteStream(caseId: string): Promise<void> {
    await orThrow(() =>
      this.#write(async (session) => {
        await session.query('delete from fallkit.case_event where tenant_id = $1 and case_id = $2', [
          this.#tenantId,
          caseId,
        ]);
        await session.query('delete from fallkit.case_index where tenant_id = $1 and case_id = $2', [
          this.#tenantId,
          caseId,
        ]);
        for (const table of ['case_command', 'case_seal', 'case_content'])
          await session.query(`delete from fallkit.${table} where tenant_id = $1 and case_id = $2`, [
            this.#tenantId,
            caseId,
          ]);
        await this.#notifyOther(session);
      }),
    );
    this.#live.changed(caseId);
  }

  /** Stores a document's content under the case and its SHA-256 hex (issue 22); the core decides the write. */
  async putContent(caseId: string, contentHash: string, bytes: Uint8Array): Promise<void> {
    await orThrow(() => this.#write((session) => putContentIn(session, this.#tenantId, caseId, contentHash, bytes)));
  }

  /** A document's content, or `undefined`; the core checks it against the hash and decides the read. */
  async readContent(caseId: string, contentHash: string): Promise<Uint8Array | undefined> {
    return orThrow(() => this.#read((session) => readContentIn(session, this.#tenantId, caseId, contentHash)));
  }

  /** Deletes a document's content (a document taken out of the file). */
  async deleteContent(caseId: string, contentHash: string): Promise<void> {
    await orThrow(() => this.#write((session) => deleteContentIn(session, this.#tenantId, caseId, [contentHash])));
  }

  /**
   * A page of the tenant's feed: every event of every stream in the order it committed, from the position
   * after `after`. Positions have no gaps and a page never leaves one out, so a cursor that moves to the
   * returned `position` misses nothing (positions of deleted streams are gone with them).
   */
  async readFeed(options: ReadFeedOptions): Promise<FeedPage> {
    const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? MAX_FEED_PAGE)), MAX_FEED_PAGE);
    const after = Math.max(0, Math.trunc(options.after));
    return orThrow(() => this.#read((session) => readFeedPage(session, this.#tenantId, after, limit)));
  }

  /** The last feed position handed out in this tenant (0 before the first append). */
  async feedHead(): Promise<number> {
    return orThrow(() =>
      this.#read(async (session) => {
        const head = await readFeedHead(session, this.#tenantId);
        if (head === undefined) throw new PgStoreError(pgStoreRefused('STORE_TENANT_UNKNOWN').errors[0]!);
        return head;
      }),
    );
  }

  #read<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return inTenant(this.#database, this.#tenantId, work, { readOnly: true });
  }

  #write<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return inTenant(this.#database, this.#tenantId, work);
  }

  /** Tells other stores of the tenant that something other than an append changed (sent at commit). */
  async #notifyOther(session: SqlSession): Promise<void> {
    await session.query('select pg_notify($1, $2)', [this.#channel, 'x']);
  }

  async #lastSeqIn(session: SqlSession, caseId: string): Promise<number> {
    const [last] = await session.query<{ seq: number }>(LAST_EVENT, [this.#tenantId, caseId]);
    return last?.seq ?? 0;
  }

  #storedEventIds(ids: readonly string[]): Promise<string[]> {
    return this.#read(async (session) => {
      const rows = await session.query<{ event_id: string }>(
        `select event_id from fallkit.case_event
          where tenant_id = $1 and event_id in (select json_array_elements_text($2::json))`,
        [this.#tenantId, JSON.stringify(ids)],
      );
      return rows.map((row) => row.event_id);
    });
  }

  #lastSeq(caseId: string): Promise<number> {
    return this.#read((session) => this.#lastSeqIn(session, caseId));
  }
}

/**
 * Opens the store of one tenant: checks the tenant id and that the tenant exists (as the application role,
 * under row level security). Never throws: `STORE_TENANT_INVALID`, `STORE_TENANT_UNKNOWN`,
 * `STORE_SCHEMA_MISSING`, `STORE_UNAVAILABLE` …
 */
export async function openPgCaseStore(options: PgCaseStoreOptions): Promise<Result<PgCaseStore>> {
  const { database, tenantId } = options;
  if (!isTenantId(tenantId)) return pgStoreRefused('STORE_TENANT_INVALID');
  try {
    const head = await inTenant(database, tenantId, (session) => readFeedHead(session, tenantId), { readOnly: true });
    if (head === undefined) return pgStoreRefused('STORE_TENANT_UNKNOWN', tenantId);
    return ok(new PgCaseStore(database, tenantId, { journalSeal: options.journalSeal }));
  } catch (error) {
    return { ok: false, errors: [classifyPgError(error)] };
  }
}
