import { expect } from 'chai';
import fc from 'fast-check';
import { buildReport, pseudonymisedView, type Report } from '@fallkit/core/reporting';
import { MemoryCaseStore, type CaseState } from '@fallkit/core';
import { foldCase, initialCaseState } from '@fallkit/core/internal';
import { reportSourceOf } from '@fallkit/core/rights';
import { runExampleCases } from '@fallkit/core/examples';
import { EXAMPLE_GUARDS } from '../rights/rights-fixtures.js';
import { recomputableCells, type PublishedTable } from './disclosure-checker.js';

/** A synthetic closed or open case; only the attributes reports read are filled. */
function syntheticCase(
  n: number,
  options: {
    agency: string;
    domain: 'SGB_II' | 'SGB_XII' | 'SGB_VIII';
    closed?: string;
    reason?: 'goalsReached' | 'contactLost';
    stage?: CaseState['stage'];
  },
): CaseState {
  const state = initialCaseState(
    {
      caseId: `case-${n}`,
      label: `C-${n}`,
      openedOn: '2025-03-01',
      processStandard: { id: 'std', version: '1' },
      addressee: {
        id: `p-${n}`,
        roles: ['addressee'],
        givenName: 'Anna',
        familyName: `Muster${n}`,
        birthDate: '1980-05-05',
        subjectIds: [`p-${n}`],
        categories: ['identity'],
        origin: 'client',
        recordedBy: 'u',
        recordedAt: '2025-03-01T00:00:00.000Z',
      },
      leadAgency: { agencyId: options.agency, name: options.agency, legalDomain: options.domain, from: '2025-03-01' },
      caseManager: { userId: 'u', agencyId: options.agency, role: 'primary', from: '2025-03-01' },
      legalDomains: [],
    },
    { seq: 1, at: '2025-03-01T00:00:00.000Z' },
  );
  if (options.stage) state.stage = options.stage;
  if (options.closed) {
    state.status = 'closed';
    state.stage = 'closed';
    state.closure = {
      id: `cl-${n}`,
      closedOn: options.closed,
      reason: options.reason ?? 'goalsReached',
      readinessSigns: [],
      goalAttainment: [],
      subjectIds: [`p-${n}`],
      categories: ['goals'],
      origin: 'caseManager',
      recordedBy: 'u',
      recordedAt: `${options.closed}T00:00:00.000Z`,
    };
  }
  return state;
}

function population(): CaseState[] {
  const cases: CaseState[] = [];
  let n = 0;
  const add = (count: number, options: Parameters<typeof syntheticCase>[1]): void => {
    for (let i = 0; i < count; i += 1) cases.push(syntheticCase((n += 1), options));
  };
  add(12, { agency: 'jobcenter', domain: 'SGB_II', stage: 'monitoring' });
  add(3, { agency: 'jobcenter', domain: 'SGB_II', closed: '2025-11-01', reason: 'contactLost' });
  add(9, { agency: 'kim', domain: 'SGB_II', stage: 'assessment' });
  add(7, { agency: 'kim', domain: 'SGB_XII', closed: '2025-10-01' });
  add(2, { agency: 'jugendamt', domain: 'SGB_VIII', stage: 'linking' });
  add(8, { agency: 'jugendamt', domain: 'SGB_VIII', closed: '2025-12-01' });
  return cases;
}

function okReport(result: ReturnType<typeof buildReport>): Report {
  if (!result.ok) throw new Error(result.errors.map((e) => e.code).join());
  return result.value;
}

