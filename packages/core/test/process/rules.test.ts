import { expect } from 'chai';
import { type Actor, type AnyCommand, type Refusal } from '@fallkit/core';
import { foldCase, PROCESS_RULES } from '@fallkit/core/internal';
import { given, type ExpectedRefusal, type ScenarioOptions } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore, type ExampleMoment } from '../commands/moments.js';
import { example, processGuards } from './process-fixtures.js';

type RuleId = keyof typeof PROCESS_RULES;

/** The moment before the nth step of `type` in an example, judged by the process guards (invariants, then the cycle). */
async function before(key: string, type: string, nth = 1): Promise<ExampleMoment & ScenarioOptions> {
  return { ...(await momentBefore(key, type, { nth })), guards: processGuards() };
}

/** After the whole example, judged by the process guards. */
async function atEnd(key: string): Promise<ExampleMoment & ScenarioOptions> {
  return { ...(await momentAtEnd(key)), guards: processGuards() };
}

const send = (moment: ExampleMoment, type: string, input: unknown): AnyCommand => ({
  type,
  caseId: moment.caseId,
  input,
});

/** The refusal of a process rule: its code and id. */
const refusedBy = (rule: RuleId): ExpectedRefusal => ({ refused: PROCESS_RULES[rule].code, rule });

const rules = (refusals: readonly Refusal[]): string[] => refusals.map((e) => e.rule ?? '');

const caseGoal = {
  level: 'case',
  title: 'Mietschulden abbauen',
  indicators: [{ description: 'Mietrückstand', target: '0 €' }],
  timeFrame: { from: '2026-03-01', until: '2026-09-30' },
  domainIds: ['financesDebts'],
  agreement: { agreedByPerson: true, agreedOn: '2026-02-23', form: 'written' },
} as const;

