import { contentHashSchema } from '../model/document.js';
import type { Refused } from '../result/refusal.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { JournalSeal, JournalSealRecord } from '../journal/journal-seal.js';

/**
 * The row a store keeps per case for lists, filters and the worklist, so those never replay whole
 * journals. The core computes it from the case state and hands it to {@link CaseStore.append} with the
 * events, and the store writes both in one transaction.
 *
 * Fields other than `caseId` and `lastSeq` are projections of the journal; a store may rebuild them.
 * Nothing in here is special-category data: stores that encrypt at rest may keep it in clear text.
 */
export interface CaseIndexEntry {
  readonly caseId: string;
  /** Sequence number of the last event the entry reflects. */
  readonly lastSeq: number;
  /** Timestamp of that event. */
  readonly updatedAt: string;
  /** Lifecycle status (`open`, `closed`, `restricted` …), as the domain model defines it. */
  readonly status: string;
  /** Stage of the case-management cycle, as the process rules define it. */
  readonly stage: string;
  /** Agency that leads the case (federführend), if decided. */
  readonly leadAgencyId: string | null;
  /** Current case managers (user ids). */
  readonly caseManagerIds: readonly string[];
  /** Legal domains (Rechtskreise) currently involved. */
  readonly legalDomains: readonly string[];
  /** Earliest open due date (ISO date) of follow-ups and deadlines, for sorting caseloads. */
  readonly nextDueDate: string | null;
  /**
   * Short display label chosen by the core (e.g. a case number or pseudonym). Stores that encrypt
   * treat it as sensitive unless the host marks it otherwise.
   */
  readonly label?: string;
  /** Flags the data-protection rules need in lists: a staff case (DP-26), a restricted case (DP-31). */
  readonly flags?: readonly string[];
  /**
   * The first day (ISO date) on which an assignment, lead-agency or legal-domain period starts or ends
   * after the day the row was computed for; `null` when none is dated ahead. From that day the row is
   * stale: `refreshStaleIndexRows(store, day)` recomputes it (DP-40: periods count when in force).
   */
  readonly validUntil?: string | null;
}

/** A filter on the case index. All given fields must match; arrays match if they share a member. */
export interface CaseQuery {
  readonly status?: string | readonly string[];
  readonly stage?: string | readonly string[];
  readonly caseManagerId?: string;
  readonly leadAgencyId?: string;
  readonly legalDomain?: string;
  /** Only cases with a due date on or before this ISO date. */
  readonly dueOnOrBefore?: string;
}

/** A request to append events to a stream, guarded by optimistic concurrency. */
export interface AppendRequest {
  readonly caseId: string;
  /**
   * The `seq` of the stream's last event as the caller saw it (0 for a new stream). If the stream has
   * moved on, the append is refused with `STORE_CONFLICT` and nothing is written.
   */
  readonly expectedSeq: number;
  /** Sealed events, numbered from `expectedSeq + 1`, chained to the stream's last hash. */
  readonly events: readonly JournalEvent[];
  /**
   * The case index row after these events, written in the same transaction. Omitted for streams that
   * are not cases (the access log).
   */
  readonly index?: CaseIndexEntry;
  /**
   * The seal of the stream's new head (DP-44), written in the same transaction; it replaces the
   * stream's previous seal. Stores keep only the latest seal per stream.
   */
  readonly seal?: JournalSealRecord;
}

/** Options of {@link CaseStore.readJournal}. */
export interface ReadJournalOptions {
  /**
   * Only events with a `seq` greater than this (default 0: the whole stream). Lets a reader that
   * already holds a stream up to some position fetch the tail alone.
   */
  readonly afterSeq?: number;
}

/** The events one command or batch appended, found by its `commandId` ({@link CaseStore.findCommand}). */
export interface RecordedCommand {
  /** The stream they were appended to. */
  readonly caseId: string;
  /** The events carrying the `commandId`, in order (one append, so consecutive). */
  readonly events: readonly JournalEvent[];
}

/** The outcome of an append: the new last sequence number, or a refusal (`STORE_CONFLICT`, …). */
export type AppendResult = { readonly ok: true; readonly lastSeq: number } | Refused;

/** Something that can be stopped from delivering values. */
export interface Unsubscribable {
  unsubscribe(): void;
}

/** An observer of a live value. */
export interface Observer<T> {
  next(value: T): void;
  error?(error: unknown): void;
}