describe('reporting: aggregated reports (issue 6, DP-33, DP-05, DP-34)', () => {
  it('DP-33: caseloads by organisation x status: small cells withheld, totals that would reveal them too, and shown numbers add up', () => {
    const report = okReport(buildReport(population(), { dimensions: ['organisation', 'status'] }));
    const table = report.tables[0]!;
    expect(table.columns).to.deep.equal(['closed', 'open']);
    expect(table.rows).to.deep.equal([['jobcenter'], ['jugendamt'], ['kim']]);
    const cell = (org: string, status: string) =>
      table.cells[table.rows.findIndex((r) => r[0] === org)]![table.columns.indexOf(status)]!;
    expect(cell('jobcenter', 'closed').suppressed).to.equal(true); // 3
    expect(cell('jugendamt', 'open').suppressed).to.equal(true); // 2
    // Every shown number is the true count.
    const truth: Record<string, Record<string, number>> = {
      jobcenter: { closed: 3, open: 12 },
      jugendamt: { closed: 8, open: 2 },
      kim: { closed: 7, open: 9 },
    };
    for (const org of Object.keys(truth))
      for (const status of ['closed', 'open']) {
        const shown = cell(org, status);
        if (!shown.suppressed) expect(shown.count).to.equal(truth[org]![status]);
      }
    expect(table.withheld).to.be.greaterThan(2);
    expect(report.redaction).to.equal('SUPPRESS_SMALL_CELL');
    expect(table.grandTotal.count).to.equal(41);
    // A withheld cell never shows its value, and all look alike.
    for (const row of table.cells)
      for (const c of row) if (c.suppressed) expect(c).to.deep.equal({ count: null, suppressed: true, display: '•' });
  });

  it('issue 18: a report over states seen before, one of them changed, is the report of a first call', () => {
    const cases = population();
    const request = { dimensions: ['organisation', 'status'] } as const;
    const first = okReport(buildReport(cases, request));
    expect(okReport(buildReport(cases, request))).to.deep.equal(first);
    // One open Jobcenter case is closed: a new state object; the report counts it as closed at once.
    const changed = [...cases];
    changed[0] = { ...changed[0]!, status: 'closed' };
    const again = okReport(buildReport(changed, request));
    expect(again).to.deep.equal(okReport(buildReport(structuredClone(changed), request)));
    expect(again).not.to.deep.equal(first);
    // Another config is another projection of the same states.
    const regions = { regions: { jobcenter: 'Nord', kim: 'Nord', jugendamt: 'Süd' } };
    expect(okReport(buildReport(cases, { dimensions: ['region'], config: regions }))).to.deep.equal(
      okReport(buildReport(structuredClone(cases), { dimensions: ['region'], config: regions })),
    );
  });

  it('DP-33: the report holds only labels and counts: no ids, names or dates of any person', () => {
    const report = okReport(
      buildReport(population(), { dimensions: ['legalDomain', 'closureReason'], measures: ['cases'] }),
    );
    const json = JSON.stringify(report);
    for (const leak of ['case-1', 'p-1', 'Muster', 'Anna', '1980', 'C-1']) expect(json).to.not.include(leak);
    const numbers = JSON.stringify(report.tables.map((t) => [t.cells, t.rowTotals, t.columnTotals, t.grandTotal]));
    expect(numbers).to.match(/^[[\]{}",:a-zA-Z0-9•]*$/);
  });

  it('DP-33: a filter narrowing the population below the minimum is refused; the minimum is never below 3', () => {
    const narrow = buildReport(population(), {
      dimensions: ['status'],
      filters: { organisation: ['jugendamt'], status: ['open'] },
    });
    expect(narrow.ok).to.equal(false);
    if (!narrow.ok) expect(narrow.errors[0]).to.include({ code: 'DENY_POPULATION_TOO_SMALL', rule: 'DP-33' });
    const wide = buildReport(population(), { dimensions: ['status'], filters: { organisation: ['jugendamt'] } });
    expect(wide.ok).to.equal(true);
    const tooLow = buildReport(population(), { dimensions: ['status'], minimumCellSize: 2 });
    expect(tooLow.ok).to.equal(false);
    if (!tooLow.ok) expect(tooLow.errors[0]!.code).to.equal('DENY_MINIMUM_CELL_SIZE_TOO_SMALL');
    const three = okReport(buildReport(population(), { dimensions: ['organisation', 'status'], minimumCellSize: 3 }));
    expect(three.minimumCellSize).to.equal(3);
    expect(three.tables[0]!.cells[1]![1]!.suppressed).to.equal(true); // jugendamt open: 2
  });

  it('issue 6: stages, closure reasons, periods and misrouting are reportable dimensions; record-level dimensions need their measure', () => {
    const byStage = okReport(buildReport(population(), { dimensions: ['stage'] }));
    expect(byStage.tables[0]!.rows.map((r) => r[0])).to.deep.equal(['assessment', 'closed', 'linking', 'monitoring']);
    const byPeriod = okReport(buildReport(population(), { dimensions: ['closedYear', 'closureReason'] }));
    expect(byPeriod.tables[0]!.rows.map((r) => r[0])).to.deep.equal(['2025', 'open']);
    const misrouted = okReport(buildReport(population(), { dimensions: ['misrouted'] }));
    expect(misrouted.tables[0]!.cells[0]![0]!.count).to.equal(41);
    const byRegion = okReport(
      buildReport(population(), {
        dimensions: ['region'],
        config: { regions: { jobcenter: 'Nord', kim: 'Nord', jugendamt: 'Süd' } },
      }),
    );
    expect(byRegion.tables[0]!.rows).to.deep.equal([['Nord'], ['Süd']]);
    expect(byRegion.tables[0]!.cells.map((row) => row[0]!.count)).to.deep.equal([31, 10]);
    const wrong = buildReport(population(), { dimensions: ['goalAttainment'] });
    expect(wrong.ok).to.equal(false);
  });

  it('issue 6: goal attainment counts goals by their judgement at closure, with the same suppression', () => {
    const cases = population().map((state, i) => {
      const status = (['achieved', 'partlyAchieved', 'notAchieved', 'open'] as const)[i % 4]!;
      state.goals = [{ id: `goal-${i}`, status } as unknown as CaseState['goals'][number]];
      if (state.closure) state.closure.goalAttainment = [{ goalId: `goal-${i}`, attainment: 'achieved' }];
      return state;
    });
    const report = okReport(buildReport(cases, { dimensions: ['goalAttainment'], measures: ['goals'] }));
    const table = report.tables[0]!;
    expect(table.measure).to.equal('goals');
    expect(table.grandTotal.count).to.equal(41);
    const achieved = table.cells[table.rows.findIndex((r) => r[0] === 'achieved')]![0]!;
    // Every closed case's goal was judged achieved at closure (18), plus every fourth open case's.
    expect(achieved.count).to.equal(18 + cases.filter((c, i) => c.status === 'open' && i % 4 === 0).length);
  });

  it('DP-31: persons who object are left out of statistics while the objection is open', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const sources = async () => {
      const out = [];
      for (const row of await store.listCases()) out.push(reportSourceOf(await store.readJournal(row.caseId))!);
      return out;
    };
    const before = okReport(buildReport(await sources(), { dimensions: ['openedYear'] }));
    expect(before.tables[0]!.grandTotal.count).to.equal(7);
    const { createCaseService, FixedClock, SequentialIds } = await import('@fallkit/core');
    const { EXAMPLE_ACTORS } = await import('@fallkit/core/examples');
    const service = createCaseService({
      store,
      clock: new FixedClock('2026-07-01T12:00:00.000Z'),
      ids: new SequentialIds(),
      // Since the handover on 1 June the Jobcenter holds the case: its case manager records the objection (DP-41).
      actor: EXAMPLE_ACTORS.jobcenterCaseManager,
    });
    const objected = await service.execute({
      type: 'recordObjection',
      caseId: 'kim-2026-0001',
      input: { subjectId: 'rahimi-person-1', grounds: 'Keine Statistik.' },
    });
    expect(objected.ok).to.equal(true);
    const after = okReport(buildReport(await sources(), { dimensions: ['openedYear'] }));
    expect(after.tables[0]!.grandTotal.count).to.equal(6);
  });

  it('DP-34: pseudonymisedView has no identity or contact field, birth years only, and a stable pseudonym per person', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const state = foldCase(await store.readJournal('kim-2026-0001'))!;
    const key = 'controller-secret-key-0123456789';
    const view = await pseudonymisedView(state, key);
    const json = JSON.stringify(view);
    for (const person of state.persons) {
      expect(json).to.not.include(person.givenName);
      expect(json).to.not.include(person.familyName);
      if (person.birthDate) expect(json).to.not.include(person.birthDate);
      expect(json).to.not.include(`"${person.id}"`);
    }
    for (const field of [
      '"givenName"',
      '"familyName"',
      '"contact"',
      '"birthDate"',
      '"languages"',
      '"label"',
      '"caseId"',
    ])
      expect(json).to.not.include(field);
    expect(view.persons.map((p) => p.birthYear)).to.deep.equal(
      state.persons.map((p) => (p.birthDate ? Number(p.birthDate.slice(0, 4)) : undefined)),
    );
    const again = await pseudonymisedView(state, key);
    expect(again.persons.map((p) => p.pseudonym)).to.deep.equal(view.persons.map((p) => p.pseudonym));
    expect(new Set(view.persons.map((p) => p.pseudonym)).size).to.equal(state.persons.length);
    const otherKey = await pseudonymisedView(state, 'another-controller-key-98765');
    expect(otherKey.persons[0]!.pseudonym).to.not.equal(view.persons[0]!.pseudonym);
    expect(json).to.not.include(key);
    // Ids in the content point at the pseudonyms.
    expect(JSON.stringify(view.content)).to.include(view.persons[0]!.pseudonym);
  });
});

