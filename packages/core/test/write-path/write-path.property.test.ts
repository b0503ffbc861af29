import { expect } from 'chai';
import fc from 'fast-check';
import { MemoryCaseStore, type AnyCommand, type CaseService, type CaseStore } from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { OPEN, serviceOver, storedBytes } from './write-fixtures.js';

const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß .,-]{0,20}$/);
/** Dates up to the day before the tests' "now" (2026-03-01). */
const pastDate = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 1, 28) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const futureDate = fc
  .integer({ min: Date.UTC(2026, 2, 2), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

/** Commands valid for case `c-1` whatever was recorded before them. */
const validCommand: fc.Arbitrary<AnyCommand> = fc.oneof(
  word.map((text) => ({ type: 'recordNote', caseId: 'c-1', input: { text } })),
  fc.record({ given: word, family: word }).map(({ given, family }) => ({
    type: 'addPerson',
    caseId: 'c-1',
    input: { roles: ['relative'], givenName: given, familyName: family },
  })),
  fc.record({ on: pastDate, mode: fc.constantFrom('inPerson', 'phone', 'video'), note: word }).map((input) => ({
    type: 'recordContact',
    caseId: 'c-1',
    input,
  })),
  fc.record({ dueOn: futureDate, subject: word }).map((input) => ({ type: 'scheduleFollowUp', caseId: 'c-1', input })),
);

/** Commands every case refuses, at different layers: schema, catalog, domain invariant, reference. */
const badCommand: fc.Arbitrary<AnyCommand> = fc.oneof(
  fc.constant({ type: 'recordNote', caseId: 'c-1', input: { text: '' } }),
  fc.constant({ type: 'noSuchCommand', caseId: 'c-1', input: {} }),
  fc.record({ on: futureDate, note: word }).map(({ on, note }) => ({
    type: 'recordContact',
    caseId: 'c-1',
    input: { on, mode: 'phone', note },
  })),
  word.map((text) => ({ type: 'recordNote', caseId: 'c-1', input: { text, subjectIds: ['person-unknown'] } })),
);

async function opened(): Promise<{ store: CaseStore; service: CaseService }> {
  const store = new MemoryCaseStore();
  const service = serviceOver(store);
  const result = await service.execute(OPEN);
  if (!result.ok) throw new Error('openCase refused');
  return { store, service };
}

describe('write path properties (fast-check)', function () {
  // Many folds (or runs) in one test: generous on a shared, loaded machine.
  this.timeout(60_000);
  it('a batch with one bad command anywhere is refused whole, names that command, and the store stays byte-identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validCommand, { maxLength: 6 }), badCommand, fc.nat(), async (valid, bad, position) => {
        const { store, service } = await opened();
        const index = position % (valid.length + 1);
        const commands = [...valid.slice(0, index), bad, ...valid.slice(index)];
        const before = await storedBytes(store);
        const result = await service.executeBatch({ caseId: 'c-1', expectedSeq: 1, commands });
        expect(result.ok).to.equal(false);
        if (!result.ok) expect(result.errors[0]?.path?.slice(0, 2)).to.deep.equal(['commands', index]);
        expect(await storedBytes(store)).to.equal(before);
      }),
      { numRuns: 60 },
    );
  });

  it('a valid batch stores exactly what the same commands executed one by one store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validCommand, { minLength: 1, maxLength: 6 }), async (commands) => {
        const batched = await opened();
        const single = await opened();
        const result = await batched.service.executeBatch({ caseId: 'c-1', commands });
        expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
        let last;
        for (const command of commands) {
          last = await single.service.execute(command);
          expect(last.ok).to.equal(true);
        }
        expect(await storedBytes(batched.store)).to.equal(await storedBytes(single.store));
        if (result.ok && last?.ok) expect(canonicalJson(result.value.state)).to.equal(canonicalJson(last.value.state));
      }),
      { numRuns: 60 },
    );
  });

  it('a command or batch sent twice with the same commandId writes once and returns the same outcome, also after a reload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(validCommand, { minLength: 1, maxLength: 4 }),
        fc.array(validCommand, { maxLength: 3 }),
        fc.boolean(),
        fc.uuid(),
        async (commands, later, alone, uuid) => {
          const { store, service } = await opened();
          const commandId = `command-${uuid}`;
          const send = (to: CaseService) =>
            alone
              ? to.execute({ ...commands[0]!, commandId })
              : to.executeBatch({ caseId: 'c-1', expectedSeq: 1, commandId, commands });
          const first = await send(service);
          expect(first.ok, JSON.stringify(!first.ok && first.errors)).to.equal(true);
          for (const command of later) expect((await service.execute(command)).ok).to.equal(true);
          const bytes = await storedBytes(store);
          const again = await send(service);
          const reloaded = await send(serviceOver(store, { prefix: 'reload' }));
          for (const repeat of [again, reloaded]) {
            expect(repeat.ok, JSON.stringify(!repeat.ok && repeat.errors)).to.equal(true);
            if (first.ok && repeat.ok) {
              expect(repeat.value.replayed).to.equal(true);
              expect(canonicalJson(repeat.value.events)).to.equal(canonicalJson(first.value.events));
              expect(canonicalJson(repeat.value.state)).to.equal(canonicalJson(first.value.state));
            }
          }
          expect(await storedBytes(store)).to.equal(bytes);
          const withId = (await store.readJournal('c-1')).filter((e) => e.commandId === commandId);
          expect(withId).to.have.length(first.ok ? first.value.events.length : -1);
        },
      ),
      { numRuns: 40 },
    );
  });
});
