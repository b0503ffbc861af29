import { expect } from 'chai';
import { MemoryCaseStore, verifyJournal } from '@fallkit/core';
import {
  canonicalJson,
  caseIndexEntry,
  caseStateSchema,
  checkCaseEventPayload,
  foldCase,
  replayCase,
} from '@fallkit/core/internal';
import { EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';

describe('example cases', () => {
  it('has 7 examples with distinct keys and case ids', () => {
    expect(EXAMPLE_CASES).to.have.length(7);
    expect(new Set(EXAMPLE_CASES.map((e) => e.key)).size).to.equal(7);
    expect(new Set(EXAMPLE_CASES.map((e) => e.caseId)).size).to.equal(7);
  });

  for (const example of EXAMPLE_CASES) {
    describe(example.key, () => {
      it('replays to the expected state', async () => {
        const { store, results } = await runExampleCases({ cases: [example] });
        const result = results[0];
        expect(result?.caseId).to.equal(example.caseId);
        const journal = await store.readJournal(example.caseId);
        expect(journal).to.have.length(result?.eventCount ?? -1);

        const replay = await replayCase(journal);
        expect(replay.verification.ok).to.equal(true);
        const state = replay.state;
        if (state === undefined) throw new Error('no state');
        // The service's running state and a fresh fold of the stored journal agree byte for byte.
        expect(canonicalJson(state)).to.equal(canonicalJson(result?.state));
        expect(caseStateSchema.safeParse(state).success).to.equal(true);

        const { expected } = example;
        expect(state.stage).to.equal(expected.stage);
        expect(state.status).to.equal(expected.status);
        expect(state.leadAgencies.at(-1)?.agencyId).to.equal(expected.leadAgencyId);
        expect(
          state.legalDomains
            .filter((p) => p.to === undefined)
            .map((p) => p.domain)
            .sort(),
        ).to.deep.equal([...expected.activeLegalDomains]);
        expect(state.persons).to.have.length(expected.persons);
        expect(state.goals).to.have.length(expected.goals);
        expect(state.measures).to.have.length(expected.measures);
        expect(state.assessments).to.have.length(expected.assessmentVersions);
        expect(state.followUps.filter((f) => !f.done)).to.have.length(expected.openFollowUps);

        // The index row written with the last append is the one the state implies.
        expect(await store.getCase(example.caseId)).to.deep.equal(JSON.parse(JSON.stringify(caseIndexEntry(state))));
      });

      it('is deterministic: two runs store the same bytes', async () => {
        const first = await runExampleCases({ cases: [example], store: new MemoryCaseStore() });
        const second = await runExampleCases({ cases: [example], store: new MemoryCaseStore() });
        expect(canonicalJson(await second.store.readJournal(example.caseId))).to.equal(
          canonicalJson(await first.store.readJournal(example.caseId)),
        );
      });
    });
  }

  it('every stored item carries record meta (subjects, categories, origin, recordedBy/At)', async () => {
    const { results } = await runExampleCases();
    for (const { state } of results) {
      const items = [
        ...state.persons,
        ...state.goals,
        ...state.measures,
        ...state.contacts,
        ...state.assessments,
        ...state.notes,
        ...state.providerReferrals,
      ];
      for (const item of items) {
        expect(item.categories.length, `${item.id} categories`).to.be.greaterThan(0);
        expect(item.subjectIds.length, `${item.id} subjects`).to.be.greaterThan(0);
        expect(item.recordedBy).to.be.a('string').and.not.equal('');
        expect(item.recordedAt).to.match(/^\d{4}-\d{2}-\d{2}T/);
      }
    }
  });

  it('the Rahimi family: warm handover AsylbLG → SGB II ends the old lead and legal domain on the handover date', async () => {
    const { results } = await runExampleCases({ cases: [EXAMPLE_CASES[0]!] });
    const state = results[0]!.state;
    expect(state.leadAgencies.map((p) => [p.agencyId, p.from, p.to ?? null])).to.deep.equal([
      ['kim-musterstadt', '2026-01-12', '2026-06-01'],
      ['jobcenter-musterstadt', '2026-06-01', null],
    ]);
    expect(state.handovers[0]?.variant).to.equal('warmHandover');
    expect(state.handovers[0]?.conference?.heldOn).to.equal('2026-05-27');
    expect(state.legalDomains.find((p) => p.domain === 'AsylbLG')?.to).to.equal('2026-06-01');
    // HO-1: the warm handover keeps KIM's case manager involved as deputy for the 28-day transition.
    expect(state.caseManagers.map((p) => [p.userId, p.role, p.to ?? null])).to.deep.equal([
      ['u-kim-krueger', 'primary', '2026-06-01'],
      ['u-jc-demir', 'primary', null],
      ['u-kim-krueger', 'deputy', '2026-06-29'],
    ]);
    expect(state.residenceStatuses.map((r) => r.status)).to.deep.equal(['duldung', 'aufenthaltserlaubnis']);
    expect(state.measures[2]?.secondBest?.serviceKind).to.equal('Integrationskurs mit Kinderbetreuung');
  });

  it('the re-assessment loop keeps the old assessment version and the goal history', async () => {
    const example = EXAMPLE_CASES.find((e) => e.key === 'gebremedhin')!;
    const { results } = await runExampleCases({ cases: [example] });
    const state = results[0]!.state;
    expect(state.assessments.map((a) => [a.version, a.kind, a.status])).to.deep.equal([
      [1, 'initial', 'confirmed'],
      [2, 'reassessment', 'confirmed'],
    ]);
    expect(state.assessments[1]?.supersedesId).to.equal(state.assessments[0]?.id);
    const goal = state.goals[0]!;
    expect(goal.title).to.equal('Stelle in der Lagerlogistik in Tagschicht');
    expect(goal.revisions).to.have.length(1);
    expect(goal.revisions[0]?.previous.title).to.equal('Vollzeitstelle in der Lagerlogistik');
    expect(goal.revisions[0]?.previousAgreement?.agreedOn).to.equal('2026-01-28');
    expect(state.reassessments[0]?.deviationIds).to.deep.equal(['gebremedhin-deviation-1']);
  });

  it('all example journals verify with payload schemas', async () => {
    const { store, results } = await runExampleCases();
    for (const { caseId } of results) {
      const verdict = await verifyJournal(await store.readJournal(caseId), { checkPayload: checkCaseEventPayload });
      expect(verdict.ok, caseId).to.equal(true);
      expect(foldCase(await store.readJournal(caseId))?.caseId).to.equal(caseId);
    }
  });
});
