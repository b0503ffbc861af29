import { expect } from 'chai';
import {
  buildWorklist,
  createCaseService,
  DEFAULT_GUARDS,
  FixedClock,
  localDate,
  MemoryCaseStore,
  SequentialIds,
  text,
  type CaseState,
  type CommandGuard,
  domainInvariantGuard,
} from '@fallkit/core';
import { foldCase, processGuard, type CommandAccess } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';

const open = {
  type: 'openCase',
  input: {
    addressee: { roles: ['addressee'], givenName: 'Maria', familyName: 'Muster' },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt', legalDomain: 'SGB_XII' },
    legalDomains: [{ domain: 'SGB_XII' }],
  },
} as const;

/** Who may issue the test's own commands: the assigned case worker (DP-40). */
const HOST_COMMAND_ACCESS: CommandAccess = {
  rule: 'DP-40',
  summary: { de: 'Zuständige Fachkraft', en: 'Assigned worker' },
  clauses: [{ roles: ['caseManager'], relation: 'assigned' }],
};

function make(guards?: readonly CommandGuard[]) {
  const store = new MemoryCaseStore();
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const service = createCaseService({
    store,
    clock,
    ids: new SequentialIds(),
    // Opens cases for its own agency (DP-40: a case is opened for the opener's agency as lead).
    actor: EXAMPLE_ACTORS.kimCaseManager,
    standard: { id: 'kim-nrw', version: '2026-1' },
    ...(guards ? { guards } : {}),
  });
  return { store, clock, service };
}