describe('reporting: misrouting and service gaps from the process rules (issue 6)', () => {
  it('issue 6: the example caseload reports misrouting and service gaps through the process rules, with suppression', async function () {
    this.timeout(30_000);
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const states: CaseState[] = [];
    for (const row of await store.listCases()) states.push(foldCase(await store.readJournal(row.caseId))!);
    const { misroutingReport, collectServiceGaps } = await import('@fallkit/core/internal');
    const misrouted = misroutingReport(states).cases.length;
    const report = okReport(buildReport(states, { dimensions: ['misrouted'] }));
    const yes = report.tables[0]!.rows.findIndex((r) => r[0] === 'yes');
    expect(misrouted).to.be.within(1, 4);
    // Fewer than 5 misrouted cases: the count is withheld (and the other row with it, or the total gives it away).
    expect(report.tables[0]!.cells[yes]![0]!.suppressed).to.equal(true);
    expect(report.tables[0]!.cells.every((row) => row[0]!.suppressed)).to.equal(true);
    expect(report.tables[0]!.grandTotal.count).to.equal(7);
    const gaps = collectServiceGaps(states).length;
    const gapReport = buildReport(states, { dimensions: ['serviceGap'], measures: ['serviceGaps'] });
    // Seven example cases hold too few gaps for any report: refused rather than published.
    expect(gaps).to.be.below(5);
    expect(gapReport.ok).to.equal(false);
  });
});

