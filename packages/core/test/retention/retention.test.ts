import { expect } from 'chai';
import { buildReport } from '@fallkit/core/reporting';
import {
  caseRetention,
  dueForDeletion,
  executeRetentionSweep,
  planRetentionSweep,
  readRetentionLog,
  retentionArchive,
  RETENTION_LOG_STREAM,
  TYPICAL_RETENTION_SCHEDULE,
  checkRetentionLogPayload,
  type RetentionSchedule,
} from '@fallkit/core/retention';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  sha256Hex,
  verifyJournal,
  type CaseState,
  type CaseStore,
} from '@fallkit/core';
import { foldCase } from '@fallkit/core/internal';
import { EXAMPLE_GUARDS } from '../rights/rights-fixtures.js';

/** The operator's table of the tests: three years after closure for case management. */
const THREE_YEARS: RetentionSchedule = {
  version: 'test-1',
  rules: [
    {
      id: 'caseManagement-3y',
      purpose: 'caseManagement',
      yearsAfterClosure: 3,
      basis: 'recordsSchedule',
      action: 'delete',
      reference: 'Test',
      verified: false,
    },
  ],
};

async function states(store: CaseStore): Promise<CaseState[]> {
  const out: CaseState[] = [];
  for (const row of await store.listCases()) {
    const state = foldCase(await store.readJournal(row.caseId));
    if (state) out.push(state);
  }
  return out;
}

