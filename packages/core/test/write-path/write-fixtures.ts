import {
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type CaseService,
  type CaseServiceOptions,
  type CaseStore,
} from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';

/** The instant every write-path test acts at. */
export const NOW = '2026-03-01T10:00:00.000Z';

/** `openCase` of a minimal case `c-1`. */
export const OPEN = {
  type: 'openCase',
  input: {
    caseId: 'c-1',
    addressee: { roles: ['addressee'], givenName: 'Maria', familyName: 'Muster' },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt' },
  },
} as const;

/** A service as the KIM case manager over `store`, with counting ids (`prefix` keeps two services' ids apart). */
export function serviceOver(
  store: CaseStore,
  options: Partial<CaseServiceOptions> & { prefix?: string } = {},
): CaseService {
  const counting = new SequentialIds();
  const ids =
    options.prefix === undefined ? counting : { next: (p: string) => `${options.prefix}-${counting.next(p)}` };
  return createCaseService({
    store,
    clock: new FixedClock(NOW),
    ids,
    actor: EXAMPLE_ACTORS.kimCaseManager,
    ...options,
  });
}

/** A memory store holding case `c-1`, opened, and a service on it. */
export async function openedCase(): Promise<{ store: MemoryCaseStore; service: CaseService }> {
  const store = new MemoryCaseStore();
  const service = serviceOver(store);
  const opened = await service.execute(OPEN);
  if (!opened.ok) throw new Error(`openCase refused: ${JSON.stringify(opened.errors)}`);
  return { store, service };
}

/** Everything a store holds for `caseIds`, as bytes: journals, index rows, the case list. */
export async function storedBytes(store: CaseStore, caseIds: readonly string[] = ['c-1']): Promise<string> {
  const parts: unknown[] = [];
  for (const caseId of caseIds) parts.push(await store.readJournal(caseId), (await store.getCase(caseId)) ?? null);
  parts.push(await store.listCases());
  return canonicalJson(parts);
}

/** A note command for `c-1`. */
export function note(text: string): { type: 'recordNote'; caseId: string; input: { text: string } } {
  return { type: 'recordNote', caseId: 'c-1', input: { text } };
}

/** `inner` with some methods replaced; the others are bound to `inner` (its private fields stay reachable). */
export function wrapStore(inner: CaseStore, overrides: Partial<CaseStore>): CaseStore {
  const bound = {
    append: inner.append.bind(inner),
    readJournal: inner.readJournal.bind(inner),
    findCommand: inner.findCommand.bind(inner),
    ...(inner.readSeal === undefined ? {} : { readSeal: inner.readSeal.bind(inner) }),
    listCases: inner.listCases.bind(inner),
    getCase: inner.getCase.bind(inner),
    observeJournal: inner.observeJournal.bind(inner),
    observeCases: inner.observeCases.bind(inner),
    erasePayloads: inner.erasePayloads.bind(inner),
    putIndex: inner.putIndex.bind(inner),
    deleteStream: inner.deleteStream.bind(inner),
  } satisfies CaseStore;
  return { ...bound, ...(inner.journalSeal === undefined ? {} : { journalSeal: inner.journalSeal }), ...overrides };
}
