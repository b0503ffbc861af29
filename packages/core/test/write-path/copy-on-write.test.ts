import { expect } from 'chai';
import { CASE_EVENT_TYPES, DEFAULT_GUARDS, MemoryCaseStore, type JournalEvent } from '@fallkit/core';
import { applyEvents, canonicalJson, foldCase, processGuard } from '@fallkit/core/internal';
import { PROFILE_EXAMPLE_CASES, EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import { OPEN, serviceOver } from './write-fixtures.js';

/** Applies a journal event by event; returns the types seen. Fails if any earlier state changed. */
function replayChecked(caseId: string, journal: readonly JournalEvent[]): Set<string> {
  const seen = new Set<string>();
  let current = applyEvents(undefined, journal.slice(0, 1));
  const history: { state: unknown; bytes: string }[] = [];
  for (const event of journal.slice(1)) {
    seen.add(event.type);
    history.push({ state: current, bytes: canonicalJson(current) });
    current = applyEvents(current, [event]);
  }
  // Every earlier state is exactly what it was when it was made.
  for (const [i, past] of history.entries())
    expect(canonicalJson(past.state), `${caseId} before event ${i + 2}`).to.equal(past.bytes);
  expect(canonicalJson(current)).to.equal(canonicalJson(foldCase(journal)));
  return seen;
}

/** A case with the events the examples do not have: measures reordered, assignments and legal domains ended. */
async function otherEvents(): Promise<readonly JournalEvent[]> {
  const store = new MemoryCaseStore();
  const service = serviceOver(store, { guards: DEFAULT_GUARDS.filter((guard) => guard !== processGuard) });
  const measure = (title: string) => ({
    type: 'addMeasure',
    caseId: 'c-1',
    input: { title, by: { kind: 'formalProvider', name: 'Träger' }, goalIds: [] },
  });
  const results = [
    await service.execute(OPEN),
    await service.execute(measure('Erste')),
    await service.execute(measure('Zweite')),
  ];
  const loaded = await service.loadCase('c-1');
  const measureIds = loaded.ok ? loaded.value.state.measures.map((m) => m.id) : [];
  results.push(
    await service.execute({ type: 'reorderMeasures', caseId: 'c-1', input: { measureIds: [...measureIds].reverse() } }),
    await service.execute({ type: 'addLegalDomain', caseId: 'c-1', input: { domain: 'SGB_XII', from: '2026-02-01' } }),
    await service.execute({ type: 'endLegalDomain', caseId: 'c-1', input: { domain: 'SGB_XII', to: '2026-02-20' } }),
    await service.execute({
      type: 'assignCaseManager',
      caseId: 'c-1',
      input: { userId: 'u-deputy', agencyId: 'kim-musterstadt', role: 'deputy', from: '2026-02-01' },
    }),
    await service.execute({
      type: 'endCaseManagerAssignment',
      caseId: 'c-1',
      input: { userId: 'u-deputy', to: '2026-02-20' },
    }),
  );
  for (const result of results) expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
  return store.readJournal('c-1');
}

describe('applyEvents copies on write', () => {
  it('over every example case and every case event type, event by event: the state before an event never changes, and the result equals the fold', async function () {
    // Runs every example through the service (each command also verifies its tail, DP-44): seconds, not milliseconds.
    this.timeout(30_000);
    const store = new MemoryCaseStore();
    // The legal profiles' examples too: they bring the events only a profile has (PlanRecorded).
    const { results } = await runExampleCases({ store, cases: [...EXAMPLE_CASES, ...PROFILE_EXAMPLE_CASES] });
    const seenTypes = new Set<string>();
    for (const { state } of results)
      for (const type of replayChecked(state.caseId, await store.readJournal(state.caseId))) seenTypes.add(type);
    for (const type of replayChecked('c-1', await otherEvents())) seenTypes.add(type);
    // Every case event type with a reducer was applied at least once.
    const unseen = CASE_EVENT_TYPES.filter((type) => type !== 'CaseOpened' && !seenTypes.has(type));
    expect(unseen, 'case event types not exercised').to.deep.equal([]);
  });
});
