import { expect } from 'chai';
import { createCaseService, isRedactionMarker, type CaseView, type Result } from '@fallkit/core';
import { accessLogEntries, accessLogStreamId, viewCase } from '@fallkit/core/internal';
import { foldRights } from '@fallkit/core/rights';
import { CASE_ID, openBasicCase, privacyWorld, recordAssessment, U, type PrivacyWorld } from './privacy-fixtures.js';

/** Words of the fixtures' case content; none of them may appear in a restricted or erased view. */
const CONTENT = ['Nour', 'Rückenschmerzen', 'Mietschulden', 'Schneiderei', 'Sami', 'gemobbt'];

function valueOf(view: Result<CaseView>): CaseView {
  expect(view.ok, view.ok ? '' : view.errors.map((e) => e.code).join()).to.equal(true);
  if (!view.ok) throw new Error('view refused');
  return view.value;
}

function contentIn(view: CaseView): string[] {
  const json = JSON.stringify(view.case);
  return CONTENT.filter((word) => json.includes(word));
}

/** The case with an assessment, a child in the household and a note about the child. */
async function caseWithChild(world: PrivacyWorld): Promise<string> {
  await openBasicCase(world);
  await recordAssessment(world);
  const child = await world.run('addPerson', {
    roles: ['child', 'householdMember'],
    givenName: 'Sami',
    familyName: 'Haddad',
    birthDate: '2015-09-01',
    inHousehold: true,
    note: 'Geht in die 4. Klasse.',
  });
  const childId = child.state.persons.at(-1)!.id;
  await world.run('recordNote', {
    text: 'Sami wird in der Schule gemobbt.',
    subjectIds: [childId],
    categories: ['household', 'notes'],
  });
  return childId;
}

async function restrict(world: PrivacyWorld, subjectId: string, scope: 'case' | 'subject'): Promise<string> {
  const outcome = await world.runAs(U.kimDpo, 'restrictProcessing', {
    subjectId,
    scope,
    code: 'RESTRICTED_PENDING_CLAIM',
    reason: 'Klage vor dem Sozialgericht Musterstadt, S 12 AS 345/26.',
  });
  return (outcome.events[0]!.payload as { restrictionId: string }).restrictionId;
}