/**
 * A live value that pushes its current state on subscribe and after every change, also when another
 * tab or connection wrote. Shaped like Dexie's and RxJS's observables so both fit.
 */
export interface Subscribable<T> {
  subscribe(observer: Observer<T> | ((value: T) => void)): Unsubscribable;
}

/**
 * The storage port of the core. A store keeps hash-chained event streams and the case index; it
 * knows nothing of the domain beyond {@link CaseIndexEntry}. Implementations: the in-memory store of
 * the core, `@fallkit/store-dexie`, or a host's own back end. The contract suite in
 * `@fallkit/core/testing` is the specification: a store is correct when it passes unchanged.
 */
export interface CaseStore {
  /**
   * Appends events atomically: all of them with the index row, or nothing. Idempotent by command:
   * when an event carries a `commandId` that any stored event already carries, the append is refused
   * with `STORE_DUPLICATE_COMMAND` and nothing is written, so a retried command can never be stored
   * twice, even when two writers race.
   */
  append(request: AppendRequest): Promise<AppendResult>;
  /** The events of a stream in order, all of them or those after `afterSeq` (empty for an unknown stream). */
  readJournal(caseId: string, options?: ReadJournalOptions): Promise<JournalEvent[]>;
  /**
   * The events an earlier append recorded under `commandId`, or `undefined` if none did. The case
   * service asks before it executes a command that carries an id, so a retry (also after a reload, or
   * from another tab) returns the original outcome instead of writing again.
   */
  findCommand(commandId: string): Promise<RecordedCommand | undefined>;
  /**
   * The latest seal of a stream (DP-44), or `undefined` when it has none. Every store should keep seals (the
   * contract suite requires it); a store that does not yet cannot anchor its journals: with a seal configured,
   * the service refuses their journals as `JOURNAL_SEAL_MISSING`.
   */
  readSeal?(caseId: string): Promise<JournalSealRecord | undefined>;
  /**
   * A seal port the store derived from its unlock secret (the encrypted Dexie store), which the case
   * service uses unless the host passes its own. Absent for stores without a secret of their own.
   */
  readonly journalSeal?: JournalSeal | undefined;
  /** Index rows matching the query, sorted by `nextDueDate` (nulls last), then `caseId`. */
  listCases(query?: CaseQuery): Promise<CaseIndexEntry[]>;
  /** The index row of one case, or `undefined`. */
  getCase(caseId: string): Promise<CaseIndexEntry | undefined>;
  /** Live events of one stream: emits the whole journal on subscribe and after every append. */
  observeJournal(caseId: string): Subscribable<JournalEvent[]>;
  /** Live index rows for a query: emits on subscribe and after every change. */
  observeCases(query?: CaseQuery): Subscribable<CaseIndexEntry[]>;
  /**
   * Replaces the payloads of the given events with an erasure marker (DP-32). Envelopes, hashes and
   * `payloadHash` stay, so the chain still verifies. Used by erasure and the retention sweep.
   */
  erasePayloads(caseId: string, seqs: readonly number[], erasedAt: string, rule: string): Promise<AppendResult>;
  /** Replaces a case's index row without appending (after erasure or an index rebuild). */
  putIndex(entry: CaseIndexEntry): Promise<void>;
  /** Removes a stream, its seal, its index row and its content for good (retention, DP-36). */
  deleteStream(caseId: string): Promise<void>;
  /**
   * Stores binary content of a case (a document's bytes) under its SHA-256, encrypted like the journal
   * (DP-37). Content belongs to the event whose payload names its `contentHash`: `erasePayloads` of that
   * event deletes it (DP-32), `deleteStream` deletes all of a case's content. Optional: a store without
   * it cannot take documents (`attachDocument` refuses with `DOCUMENT_STORE_UNSUPPORTED`).
   */
  putContent?(caseId: string, contentHash: string, bytes: Uint8Array): Promise<void>;
  /** Content stored under the case and hash, or `undefined`. Callers check the hash (the core's document reader does). */
  readContent?(caseId: string, contentHash: string): Promise<Uint8Array | undefined>;
  /** Deletes content of a case (a document taken out of the file). */
  deleteContent?(caseId: string, contentHash: string): Promise<void>;
}

/** The content hashes an event's payload names (a document's bytes), for the stores' erasure. */
export function contentHashesOf(event: { readonly payload: unknown }): string[] {
  const hash = (event.payload as { contentHash?: unknown } | null)?.contentHash;
  return contentHashSchema.safeParse(hash).success ? [hash as string] : [];
}
