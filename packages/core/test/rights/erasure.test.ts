import { expect } from 'chai';
import { caseExampleOf, foldRights, requestErasure, RIGHTS_EVENTS } from '@fallkit/core/rights';
import { CASE_EVENTS, verifyJournal } from '@fallkit/core';
import { createPayloadCheck, foldCase, isErasedPayload } from '@fallkit/core/internal';
import { JOBCENTER, KIM, rightsWorld, JOBCENTER_DPO, KIM_DPO } from './rights-fixtures.js';

const checkPayload = createPayloadCheck({ ...CASE_EVENTS, ...RIGHTS_EVENTS });

describe('rights: erasure, restriction, objection (DP-31, DP-32)', () => {
  it('DP-31: erasure of an SGB VIII help file returns RESTRICTED_RETENTION_DUTY, and the case leaves the case list', async function () {
    this.timeout(30_000);
    const { store, clock, as } = await rightsWorld();
    const service = as(JOBCENTER);
    expect((await service.listCases({ status: 'open' })).map((row) => row.caseId)).to.include('jc-2026-0522');
    const answer = await requestErasure(as(JOBCENTER_DPO), store, clock, 'jc-2026-0522', {
      subjectId: 'kowalski-person-1',
      scope: 'case',
    });
    expect(answer.ok).to.equal(true);
    if (!answer.ok) return;
    expect(answer.value.outcome).to.equal('restricted');
    expect(answer.value.blocking[0]?.code).to.equal('RESTRICTED_RETENTION_DUTY');
    expect(answer.value.blocking[0]?.rule).to.equal('sgb8-9b');
    expect(answer.value.erasedSeqs).to.deep.equal([]);
    expect((await service.listCases({ status: 'open' })).map((row) => row.caseId)).to.not.include('jc-2026-0522');
    expect((await store.getCase('jc-2026-0522'))?.status).to.equal('restricted');
    // Nothing was erased: the data are kept for the blocking reason.
    expect((await store.readJournal('jc-2026-0522')).some((event) => isErasedPayload(event.payload))).to.equal(false);
  });

  it('DP-31: a restricted case refuses ordinary commands but still takes data-subject rights; lifting it brings it back', async function () {
    this.timeout(30_000);
    const { store, clock, as } = await rightsWorld();
    const service = as(JOBCENTER);
    await requestErasure(as(JOBCENTER_DPO), store, clock, 'jc-2026-0522', {
      subjectId: 'kowalski-person-1',
      scope: 'case',
    });
    const note = await service.execute({
      type: 'recordNote',
      caseId: 'jc-2026-0522',
      input: { text: 'Telefonat mit Frau Kowalski.' },
    });
    expect(note.ok).to.equal(false);
    if (!note.ok) expect(note.errors[0]?.code).to.equal('REDACT_RESTRICTED');
    const access = await service.execute({
      type: 'recordAccessRequest',
      caseId: 'jc-2026-0522',
      input: { subjectId: 'kowalski-person-1' },
    });
    expect(access.ok).to.equal(true);
    expect((await store.getCase('jc-2026-0522'))?.status).to.equal('restricted');
    const restrictionId = foldRights(await store.readJournal('jc-2026-0522')).restrictions[0]!.restrictionId;
    const lifted = await as(JOBCENTER_DPO).execute({
      type: 'liftRestriction',
      caseId: 'jc-2026-0522',
      input: { restrictionId, reason: 'Klage zurückgenommen, Prüfung abgeschlossen.' },
    });
    expect(lifted.ok).to.equal(true);
    expect((await store.getCase('jc-2026-0522'))?.status).to.equal('open');
  });

  it('DP-31: a pending claim or the person’s protected interest restricts instead of erasing, naming each blocking rule', async function () {
    this.timeout(30_000);
    const { store, clock, as } = await rightsWorld();
    const answer = await requestErasure(as(KIM_DPO), store, clock, 'kim-2026-0007', {
      subjectId: 'yildiz-person-1',
      scope: 'case',
      pendingClaim: { reference: 'SG Musterstadt S 12 AS 345/26' },
      protectedInterest: { reason: 'Nachweis für laufendes Wohngeldverfahren' },
    });
    expect(answer.ok).to.equal(true);
    if (answer.ok) {
      expect(answer.value.outcome).to.equal('restricted');
      expect(answer.value.blocking.map((b) => b.code)).to.deep.equal([
        'RESTRICTED_PENDING_CLAIM',
        'RESTRICTED_PROTECTED_INTEREST',
      ]);
    }
  });

  it('DP-32: erasure removes payloads, keeps envelopes and payload hashes: verifyJournal passes, the payload reads as ERASED, the fold tolerates it', async function () {
    this.timeout(30_000);
    const { store, clock, as } = await rightsWorld();
    const service = as(KIM);
    const before = await store.readJournal('kim-2026-0007');
    const answer = await requestErasure(as(KIM_DPO), store, clock, 'kim-2026-0007', {
      subjectId: 'yildiz-person-1',
      scope: 'case',
    });
    expect(answer.ok).to.equal(true);
    if (!answer.ok) return;
    expect(answer.value.outcome).to.equal('granted');
    expect(answer.value.erasedSeqs).to.deep.equal(before.map((event) => event.seq));
    const after = await store.readJournal('kim-2026-0007');
    expect((await verifyJournal(after, { checkPayload })).ok).to.equal(true);
    for (const event of before) {
      const erased = after[event.seq - 1]!;
      expect(isErasedPayload(erased.payload)).to.equal(true);
      expect(erased.payloadHash).to.equal(event.payloadHash);
      expect(erased.hash).to.equal(event.hash);
    }
    expect(JSON.stringify(after)).to.not.match(/Yıldız|Emre|Wohngeld/);
    const state = foldCase(after);
    expect(state?.caseId).to.equal('kim-2026-0007');
    expect(state?.persons.some((person) => person.familyName === 'Yıldız')).to.equal(false);
    const loaded = await service.loadCase('kim-2026-0007', { verify: true });
    expect(loaded.ok).to.equal(true);
    expect((await store.getCase('kim-2026-0007'))?.status).to.equal('erased');
    // The decision and what was erased stay provable; the case takes no further entries.
    expect(after.filter((event) => !isErasedPayload(event.payload)).map((event) => event.type)).to.include.members([
      'ErasureDecided',
      'DataErased',
    ]);
    const again = await service.execute({ type: 'recordNote', caseId: 'kim-2026-0007', input: { text: 'x' } });
    expect(again.ok).to.equal(false);
    if (!again.ok) expect(again.errors[0]?.code).to.equal('ERASED');
  });

  it('DP-32: erasing one household member removes only items about that person alone; the chain verifies', async function () {
    this.timeout(30_000);
    const { store, clock, as } = await rightsWorld();
    const service = as(JOBCENTER);
    const note = await service.execute({
      type: 'recordNote',
      caseId: 'kim-2026-0001',
      input: {
        text: 'Partner hat Termin beim Sprachkurs verpasst.',
        subjectIds: ['rahimi-person-4'],
        thirdParty: true,
      },
    });
    expect(note.ok).to.equal(true);
    const answer = await requestErasure(as(JOBCENTER_DPO), store, clock, 'kim-2026-0001', {
      subjectId: 'rahimi-person-4',
      scope: 'subject',
    });
    expect(answer.ok).to.equal(true);
    const journal = await store.readJournal('kim-2026-0001');
    expect((await verifyJournal(journal, { checkPayload })).ok).to.equal(true);
    const state = foldCase(journal)!;
    expect(state.notes.some((n) => n.text.includes('Sprachkurs verpasst'))).to.equal(false);
    expect(state.persons.map((p) => p.id)).to.not.include('rahimi-person-4');
    expect(state.persons.map((p) => p.id)).to.include('rahimi-person-1');
    expect(state.assessments).to.have.length(1);
    expect((await store.getCase('kim-2026-0001'))?.status).to.equal('open');
  });

  it('DP-31: objections are decided by a person, never the system', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    const recorded = await as(JOBCENTER).execute({
      type: 'recordObjection',
      caseId: 'kim-2026-0001',
      input: { subjectId: 'rahimi-person-1', grounds: 'Möchte nicht in Statistiken erscheinen.' },
    });
    expect(recorded.ok).to.equal(true);
    const objectionId = foldRights(await store.readJournal('kim-2026-0001')).objections[0]!.objectionId;
    const system = as({ id: 'batch', role: 'system', agencyId: 'kim-musterstadt' });
    const bySystem = await system.execute({
      type: 'decideObjection',
      caseId: 'kim-2026-0001',
      input: { objectionId, outcome: 'rejected', reasons: 'automatisch' },
    });
    expect(bySystem.ok).to.equal(false);
    if (!bySystem.ok) expect(bySystem.errors[0]?.code).to.equal('DENY_AUTOMATED_DECISION');
    const byPerson = await as(JOBCENTER_DPO).execute({
      type: 'decideObjection',
      caseId: 'kim-2026-0001',
      input: { objectionId, outcome: 'upheld', reasons: 'Besondere Situation glaubhaft.' },
    });
    expect(byPerson.ok).to.equal(true);
  });

  it('DP-31: while an objection is open the person is left out of case examples; a rejected objection lets them back', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    const key = 'controller-secret-key-0123456789';
    expect((await caseExampleOf(await store.readJournal('kim-2026-0001'), key)).ok).to.equal(true);
    await as(JOBCENTER).execute({
      type: 'recordObjection',
      caseId: 'kim-2026-0001',
      input: { subjectId: 'rahimi-person-1', grounds: 'Keine Fallbeispiele in der Supervision.' },
    });
    const blocked = await caseExampleOf(await store.readJournal('kim-2026-0001'), key);
    expect(blocked.ok).to.equal(false);
    if (!blocked.ok) expect(blocked.errors[0]).to.include({ code: 'DENY_EXCLUDED_FROM_EXAMPLES', rule: 'DP-31' });
    const objectionId = foldRights(await store.readJournal('kim-2026-0001')).objections[0]!.objectionId;
    await as(JOBCENTER_DPO).execute({
      type: 'decideObjection',
      caseId: 'kim-2026-0001',
      input: { objectionId, outcome: 'rejected', reasons: 'Zwingende schutzwürdige Gründe für die Fachaufsicht.' },
    });
    expect((await caseExampleOf(await store.readJournal('kim-2026-0001'), key)).ok).to.equal(true);
  });

  it('DP-31: bad rights input gets a typed refusal and the journal stays unchanged', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    const before = JSON.stringify(await store.readJournal('kim-2026-0001'));
    // The holding agency's DPO decides (DP-41); only someone who may act learns that an id is unknown.
    const service = as(JOBCENTER_DPO);
    const cases = [
      { type: 'requestErasure', input: { subjectId: 'nobody', scope: 'case' }, code: 'UNKNOWN_PERSON' },
      { type: 'requestErasure', input: { subjectId: 'rahimi-person-1', scope: 'everything' }, code: 'INVALID_INPUT' },
      {
        type: 'decideObjection',
        input: { objectionId: 'objection-404', outcome: 'upheld', reasons: 'x' },
        code: 'UNKNOWN_REFERENCE',
      },
      { type: 'liftRestriction', input: { restrictionId: 'r-404', reason: 'x' }, code: 'UNKNOWN_REFERENCE' },
      {
        type: 'restrictProcessing',
        input: { subjectId: 'rahimi-person-1', scope: 'case', code: 'NOPE', reason: 'x' },
        code: 'INVALID_INPUT',
      },
    ];
    for (const { type, input, code } of cases) {
      const result = await service.execute({ type, caseId: 'kim-2026-0001', input });
      expect(result.ok, type).to.equal(false);
      if (!result.ok) {
        expect(result.errors[0]?.code, type).to.equal(code);
        expect(result.errors[0]?.message.de.length).to.be.greaterThan(0);
        expect(result.errors[0]?.message.en.length).to.be.greaterThan(0);
      }
    }
    expect(JSON.stringify(await store.readJournal('kim-2026-0001'))).to.equal(before);
  });
});