describe('reporting: end-to-end disclosure check (issue 6, DP-33)', () => {
  it('DP-33: on 60 random caseloads, buildReport withholds every count under the minimum and no withheld number can be recomputed', function () {
    this.timeout(60_000);
    const organisations = ['a', 'b', 'c', 'd'];
    const stages = ['assessment', 'linking', 'monitoring'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 12 })), {
            minLength: 3,
            maxLength: 3,
          }),
          {
            minLength: 4,
            maxLength: 4,
          },
        ),
        (matrix) => {
          const cases: CaseState[] = [];
          let n = 0;
          matrix.forEach((row, o) =>
            row.forEach((count, s) => {
              for (let i = 0; i < count; i += 1)
                cases.push(syntheticCase((n += 1), { agency: organisations[o]!, domain: 'SGB_II', stage: stages[s]! }));
            }),
          );
          const result = buildReport(cases, { dimensions: ['organisation', 'stage'] });
          if (cases.length < 5) {
            expect(result.ok).to.equal(false);
            return;
          }
          const table = okReport(result).tables[0]!;
          // The truth, in the table's own row and column order.
          const counts = table.rows.map((r) =>
            table.columns.map(
              (c) => matrix[organisations.indexOf(r[0]!)]![stages.indexOf(c as (typeof stages)[number])]!,
            ),
          );
          counts.forEach((row, r) =>
            row.forEach((value, c) => {
              const cell = table.cells[r]![c]!;
              if (value > 0 && value < 5) expect(cell.suppressed).to.equal(true);
              if (!cell.suppressed) expect(cell.count).to.equal(value);
            }),
          );
          const published: PublishedTable = {
            counts,
            hiddenInterior: table.cells.map((row) => row.map((cell) => cell.suppressed)),
            hiddenRowTotals: table.rowTotals?.map((cell) => cell.suppressed) ?? null,
            hiddenColumnTotals: table.columnTotals?.map((cell) => cell.suppressed) ?? null,
            hiddenGrandTotal: table.grandTotal.suppressed,
          };
          expect(recomputableCells(published)).to.deep.equal([]);
        },
      ),
      { numRuns: 60, seed: 611 },
    );
  });
});