describe('privacy: views honour restriction and erasure (DP-31, DP-32)', () => {
  it('DP-31: a restricted case shows the case manager REDACT_RESTRICTED markers instead of content, logged as redacted', async () => {
    const world = privacyWorld();
    await caseWithChild(world);
    await restrict(world, 'person-1', 'case');
    const view = valueOf(await world.views.viewCase(CASE_ID, 'caseManagement'));
    expect(contentIn(view)).to.deep.equal([]);
    expect(view.restriction).to.include({ redacted: true, code: 'REDACT_RESTRICTED', rule: 'DP-31' });
    expect(view.restriction?.message.de).to.contain('Art. 18 DSGVO');
    expect(view.decision.outcome).to.equal('allow-redacted');
    expect(view.decision.reasons[0]).to.include({ code: 'REDACT_RESTRICTED', rule: 'DP-31' });
    expect(view.categories).to.deep.equal([]);
    // Metadata stays: the worker sees that there is a case and where it stands.
    expect(view.case.stage).to.equal('assessment');
    const [assessment] = view.case.assessments;
    expect(isRedactionMarker(assessment)).to.equal(false);
    const domains = (assessment as unknown as { domains: unknown[]; wishesAndDreams: unknown }).domains;
    expect(domains).to.have.length(3);
    for (const domain of domains) expect(domain).to.include({ redacted: true, code: 'REDACT_RESTRICTED' });
    expect((assessment as unknown as { wishesAndDreams: unknown }).wishesAndDreams).to.include({
      code: 'REDACT_RESTRICTED',
    });
    expect(view.case.notes.every((note) => isRedactionMarker(note) && note.code === 'REDACT_RESTRICTED')).to.equal(
      true,
    );
    // Persons stay as entries (ids), their fields are markers.
    expect(view.case.persons).to.have.length(2);
    for (const person of view.case.persons) {
      expect((person as unknown as { givenName: unknown }).givenName).to.include({ code: 'REDACT_RESTRICTED' });
    }
    world.as(U.kimDpo);
    const log = accessLogEntries(await world.store.readJournal(accessLogStreamId('kim-musterstadt')));
    expect(log.at(-1)).to.include({ outcome: 'allow-redacted', purpose: 'caseManagement' });
    expect(log.at(-1)!.redacted).to.be.greaterThan(0);
    expect(log.at(-1)!.categories).to.deep.equal([]);
  });

  it('DP-31: the team lead under supervision and every other purpose see markers; the dataSubjectRequest purpose sees the content', async () => {
    const world = privacyWorld();
    await caseWithChild(world);
    world.as(U.kimLead);
    await world.run('recordSupervisionReason', { reason: 'Beschwerde der Klientin über die Hilfeplanung prüfen.' });
    expect(contentIn(valueOf(await world.views.viewCase(CASE_ID, 'supervision')))).to.include('Rückenschmerzen');
    world.as(U.kim);
    await restrict(world, 'person-1', 'case');
    world.as(U.kimLead);
    const lead = valueOf(await world.views.viewCase(CASE_ID, 'supervision'));
    expect(contentIn(lead)).to.deep.equal([]);
    expect(lead.restriction?.code).to.equal('REDACT_RESTRICTED');
    world.as(U.kim);
    const request = valueOf(await world.views.viewCase(CASE_ID, 'dataSubjectRequest'));
    expect(contentIn(request)).to.include.members(['Nour', 'Rückenschmerzen', 'Sami']);
    expect(request.restriction).to.equal(undefined);
    expect(JSON.stringify(request.decision)).to.not.contain('REDACT_RESTRICTED');
  });

  it('DP-31: lifting the restriction gives the content back', async () => {
    const world = privacyWorld();
    await caseWithChild(world);
    const restrictionId = await restrict(world, 'person-1', 'case');
    expect(contentIn(valueOf(await world.views.viewCase(CASE_ID, 'caseManagement')))).to.deep.equal([]);
    await world.runAs(U.kimDpo, 'liftRestriction', { restrictionId, reason: 'Klage zurückgenommen.' });
    const view = valueOf(await world.views.viewCase(CASE_ID, 'caseManagement'));
    expect(contentIn(view)).to.include.members(['Nour', 'Rückenschmerzen', 'Sami', 'gemobbt']);
    expect(view.restriction).to.equal(undefined);
    expect(view.decision.outcome).to.equal('allow');
  });

  it('DP-31: a restriction for one person hides that person and the items about them; the rest of the case stays readable', async () => {
    const world = privacyWorld();
    const childId = await caseWithChild(world);
    await restrict(world, childId, 'subject');
    const view = valueOf(await world.views.viewCase(CASE_ID, 'caseManagement'));
    expect(view.restriction).to.equal(undefined);
    expect(contentIn(view)).to.include.members(['Nour', 'Rückenschmerzen', 'Mietschulden']);
    expect(contentIn(view)).to.not.include.members(['Sami']);
    expect(contentIn(view)).to.not.include.members(['gemobbt']);
    const child = view.case.persons.find((p) => (p as unknown as { id: string }).id === childId) as unknown as Record<
      string,
      unknown
    >;
    expect(child['givenName']).to.include({ code: 'REDACT_RESTRICTED', rule: 'DP-31' });
    expect(child['note']).to.include({ code: 'REDACT_RESTRICTED' });
    expect(view.case.notes.at(-1)).to.include({ redacted: true, code: 'REDACT_RESTRICTED' });
    expect(view.decision.reasons.map((r) => r.code)).to.include('REDACT_RESTRICTED');
  });

  it('DP-31: the live view switches to markers when the restriction is recorded', async () => {
    const world = privacyWorld();
    await caseWithChild(world);
    const seen: CaseView[] = [];
    const subscription = world.views.observeCaseView(CASE_ID, 'caseManagement').subscribe((view) => {
      if (view?.ok) seen.push(view.value);
    });
    const wait = async (count: number) => {
      for (let i = 0; i < 100 && seen.length < count; i += 1) await new Promise<void>((r) => setTimeout(() => r(), 5));
    };
    await wait(1);
    expect(contentIn(seen[0]!)).to.include('Rückenschmerzen');
    // The DPO records the restriction in their own session (DP-41); the case manager's live view follows.
    const dpo = createCaseService({ store: world.store, clock: world.clock, ids: world.ids, actor: U.kimDpo });
    const restricted = await dpo.execute({
      type: 'restrictProcessing',
      caseId: CASE_ID,
      input: {
        subjectId: 'person-1',
        scope: 'case',
        code: 'RESTRICTED_PENDING_CLAIM',
        reason: 'Klage vor dem Sozialgericht Musterstadt, S 12 AS 345/26.',
      },
    });
    expect(restricted.ok).to.equal(true);
    await wait(2);
    subscription.unsubscribe();
    expect(seen.length).to.be.greaterThanOrEqual(2);
    expect(contentIn(seen.at(-1)!)).to.deep.equal([]);
    expect(seen.at(-1)!.restriction?.code).to.equal('REDACT_RESTRICTED');
  });

  it('DP-31: viewCase is pure: without rights it shows content, with foldRights(journal) it shows markers', async () => {
    const world = privacyWorld();
    await caseWithChild(world);
    await restrict(world, 'person-1', 'case');
    const { state, privacy } = await world.load();
    const rights = foldRights(await world.store.readJournal(CASE_ID));
    const now = world.clock.now();
    const plain = valueOf(viewCase(state, U.kim, 'caseManagement', { now, privacy }));
    expect(contentIn(plain)).to.include('Rückenschmerzen');
    const restricted = valueOf(viewCase(state, U.kim, 'caseManagement', { now, privacy, rights }));
    expect(contentIn(restricted)).to.deep.equal([]);
    // The data-protection officer still reads logs, not content (DP-23): the restriction opens nothing.
    const dpo = viewCase(state, U.kimDpo, 'dataSubjectRequest', { now, privacy, rights });
    expect(dpo.ok).to.equal(false);
  });

  it('DP-32: an erased case shows that it was erased and nothing else, already before the store removed the payloads', async () => {
    const world = privacyWorld();
    await caseWithChild(world);
    const decided = await world.runAs(U.kimDpo, 'requestErasure', { subjectId: 'person-1', scope: 'case' });
    const outcome = decided.events.find((e) => e.type === 'ErasureDecided')?.payload as { outcome: string };
    expect(outcome.outcome).to.equal('granted');
    // The store still holds the payloads here: the view must not read them.
    const journal = await world.store.readJournal(CASE_ID);
    expect(JSON.stringify(journal)).to.contain('Rückenschmerzen');
    const view = valueOf(await world.views.viewCase(CASE_ID, 'caseManagement'));
    expect(view.restriction).to.include({ redacted: true, code: 'ERASED', rule: 'DP-32' });
    expect(view.decision).to.deep.include({ outcome: 'allow-redacted' });
    expect(view.decision.reasons.map((r) => r.code)).to.deep.equal(['ERASED']);
    expect(contentIn(view)).to.deep.equal([]);
    expect(view.case.persons).to.deep.equal([]);
    expect(view.case.assessments).to.deep.equal([]);
    expect(view.case.notes).to.deep.equal([]);
    expect(view.case.caseManagers).to.deep.equal([]);
    expect(view.case.label).to.equal('');
    expect(view.categories).to.deep.equal([]);
    // Another worker of the agency learns only the same fact.
    world.as(U.kimOther);
    const other = valueOf(await world.views.viewCase(CASE_ID, 'caseManagement'));
    expect(contentIn(other)).to.deep.equal([]);
    expect(other.restriction?.code).to.equal('ERASED');
  });
});
