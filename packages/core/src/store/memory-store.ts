import type { JournalEvent } from '../journal/journal-event.js';
import type { JournalSeal, JournalSealRecord } from '../journal/journal-seal.js';
import { erasedEvent } from './erased-payload.js';
import { describeAppendMismatch } from './append-checks.js';
import { compareCaseIndexEntries, matchesCaseQuery } from './case-query.js';
import type {
  AppendRequest,
  AppendResult,
  CaseIndexEntry,
  CaseQuery,
  CaseStore,
  Observer,
  ReadJournalOptions,
  RecordedCommand,
  Subscribable,
  Unsubscribable,
} from './case-store.js';
import { commandIdsOf, conflictRefusal, duplicateCommandRefusal, malformedAppendRefusal } from './store-errors.js';
import { contentHashesOf } from './case-store.js';

/** Deep copy through JSON, so callers can never mutate what the store holds. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function toObserver<T>(observer: Observer<T> | ((value: T) => void)): Observer<T> {
  return typeof observer === 'function' ? { next: observer } : observer;
}

/**
 * A {@link CaseStore} in memory: for tests, examples, and hosts that keep the data themselves and only
 * need the core's rules. Values are copied in and out, so it behaves like a real store.
 */
export class MemoryCaseStore implements CaseStore {
  readonly #journals = new Map<string, JournalEvent[]>();
  readonly #seals = new Map<string, JournalSealRecord>();
  /** Document content per case, by SHA-256 (the memory store keeps it in plain: it is for tests and examples). */
  readonly #contents = new Map<string, Map<string, Uint8Array>>();
  /** A seal port the host gives the store (DP-44); the memory store holds no secret of its own. */
  readonly journalSeal: JournalSeal | undefined;

  constructor(options: { readonly journalSeal?: JournalSeal } = {}) {
    this.journalSeal = options.journalSeal;
  }
  readonly #index = new Map<string, CaseIndexEntry>();
  /** Which stream each stored `commandId` went to (the unique index a database would keep). */
  readonly #commands = new Map<string, string>();
  readonly #listeners = new Set<() => void>();

  async append(request: AppendRequest): Promise<AppendResult> {
    const journal = this.#journals.get(request.caseId) ?? [];
    const last = journal.at(-1);
    const actualSeq = last?.seq ?? 0;
    if (request.expectedSeq !== actualSeq) return conflictRefusal(request.caseId, request.expectedSeq, actualSeq);
    const mismatch = describeAppendMismatch(request, last);
    if (mismatch !== undefined) return malformedAppendRefusal(request.caseId, mismatch);
    const commandIds = commandIdsOf(request.events);
    const repeated = commandIds.find((id) => this.#commands.has(id));
    if (repeated !== undefined) return duplicateCommandRefusal(request.caseId, repeated);
    for (const id of commandIds) this.#commands.set(id, request.caseId);
    this.#journals.set(request.caseId, [...journal, ...copy(request.events)]);
    if (request.index) this.#index.set(request.caseId, copy(request.index));
    if (request.seal) this.#seals.set(request.caseId, copy(request.seal));
    this.#notify();
    return { ok: true, lastSeq: request.events.at(-1)?.seq ?? actualSeq };
  }

  async readJournal(caseId: string, options: ReadJournalOptions = {}): Promise<JournalEvent[]> {
    const journal = this.#journals.get(caseId) ?? [];
    const afterSeq = options.afterSeq ?? 0;
    // Streams are numbered from 1 without gaps, so the tail starts at index `afterSeq`.
    return copy(afterSeq <= 0 ? journal : journal.slice(afterSeq));
  }

  async findCommand(commandId: string): Promise<RecordedCommand | undefined> {
    const caseId = this.#commands.get(commandId);
    if (caseId === undefined) return undefined;
    const events = (this.#journals.get(caseId) ?? []).filter((event) => event.commandId === commandId);
    return events.length === 0 ? undefined : { caseId, events: copy(events) };
  }

  async readSeal(caseId: string): Promise<JournalSealRecord | undefined> {
    const seal = this.#seals.get(caseId);
    return seal && copy(seal);
  }

  async listCases(query?: CaseQuery): Promise<CaseIndexEntry[]> {
    return copy(
      [...this.#index.values()].filter((entry) => matchesCaseQuery(entry, query)).sort(compareCaseIndexEntries),
    );
  }

  async getCase(caseId: string): Promise<CaseIndexEntry | undefined> {
    const entry = this.#index.get(caseId);
    return entry && copy(entry);
  }

  observeJournal(caseId: string): Subscribable<JournalEvent[]> {
    return this.#observe(() => this.readJournal(caseId));
  }

  observeCases(query?: CaseQuery): Subscribable<CaseIndexEntry[]> {
    return this.#observe(() => this.listCases(query));
  }

  async erasePayloads(caseId: string, seqs: readonly number[], erasedAt: string, rule: string): Promise<AppendResult> {
    const journal = this.#journals.get(caseId) ?? [];
    const wanted = new Set(seqs);
    // The content an erased event names goes with it (DP-32).
    for (const event of journal)
      if (wanted.has(event.seq)) for (const hash of contentHashesOf(event)) this.#contents.get(caseId)?.delete(hash);
    this.#journals.set(
      caseId,
      journal.map((event) => (wanted.has(event.seq) ? erasedEvent(event, erasedAt, rule) : event)),
    );
    this.#notify();
    return { ok: true, lastSeq: journal.at(-1)?.seq ?? 0 };
  }

  async putIndex(entry: CaseIndexEntry): Promise<void> {
    this.#index.set(entry.caseId, copy(entry));
    this.#notify();
  }

  async deleteStream(caseId: string): Promise<void> {
    for (const [commandId, streamId] of this.#commands) if (streamId === caseId) this.#commands.delete(commandId);
    this.#journals.delete(caseId);
    this.#seals.delete(caseId);
    this.#index.delete(caseId);
    this.#contents.delete(caseId);
    this.#notify();
  }

  async putContent(caseId: string, contentHash: string, bytes: Uint8Array): Promise<void> {
    let contents = this.#contents.get(caseId);
    if (contents === undefined) this.#contents.set(caseId, (contents = new Map()));
    contents.set(contentHash, bytes.slice());
  }

  async readContent(caseId: string, contentHash: string): Promise<Uint8Array | undefined> {
    return this.#contents.get(caseId)?.get(contentHash)?.slice();
  }

  async deleteContent(caseId: string, contentHash: string): Promise<void> {
    this.#contents.get(caseId)?.delete(contentHash);
  }

  #observe<T>(read: () => Promise<T>): Subscribable<T> {
    return {
      subscribe: (observerOrNext): Unsubscribable => {
        const observer = toObserver(observerOrNext);
        let active = true;
        const emit = (): void => {
          read().then(
            (value) => active && observer.next(value),
            (error: unknown) => active && observer.error?.(error),
          );
        };
        this.#listeners.add(emit);
        emit();
        return {
          unsubscribe: () => {
            active = false;
            this.#listeners.delete(emit);
          },
        };
      },
    };
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