describe('process: rules on the content of commands (through the service pipeline)', () => {
  const unregistered = {
    type: 'openCase',
    input: {
      addressee: { roles: ['addressee'], givenName: 'A', familyName: 'B' },
      leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM' },
      processStandard: { id: 'hilfeplan-jugendamt', version: '3' },
    },
  } as const;
  const wagner = example('wagner');
  const fresh = { actor: wagner.actor, now: wagner.steps[0]!.at };

  it('PR-00 (strict): a case cannot be opened under a standard nobody registered', async () => {
    const { refusals } = await given([], { ...fresh, guards: processGuards({ unknownStandard: 'refuse' }) })
      .when(unregistered)
      .then({ refused: 'PROCESS_STANDARD_UNKNOWN', rule: 'PR-00' });
    expect(refusals[0]?.message.en).to.contain('"hilfeplan-jugendamt", version 3');
  });

  it('PR-00 (default): an unregistered standard is judged by the default standard, with a notice', async () => {
    const { journal, notices } = await given([], { ...fresh, guards: processGuards() })
      .when(unregistered)
      .then([{ type: 'CaseOpened' }]);
    expect(notices.map((n) => [n.rule, n.code])).to.deep.equal([['PR-00', 'PROCESS_STANDARD_UNKNOWN']]);
    expect(notices[0]?.message.de).to.contain('Regeln des Fallkit-Standards');
    const { refusals } = await given(journal, { ...fresh, guards: processGuards() })
      .when({
        type: 'recordAssessment',
        caseId: journal[0]!.caseId,
        input: {
          domains: [{ domainId: 'housing', resources: '', problems: '', personView: '', caseManagerView: '' }],
          wishesAndDreams: '',
        },
      })
      .then(refusedBy('PR-10'));
    expect(rules(refusals)).to.deep.equal(['PR-10']);
  });

  it('PR-01: after closure only reading and the evaluation; a note is refused, the journal unchanged', async () => {
    const moment = await before('wagner', 'recordEvaluation');
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'recordNote', { text: 'Nachtrag' }))
      .then(refusedBy('PR-01'));
    expect(rules(refusals)).to.deep.equal(['PR-01']);
    await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'EvaluationRecorded' }]);
  });

  it('PR-05: only the written criteria of the standard; a hidden criterion is refused with its path', async () => {
    const moment = await before('schulte', 'checkCasefindingCriteria');
    const { refusals } = await given(moment.history, moment)
      .when(
        send(moment, 'checkCasefindingCriteria', {
          criteria: [
            { criterionId: 'multipleProblems', met: true },
            { criterionId: 'difficultPerson', met: true },
          ],
          complexNeeds: true,
        }),
      )
      .then(refusedBy('PR-05'));
    expect(refusals.map((e) => [e.rule, e.code, e.path?.join('.')])).to.deep.equal([
      ['PR-05', 'PROCESS_UNKNOWN_CRITERION', 'input.criteria.1.criterionId'],
    ]);
    expect(refusals[0]?.message.de).to.contain('difficultPerson');
  });

  it('PR-06: admission against the casefinding result needs a deviation reason', async () => {
    const moment = await before('yildiz', 'decideAdmission');
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'decideAdmission', { admitted: true, reasons: 'Klärung im Gespräch.' }))
      .then(refusedBy('PR-06'));
    expect(rules(refusals)).to.deep.equal(['PR-06']);
    expect(refusals[0]?.message.en).to.contain('not met but the person is admitted');
    await given(moment.history, moment)
      .when(
        send(moment, 'decideAdmission', {
          admitted: true,
          reasons: 'Klärung im Gespräch.',
          deviationReason: 'Weitere Belastungen angedeutet.',
        }),
      )
      .then([{ type: 'AdmissionDecided', payload: { admitted: true } }]);
  });

  it('PR-06: sending someone away although the criteria are met needs a reason too', async () => {
    const moment = await before('schulte', 'decideAdmission');
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'decideAdmission', { admitted: false, reasons: 'Kapazität erschöpft.' }))
      .then(refusedBy('PR-06'));
    expect(rules(refusals)).to.deep.equal(['PR-06']);
  });

  it('PR-07 / DP-27: a system actor cannot admit, refuse or close (DENY_AUTOMATED_DECISION)', async () => {
    const moment = await before('schulte', 'decideAdmission');
    const system: Actor = { id: 'scoring-job', role: 'system', agencyId: 'kim-musterstadt' };
    const { refusals } = await given(moment.history, { ...moment, actor: system })
      .when(send(moment, 'decideAdmission', { admitted: true, reasons: 'Score 0,92' }))
      .then({ refused: 'DENY_AUTOMATED_DECISION', rule: 'PR-07' });
    expect(refusals[0]).to.include({ code: 'DENY_AUTOMATED_DECISION', rule: 'PR-07' });
  });

  it('PR-07: a system actor cannot decide "no further measures" in Erstberatung either', async () => {
    const moment = await before('yildiz', 'recordFirstCounselling');
    const bot: Actor = { id: 'bot', role: 'system', agencyId: 'kim-musterstadt' };
    const { refusals } = await given(moment.history, { ...moment, actor: bot })
      .when(moment.step)
      .then(refusedBy('PR-07'));
    expect(rules(refusals)).to.deep.equal(['PR-07']);
  });

  it('PR-11: the assessment uses the standard’s life domains and rating scale', async () => {
    const moment = await before('schulte', 'recordAssessment');
    const domain = { resources: '', problems: '', personView: '', caseManagerView: '' };
    const { refusals } = await given(moment.history, moment)
      .when(
        send(moment, 'recordAssessment', {
          domains: [
            { ...domain, domainId: 'astrology' },
            { ...domain, domainId: 'housing', rating: { scaleId: 'need-1-5', value: 7 } },
            { ...domain, domainId: 'health', rating: { scaleId: 'school-grades', value: 2 } },
            { ...domain, domainId: 'language', rating: { scaleId: 'need-1-5', value: 3 } },
          ],
          wishesAndDreams: '',
        }),
      )
      .then(refusedBy('PR-11'));
    expect(refusals.map((e) => e.path?.join('.'))).to.deep.equal([
      'input.domains.0.domainId',
      'input.domains.1.rating',
      'input.domains.2.rating',
    ]);
  });

  it('PR-13: a case goal needs an indicator and a time frame; a guiding goal does not', async () => {
    const moment = await before('schulte', 'agreeGoal');
    const noIndicator = await given(moment.history, moment)
      .when(send(moment, 'agreeGoal', { ...caseGoal, indicators: [] }))
      .then(refusedBy('PR-13'));
    expect(rules(noIndicator.refusals)).to.deep.equal(['PR-13']);
    const { timeFrame: _t, ...noTimeFrame } = caseGoal;
    const noFrame = await given(moment.history, moment)
      .when(send(moment, 'agreeGoal', noTimeFrame))
      .then(refusedBy('PR-13'));
    expect(rules(noFrame.refusals)).to.deep.equal(['PR-13']);
    expect(noFrame.refusals[0]?.path).to.deep.equal(['input', 'timeFrame']);
    await given(moment.history, moment)
      .when(send(moment, 'agreeGoal', { level: 'guiding', title: 'Teilhabe', indicators: [], domainIds: [] }))
      .then([{ type: 'GoalAgreed', payload: { level: 'guiding' } }]);
  });

  it('PR-13: a revision may not strip a case goal of its indicators', async () => {
    const moment = await atEnd('schulte');
    const goal = foldCase(moment.history)!.goals.find((g) => g.level === 'case')!;
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'reviseGoal', { goalId: goal.id, reason: 'vereinfacht', changes: { indicators: [] } }))
      .then(refusedBy('PR-13'));
    expect(rules(refusals)).to.deep.equal(['PR-13']);
  });

  it('PR-14: a case goal is agreed by the person; dissent is recorded, not overridden', async () => {
    const moment = await before('schulte', 'agreeGoal');
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'agreeGoal', { ...caseGoal, agreement: { ...caseGoal.agreement, agreedByPerson: false } }))
      .then(refusedBy('PR-14'));
    expect(rules(refusals)).to.deep.equal(['PR-14']);
    const dissent = 'Person möchte zuerst die Wohnung sichern.';
    const { appended } = await given(moment.history, moment)
      .when(send(moment, 'agreeGoal', { ...caseGoal, agreement: { ...caseGoal.agreement, dissent } }))
      .then([{ type: 'GoalAgreed' }]);
    expect((appended[0]!.payload as { agreement: { dissent: string } }).agreement.dissent).to.equal(dissent);
  });

  it('PR-16: a measure serves at least one agreed, open goal (not an unagreed guiding goal)', async () => {
    const moment = await before('rahimi', 'addMeasure');
    const measure = {
      title: 'Sprachcafé',
      by: { kind: 'informalHelper', name: 'Ehrenamt' },
      agreement: { agreed: true },
    };
    for (const goalIds of [[], ['rahimi-goal-1']]) {
      const { refusals } = await given(moment.history, moment)
        .when(send(moment, 'addMeasure', { ...measure, goalIds }))
        .then(refusedBy('PR-16'));
      expect(rules(refusals)).to.deep.equal(['PR-16']);
    }
    await given(moment.history, moment)
      .when(send(moment, 'addMeasure', { ...measure, goalIds: ['rahimi-goal-1', 'rahimi-goal-3'] }))
      .then([{ type: 'MeasureAdded', payload: { goalIds: ['rahimi-goal-1', 'rahimi-goal-3'] } }]);
  });

  it('PR-19: a referral without agreed feedback passes with a warning notice', async () => {
    const moment = await before('rahimi', 'referToProvider');
    const { notices } = await given(moment.history, moment)
      .when(
        send(moment, 'referToProvider', {
          measureId: 'rahimi-measure-2',
          provider: { name: 'Volkshochschule Musterstadt' },
          purpose: 'Anmeldung Integrationskurs',
          feedback: { agreed: false },
        }),
      )
      .then([{ type: 'ProviderReferralMade' }]);
    expect(notices.map((n) => [n.rule, n.code])).to.deep.equal([['PR-19', 'PROCESS_FEEDBACK_NOT_AGREED']]);
  });

  it('PR-26: "not admitted" only after a negative admission decision', async () => {
    const moment = await before('schulte', 'recordFirstCounselling');
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'closeCase', { reason: 'notAdmitted' }))
      .then(refusedBy('PR-26'));
    expect(rules(refusals)).to.deep.equal(['PR-26']);
  });

  it('PR-26: after a negative decision the case closes as "not admitted" straight to closed', async () => {
    const moment = await before('schulte', 'decideAdmission');
    const decision = send(moment, 'decideAdmission', {
      admitted: false,
      reasons: 'Wohnort außerhalb des Zuständigkeitsbereichs.',
      deviationReason: 'Zuständig ist der Kreis.',
      referredElsewhereTo: 'Kreis Musterland',
    });
    const { journal } = await given([...moment.history, decision], moment)
      .when(send(moment, 'closeCase', { reason: 'notAdmitted', continuedBy: 'Kreis Musterland' }))
      .then([{ type: 'CaseClosed', payload: { reason: 'notAdmitted' } }]);
    expect(foldCase(journal)!.stage).to.equal('closed');
  });

  it('PR-29: the closure reason "other" needs an explanation', async () => {
    const moment = await before('yildiz', 'closeCase');
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'closeCase', { reason: 'other' }))
      .then(refusedBy('PR-29'));
    expect(rules(refusals)).to.deep.equal(['PR-29']);
  });

  it('PR-09: "no further measures" is not a way to close a case that went on to assessment', async () => {
    const moment = await atEnd('schulte');
    const goals = foldCase(moment.history)!.goals.filter((g) => g.level === 'case' && g.status === 'open');
    const { refusals } = await given(moment.history, moment)
      .when(
        send(moment, 'closeCase', {
          reason: 'noFurtherMeasures',
          goalAttainment: goals.map((g) => ({ goalId: g.id, attainment: 'dropped' })),
        }),
      )
      .then(refusedBy('PR-09'));
    expect(rules(refusals)).to.deep.equal(['PR-09']);
  });

  it('several content rules are reported together', async () => {
    const moment = await atEnd('schulte');
    const { refusals } = await given(moment.history, moment)
      .when(send(moment, 'closeCase', { reason: 'other' }))
      .then(refusedBy('PR-29'));
    expect(rules(refusals).sort()).to.deep.equal(['PR-27', 'PR-29']);
  });
});