describe('retention (DP-35, DP-36)', () => {
  it('DP-35: with caseManagement 3y, dueForDeletion lists a case 3 years after CaseClosed, not a day earlier', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const all = await states(store);
    const yildiz = all.find((s) => s.caseId === 'kim-2026-0007')!;
    expect(yildiz.closure?.closedOn).to.equal('2026-02-19');
    expect(dueForDeletion(all, '2029-02-18', THREE_YEARS).map((d) => d.caseId)).to.not.include('kim-2026-0007');
    const due = dueForDeletion(all, '2029-02-19', THREE_YEARS);
    expect(due.find((d) => d.caseId === 'kim-2026-0007')).to.deep.equal({
      caseId: 'kim-2026-0007',
      dueOn: '2029-02-19',
      ruleId: 'caseManagement-3y',
      action: 'delete',
    });
    // Open cases get no deadline yet.
    expect(due.every((d) => all.find((s) => s.caseId === d.caseId)?.status === 'closed')).to.equal(true);
  });

  it('DP-35: the shipped table is typical values only: every row unverified, SGB VIII under § 9b until age 100', () => {
    expect(TYPICAL_RETENTION_SCHEDULE.rules.every((rule) => rule.verified === false)).to.equal(true);
    const sgb8 = TYPICAL_RETENTION_SCHEDULE.rules.find((rule) => rule.legalDomain === 'SGB_VIII')!;
    expect(sgb8.basis).to.equal('statutoryDuty');
    expect(sgb8.untilAge).to.equal(100);
    expect(sgb8.reference).to.match(/ungeprüft/);
  });

  it('DP-35: a case gets one deadline per applicable row; the latest decides', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const bondarenko = (await states(store)).find((s) => s.caseId === 'jc-2026-0311')!;
    const retention = caseRetention(bondarenko, TYPICAL_RETENTION_SCHEDULE);
    expect(retention.deadlines.map((d) => d.ruleId).sort()).to.deep.equal(['benefits-10y-SGB_II', 'counselling-3y']);
    expect(retention.dueOn).to.equal('2036-05-04');
    expect(retention.statutoryDutyUntil).to.equal(null);
  });

  it('DP-36: plan, then a person confirms: personal data gone, RetentionExecuted with hash/date/rule only, last year’s report totals unchanged', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const clock = new FixedClock('2030-01-15T09:00:00.000Z');
    const ids = new SequentialIds();
    const before = buildReport(await states(store), { dimensions: ['openedYear', 'status'] });
    expect(before.ok).to.equal(true);

    const plan = await planRetentionSweep({ store, schedule: THREE_YEARS, clock, ids, date: '2030-01-15' });
    expect(plan.entries.map((e) => e.caseId)).to.deep.equal(['jc-2026-0311', 'kim-2026-0007', 'soz-2026-0042']);
    // Planning changes nothing.
    expect((await store.readJournal('kim-2026-0007')).length).to.be.greaterThan(0);

    const done = await executeRetentionSweep({
      store,
      schedule: THREE_YEARS,
      clock,
      ids,
      plan,
      confirmedBy: EXAMPLE_ACTORS.kimCaseManager,
    });
    expect(done.ok).to.equal(true);
    if (!done.ok) return;
    expect(done.value.executed).to.have.length(3);
    for (const caseId of ['jc-2026-0311', 'kim-2026-0007', 'soz-2026-0042']) {
      expect(await store.readJournal(caseId)).to.deep.equal([]);
      expect(await store.getCase(caseId)).to.equal(undefined);
    }
    const log = await readRetentionLog(store);
    expect(log).to.have.length(1);
    expect(log[0]!.type).to.equal('RetentionExecuted');
    const serialised = JSON.stringify(log);
    for (const leak of ['kim-2026-0007', 'Yıldız', 'Emre', 'Bondarenko', 'Wagner'])
      expect(serialised).to.not.include(leak);
    const entries = (log[0]!.payload as { entries: Record<string, unknown>[] }).entries;
    expect(entries.map((e) => Object.keys(e).sort())).to.deep.equal(
      Array(3).fill(['action', 'caseIdHash', 'date', 'ruleId']),
    );
    expect(entries.map((e) => e['caseIdHash'])).to.include(await sha256Hex('kim-2026-0007'));
    expect(
      (await verifyJournal(await store.readJournal(RETENTION_LOG_STREAM), { checkPayload: checkRetentionLogPayload }))
        .ok,
    ).to.equal(true);

    const after = buildReport(await states(store), {
      dimensions: ['openedYear', 'status'],
      archive: await retentionArchive(store),
    });
    expect(after).to.deep.equal(before);
  });

  it('DP-36: the sweep refuses the system actor, an altered plan and a changed table; nothing is deleted', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const clock = new FixedClock('2030-01-15T09:00:00.000Z');
    const ids = new SequentialIds();
    const plan = await planRetentionSweep({ store, schedule: THREE_YEARS, clock, ids, date: '2030-01-15' });
    const system = { id: 'scheduler', role: 'system', agencyId: 'kim-musterstadt' } as const;
    const bySystem = await executeRetentionSweep({
      store,
      schedule: THREE_YEARS,
      clock,
      ids,
      plan,
      confirmedBy: system,
    });
    expect(bySystem.ok).to.equal(false);
    if (!bySystem.ok) expect(bySystem.errors[0]!.code).to.equal('DENY_AUTOMATED_DECISION');
    const altered = {
      ...plan,
      entries: [
        ...plan.entries,
        { caseId: 'kim-2026-0001', dueOn: '2020-01-01', ruleId: 'x', action: 'delete' as const },
      ],
    };
    const byAltered = await executeRetentionSweep({
      store,
      schedule: THREE_YEARS,
      clock,
      ids,
      plan: altered,
      confirmedBy: EXAMPLE_ACTORS.kimCaseManager,
    });
    expect(byAltered.ok).to.equal(false);
    if (!byAltered.ok) expect(byAltered.errors[0]!.code).to.equal('RETENTION_PLAN_ALTERED');
    const changed = await executeRetentionSweep({
      store,
      schedule: { ...THREE_YEARS, version: 'test-2' },
      clock,
      ids,
      plan,
      confirmedBy: EXAMPLE_ACTORS.kimCaseManager,
    });
    expect(changed.ok).to.equal(false);
    if (!changed.ok) expect(changed.errors[0]!.code).to.equal('RETENTION_SCHEDULE_CHANGED');
    expect((await store.readJournal('kim-2026-0007')).length).to.be.greaterThan(0);
    expect((await store.readJournal('kim-2026-0001')).length).to.be.greaterThan(0);
    expect(await store.readJournal(RETENTION_LOG_STREAM)).to.deep.equal([]);
  });

  it('DP-36: anonymisation keeps envelopes and hashes, erases every payload, and the chain still verifies', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const schedule: RetentionSchedule = { ...THREE_YEARS, rules: [{ ...THREE_YEARS.rules[0]!, action: 'anonymise' }] };
    const clock = new FixedClock('2030-01-15T09:00:00.000Z');
    const ids = new SequentialIds();
    const plan = await planRetentionSweep({ store, schedule, clock, ids, date: '2030-01-15' });
    const done = await executeRetentionSweep({
      store,
      schedule,
      clock,
      ids,
      plan,
      confirmedBy: EXAMPLE_ACTORS.kimCaseManager,
    });
    expect(done.ok).to.equal(true);
    const journal = await store.readJournal('kim-2026-0007');
    expect(journal.length).to.be.greaterThan(0);
    // DP-44: the sweep's decision stays as the last event; every event before it is erased under it.
    const decision = journal.at(-1)!;
    expect(decision.type).to.equal('RetentionApplied');
    expect(journal.slice(0, -1).every((event) => (event.payload as { erased?: boolean }).erased === true)).to.equal(
      true,
    );
    expect(JSON.stringify(journal)).to.not.include('Yıldız');
    expect((await verifyJournal(journal)).ok).to.equal(true);
    expect((await store.getCase('kim-2026-0007'))?.status).to.equal('anonymised');
  });
});