describe('case service', () => {
  it('openCase makes a case id, records the standard in force, the actor as case manager and writes the index row', async () => {
    const { store, service } = make();
    const result = await service.execute(open);
    if (!result.ok) throw new Error(result.errors[0]?.message.en);
    const { caseId, state, events } = result.value;
    expect(caseId).to.equal('case-1');
    expect(events.map((e) => [e.type, e.seq, e.actor.id])).to.deep.equal([['CaseOpened', 1, 'u-kim-krueger']]);
    expect(state.processStandard).to.deep.equal({ id: 'kim-nrw', version: '2026-1' });
    expect(state.caseManagers[0]).to.deep.include({ userId: 'u-kim-krueger', role: 'primary', from: '2026-03-01' });
    expect(state.persons[0]).to.deep.include({
      id: 'person-1',
      recordedBy: 'u-kim-krueger',
      recordedAt: '2026-03-01T10:00:00.000Z',
      origin: 'client',
    });
    expect(await store.getCase(caseId)).to.deep.include({
      caseId,
      lastSeq: 1,
      status: 'open',
      stage: 'referral',
      leadAgencyId: 'kim-musterstadt',
      caseManagerIds: ['u-kim-krueger'],
      legalDomains: ['SGB_XII'],
      nextDueDate: null,
    });
  });

  it('fills item defaults: subject = addressee, categories by kind, recordedBy/At from the ports', async () => {
    // An assessment straight after opening skips the cycle's stages; the process rules have their own tests.
    const { service } = make(DEFAULT_GUARDS.filter((guard) => guard !== processGuard));
    const opened = await service.execute(open);
    if (!opened.ok) throw new Error('open failed');
    const result = await service.execute({
      type: 'recordAssessment',
      caseId: 'case-1',
      input: {
        domains: [
          { domainId: 'health', resources: '', problems: 'Diabetes', personView: '', caseManagerView: '' },
          { domainId: 'financesDebts', resources: '', problems: 'Mietschulden', personView: '', caseManagerView: '' },
        ],
        wishesAndDreams: '',
      },
    });
    if (!result.ok) throw new Error(result.errors[0]?.message.en);
    const assessment = result.value.state.assessments[0]!;
    expect(assessment.subjectIds).to.deep.equal(['person-1']);
    expect(assessment.categories).to.have.members(['notes', 'health', 'income', 'debts']);
    expect(assessment.domains.map((d) => d.categories)).to.deep.equal([['health'], ['income', 'debts']]);
    expect(assessment.version).to.equal(1);
  });

  it('the index row carries the earliest open follow-up as nextDueDate and lists filter on it', async () => {
    const { service } = make();
    await service.execute(open);
    await service.execute({ type: 'scheduleFollowUp', caseId: 'case-1', input: { dueOn: '2026-04-01', subject: 'A' } });
    await service.execute({ type: 'scheduleFollowUp', caseId: 'case-1', input: { dueOn: '2026-03-15', subject: 'B' } });
    expect((await service.listCases())[0]?.nextDueDate).to.equal('2026-03-15');
    await service.execute({ type: 'completeFollowUp', caseId: 'case-1', input: { followUpId: 'follow-up-2' } });
    expect((await service.listCases())[0]?.nextDueDate).to.equal('2026-04-01');
    expect(await service.listCases({ dueOnOrBefore: '2026-03-31' })).to.have.length(0);
  });

  it('loadCase returns state and events; unknown cases are refused with CASE_NOT_FOUND', async () => {
    const { service } = make();
    await service.execute(open);
    const loaded = await service.loadCase('case-1', { verify: true });
    expect(loaded.ok && loaded.value.events.length).to.equal(1);
    const missing = await service.loadCase('nope');
    expect(missing.ok).to.equal(false);
    if (!missing.ok) expect(missing.errors[0]?.code).to.equal('CASE_NOT_FOUND');
  });

  it('loadCase with verify refuses a tampered journal with the journal problem code', async () => {
    const { store, service } = make();
    await service.execute(open);
    const journal = await store.readJournal('case-1');
    const forged = new MemoryCaseStore();
    const tampered = journal.map((e) => ({ ...e, payload: { ...(e.payload as object), label: 'changed' } }));
    await forged.append({ caseId: 'case-1', expectedSeq: 0, events: tampered });
    const loaded = await createCaseService({
      store: forged,
      clock: new FixedClock('2026-03-01'),
      ids: new SequentialIds(),
      actor: EXAMPLE_ACTORS.kimCaseManager,
    }).loadCase('case-1', { verify: true });
    expect(loaded.ok).to.equal(false);
    if (!loaded.ok) expect(loaded.errors[0]).to.deep.include({ code: 'JOURNAL_PAYLOAD_HASH_MISMATCH', rule: 'DP-38' });
  });

  it('observeCase emits the folded state on subscribe and after each command', async () => {
    const { service } = make();
    await service.execute(open);
    const seen: (CaseState | undefined)[] = [];
    const subscription = service.observeCase('case-1').subscribe((state) => seen.push(state));
    // Every emission is verified first (DP-44), which takes a few hashes: wait for it, not for one tick.
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i += 1)
        await new Promise((resolve) => setTimeout(() => resolve(undefined), 5));
    };
    await until(() => seen.length >= 1);
    await service.execute({ type: 'recordNote', caseId: 'case-1', input: { text: 'Telefonat mit der Tochter' } });
    await until(() => seen.at(-1)?.notes.length === 1);
    subscription.unsubscribe();
    expect(seen.length).to.be.at.least(2);
    expect(seen[0]?.notes).to.have.length(0);
    expect(seen.at(-1)?.notes[0]?.text).to.equal('Telefonat mit der Tochter');
  });

  it('guards run in order, the first refusing guard stops the pipeline, and nothing is written', async () => {
    const calls: string[] = [];
    const refuse: CommandGuard = ({ command }) => {
      calls.push(`refuse:${command.type}`);
      return command.type === 'recordNote'
        ? [{ code: 'TEST_RULE', rule: 'P-TEST', message: text('Nein.', 'No.') }]
        : [];
    };
    const never: CommandGuard = () => {
      calls.push('never');
      return [];
    };
    const { store, service } = make([domainInvariantGuard, refuse, never]);
    await service.execute(open);
    const result = await service.execute({ type: 'recordNote', caseId: 'case-1', input: { text: 'x' } });
    expect(result.ok).to.equal(false);
    if (!result.ok)
      expect(result.errors).to.deep.equal([{ code: 'TEST_RULE', rule: 'P-TEST', message: { de: 'Nein.', en: 'No.' } }]);
    expect(calls).to.deep.equal(['refuse:openCase', 'never', 'refuse:recordNote']);
    expect(await store.readJournal('case-1')).to.have.length(1);
  });

  it('guards see the parsed input, the state before the command, the actor and the clock; they can add notices', async () => {
    let seen: unknown;
    const notice: CommandGuard = ({ command, state, actor, now, addNotice }) => {
      seen = { type: command.type, input: command.input, notes: state?.notes.length, actor: actor.id, now };
      if (command.type === 'recordNote')
        addNotice({ code: 'DP-03', message: text('Gesundheitsdaten?', 'Health data?') });
      return [];
    };
    const { service } = make([...DEFAULT_GUARDS, notice]);
    await service.execute(open);
    const result = await service.execute({
      type: 'recordNote',
      caseId: 'case-1',
      input: { text: '  Arzttermin  ' },
    });
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.notices?.map((n) => n.code)).to.deep.equal(['DP-03']);
    expect(seen).to.deep.equal({
      type: 'recordNote',
      input: { text: 'Arzttermin' },
      notes: 0,
      actor: 'u-kim-krueger',
      now: '2026-03-01T10:00:00.000Z',
    });
  });

  it('DP-43: a command-level reason goes into the erasable note, never into the hashed envelope', async () => {
    const { service } = make();
    await service.execute(open);
    const result = await service.execute({
      type: 'addLegalDomain',
      caseId: 'case-1',
      reason: 'Pflegegrad 2 festgestellt',
      input: { domain: 'SGB_XI' },
    });
    if (!result.ok) throw new Error('refused');
    expect(result.value.events[0]?.reason).to.equal(undefined);
    expect(result.value.events[0]?.note?.reason).to.equal('Pflegegrad 2 festgestellt');
    expect(result.value.state.legalDomains.map((d) => d.domain)).to.deep.equal(['SGB_XII', 'SGB_XI']);
  });

  it('extra command definitions plug into the same pipeline', async () => {
    const store = new MemoryCaseStore();
    const { schemaless } = { schemaless: { safeParse: (v: unknown) => ({ success: true as const, data: v }) } };
    const service = createCaseService({
      store,
      clock: new FixedClock('2026-03-01T10:00:00.000Z'),
      ids: new SequentialIds(),
      actor: EXAMPLE_ACTORS.kimCaseManager,
      commands: {
        pingCase: {
          type: 'pingCase',
          input: schemaless as never,
          // A host's own command declares who may issue it (DP-40); undeclared commands are refused.
          access: HOST_COMMAND_ACCESS,
          handle: (context) => [
            {
              type: 'NoteRecorded',
              schemaVersion: 1,
              payload: {
                id: 'n',
                on: context.today,
                text: 'ping',
                subjectIds: [],
                categories: ['notes'],
                origin: 'caseManager',
                recordedBy: context.actor.id,
                recordedAt: context.now,
              },
            },
          ],
        },
      },
    });
    await service.execute(open);
    const result = await service.execute({ type: 'pingCase', caseId: 'case-1', input: {} });
    expect(result.ok && result.value.state.notes[0]?.text).to.equal('ping');
  });

  it('a handler that decides an invalid payload is refused with EVENT_SCHEMA_VIOLATION and writes nothing', async () => {
    const store = new MemoryCaseStore();
    const service = createCaseService({
      store,
      clock: new FixedClock('2026-03-01T10:00:00.000Z'),
      ids: new SequentialIds(),
      actor: EXAMPLE_ACTORS.kimCaseManager,
      commands: {
        broken: {
          type: 'broken',
          access: HOST_COMMAND_ACCESS,
          input: { safeParse: (v: unknown) => ({ success: true, data: v }) } as never,
          handle: () => [{ type: 'NoteRecorded', schemaVersion: 1, payload: { text: 1 } }],
        },
      },
    });
    await service.execute(open);
    const result = await service.execute({ type: 'broken', caseId: 'case-1', input: {} });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0]?.code).to.equal('EVENT_SCHEMA_VIOLATION');
    expect(await store.readJournal('case-1')).to.have.length(1);
  });

  it('the example runner seeds all cases into one store with listable index rows', async () => {
    const { store } = await runExampleCases();
    const rows = await store.listCases();
    expect(rows).to.have.length(7);
    expect((await store.listCases({ status: 'closed' })).map((r) => r.caseId).sort()).to.deep.equal([
      'jc-2026-0311',
      'kim-2026-0007',
      'soz-2026-0042',
    ]);
    expect((await store.listCases({ caseManagerId: 'u-jc-demir' })).map((r) => r.caseId).sort()).to.deep.equal([
      'jc-2026-0311',
      'jc-2026-0522',
      'kim-2026-0001',
    ]);
    expect((await store.listCases({ legalDomain: 'SGB_VIII' })).map((r) => r.caseId)).to.deep.equal(['jc-2026-0522']);
  });

  it("the list's next deadline is the worklist's earliest item of the case, overdue ones included (one figure)", async () => {
    const { store } = await runExampleCases();
    for (const row of await store.listCases()) {
      const state = foldCase(await store.readJournal(row.caseId))!;
      const day = row.updatedAt.slice(0, 10);
      const items = buildWorklist([state], day, undefined, { horizonDays: 36_500 }).filter(
        (item) => item.kind !== 'reassessmentTrigger' && item.kind !== 'closureReadiness',
      );
      const earliest = items.map((item) => item.dueOn).sort()[0] ?? null;
      expect(row.nextDueDate, row.caseId).to.equal(earliest);
    }
    // The case of issue 21: the list said 15.06.2026 (the follow-up) while the worklist had the measure
    // start of 16.02.2026 overdue.
    const measureOverdue = (await store.listCases()).find((row) => row.caseId === 'kim-2026-0019')!;
    expect(measureOverdue.nextDueDate).to.equal('2026-02-16');
  });
});

