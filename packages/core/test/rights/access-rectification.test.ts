import { expect } from 'chai';
import {
  earlierRecipients,
  exportSubjectData,
  foldRights,
  hashSubjectExport,
  SUBJECT_EXPORT_SCHEMA,
} from '@fallkit/core/rights';
import { type JournalEvent } from '@fallkit/core';
import { foldCase } from '@fallkit/core/internal';
import { JOBCENTER, RIGHTS_NOW, rightsWorld, JOBCENTER_DPO } from './rights-fixtures.js';

describe('rights: access and rectification (DP-29, DP-30)', () => {
  it('DP-29: exportSubjectData returns every item with that subject id plus consent and transfer history, and nothing where only someone else is subject', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    const service = as(JOBCENTER);
    const partnerNote = await service.execute({
      type: 'recordNote',
      caseId: 'kim-2026-0001',
      input: { text: 'Herr Rahimi (Partner) berichtet von Schulden bei einem Onkel.', subjectIds: ['rahimi-person-4'] },
    });
    expect(partnerNote.ok).to.equal(true);
    const mixedNote = await service.execute({
      type: 'recordNote',
      caseId: 'kim-2026-0001',
      input: {
        text: 'Streit mit dem Ex-Partner über Umgang.',
        subjectIds: ['rahimi-person-1', 'rahimi-person-4'],
        thirdParty: true,
      },
    });
    expect(mixedNote.ok).to.equal(true);
    const events = await store.readJournal('kim-2026-0001');
    const state = foldCase(events)!;
    const goal = state.goals.find((g) => g.subjectIds.includes('rahimi-person-1'))!;
    const partnerNoteId = state.notes.find((n) => n.text.includes('Onkel'))!.id;
    // A consent and a transfer as the privacy module records them (its commands are not needed here).
    const consent = {
      type: 'ConsentRecorded',
      at: RIGHTS_NOW,
      payload: {
        id: 'consent-1',
        subjectId: 'rahimi-person-1',
        categories: ['employment'],
        recipients: [{ agencyId: 'jobcenter-musterstadt' }],
      },
    };
    const transfer = {
      type: 'DataTransferred',
      at: RIGHTS_NOW,
      payload: {
        id: 'transfer-1',
        recipient: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
        // References as the privacy module records them; the subjects come from the case state.
        items: [
          { section: 'goals', id: goal.id, categories: ['goals'] },
          { section: 'notes', id: partnerNoteId, categories: ['notes'] },
          { section: 'assessments', id: 'rahimi-assessment-1', part: 'familyChildren', categories: ['household'] },
        ],
      },
    };
    const otherConsent = {
      type: 'ConsentRecorded',
      at: RIGHTS_NOW,
      payload: { id: 'consent-2', subjectId: 'rahimi-person-4', categories: ['debts'] },
    };
    const withHistory = [...events, consent, transfer, otherConsent] as unknown as JournalEvent[];

    const result = exportSubjectData({ state, events: withHistory }, 'rahimi-person-1', { generatedAt: RIGHTS_NOW });
    expect(result.schema).to.equal(SUBJECT_EXPORT_SCHEMA);
    const [exported] = result.cases;
    expect(exported?.caseId).to.equal('kim-2026-0001');
    // Every item with the subject id is there …
    const expected: string[] = [];
    for (const [collection, holder] of Object.entries(state)) {
      const list: unknown[] = Array.isArray(holder) ? holder : holder && typeof holder === 'object' ? [holder] : [];
      for (const item of list as { id?: string; subjectIds?: string[] }[]) {
        if (!item?.id || !Array.isArray(item.subjectIds)) continue;
        if (collection === 'persons' ? item.id === 'rahimi-person-1' : item.subjectIds.includes('rahimi-person-1'))
          expected.push(`${collection}/${item.id}`);
      }
    }
    expect(exported!.items.map((i) => `${i.collection}/${i.id}`).sort()).to.deep.equal(expected.sort());
    expect(expected.length).to.be.greaterThan(5);
    // … and nothing only about someone else.
    const json = JSON.stringify(result);
    expect(json).to.not.include('Schulden bei einem Onkel');
    expect(json).to.not.include('consent-2');
    expect(exported!.items.some((i) => i.collection === 'persons' && i.id !== 'rahimi-person-1')).to.equal(false);
    // The mixed third-party note and the child's assessment domain are redacted, not dropped.
    expect(json).to.not.include('Streit mit dem Ex-Partner');
    expect(json).to.include('REDACT_THIRD_PARTY');
    // Consent and transfer history, with the transfer cut to the person's items.
    expect(exported!.consents).to.have.length(1);
    expect(exported!.transfers).to.have.length(1);
    expect((exported!.transfers[0] as { items: { id: string }[] }).items.map((i) => i.id)).to.deep.equal([goal.id]);
    // Purposes, sources, recipients and retention, and a readable summary in both languages.
    expect(exported!.items.every((i) => i.purposes.length > 0 && i.source.length > 0)).to.equal(true);
    expect(exported!.recipients.map((r) => r.agencyId)).to.include('vhs-musterstadt');
    expect(exported!.retention.caseId).to.equal('kim-2026-0001');
    expect(result.summary.de).to.match(/Auskunft über gespeicherte Daten/);
    expect(result.summary.en).to.match(/Access to stored data/);
  });

  it('DP-29: an access request is recorded with a one-month due date that appears on the worklist, and answering closes it', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    const service = as(JOBCENTER);
    const recorded = await service.execute({
      type: 'recordAccessRequest',
      caseId: 'kim-2026-0001',
      input: { subjectId: 'rahimi-person-1', receivedOn: '2026-01-31' },
    });
    expect(recorded.ok).to.equal(true);
    const request = foldRights(await store.readJournal('kim-2026-0001')).accessRequests[0]!;
    expect(request.dueOn).to.equal('2026-02-28');
    expect((await service.listCases({ dueOnOrBefore: '2026-02-28' })).map((row) => row.caseId)).to.include(
      'kim-2026-0001',
    );
    const events = await store.readJournal('kim-2026-0001');
    const exported = exportSubjectData({ state: foldCase(events)!, events }, 'rahimi-person-1', {
      generatedAt: RIGHTS_NOW,
    });
    const exportHash = await hashSubjectExport(exported);
    expect(exportHash).to.match(/^[0-9a-f]{64}$/);
    const answered = await as(JOBCENTER_DPO).execute({
      type: 'answerAccessRequest',
      caseId: 'kim-2026-0001',
      input: { requestId: request.requestId, exportHash },
    });
    expect(answered.ok).to.equal(true);
    const after = foldRights(await store.readJournal('kim-2026-0001')).accessRequests[0]!;
    expect(after.answeredOn).to.equal('2026-07-01');
    expect(
      foldCase(await store.readJournal('kim-2026-0001'))!.followUps.find((f) => f.id === request.followUpId)?.done,
    ).to.equal(true);
    const twice = await as(JOBCENTER_DPO).execute({
      type: 'answerAccessRequest',
      caseId: 'kim-2026-0001',
      input: { requestId: request.requestId, exportHash: 'a'.repeat(64) },
    });
    expect(twice.ok).to.equal(false);
  });

  it('DP-30: after correcting income, history shows both values and each earlier recipient has a RecipientNotified', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    as(JOBCENTER);
    const before = foldCase(await store.readJournal('jc-2026-0522'))!;
    const domainIndex = before.assessments[0]!.domains.findIndex((d) => d.domainId === 'financesDebts');
    const field = `domains.${domainIndex}.problems`;
    const oldValue = before.assessments[0]!.domains[domainIndex]!.problems;
    const result = await as(JOBCENTER_DPO).execute({
      type: 'rectifyData',
      caseId: 'jc-2026-0522',
      input: {
        subjectId: 'kowalski-person-1',
        target: { collection: 'assessments', id: before.assessments[0]!.id },
        field,
        newValue: 'Einkommen: 1.450 € netto (Teilzeit), nicht 1.150 €.',
      },
    });
    expect(result.ok).to.equal(true);
    const journal = await store.readJournal('jc-2026-0522');
    const rights = foldRights(journal);
    expect(rights.rectifications[0]).to.include({
      previousValue: oldValue,
      newValue: 'Einkommen: 1.450 € netto (Teilzeit), nicht 1.150 €.',
      field,
      disputed: false,
    });
    // The old value is still in the journal, the new one after it.
    expect(JSON.stringify(journal)).to.include(JSON.stringify(oldValue).slice(1, -1));
    const recipients = earlierRecipients(before, journal, JOBCENTER.agencyId).map((r) => r.agencyId);
    expect(recipients).to.include('jugendamt-musterstadt');
    const notified = rights.notifications.filter((n) => n.about === 'rectification').map((n) => n.recipientAgencyId);
    expect(notified.sort()).to.deep.equal(recipients.sort());
  });

  it('DP-30: a recipient of a recorded transfer gets a RecipientNotified naming that transfer', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    const service = as(JOBCENTER);
    const state = foldCase(await store.readJournal('jc-2026-0522'))!;
    const sent = await service.execute({
      type: 'transferData',
      caseId: 'jc-2026-0522',
      input: {
        recipient: { agencyId: 'sozialamt-musterstadt', name: 'Sozialamt Musterstadt', kind: 'statutoryAgency' },
        legalBasis: { kind: 'sgb10_69', taskReference: 'Prüfung Hilfe zum Lebensunterhalt (SGB XII)' },
        purpose: 'caseManagement',
        items: [{ section: 'persons', id: 'kowalski-person-1', part: 'basics' }],
      },
    });
    expect(sent.ok, JSON.stringify(sent.ok ? '' : sent.errors)).to.equal(true);
    if (!sent.ok) return;
    const transferId = (sent.value.events.find((e) => e.type === 'DataTransferred')!.payload as { id: string }).id;
    const fixed = await as(JOBCENTER_DPO).execute({
      type: 'rectifyData',
      caseId: 'jc-2026-0522',
      input: {
        subjectId: 'kowalski-person-1',
        target: { collection: 'persons', id: 'kowalski-person-1' },
        field: 'birthDate',
        newValue: '1994-06-12',
      },
    });
    expect(fixed.ok).to.equal(true);
    const notices = foldRights(await store.readJournal('jc-2026-0522')).notifications;
    expect(notices.find((n) => n.recipientAgencyId === 'sozialamt-musterstadt')).to.deep.include({
      about: 'rectification',
      transferIds: [transferId],
    });
    expect(state.persons.find((p) => p.id === 'kowalski-person-1')?.birthDate).to.equal('1994-06-11');
  });

  it('DP-30: a person’s corrected birth date changes the case state; a disputed value is shown only with its note', async function () {
    this.timeout(30_000);
    const { store, as } = await rightsWorld();
    as(JOBCENTER);
    const fixed = await as(JOBCENTER_DPO).execute({
      type: 'rectifyData',
      caseId: 'kim-2026-0001',
      input: {
        subjectId: 'rahimi-person-1',
        target: { collection: 'persons', id: 'rahimi-person-1' },
        field: 'birthDate',
        newValue: '1987-03-04',
      },
    });
    expect(fixed.ok).to.equal(true);
    const journal = await store.readJournal('kim-2026-0001');
    expect(foldCase(journal)!.persons.find((p) => p.id === 'rahimi-person-1')?.birthDate).to.equal('1987-03-04');
    expect(foldRights(journal).rectifications[0]?.previousValue).to.equal('1987-04-03');

    const noNote = await as(JOBCENTER_DPO).execute({
      type: 'rectifyData',
      caseId: 'kim-2026-0001',
      input: {
        subjectId: 'rahimi-person-1',
        target: { collection: 'assessments', id: 'rahimi-assessment-1' },
        field: 'wishesAndDreams',
        disputed: true,
      },
    });
    expect(noNote.ok).to.equal(false);
    if (!noNote.ok) expect(noNote.errors[0]?.code).to.equal('DISPUTE_NOTE_REQUIRED');
    const disputed = await as(JOBCENTER_DPO).execute({
      type: 'rectifyData',
      caseId: 'kim-2026-0001',
      input: {
        subjectId: 'rahimi-person-1',
        target: { collection: 'assessments', id: 'rahimi-assessment-1' },
        field: 'wishesAndDreams',
        disputed: true,
        note: 'Frau Rahimi bestreitet die Darstellung; Klärung offen.',
      },
    });
    expect(disputed.ok).to.equal(true);
    const events = await store.readJournal('kim-2026-0001');
    const exported = exportSubjectData({ state: foldCase(events)!, events }, 'rahimi-person-1', {
      generatedAt: '2026-07-01T12:00:00.000Z',
    });
    const item = exported.cases[0]!.items.find((i) => i.collection === 'assessments')!;
    expect(item.disputed).to.deep.equal({
      field: 'wishesAndDreams',
      note: 'Frau Rahimi bestreitet die Darstellung; Klärung offen.',
    });
    // Someone who is not a subject of the item cannot have it rectified.
    const other = await as(JOBCENTER_DPO).execute({
      type: 'rectifyData',
      caseId: 'kim-2026-0001',
      input: {
        subjectId: 'rahimi-person-4',
        target: { collection: 'persons', id: 'rahimi-person-1' },
        field: 'birthDate',
        newValue: '1980-01-01',
      },
    });
    expect(other.ok).to.equal(false);
    if (!other.ok) expect(other.errors[0]?.code).to.equal('DENY_NOT_DATA_SUBJECT');
  });
});
