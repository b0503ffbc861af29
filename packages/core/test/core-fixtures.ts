import {
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type CaseService,
  type CaseStore,
  type CommandGuard,
} from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';

/** The instant the tests act at: after every example script's last step. */
export const TEST_NOW = '2026-07-01T12:00:00.000Z';

/** A store seeded with all example cases, and a service on it acting as the KIM case manager. */
export async function seededService(options: { guards?: readonly CommandGuard[] } = {}): Promise<{
  store: CaseStore;
  service: CaseService;
  clock: FixedClock;
}> {
  const { store } = await runExampleCases({ store: new MemoryCaseStore() });
  const clock = new FixedClock(TEST_NOW);
  const service = createCaseService({
    store,
    clock,
    ids: new SequentialIds(),
    actor: EXAMPLE_ACTORS.kimCaseManager,
    ...(options.guards ? { guards: options.guards } : {}),
  });
  return { store, service, clock };
}

/** The bytes of everything a store holds for the given cases: journals and index rows. */
export async function snapshot(store: CaseStore, caseIds: readonly string[]): Promise<string> {
  const parts: unknown[] = [];
  for (const caseId of caseIds) parts.push(await store.readJournal(caseId), (await store.getCase(caseId)) ?? null);
  parts.push(await store.listCases());
  return canonicalJson(parts);
}
