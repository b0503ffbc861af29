import { expect } from 'chai';
import {
  CASE_COMMAND_TYPES,
  DEFAULT_PROCESS_STANDARD,
  STAGES,
  type CaseCommandType,
  type CaseState,
  type Stage,
} from '@fallkit/core';
import { nextStage, PROCESS_RULES, stateRefusal } from '@fallkit/core/internal';
import { bareCase, example, runExample } from './process-fixtures.js';

const OPEN: Stage[] = [
  'referral',
  'screening',
  'firstCounselling',
  'noFurtherMeasures',
  'assessment',
  'goalAgreement',
  'helpPlanning',
  'linking',
  'monitoring',
  'reassessment',
];
const WORK: Stage[] = ['goalAgreement', 'helpPlanning', 'linking', 'monitoring'];

/**
 * The specification, written out independently of the cycle's data: for every command, the stages
 * it is allowed in, the rule that refuses it elsewhere, and more specific rules for some stages.
 */
const TABLE: readonly [CaseCommandType, readonly Stage[], string, Partial<Record<Stage, string>>?][] = [
  ['addPerson', OPEN, 'PR-01'],
  ['updatePerson', OPEN, 'PR-01'],
  ['recordResidenceStatus', OPEN, 'PR-01'],
  ['flagCrisis', OPEN, 'PR-01'],
  ['resolveCrisis', OPEN, 'PR-01'],
  ['recordContact', OPEN, 'PR-01'],
  ['scheduleFollowUp', OPEN, 'PR-01'],
  ['completeFollowUp', OPEN, 'PR-01'],
  ['recordNote', OPEN, 'PR-01'],
  ['attachDocument', OPEN, 'PR-01'],
  ['removeDocument', OPEN, 'PR-01'],
  ['assignCaseManager', OPEN, 'PR-01'],
  ['endCaseManagerAssignment', OPEN, 'PR-01'],
  ['addLegalDomain', OPEN, 'PR-01'],
  ['endLegalDomain', OPEN, 'PR-01'],
  ['holdCaseConference', OPEN, 'PR-01'],
  ['setGoalStatus', OPEN, 'PR-01'],
  ['updateReferralStatus', OPEN, 'PR-01'],
  ['updateMeasure', OPEN, 'PR-01'],
  ['reorderMeasures', OPEN, 'PR-01'],
  ['changeLeadAgency', OPEN, 'PR-01'],
  ['closeCase', OPEN, 'PR-01'],
  ['recordReferral', ['referral', 'screening'], 'PR-02'],
  ['checkCasefindingCriteria', ['referral', 'screening'], 'PR-03'],
  ['decideAdmission', ['screening'], 'PR-32', { referral: 'PR-04' }],
  ['recordFirstCounselling', ['firstCounselling'], 'PR-08'],
  ['recordAssessment', ['assessment', 'reassessment'], 'PR-10'],
  ['confirmAssessment', ['assessment', 'reassessment'], 'PR-10'],
  ['startReassessment', WORK, 'PR-21'],
  ['agreeGoal', WORK, 'PR-12', { reassessment: 'PR-22' }],
  ['reviseGoal', WORK, 'PR-12', { reassessment: 'PR-22' }],
  ['addMeasure', WORK, 'PR-17', { reassessment: 'PR-22' }],
  ['referToProvider', ['helpPlanning', 'linking', 'monitoring'], 'PR-18'],
  ['judgeProgress', [...WORK, 'reassessment'], 'PR-20'],
  ['recordDeviation', [...WORK, 'reassessment'], 'PR-20'],
  ['recordReadinessSigns', [...WORK, 'reassessment'], 'PR-20'],
  ['recordEvaluation', ['closure', 'closed'], 'PR-31'],
  // The default standard prescribes no plan document: in the working stages PR-35 refuses it (the
  // legal profiles allow it there, see profiles/plan-content.test.ts).
  [
    'recordPlan',
    [],
    'PR-12',
    { reassessment: 'PR-22', goalAgreement: 'PR-35', helpPlanning: 'PR-35', linking: 'PR-35', monitoring: 'PR-35' },
  ],
];

