import { expect } from 'chai';
import { MemoryCaseStore, type JournalEvent, domainInvariantGuard } from '@fallkit/core';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import { given } from '@fallkit/core/testing';
import { TEST_NOW } from '../core-fixtures.js';

const R = 'kim-2026-0001'; // Rahimi: in monitoring
const lead = EXAMPLE_ACTORS.jobcenterCaseManager; // the case manager of the lead agency

let journal: readonly JournalEvent[];
before(async () => {
  const { store } = await runExampleCases({ store: new MemoryCaseStore() });
  journal = await store.readJournal(R);
});

describe('given/when/then (the core scenario helper)', () => {
  it('a contact in monitoring appends ContactRecorded with the mode and note given', async () => {
    const { appended } = await given(journal, { actor: lead, now: TEST_NOW })
      .when({ type: 'recordContact', caseId: R, input: { on: '2026-06-30', mode: 'phone', note: 'Telefonat' } })
      .then([{ type: 'ContactRecorded', payload: { mode: 'phone', note: 'Telefonat' } }]);
    expect(appended).to.have.length(1);
    expect(appended[0]!.seq).to.equal(journal.length + 1);
  });

  it('an unknown kind of contact is refused with INVALID_INPUT (rule SCHEMA) and the journal stays as it was', async () => {
    await given(journal, { actor: lead, now: TEST_NOW })
      .when({ type: 'recordContact', caseId: R, input: { mode: 'telepathy', note: 'x' } })
      .then({ refused: 'INVALID_INPUT', rule: 'SCHEMA' });
  });

  it('history given as commands goes through the service first', async () => {
    const contact = {
      type: 'recordContact',
      caseId: R,
      input: { on: '2026-06-29', mode: 'inPerson', note: 'Gespräch' },
    };
    const { appended } = await given([...journal, contact], { actor: lead, now: TEST_NOW })
      .when({ type: 'recordContact', caseId: R, input: { on: '2026-06-30', mode: 'phone', note: 'Rückruf' } })
      .then([{ type: 'ContactRecorded', payload: { note: 'Rückruf' } }]);
    expect(appended[0]!.seq).to.equal(journal.length + 2);
  });

  it('a measure for an unknown goal is refused (DOMAIN invariant)', async () => {
    await given(journal, { actor: lead, now: TEST_NOW, guards: [domainInvariantGuard] })
      .when({
        type: 'addMeasure',
        caseId: R,
        input: { title: 'Fahrschule', goalIds: ['ghost-1'], by: { kind: 'formalProvider', name: 'Fahrschule' } },
      })
      .then({ refused: 'UNKNOWN_GOAL', rule: 'DOMAIN' });
  });

  it('then() fails with what differed: wrong event type, wrong payload, a refusal where events were expected', async () => {
    const scenario = given(journal, { actor: lead, now: TEST_NOW }).when({
      type: 'recordContact',
      caseId: R,
      input: { on: '2026-06-30', mode: 'phone', note: 'Telefonat' },
    });
    const failure = async (expected: Parameters<typeof scenario.then>[0]) =>
      scenario.then(expected).then(
        () => '',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    expect(await failure([{ type: 'NoteRecorded' }])).to.contain('appended [ContactRecorded], expected [NoteRecorded]');
    expect(await failure([{ type: 'ContactRecorded', payload: { mode: 'inPerson' } }])).to.contain(
      'ContactRecorded.mode is "phone"',
    );
    expect(await failure({ refused: 'INVALID_INPUT' })).to.contain('expected to be refused with INVALID_INPUT');
  });
});
