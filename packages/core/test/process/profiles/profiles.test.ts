import { expect } from 'chai';
import {
  buildWorklist,
  createStandardRegistry,
  LEGAL_PROFILES,
  planDocumentLayout,
  type CaseState,
  parseProcessStandard,
  SGB2_KOOPERATIONSPLAN,
  SGB8_HILFEPLAN,
  SGB9_GESAMTPLAN,
} from '@fallkit/core';
import { LEGAL_PROFILE_RETENTION_RULES } from '@fallkit/core/internal';
import { retentionRuleSchema, TYPICAL_RETENTION_SCHEDULE } from '@fallkit/core/retention';
import { PROFILE_EXAMPLE_CASES, runExampleCases, type ExampleCase } from '@fallkit/core/examples';

async function runUntil(example: ExampleCase, type: string): Promise<CaseState> {
  const cut = example.steps.findIndex((s) => s.type === type);
  const { results } = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
  const state = results[0]?.state;
  if (state === undefined) throw new Error('no state');
  return state;
}

describe('legal profiles (issue 20)', () => {
  for (const profile of LEGAL_PROFILES) {
    it(`${profile.id} ${profile.version} validates as a process standard (STANDARD)`, () => {
      const parsed = parseProcessStandard(profile);
      expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.errors.slice(0, 3))).to.equal(true);
    });
  }

  it('every value of a profile names its paragraph and verification state', () => {
    for (const profile of LEGAL_PROFILES) {
      for (const item of profile.plan?.items ?? []) expect(item.source.paragraph).to.match(/§/);
      for (const deadline of profile.statutoryDeadlines ?? []) expect(deadline.source.paragraph).to.match(/§/);
      for (const row of profile.retention ?? []) expect(row.verified).to.equal(false);
    }
  });

  it('the SGB IX profile assesses the nine ICF life areas d1-d9', () => {
    expect(SGB9_GESAMTPLAN.assessment.lifeDomains.map((d) => d.code)).to.deep.equal([
      'd1',
      'd2',
      'd3',
      'd4',
      'd5',
      'd6',
      'd7',
      'd8',
      'd9',
    ]);
  });

  it('the SGB VIII profile brings the § 9b row: 70 years after the 30th birthday (age 100), unverified', () => {
    const row = SGB8_HILFEPLAN.retention?.find((r) => r.id === 'sgb8-9b');
    expect(row?.untilAge).to.equal(100);
    expect(row?.basis).to.equal('statutoryDuty');
    expect(row?.verified).to.equal(false);
  });

  it('the registry knows every shipped profile version (PR-00)', () => {
    const registry = createStandardRegistry();
    for (const profile of LEGAL_PROFILES) expect(registry.get(profile)).to.equal(profile);
  });

  for (const example of PROFILE_EXAMPLE_CASES) {
    describe(`example ${example.key}`, () => {
      it('runs from opening to closure and evaluation under its profile, which the case keeps (PR-00)', async () => {
        const { results } = await runExampleCases({ cases: [example] });
        const state = results[0]?.state;
        expect(state?.status).to.equal('closed');
        expect(state?.stage).to.equal('closed');
        expect(state?.evaluation).to.not.equal(null);
        const opened = example.steps[0]?.input as { processStandard: { id: string; version: string } };
        expect(state?.processStandard).to.deep.equal(opened.processStandard);
        expect(state?.plans).to.have.length(1);
        expect(state?.plans[0]?.standard).to.deep.equal(opened.processStandard);
      });
    });
  }

  it('SGB II: the worklist shows the six-month review with § 15 Abs. 3 SGB II', async () => {
    const state = await runUntil(PROFILE_EXAMPLE_CASES[0] as ExampleCase, 'recordPlan');
    const items = buildWorklist([state], '2026-07-22').filter((i) => i.kind === 'statutoryDeadline');
    expect(items).to.have.length(1);
    expect(items[0]?.dueOn).to.equal('2026-07-26');
    expect(items[0]?.severity).to.equal('due');
    expect(items[0]?.explanation.de).to.contain('§ 15 Abs. 3 SGB II');
    expect(items[0]?.explanation.de).to.contain('6 Monate');
    expect(items[0]?.explanation.en).to.contain('secondary source');
  });

  it('SGB IX: competence within 2 weeks (§ 14 Abs. 1) and decision within 3 weeks (§ 14 Abs. 2) of the application', async () => {
    const state = await runUntil(PROFILE_EXAMPLE_CASES[2] as ExampleCase, 'recordReferral');
    const items = buildWorklist([state], '2026-03-02').filter((i) => i.kind === 'statutoryDeadline');
    expect(items.map((i) => [i.ref?.id, i.dueOn])).to.deep.equal([
      ['sgb9-competence', '2026-03-12'],
      ['sgb9-decision', '2026-03-19'],
    ]);
    expect(items[0]?.explanation.de).to.contain('§ 14 Abs. 1 Satz 1 SGB IX');
  });

  it('SGB IX: after a planning conference the decision runs 2 months (§ 15 Abs. 4); after the plan the review in 2 years (§ 121 Abs. 2)', async () => {
    const conference = await runUntil(PROFILE_EXAMPLE_CASES[2] as ExampleCase, 'holdCaseConference');
    const before = buildWorklist([conference], '2026-04-20').filter((i) => i.kind === 'statutoryDeadline');
    expect(before.map((i) => [i.ref?.id, i.dueOn])).to.deep.equal([['sgb9-decision-conference', '2026-04-26']]);
    const planned = await runUntil(PROFILE_EXAMPLE_CASES[2] as ExampleCase, 'recordPlan');
    const after = buildWorklist([planned], '2028-03-01').filter((i) => i.kind === 'statutoryDeadline');
    expect(after.map((i) => [i.ref?.id, i.dueOn])).to.deep.equal([['sgb9-plan-review', '2028-03-16']]);
    expect(after[0]?.explanation.de).to.contain('§ 121 Abs. 2 Satz 2 SGB IX');
    expect(after[0]?.explanation.de).to.not.contain('ungeprüft');
  });

  it('SGB VIII: the review deadline is marked unverified (the statute says "regelmäßig")', async () => {
    const state = await runUntil(PROFILE_EXAMPLE_CASES[1] as ExampleCase, 'recordPlan');
    const items = buildWorklist([state], '2026-08-01').filter((i) => i.kind === 'statutoryDeadline');
    expect(items[0]?.explanation.de).to.contain('§ 36 Abs. 2 Satz 2 SGB VIII (ungeprüft)');
  });

  it('lays out each profile’s document with every required item present', async () => {
    for (const example of PROFILE_EXAMPLE_CASES) {
      const state = await runUntil(example, 'recordPlan');
      const standard = LEGAL_PROFILES.find((p) => p.id === state.processStandard.id);
      if (standard === undefined) throw new Error('no standard');
      const layout = planDocumentLayout(state, standard);
      expect(layout?.missing).to.deep.equal([]);
      const must = (standard.plan?.items ?? []).filter(
        (i) => i.obligation === 'must' && (i.appliesWhen === undefined || state.plans[0]?.helpOutsideFamily),
      );
      for (const item of must)
        expect(layout?.sections.find((s) => s.item.id === item.id)?.present, item.id).to.equal(true);
    }
    expect(SGB2_KOOPERATIONSPLAN.plan?.signatureLine).to.equal(false);
    expect(SGB2_KOOPERATIONSPLAN.plan?.form).to.equal('text');
  });
});

