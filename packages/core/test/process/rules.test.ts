import { expect } from 'chai';
import type { AnyCommand, CommandOutcome, Refusal, Result } from '@fallkit/core';
import { example, processGuards, runExample, type ExampleRun } from './process-fixtures.js';

/** Runs an example up to (not including) the first step of `type` and returns the run. */
async function before(key: string, type: string, nth = 1): Promise<ExampleRun & { caseId: string; at: string }> {
  const ex = example(key);
  let seen = 0;
  const index = ex.steps.findIndex((s) => s.type === type && ++seen === nth);
  if (index < 0) throw new Error(`${key} has no step ${type}`);
  const run = await runExample(ex, { upTo: index });
  const at = ex.steps[index]!.at;
  run.clock.set(at);
  return { ...run, caseId: ex.caseId, at };
}

async function send(
  run: { service: ExampleRun['service']; caseId: string },
  type: string,
  input: unknown,
): Promise<Result<CommandOutcome>> {
  return run.service.execute({ type, caseId: run.caseId, input } as AnyCommand);
}

function rules(result: Result<CommandOutcome>): string[] {
  return result.ok ? [] : result.errors.map((e: Refusal) => e.rule ?? '');
}

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

  it('PR-00 (strict): a case cannot be opened under a standard nobody registered', async () => {
    const ex = example('wagner');
    const run = await runExample(ex, { upTo: 0, guards: processGuards({ unknownStandard: 'refuse' }) });
    const result = await run.service.execute(unregistered);
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors[0]).to.include({ rule: 'PR-00', code: 'PROCESS_STANDARD_UNKNOWN' });
      expect(result.errors[0]?.message.en).to.contain('"hilfeplan-jugendamt", version 3');
    }
  });

  it('PR-00 (default): an unregistered standard is judged by the default standard, with a notice', async () => {
    const run = await runExample(example('wagner'), { upTo: 0 });
    const result = await run.service.execute(unregistered);
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.notices?.map((n) => [n.rule, n.code])).to.deep.equal([['PR-00', 'PROCESS_STANDARD_UNKNOWN']]);
      expect(result.notices?.[0]?.message.de).to.contain('Regeln des Fallkit-Standards');
      const assessment = await run.service.execute({
        type: 'recordAssessment',
        caseId: result.value.caseId,
        input: {
          domains: [{ domainId: 'housing', resources: '', problems: '', personView: '', caseManagerView: '' }],
          wishesAndDreams: '',
        },
      });
      expect(rules(assessment)).to.deep.equal(['PR-10']);
    }
  });

  it('PR-01: after closure only reading and the evaluation; a note is refused, the journal unchanged', async () => {
    const ex = example('wagner');
    const run = await runExample(ex, { upTo: ex.steps.length - 1 });
    const seq = run.state!.lastSeq;
    const context = { service: run.service, caseId: ex.caseId };
    const note = await send(context, 'recordNote', { text: 'Nachtrag' });
    expect(rules(note)).to.deep.equal(['PR-01']);
    const loaded = await run.service.loadCase(ex.caseId);
    expect(loaded.ok && loaded.value.state.lastSeq).to.equal(seq);
    expect(rules(await send(context, 'recordEvaluation', ex.steps.at(-1)!.input))).to.deep.equal([]);
  });

  it('PR-05: only the written criteria of the standard; a hidden criterion is refused with its path', async () => {
    const run = await before('schulte', 'checkCasefindingCriteria');
    const result = await send(run, 'checkCasefindingCriteria', {
      criteria: [
        { criterionId: 'multipleProblems', met: true },
        { criterionId: 'difficultPerson', met: true },
      ],
      complexNeeds: true,
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.rule, e.code, e.path?.join('.')])).to.deep.equal([
        ['PR-05', 'PROCESS_UNKNOWN_CRITERION', 'input.criteria.1.criterionId'],
      ]);
      expect(result.errors[0]?.message.de).to.contain('difficultPerson');
    }
  });

  it('PR-06: admission against the casefinding result needs a deviation reason', async () => {
    const run = await before('yildiz', 'decideAdmission');
    const without = await send(run, 'decideAdmission', { admitted: true, reasons: 'Klärung im Gespräch.' });
    expect(rules(without)).to.deep.equal(['PR-06']);
    if (!without.ok) expect(without.errors[0]?.message.en).to.contain('not met but the person is admitted');
    const withReason = await send(run, 'decideAdmission', {
      admitted: true,
      reasons: 'Klärung im Gespräch.',
      deviationReason: 'Weitere Belastungen angedeutet.',
    });
    expect(withReason.ok).to.equal(true);
  });

  it('PR-06: sending someone away although the criteria are met needs a reason too', async () => {
    const run = await before('schulte', 'decideAdmission');
    const result = await send(run, 'decideAdmission', { admitted: false, reasons: 'Kapazität erschöpft.' });
    expect(rules(result)).to.deep.equal(['PR-06']);
  });

  it('PR-07 / DP-27: a system actor cannot admit, refuse or close (DENY_AUTOMATED_DECISION)', async () => {
    const run = await before('schulte', 'decideAdmission');
    run.setActor({ id: 'scoring-job', role: 'system', agencyId: 'kim-musterstadt' });
    const result = await send(run, 'decideAdmission', { admitted: true, reasons: 'Score 0,92' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0]).to.include({ code: 'DENY_AUTOMATED_DECISION', rule: 'PR-07' });
  });

  it('PR-07: a system actor cannot decide "no further measures" in Erstberatung either', async () => {
    const ex = example('yildiz');
    const index = ex.steps.findIndex((s) => s.type === 'recordFirstCounselling');
    const run = await runExample(ex, { upTo: index });
    run.clock.set(ex.steps[index]!.at);
    run.setActor({ id: 'bot', role: 'system', agencyId: 'kim-musterstadt' });
    const result = await send(
      { service: run.service, caseId: ex.caseId },
      'recordFirstCounselling',
      ex.steps[index]!.input,
    );
    expect(rules(result)).to.deep.equal(['PR-07']);
  });

  it('PR-11: the assessment uses the standard’s life domains and rating scale', async () => {
    const run = await before('schulte', 'recordAssessment');
    const domain = { resources: '', problems: '', personView: '', caseManagerView: '' };
    const result = await send(run, 'recordAssessment', {
      domains: [
        { ...domain, domainId: 'astrology' },
        { ...domain, domainId: 'housing', rating: { scaleId: 'need-1-5', value: 7 } },
        { ...domain, domainId: 'health', rating: { scaleId: 'school-grades', value: 2 } },
        { ...domain, domainId: 'language', rating: { scaleId: 'need-1-5', value: 3 } },
      ],
      wishesAndDreams: '',
    });
    expect(result.ok).to.equal(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path?.join('.'))).to.deep.equal([
        'input.domains.0.domainId',
        'input.domains.1.rating',
        'input.domains.2.rating',
      ]);
  });

  it('PR-13: a case goal needs an indicator and a time frame; a guiding goal does not', async () => {
    const run = await before('schulte', 'agreeGoal');
    const noIndicator = await send(run, 'agreeGoal', { ...caseGoal, indicators: [] });
    expect(rules(noIndicator)).to.deep.equal(['PR-13']);
    const { timeFrame: _t, ...noTimeFrame } = caseGoal;
    const noFrame = await send(run, 'agreeGoal', noTimeFrame);
    expect(rules(noFrame)).to.deep.equal(['PR-13']);
    if (!noFrame.ok) expect(noFrame.errors[0]?.path).to.deep.equal(['input', 'timeFrame']);
    const guiding = await send(run, 'agreeGoal', {
      level: 'guiding',
      title: 'Teilhabe',
      indicators: [],
      domainIds: [],
    });
    expect(guiding.ok).to.equal(true);
  });

  it('PR-13: a revision may not strip a case goal of its indicators', async () => {
    const ex = example('schulte');
    const run = await runExample(ex);
    const goal = run.state!.goals.find((g) => g.level === 'case')!;
    const result = await send({ service: run.service, caseId: ex.caseId }, 'reviseGoal', {
      goalId: goal.id,
      reason: 'vereinfacht',
      changes: { indicators: [] },
    });
    expect(rules(result)).to.deep.equal(['PR-13']);
  });

  it('PR-14: a case goal is agreed by the person; dissent is recorded, not overridden', async () => {
    const run = await before('schulte', 'agreeGoal');
    const result = await send(run, 'agreeGoal', {
      ...caseGoal,
      agreement: { ...caseGoal.agreement, agreedByPerson: false },
    });
    expect(rules(result)).to.deep.equal(['PR-14']);
    const dissent = await send(run, 'agreeGoal', {
      ...caseGoal,
      agreement: { ...caseGoal.agreement, dissent: 'Person möchte zuerst die Wohnung sichern.' },
    });
    expect(dissent.ok).to.equal(true);
  });

  it('PR-16: a measure serves at least one agreed, open goal (not an unagreed guiding goal)', async () => {
    const run = await before('rahimi', 'addMeasure');
    const measure = {
      title: 'Sprachcafé',
      by: { kind: 'informalHelper', name: 'Ehrenamt' },
      agreement: { agreed: true },
    };
    expect(rules(await send(run, 'addMeasure', { ...measure, goalIds: [] }))).to.deep.equal(['PR-16']);
    expect(rules(await send(run, 'addMeasure', { ...measure, goalIds: ['rahimi-goal-1'] }))).to.deep.equal(['PR-16']);
    expect((await send(run, 'addMeasure', { ...measure, goalIds: ['rahimi-goal-1', 'rahimi-goal-3'] })).ok).to.equal(
      true,
    );
  });

  it('PR-19: a referral without agreed feedback passes with a warning notice', async () => {
    const run = await before('rahimi', 'referToProvider');
    const result = await send(run, 'referToProvider', {
      measureId: 'rahimi-measure-2',
      provider: { name: 'Volkshochschule Musterstadt' },
      purpose: 'Anmeldung Integrationskurs',
      feedback: { agreed: false },
    });
    expect(result.ok).to.equal(true);
    if (result.ok)
      expect(result.notices?.map((n) => [n.rule, n.code])).to.deep.equal([['PR-19', 'PROCESS_FEEDBACK_NOT_AGREED']]);
  });

  it('PR-26: "not admitted" only after a negative admission decision', async () => {
    const run = await before('schulte', 'recordFirstCounselling');
    const result = await send(run, 'closeCase', { reason: 'notAdmitted' });
    expect(rules(result)).to.deep.equal(['PR-26']);
  });

  it('PR-26: after a negative decision the case closes as "not admitted" straight to closed', async () => {
    const run = await before('schulte', 'decideAdmission');
    const refused = await send(run, 'decideAdmission', {
      admitted: false,
      reasons: 'Wohnort außerhalb des Zuständigkeitsbereichs.',
      deviationReason: 'Zuständig ist der Kreis.',
      referredElsewhereTo: 'Kreis Musterland',
    });
    expect(refused.ok).to.equal(true);
    const closed = await send(run, 'closeCase', { reason: 'notAdmitted', continuedBy: 'Kreis Musterland' });
    expect(closed.ok && closed.value.state.stage).to.equal('closed');
  });

  it('PR-29: the closure reason "other" needs an explanation', async () => {
    const run = await before('yildiz', 'closeCase');
    const result = await send(run, 'closeCase', { reason: 'other' });
    expect(rules(result)).to.deep.equal(['PR-29']);
  });

  it('PR-09: "no further measures" is not a way to close a case that went on to assessment', async () => {
    const ex = example('schulte');
    const run = await runExample(ex);
    const goals = run.state!.goals.filter((g) => g.level === 'case' && g.status === 'open');
    const result = await send({ service: run.service, caseId: ex.caseId }, 'closeCase', {
      reason: 'noFurtherMeasures',
      goalAttainment: goals.map((g) => ({ goalId: g.id, attainment: 'dropped' })),
    });
    expect(rules(result)).to.deep.equal(['PR-09']);
  });

  it('several content rules are reported together', async () => {
    const ex = example('schulte');
    const run = await runExample(ex);
    const result = await send({ service: run.service, caseId: ex.caseId }, 'closeCase', { reason: 'other' });
    expect(rules(result).sort()).to.deep.equal(['PR-27', 'PR-29']);
  });
});
