import { expect } from 'chai';
import {
  buildWorklist,
  DEFAULT_GUARDS,
  DEFAULT_PROCESS_STANDARD,
  type Refusal,
  type HandoverConsentContext,
} from '@fallkit/core';
import { example, processGuards, runExample, stagePath } from './process-fixtures.js';

describe('process: the example cases run through the rules', () => {
  it('every example script passes the process guard and ends in its expected stage', async () => {
    for (const key of ['rahimi', 'schulte', 'kowalski', 'yildiz', 'bondarenko', 'gebremedhin', 'wagner']) {
      const ex = example(key);
      const run = await runExample(ex);
      const refused = run.steps.find((s) => s.errors !== undefined);
      expect(refused, `${key}: ${JSON.stringify(refused?.errors)}`).to.equal(undefined);
      expect(run.steps).to.have.length(ex.steps.length);
      expect(run.state?.stage, key).to.equal(ex.expected.stage);
    }
  });

  it('full cycle (Wagner): from referral through every stage to the evaluation', async () => {
    const run = await runExample(example('wagner'));
    expect(stagePath(run.steps)).to.deep.equal([
      'referral',
      'screening',
      'firstCounselling',
      'assessment',
      'goalAgreement',
      'helpPlanning',
      'linking',
      'monitoring',
      'closure',
      'closed',
    ]);
    expect(run.state?.evaluation).to.not.equal(null);
  });

  it('full cycle: leaving out the confirmation of the assessment stops the goal agreement (PR-12)', async () => {
    const run = await runExample(example('wagner'), { skip: (type) => type === 'confirmAssessment' });
    const last = run.steps.at(-1);
    expect(last?.type).to.equal('agreeGoal');
    expect(last?.errors?.[0]?.rule).to.equal('PR-12');
    expect(last?.errors?.[0]?.code).to.equal('PROCESS_GOAL_NEEDS_CONFIRMED_ASSESSMENT');
  });

  it('full cycle: without a progress judgement "goals reached" cannot close the case (PR-30)', async () => {
    const run = await runExample(example('wagner'), { skip: (type) => type === 'judgeProgress' });
    const last = run.steps.at(-1);
    expect(last?.type).to.equal('closeCase');
    expect(last?.errors?.map((e) => e.rule)).to.deep.equal(['PR-30']);
  });

  it('full cycle: leaving out the first counselling stops the assessment (PR-10)', async () => {
    const run = await runExample(example('wagner'), { skip: (type) => type === 'recordFirstCounselling' });
    expect(run.steps.at(-1)?.type).to.equal('recordAssessment');
    expect(run.steps.at(-1)?.errors?.[0]?.rule).to.equal('PR-10');
  });

  it('"no further measures" (Yıldız): Erstberatung decides, the case closes without an evaluation stage', async () => {
    const run = await runExample(example('yildiz'));
    expect(stagePath(run.steps)).to.deep.equal([
      'referral',
      'screening',
      'firstCounselling',
      'noFurtherMeasures',
      'closed',
    ]);
    expect(run.state?.closure?.reason).to.equal('noFurtherMeasures');
    expect(run.state?.closure?.continuedBy).to.be.a('string').and.have.length.greaterThan(0);
  });

  it('"no further measures": the referral elsewhere named in Erstberatung must be named at closure (PR-09)', async () => {
    const ex = example('yildiz');
    const run = await runExample(ex, { upTo: ex.steps.length - 1 });
    const result = await run.service.execute({
      type: 'closeCase',
      caseId: ex.caseId,
      input: { reason: 'noFurtherMeasures' },
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors[0]?.rule).to.equal('PR-09');
      expect(result.errors[0]?.path).to.deep.equal(['input', 'continuedBy']);
      expect(result.errors[0]?.message.de).to.contain('Migrationsberatung');
    }
  });

  it('re-assessment loop (Gebremedhin): monitoring → re-assessment → goals and plan again, old versions kept', async () => {
    const run = await runExample(example('gebremedhin'));
    const path = stagePath(run.steps);
    expect(path.slice(path.indexOf('monitoring'))).to.deep.equal([
      'monitoring',
      'reassessment',
      'goalAgreement',
      'helpPlanning',
      'monitoring',
    ]);
    const state = run.state!;
    expect(state.assessments.map((a) => [a.version, a.kind, a.status])).to.deep.equal([
      [1, 'initial', 'confirmed'],
      [2, 'reassessment', 'confirmed'],
    ]);
    expect(state.goals.some((g) => g.revisions.length > 0)).to.equal(true);
  });

  it('re-assessment loop: goals wait until the new assessment version is confirmed (PR-22)', async () => {
    const ex = example('gebremedhin');
    const upTo = ex.steps.findIndex((s) => s.type === 'startReassessment') + 1;
    const run = await runExample(ex, { upTo });
    expect(run.state?.stage).to.equal('reassessment');
    const result = await run.service.execute({
      type: 'agreeGoal',
      caseId: ex.caseId,
      input: {
        level: 'case',
        title: 'Neues Ziel',
        indicators: [{ description: 'x' }],
        timeFrame: { until: '2026-12-31' },
        domainIds: [],
        agreement: { agreedByPerson: true, agreedOn: '2026-04-02', form: 'oral' },
      },
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.map((e) => e.rule)).to.deep.equal(['PR-22']);
  });

  describe('Rechtskreiswechsel AsylbLG → SGB II with warm handover (Rahimi)', () => {
    it('the handover passes the conference rule and asks the consent check exactly once', async () => {
      const calls: HandoverConsentContext[] = [];
      const run = await runExample(example('rahimi'), {
        guards: processGuards({
          handoverConsentCheck: (context) => {
            calls.push(context);
            return [];
          },
        }),
      });
      expect(run.steps.every((s) => s.errors === undefined)).to.equal(true);
      expect(calls).to.have.length(1);
      expect(calls[0]?.input.variant).to.equal('warmHandover');
      expect(calls[0]?.input.to.agencyId).to.equal('jobcenter-musterstadt');
      expect(calls[0]?.state.leadAgencies.at(-1)?.agencyId).to.equal('kim-musterstadt');
      const state = run.state!;
      expect(state.leadAgencies.at(-1)).to.include({
        agencyId: 'jobcenter-musterstadt',
        legalDomain: 'SGB_II',
        from: '2026-06-01',
      });
      expect(state.handovers[0]?.conference?.heldOn).to.equal('2026-05-27');
    });

    it('a refusing consent check stops the handover with its own refusal; nothing is written', async () => {
      const denial: Refusal = {
        code: 'DENY_NO_CONSENT',
        rule: 'DP-08',
        message: { de: 'Keine Einwilligung für das Jobcenter.', en: 'No consent for the Jobcenter.' },
      };
      const ex = example('rahimi');
      const run = await runExample(ex, { guards: processGuards({ handoverConsentCheck: () => [denial] }) });
      const last = run.steps.at(-1);
      expect(last?.type).to.equal('changeLeadAgency');
      expect(last?.errors).to.deep.equal([denial]);
      expect(run.state?.leadAgencies.at(-1)?.agencyId).to.equal('kim-musterstadt');
    });

    it('without a consent check set up, the handover passes with a notice (PR-24)', async () => {
      const ex = example('rahimi');
      const index = ex.steps.findIndex((s) => s.type === 'changeLeadAgency');
      const run = await runExample(ex, { upTo: index });
      const step = ex.steps[index]!;
      run.clock.set(step.at);
      const result = await run.service.execute({ type: 'changeLeadAgency', caseId: ex.caseId, input: step.input });
      expect(result.ok).to.equal(true);
      if (result.ok)
        expect(result.notices?.map((n) => [n.rule, n.code])).to.deep.equal([
          ['PR-24', 'PROCESS_HANDOVER_CONSENT_UNCHECKED'],
        ]);
    });

    it('the default pipeline asks the privacy module: a handover relying on an unknown consent is refused', async () => {
      const ex = example('rahimi');
      const index = ex.steps.findIndex((s) => s.type === 'changeLeadAgency');
      const run = await runExample(ex, { upTo: index, guards: DEFAULT_GUARDS });
      const step = ex.steps[index]!;
      run.clock.set(step.at);
      const input = { ...(step.input as object), consentRef: 'consent-that-does-not-exist' };
      const result = await run.service.execute({ type: 'changeLeadAgency', caseId: ex.caseId, input });
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        expect(result.errors[0]?.code).to.equal('DENY_CONSENT_UNKNOWN');
        expect(result.errors[0]?.path).to.deep.equal(['input', 'consentRef']);
      }
      const without = await run.service.execute({ type: 'changeLeadAgency', caseId: ex.caseId, input: step.input });
      expect(without.ok).to.equal(true);
    });

    it('PR-23: a warm handover without a conference, or with one after the change, is refused', async () => {
      const ex = example('rahimi');
      const index = ex.steps.findIndex((s) => s.type === 'changeLeadAgency');
      const run = await runExample(ex, { upTo: index });
      const step = ex.steps[index]!;
      run.clock.set(step.at);
      const { conference, ...withoutConference } = step.input as { conference: { heldOn: string } };
      const missing = await run.service.execute({
        type: 'changeLeadAgency',
        caseId: ex.caseId,
        input: withoutConference,
      });
      expect(missing.ok).to.equal(false);
      if (!missing.ok)
        expect(missing.errors.map((e) => [e.rule, e.path?.join('.')])).to.deep.equal([['PR-23', 'input.conference']]);
      const late = await run.service.execute({
        type: 'changeLeadAgency',
        caseId: ex.caseId,
        input: { ...withoutConference, conference: { ...conference, heldOn: '2026-06-02' } },
      });
      expect(late.ok).to.equal(false);
      if (!late.ok) expect(late.errors[0]?.rule).to.equal('PR-23');
    });

    it('PR-25: the municipality as contractor names what it keeps doing', async () => {
      const ex = example('rahimi');
      const index = ex.steps.findIndex((s) => s.type === 'changeLeadAgency');
      const run = await runExample(ex, { upTo: index });
      run.clock.set(ex.steps[index]!.at);
      const input = {
        variant: 'municipalityAsContractor' as const,
        to: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
        legalDomain: 'SGB_II' as const,
        effectiveFrom: '2026-06-01',
        reason: 'Aufenthaltserlaubnis',
      };
      const without = await run.service.execute({ type: 'changeLeadAgency', caseId: ex.caseId, input });
      expect(without.ok).to.equal(false);
      if (!without.ok) expect(without.errors[0]?.rule).to.equal('PR-25');
      const withRole = await run.service.execute({
        type: 'changeLeadAgency',
        caseId: ex.caseId,
        input: { ...input, continuingRole: 'KIM begleitet die Wohnungssuche im Auftrag des Jobcenters weiter.' },
      });
      expect(withRole.ok).to.equal(true);
    });
  });

  it('closure by lost contact (Bondarenko): goals judged, closed without an evaluation stage, nothing left due', async () => {
    const run = await runExample(example('bondarenko'));
    const path = stagePath(run.steps);
    expect(path.slice(-2)).to.deep.equal(['monitoring', 'closed']);
    expect(run.state?.closure?.goalAttainment).to.have.length(1);
    expect(buildWorklist([run.state!], '2026-05-10', [DEFAULT_PROCESS_STANDARD])).to.deep.equal([]);
  });

  it('closure by lost contact: open goals must each be judged (PR-27)', async () => {
    const ex = example('bondarenko');
    const run = await runExample(ex, { upTo: ex.steps.length - 1 });
    run.clock.set(ex.steps.at(-1)!.at);
    const result = await run.service.execute({
      type: 'closeCase',
      caseId: ex.caseId,
      input: { reason: 'contactLost' },
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.rule)).to.deep.equal(['PR-27']);
      expect(result.errors[0]?.path).to.deep.equal(['input', 'goalAttainment']);
    }
  });
});
