import { expect } from 'chai';
import {
  allowedActions,
  DEFAULT_PROCESS_STANDARD,
  STAGES,
  type CaseState,
  type ProcessStandard,
  parseProcessStandard,
} from '@fallkit/core';
import { collectServiceGaps, misroutingReport, STAGE_GUIDE } from '@fallkit/core/internal';
import { runExampleCases } from '@fallkit/core/examples';
import { bareCase, example, meta, runExample } from './process-fixtures.js';

let examples: CaseState[];

async function loadExamples(): Promise<void> {
  examples ??= (await runExampleCases()).results.map((r) => r.state);
}

/** A case referred by `referrer`, checked with `metCount` of the eight criteria met, and decided. */
function intake(
  caseId: string,
  referrer: { kind: 'agency' | 'volunteer'; name: string; agencyId?: string },
  metCount: number,
  complexNeeds: boolean,
  admitted: boolean | null,
): CaseState {
  const criteria = DEFAULT_PROCESS_STANDARD.casefinding.criteria.map((c, index) => ({
    criterionId: c.id,
    met: index < metCount,
  }));
  return {
    ...bareCase(caseId),
    referrals: [{ id: `${caseId}-r`, referrer, referredOn: '2026-01-05', reason: 'x', ...meta() }],
    casefindingChecks: [
      { id: `${caseId}-c`, checkedOn: '2026-01-06', criteria, targetGroupCriteria: [], complexNeeds, ...meta() },
    ],
    admission:
      admitted === null
        ? null
        : {
            id: `${caseId}-a`,
            decidedOn: '2026-01-07',
            admitted,
            reasons: 'x',
            ...(admitted === complexNeeds ? {} : { deviationReason: 'Begründung' }),
            ...meta(),
          },
  };
}

describe('misrouting report', () => {
  before(loadExamples);

  it('the example cases: one person admitted without complex needs (Yıldız), with the reason given', () => {
    const report = misroutingReport(examples);
    expect(report.cases.map((c) => [c.caseId, c.kind, c.referrer.name])).to.deep.equal([
      [example('yildiz').caseId, 'admittedWithoutCriteria', 'Emre Yıldız'],
    ]);
    expect(report.cases[0]?.deviationReason).to.contain('Klärung in einem Gespräch');
    expect(report.byReferrer.reduce((sum, row) => sum + row.referred, 0)).to.equal(7);
    expect(report.withoutReferral).to.equal(0);
  });

  it('counts per referrer: admitted without criteria, not admitted despite them, undecided', () => {
    const ab = { kind: 'agency' as const, name: 'Ausländerbehörde', agencyId: 'abh' };
    const vol = { kind: 'volunteer' as const, name: 'Patin Roth' };
    const cases = [
      intake('c-1', ab, 5, true, true),
      intake('c-2', ab, 1, false, true), // admitted without complex needs
      intake('c-3', ab, 0, false, true), // admitted without complex needs
      intake('c-4', ab, 6, true, false), // sent away despite complex needs
      intake('c-5', vol, 4, true, true),
      intake('c-6', vol, 2, false, false),
      intake('c-7', vol, 3, true, null),
      { ...bareCase('c-8') },
    ];
    const report = misroutingReport(cases);
    expect(report.byReferrer).to.deep.equal([
      {
        referrer: ab,
        referred: 4,
        admitted: 3,
        notAdmitted: 1,
        undecided: 0,
        decidedWithoutCheck: 0,
        admittedWithoutCriteria: 2,
        notAdmittedDespiteCriteria: 1,
      },
      {
        referrer: vol,
        referred: 3,
        admitted: 1,
        notAdmitted: 1,
        undecided: 1,
        decidedWithoutCheck: 0,
        admittedWithoutCriteria: 0,
        notAdmittedDespiteCriteria: 0,
      },
    ]);
    expect(report.cases.map((c) => c.caseId)).to.deep.equal(['c-2', 'c-3', 'c-4']);
    expect(report.withoutReferral).to.equal(1);
  });

  it('a standard with a minimum of met criteria judges by the count, not by the checker’s overall view', () => {
    const strict = parseProcessStandard({
      ...DEFAULT_PROCESS_STANDARD,
      id: 'strict',
      casefinding: { ...DEFAULT_PROCESS_STANDARD.casefinding, minimumMet: 4 },
    });
    if (!strict.ok) throw new Error('standard invalid');
    const ab = { kind: 'agency' as const, name: 'Ausländerbehörde', agencyId: 'abh' };
    // The checker called it complex with only two criteria met; under "at least 4" that admission is a misrouting.
    const state = { ...intake('c-9', ab, 2, true, true), processStandard: { id: 'strict', version: '1' } };
    expect(misroutingReport([state]).cases).to.deep.equal([]);
    expect(misroutingReport([state], [strict.value as ProcessStandard]).cases.map((c) => c.kind)).to.deep.equal([
      'admittedWithoutCriteria',
    ]);
  });
});

