import {
  MemoryCaseStore,
  type AppendRequest,
  type CaseQuery,
  type CaseStore,
  type JournalEvent,
  type JournalSeal,
  type JournalSealRecord,
  type ReadJournalOptions,
} from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { describeTamperSuite, type RawRow, type TamperTarget } from '@fallkit/core/testing';

/**
 * The memory store keeps exactly what its port returns, so its raw rows are its journals: this
 * wrapper lets the suite overwrite them (and the seals) as an attacker with access to the process
 * memory would, and records every stream written so the whole content can be scanned (DP-43).
 */
class RawMemoryStore implements CaseStore {
  readonly #inner: MemoryCaseStore;
  readonly #rows = new Map<string, JournalEvent[]>();
  readonly #seals = new Map<string, JournalSealRecord | undefined>();
  readonly streams = new Set<string>();
  readonly journalSeal: JournalSeal;

  constructor(seal: JournalSeal) {
    this.#inner = new MemoryCaseStore({ journalSeal: seal });
    this.journalSeal = seal;
  }

  setRows(caseId: string, rows: readonly RawRow[]): void {
    this.#rows.set(caseId, clone(rows) as unknown as JournalEvent[]);
  }

  setSeal(caseId: string, seal: JournalSealRecord | undefined): void {
    this.#seals.set(caseId, seal && clone(seal));
  }

  append(request: AppendRequest) {
    this.streams.add(request.caseId);
    return this.#inner.append(request);
  }
  async readJournal(caseId: string, options: ReadJournalOptions = {}) {
    const raw = this.#rows.get(caseId);
    if (!raw) return this.#inner.readJournal(caseId, options);
    return clone(raw).filter((event) => typeof event.seq !== 'number' || event.seq > (options.afterSeq ?? 0));
  }
  findCommand(commandId: string) {
    return this.#inner.findCommand(commandId);
  }
  async readSeal(caseId: string) {
    return this.#seals.has(caseId) ? clone(this.#seals.get(caseId)) : this.#inner.readSeal(caseId);
  }
  listCases(query?: CaseQuery) {
    return this.#inner.listCases(query);
  }
  getCase(caseId: string) {
    return this.#inner.getCase(caseId);
  }
  observeJournal(caseId: string) {
    return this.#inner.observeJournal(caseId);
  }
  observeCases(query?: CaseQuery) {
    return this.#inner.observeCases(query);
  }
  erasePayloads(caseId: string, seqs: readonly number[], erasedAt: string, rule: string) {
    return this.#inner.erasePayloads(caseId, seqs, erasedAt, rule);
  }
  putIndex(entry: Parameters<CaseStore['putIndex']>[0]) {
    return this.#inner.putIndex(entry);
  }
  deleteStream(caseId: string) {
    return this.#inner.deleteStream(caseId);
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function flipFirstString(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length === 0 ? ' ' : value.slice(0, -1) + (value.endsWith('x') ? 'y' : 'x');
  if (Array.isArray(value)) return value.length === 0 ? ['x'] : [flipFirstString(value[0]), ...value.slice(1)];
  if (value !== null && typeof value === 'object') {
    const [key, inner] = Object.entries(value).find(([, v]) => typeof v === 'string') ?? Object.entries(value)[0]!;
    return { ...value, [key]: flipFirstString(inner) };
  }
  return typeof value === 'number' ? value + 1 : !value;
}

describeTamperSuite('MemoryCaseStore', async (seal): Promise<TamperTarget> => {
  const store = new RawMemoryStore(seal);
  return {
    store,
    encrypted: false,
    readRows: async (caseId) => (await store.readJournal(caseId)) as unknown as RawRow[],
    writeRows: async (caseId, rows) => {
      store.setRows(caseId, rows);
      return true;
    },
    writeSeal: async (caseId, record) => store.setSeal(caseId, record),
    flipPayloadByte: (row) => ({ ...row, payload: flipFirstString(row['payload']) }),
    replacePayload: (row, payload) => ({ ...row, payload }),
    rawText: async () => {
      const parts: unknown[] = [await store.listCases()];
      for (const id of store.streams) parts.push(await store.readJournal(id), (await store.readSeal(id)) ?? null);
      return canonicalJson(parts);
    },
  };
});