describe('local date', () => {
  it('"today" is the date in the organisation\'s time zone, not the UTC date', async () => {
    expect(localDate('2026-02-28T23:30:00.000Z')).to.equal('2026-03-01');
    expect(localDate('2026-07-31T22:30:00.000Z')).to.equal('2026-08-01');
    expect(localDate('2026-02-28T23:30:00.000Z', 'UTC')).to.equal('2026-02-28');
    const store = new MemoryCaseStore();
    const service = createCaseService({
      store,
      clock: new FixedClock('2026-02-28T23:30:00.000Z'),
      ids: new SequentialIds(),
      actor: EXAMPLE_ACTORS.kimCaseManager,
    });
    const opened = await service.execute(open);
    expect(opened.ok && opened.value.state.openedOn).to.equal('2026-03-01');
    const late = await service.execute({
      type: 'recordContact',
      caseId: 'case-1',
      input: { mode: 'phone', on: '2026-03-01', note: 'Krisenanruf' },
    });
    expect(late.ok).to.equal(true);
    const future = await service.execute({
      type: 'recordContact',
      caseId: 'case-1',
      input: { mode: 'phone', on: '2026-03-02', note: '' },
    });
    expect(!future.ok && future.errors[0]?.code).to.equal('DATE_IN_FUTURE');
  });
});