describe('service gaps (Angebotssteuerung)', () => {
  before(loadExamples);

  it('the example cases: the second-best language course (Rahimi) and the missing day care seen in monitoring', () => {
    const gaps = collectServiceGaps(examples);
    expect(gaps.map((g) => [g.serviceKind, g.region, g.cases, g.secondBestMeasures, g.monitoringNotes])).to.deep.equal([
      ['Integrationskurs mit Kinderbetreuung', 'Musterstadt', 1, 1, 0],
      ['Kindertagesbetreuung', null, 1, 0, 1],
    ]);
    expect(gaps[1]?.descriptions).to.deep.equal(['Kita-Plätze für nachgezogene Kinder unter 4 Jahren ohne Wartezeit']);
  });

  it('groups by kind and region across cases, counts cases once, keeps distinct descriptions, uses the host’s region', () => {
    const measure = (
      id: string,
      serviceKind: string,
      missingService: string,
      region?: string,
    ): CaseState['measures'][number] => ({
      id,
      title: 'Ersatz',
      goalIds: [],
      by: { kind: 'person', name: 'x' },
      agreement: { agreed: true },
      status: 'running',
      history: [],
      secondBest: { missingService, serviceKind, ...(region === undefined ? {} : { region }) },
      ...meta(),
    });
    const a: CaseState = {
      ...bareCase('a'),
      measures: [
        measure('m1', 'Schuldnerberatung', 'Wartezeit 6 Monate', 'Nord'),
        measure('m2', 'Schuldnerberatung', 'Wartezeit 6 Monate', 'Nord'),
      ],
    };
    const b: CaseState = {
      ...bareCase('b'),
      measures: [measure('m3', 'Schuldnerberatung', 'Keine Beratung auf Arabisch')],
      deviations: [
        {
          id: 'd1',
          on: '2026-03-01',
          kind: 'serviceMissing',
          description: 'Frau B. wartet seit Monaten (Gesundheit)',
          triggersReassessment: false,
          ...meta(),
        },
      ],
    };
    const gaps = collectServiceGaps([a, b], { regionOf: (state) => (state.caseId === 'b' ? 'Nord' : undefined) });
    expect(
      gaps.map((g) => [g.serviceKind, g.region, g.cases, g.secondBestMeasures, g.monitoringNotes, g.descriptions]),
    ).to.deep.equal([
      ['Schuldnerberatung', 'Nord', 2, 3, 0, ['Wartezeit 6 Monate', 'Keine Beratung auf Arabisch']],
      [null, 'Nord', 1, 0, 1, []],
    ]);
  });
});

describe('allowed next steps (for the process stepper)', () => {
  before(loadExamples);

  it('a fresh case: referral and any-stage commands allowed, assessment not, with the rule and a hint', () => {
    const actions = allowedActions(bareCase('c-1'), DEFAULT_PROCESS_STANDARD);
    const byCommand = new Map(actions.map((a) => [a.command, a]));
    expect(byCommand.get('recordReferral')?.allowed).to.equal(true);
    expect(byCommand.get('recordNote')?.allowed).to.equal(true);
    expect(byCommand.get('flagCrisis')?.allowed).to.equal(true);
    expect(byCommand.get('checkCasefindingCriteria')).to.include({ allowed: false, ruleId: 'PR-03' });
    expect(byCommand.get('recordAssessment')).to.include({ allowed: false, ruleId: 'PR-10' });
    expect(byCommand.get('recordAssessment')?.reason?.de).to.contain('Assessment');
    expect(byCommand.get('recordAssessment')?.hint?.en).to.contain('first counselling');
    expect(actions.some((a) => a.command === 'openCase')).to.equal(false);
  });

  it('during a re-assessment the goal commands point at PR-22; after closure only the evaluation remains', async () => {
    const ex = example('gebremedhin');
    const upTo = ex.steps.findIndex((s) => s.type === 'startReassessment') + 1;
    const reassessing = (await runExample(ex, { upTo })).state!;
    const during = new Map(allowedActions(reassessing, DEFAULT_PROCESS_STANDARD).map((a) => [a.command, a]));
    expect(during.get('agreeGoal')?.ruleId).to.equal('PR-22');
    expect(during.get('recordAssessment')?.allowed).to.equal(true);
    expect(during.get('judgeProgress')?.allowed).to.equal(true);

    const wagner = examples.find((s) => s.status === 'closed' && s.evaluation !== null)!;
    const after = allowedActions({ ...wagner, stage: 'closure', evaluation: null }, DEFAULT_PROCESS_STANDARD);
    expect(after.filter((a) => a.allowed).map((a) => a.command)).to.deep.equal(['recordEvaluation']);
    expect(new Set(after.filter((a) => !a.allowed).map((a) => a.ruleId))).to.deep.equal(new Set(['PR-01']));
  });

  it('with a system actor, decisions are marked as human-only (PR-07)', () => {
    const state: CaseState = { ...examples[0]!, stage: 'screening' };
    const actions = allowedActions(state, DEFAULT_PROCESS_STANDARD, {
      actor: { id: 'bot', role: 'system', agencyId: 'kim-musterstadt' },
    });
    expect(actions.find((a) => a.command === 'decideAdmission')?.ruleId).to.equal('PR-07');
    expect(actions.find((a) => a.command === 'closeCase')?.ruleId).to.equal('PR-07');
  });
});

describe('stage guide', () => {
  it('every stage has a basic problem and a success criterion; the working stages have sub-steps in German and English', () => {
    for (const stage of STAGES) {
      const guide = STAGE_GUIDE[stage];
      expect(guide.basicProblem.de, stage).to.have.length.greaterThan(10);
      expect(guide.success.en, stage).to.have.length.greaterThan(10);
      if (stage !== 'closed') expect(guide.subSteps.length, stage).to.be.greaterThan(1);
      for (const step of guide.subSteps) expect(step.de && step.en, stage).to.be.a('string');
    }
  });
});