/** A case with everything every precondition asks for (referral, check, confirmed assessment, agreed goal, measure). */
let full: CaseState;

function inStage(stage: Stage): CaseState {
  const closed = stage === 'closure' || stage === 'closed';
  return { ...full, stage, status: closed ? 'closed' : 'open' };
}

describe('process: every command against every stage (table-driven)', () => {
  before(async () => {
    const run = await runExample(example('schulte'));
    if (run.state === undefined) throw new Error('example did not run');
    full = run.state;
  });

  it('the table covers every case command but openCase', () => {
    expect(TABLE.map(([command]) => command).sort()).to.deep.equal(
      CASE_COMMAND_TYPES.filter((c) => c !== 'openCase').sort(),
    );
  });

  for (const [command, allowed, gate, gateIn] of TABLE) {
    describe(command, () => {
      for (const stage of STAGES) {
        const closed = stage === 'closure' || stage === 'closed';
        const expected = allowed.includes(stage)
          ? undefined
          : closed && command !== 'recordEvaluation'
            ? 'PR-01'
            : (gateIn?.[stage] ?? gate);
        it(expected === undefined ? `allowed in ${stage}` : `refused in ${stage} by ${expected}`, () => {
          const refusal = stateRefusal(command, inStage(stage), DEFAULT_PROCESS_STANDARD);
          expect(refusal?.rule).to.equal(expected);
          if (refusal !== undefined) {
            const rule = PROCESS_RULES[expected as keyof typeof PROCESS_RULES];
            expect(refusal.code).to.equal(rule.code);
            expect(refusal.message.de).to.have.length.greaterThan(10);
            expect(refusal.message.en).to.have.length.greaterThan(10);
            expect(refusal.hint).to.deep.equal(rule.hint);
          }
        });
      }
    });
  }
});

describe('process: preconditions on the case state', () => {
  before(async () => {
    const run = await runExample(example('schulte'));
    full = run.state as CaseState;
  });

  it('PR-03: no casefinding check without a recorded referral', () => {
    const state = { ...bareCase('c-1'), stage: 'referral' as const };
    expect(stateRefusal('checkCasefindingCriteria', state, DEFAULT_PROCESS_STANDARD)?.rule).to.equal('PR-03');
    expect(
      stateRefusal('checkCasefindingCriteria', { ...state, referrals: full.referrals }, DEFAULT_PROCESS_STANDARD),
    ).to.equal(undefined);
  });

  it('PR-04: no admission decision without a casefinding check', () => {
    const state: CaseState = { ...full, stage: 'screening', casefindingChecks: [] };
    expect(stateRefusal('decideAdmission', state, DEFAULT_PROCESS_STANDARD)?.rule).to.equal('PR-04');
  });

  it('PR-12: no goal while the newest assessment version is unconfirmed', () => {
    const assessments = full.assessments.map((a) => ({ ...a, status: 'recorded' as const }));
    const state: CaseState = { ...full, stage: 'goalAgreement', assessments };
    expect(stateRefusal('agreeGoal', state, DEFAULT_PROCESS_STANDARD)?.rule).to.equal('PR-12');
    expect(stateRefusal('reviseGoal', state, DEFAULT_PROCESS_STANDARD)?.rule).to.equal('PR-12');
  });

  it('PR-17: no measure without an agreed, open goal', () => {
    const goals = full.goals.map((g) => ({ ...g, status: 'achieved' as const }));
    expect(
      stateRefusal('addMeasure', { ...full, stage: 'goalAgreement', goals }, DEFAULT_PROCESS_STANDARD)?.rule,
    ).to.equal('PR-17');
  });

  it('PR-18: no provider referral before the plan has a measure', () => {
    expect(
      stateRefusal('referToProvider', { ...full, stage: 'helpPlanning', measures: [] }, DEFAULT_PROCESS_STANDARD)?.rule,
    ).to.equal('PR-18');
  });

  it('PR-07: a system actor may not decide admission or closure, but may record a note', () => {
    const system = { id: 'sys', role: 'system' as const, agencyId: 'kim-musterstadt' };
    const screening: CaseState = { ...full, stage: 'screening' };
    expect(stateRefusal('decideAdmission', screening, DEFAULT_PROCESS_STANDARD, system)?.code).to.equal(
      'DENY_AUTOMATED_DECISION',
    );
    expect(stateRefusal('closeCase', full, DEFAULT_PROCESS_STANDARD, system)?.rule).to.equal('PR-07');
    expect(stateRefusal('recordNote', full, DEFAULT_PROCESS_STANDARD, system)).to.equal(undefined);
  });
});