describe('legal profiles are versioned (PR-00)', () => {
  it('a later version of the SGB II profile does not rewrite a case opened under 2023-07', async () => {
    // A hypothetical reform version with a three-month review: the old case keeps its six months.
    const reform = {
      ...SGB2_KOOPERATIONSPLAN,
      version: '2026-07',
      statutoryDeadlines: [
        { ...SGB2_KOOPERATIONSPLAN.statutoryDeadlines![0]!, period: { amount: 3, unit: 'months' as const } },
      ],
    };
    const example = PROFILE_EXAMPLE_CASES[0] as ExampleCase;
    const cut = example.steps.findIndex((s) => s.type === 'recordPlan');
    const { results } = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
    const old = results[0]!.state;
    const items = buildWorklist([old], '2026-07-22', [reform]).filter((i) => i.kind === 'statutoryDeadline');
    expect(old.processStandard.version).to.equal('2023-07');
    expect(items.map((i) => i.dueOn)).to.deep.equal(['2026-07-26']);
    // A case opened under the reform version is judged by it.
    const reformed = { ...old, processStandard: { id: reform.id, version: reform.version } };
    const newer = buildWorklist([reformed], '2026-04-20', [reform]).filter((i) => i.kind === 'statutoryDeadline');
    expect(newer.map((i) => i.dueOn)).to.deep.equal(['2026-04-26']);
  });
});

describe('legal profiles: retention rows (DP-35)', () => {
  it('every row validates as a retention rule, is unverified, and the § 9b row agrees with the typical schedule', () => {
    expect(LEGAL_PROFILE_RETENTION_RULES.map((r) => r.id)).to.deep.equal([
      'sgb2-benefits-10y',
      'sgb8-9b',
      'sgb9-eingliederungshilfe-10y',
    ]);
    for (const row of LEGAL_PROFILE_RETENTION_RULES) {
      expect(retentionRuleSchema.safeParse(row).success, row.id).to.equal(true);
      expect(row.verified, row.id).to.equal(false);
    }
    const typical = TYPICAL_RETENTION_SCHEDULE.rules.find((r) => r.id === 'sgb8-9b')!;
    const profile = LEGAL_PROFILE_RETENTION_RULES.find((r) => r.id === 'sgb8-9b')!;
    expect([profile.untilAge, profile.basis, profile.legalDomain]).to.deep.equal([
      typical.untilAge,
      typical.basis,
      typical.legalDomain,
    ]);
  });
});