describe('process: the transition table moves the stage', () => {
  const base = bareCase('c-t');
  const at = (stage: Stage, patch: Partial<CaseState> = {}): CaseState => ({ ...base, ...patch, stage });
  const cases: readonly [string, CaseState, Stage][] = [
    ['CasefindingCriteriaChecked', at('referral'), 'screening'],
    ['CasefindingCriteriaChecked', at('screening'), 'screening'],
    [
      'AdmissionDecided',
      at('screening', { admission: { admitted: true } as CaseState['admission'] }),
      'firstCounselling',
    ],
    ['AdmissionDecided', at('screening', { admission: { admitted: false } as CaseState['admission'] }), 'screening'],
    [
      'FirstCounsellingRecorded',
      at('firstCounselling', {
        firstCounselling: { decision: { kind: 'assessment' } } as CaseState['firstCounselling'],
      }),
      'assessment',
    ],
    [
      'FirstCounsellingRecorded',
      at('firstCounselling', {
        firstCounselling: { decision: { kind: 'noFurtherMeasures', reason: 'x' } } as CaseState['firstCounselling'],
      }),
      'noFurtherMeasures',
    ],
    ['AssessmentRecorded', at('assessment'), 'assessment'],
    ['AssessmentRecorded', at('reassessment'), 'reassessment'],
    ['AssessmentConfirmed', at('assessment'), 'goalAgreement'],
    ['AssessmentConfirmed', at('reassessment'), 'goalAgreement'],
    ['ReassessmentStarted', at('monitoring'), 'reassessment'],
    ['GoalAgreed', at('goalAgreement'), 'goalAgreement'],
    ['GoalAgreed', at('monitoring'), 'monitoring'],
    ['GoalRevised', at('reassessment'), 'goalAgreement'],
    ['MeasureAdded', at('goalAgreement'), 'helpPlanning'],
    ['MeasureAdded', at('monitoring'), 'monitoring'],
    ['ProviderReferralMade', at('helpPlanning'), 'linking'],
    ['ProviderReferralMade', at('monitoring'), 'monitoring'],
    ['ProgressJudged', at('linking'), 'monitoring'],
    ['ProgressJudged', at('helpPlanning'), 'monitoring'],
    ['ProviderReferralStatusUpdated', at('linking'), 'monitoring'],
    ['MeasureUpdated', at('linking'), 'monitoring'],
    ['MeasureUpdated', at('helpPlanning'), 'helpPlanning'],
    ['CaseClosed', at('monitoring', { closure: { reason: 'goalsReached' } as CaseState['closure'] }), 'closure'],
    ['CaseClosed', at('monitoring', { closure: { reason: 'contactLost' } as CaseState['closure'] }), 'closed'],
    [
      'CaseClosed',
      at('noFurtherMeasures', { closure: { reason: 'noFurtherMeasures' } as CaseState['closure'] }),
      'closed',
    ],
    ['EvaluationRecorded', at('closure'), 'closed'],
    ['NoteRecorded', at('assessment'), 'assessment'],
    ['ContactRecorded', at('monitoring'), 'monitoring'],
    ['CrisisFlagged', at('referral'), 'referral'],
  ];
  for (const [type, state, to] of cases) {
    it(`${type}: ${state.stage} → ${to}`, () => {
      expect(nextStage(state, { type })).to.equal(to);
    });
  }
});
