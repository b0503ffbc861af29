import { expect } from 'chai';
import { decide, previewTransfer, type TransferRecord } from '@fallkit/core/internal';
import {
  CASE_ID,
  consentInput,
  openBasicCase,
  privacyWorld,
  R,
  recordAssessment,
  U,
  type PrivacyWorld,
} from './privacy-fixtures.js';

async function refusal(world: PrivacyWorld, input: Record<string, unknown>): Promise<{ code: string; rule?: string }> {
  const result = await world.try('transferData', input);
  expect(result.ok, 'transfer should be refused').to.equal(false);
  return result.ok ? { code: '' } : result.errors[0]!;
}

/** A youth-office case: the mother (addressee) confided something about her partner to worker Koch. */
async function youthOfficeCase(world: PrivacyWorld): Promise<{ noteId: string; partnerId: string }> {
  world.as(U.youthOffice);
  await world.run('openCase', {
    caseId: CASE_ID,
    addressee: {
      roles: ['addressee', 'parentWithResponsibility'],
      givenName: 'Jana',
      familyName: 'Roth',
      birthDate: '1990-01-01',
    },
    leadAgency: { agencyId: U.youthOffice.agencyId, name: 'Jugendamt Musterstadt', legalDomain: 'SGB_VIII' },
    legalDomains: [{ domain: 'SGB_VIII' }],
  });
  await world.run('assignCaseManager', {
    userId: U.youthOffice2.id,
    agencyId: U.youthOffice2.agencyId,
    role: 'deputy',
  });
  const partner = await world.run('addPerson', { roles: ['partner'], givenName: 'Marco', familyName: 'Lenz' });
  const partnerId = partner.state.persons.at(-1)!.id;
  const note = await world.run('recordNote', {
    text: 'Frau Roth berichtet im Vertrauen, dass ihr Partner Schulden bei Bekannten hat und trinkt.',
    categories: ['notes', 'debts', 'addiction'],
    subjectIds: [partnerId],
    entrusted: true,
    entrustedBy: 'person-1',
    thirdParty: true,
  });
  return { noteId: note.state.notes.at(-1)!.id, partnerId };
}

describe('privacy: transfers (DP-16..DP-22)', () => {
  it('DP-16: transferData without legalBasis is DENY_NO_LEGAL_BASIS; sgb10_69 without taskReference is DENY_BASIS_INCOMPLETE', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    expect(
      await refusal(world, { recipient: R.jobcenter, purpose: 'caseManagement', categories: ['identity'] }),
    ).to.include({ code: 'DENY_NO_LEGAL_BASIS', rule: 'DP-16' });
    expect(
      await refusal(world, {
        recipient: R.jobcenter,
        legalBasis: 'sgb10_69',
        purpose: 'caseManagement',
        categories: ['identity'],
      }),
    ).to.include({ code: 'DENY_BASIS_INCOMPLETE', rule: 'DP-16' });
    expect(
      await refusal(world, {
        recipient: R.jobcenter,
        legalBasis: { kind: 'sgb10_71' },
        purpose: 'caseManagement',
        categories: ['identity'],
      }),
    ).to.include({ code: 'DENY_BASIS_INCOMPLETE' });
    const sent = await world.run('transferData', {
      recipient: R.jobcenter,
      legalBasis: { kind: 'sgb10_69', taskReference: 'Eingliederung in Arbeit (§ 16 SGB II)' },
      purpose: 'caseManagement',
      categories: ['identity'],
    });
    const record = sent.events[0]!.payload as TransferRecord;
    expect(sent.events[0]!.type).to.equal('DataTransferred');
    expect(record).to.deep.include({
      by: { userId: U.kim.id, agencyId: U.kim.agencyId },
      recipient: R.jobcenter,
      purpose: 'caseManagement',
    });
    expect(record.legalBasis).to.deep.equal({
      kind: 'sgb10_69',
      taskReference: 'Eingliederung in Arbeit (§ 16 SGB II)',
    });
    expect(record.categories).to.deep.equal(['identity']);
  });

  it('DP-17: "transfer whole case" is DENY_FULL_FILE_TRANSFER; a transfer carries selected items and a purpose-binding notice', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const basis = { kind: 'sgb10_69', taskReference: 'Eingliederung in Arbeit (§ 16 SGB II)' } as const;
    expect(
      await refusal(world, { recipient: R.jobcenter, legalBasis: basis, purpose: 'caseManagement', wholeCase: true }),
    ).to.include({ code: 'DENY_FULL_FILE_TRANSFER', rule: 'DP-17' });
    expect(await refusal(world, { recipient: R.jobcenter, legalBasis: basis, purpose: 'caseManagement' })).to.include({
      code: 'DENY_FULL_FILE_TRANSFER',
    });
    const { state, privacy } = await world.load();
    const assessmentId = state.assessments[0]!.id;
    const preview = previewTransfer(
      state,
      U.kim,
      {
        recipient: R.jobcenter,
        legalBasis: basis,
        purpose: 'caseManagement',
        items: [{ section: 'assessments', id: assessmentId, part: 'workTraining' }],
      },
      { now: world.clock.now(), privacy },
    );
    expect(preview.units.map((u) => u.key)).to.deep.equal([`assessments/${assessmentId}/workTraining`]);
    expect(preview.purposeBindingNotice.de).to.contain('§ 78 SGB X');
    const sent = await world.run('transferData', {
      recipient: R.jobcenter,
      legalBasis: basis,
      purpose: 'caseManagement',
      items: [{ section: 'assessments', id: assessmentId, part: 'workTraining' }],
    });
    const record = sent.events[0]!.payload as TransferRecord;
    expect(record.items).to.deep.equal([
      { section: 'assessments', id: assessmentId, part: 'workTraining', categories: ['employment'] },
    ]);
    expect(record.purposeBindingNotice.en).to.contain('Purpose binding');
  });

  it('DP-18: sgb10_69 to an NGO without commissionRef is DENY_BASIS_INCOMPLETE; with the contract named it goes', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const basis = { kind: 'sgb10_69', taskReference: 'Schuldnerberatung nach § 16a Nr. 2 SGB II' };
    expect(
      await refusal(world, {
        recipient: R.ngo,
        legalBasis: basis,
        purpose: 'caseManagement',
        categories: ['identity'],
      }),
    ).to.include({ code: 'DENY_BASIS_INCOMPLETE', rule: 'DP-18' });
    await world.run('transferData', {
      recipient: R.ngo,
      legalBasis: { ...basis, commissionRef: 'Leistungsvertrag 2026/14' },
      purpose: 'caseManagement',
      categories: ['identity'],
    });
  });

  it('DP-19: a youth-welfare sender recording jeopardisesHelp cannot use sgb10_69 (DENY_SGB8_64)', async () => {
    const world = privacyWorld();
    await youthOfficeCase(world);
    world.as(U.youthOffice);
    expect(
      await refusal(world, {
        recipient: R.jobcenter,
        legalBasis: { kind: 'sgb10_69', taskReference: 'SGB II', jeopardisesHelp: true },
        purpose: 'caseManagement',
        categories: ['identity'],
      }),
    ).to.include({ code: 'DENY_SGB8_64', rule: 'DP-19' });
  });

  it("DP-20: a mother's entrusted disclosure about her partner opened by another unit is DENY_SGB8_65_ENTRUSTED; with her consent or sgb8_65_familyCourt it is allowed", async () => {
    const world = privacyWorld();
    const { noteId } = await youthOfficeCase(world);
    const { state, privacy } = await world.load();
    const unit = {
      key: `notes/${noteId}`,
      categories: ['notes', 'debts', 'addiction'] as const,
      entrusted: true,
      entrustedBy: 'person-1',
      recordedBy: U.youthOffice.id,
      subjectIds: ['person-2'],
    };
    const otherUnit = decide({
      actor: U.youthOffice2,
      action: 'read',
      caseState: state,
      privacy,
      items: [{ ...unit, categories: [...unit.categories] }],
      purpose: 'caseManagement',
      now: world.clock.now(),
    });
    expect(otherUnit.outcome).to.equal('deny');
    expect(otherUnit.reasons[0]).to.include({ code: 'DENY_SGB8_65_ENTRUSTED', rule: 'DP-20' });
    const own = decide({
      actor: U.youthOffice,
      action: 'read',
      caseState: state,
      privacy,
      items: [{ ...unit, categories: [...unit.categories] }],
      purpose: 'caseManagement',
      now: world.clock.now(),
    });
    expect(own.outcome).to.equal('allow');
    // Row 8: to the Jobcenter without the mother's consent.
    world.as(U.youthOffice);
    expect(
      await refusal(world, {
        recipient: R.jobcenter,
        legalBasis: { kind: 'sgb10_69', taskReference: 'SGB II' },
        purpose: 'caseManagement',
        items: [{ section: 'notes', id: noteId }],
      }),
    ).to.include({ code: 'DENY_SGB8_65_ENTRUSTED' });
    await world.run('transferData', {
      recipient: R.familyCourt,
      legalBasis: {
        kind: 'sgb8_65',
        exception: 'familyCourt',
        justification: 'Anrufung des Familiengerichts nach § 8a Abs. 2 SGB VIII.',
      },
      purpose: 'childProtection',
      items: [{ section: 'notes', id: noteId }],
    });
    await world.run(
      'recordConsent',
      consentInput({ categories: ['notes', 'debts', 'addiction'], givenBy: { personId: 'person-1', role: 'self' } }),
    );
    const consentId = (await world.load()).privacy.consents[0]!.record.id;
    await world.run('transferData', {
      recipient: R.jobcenter,
      legalBasis: `consent:${consentId}`,
      purpose: 'caseManagement',
      items: [{ section: 'notes', id: noteId }],
    });
  });

  it('DP-21: one assessor only is DENY_8A_PROCEDURE_INCOMPLETE; a complete procedure emits ChildProtectionDisclosure and a review item', async () => {
    const world = privacyWorld();
    await youthOfficeCase(world);
    world.as(U.youthOffice);
    await world.run('recordNote', {
      text: 'Gefährdungseinschätzung: Kind wiederholt mit Hämatomen.',
      categories: ['notes', 'health'],
      childProtection: true,
    });
    const assessor = { name: 'Lea Koch', role: 'Fachkraft ASD' };
    const procedure = {
      assessors: [assessor],
      justification: 'Akute Gefährdung; Eltern lehnen Hilfe ab.',
      parentsInvolved: false,
      parentsNotInvolvedReason: 'Einbeziehung würde den Schutz des Kindes in Frage stellen.',
    };
    const one = await refusal(world, {
      recipient: R.familyCourt,
      legalBasis: { kind: 'sgb8_8a', procedure },
      purpose: 'childProtection',
      categories: ['health'],
    });
    expect(one).to.include({ code: 'DENY_8A_PROCEDURE_INCOMPLETE', rule: 'DP-21' });
    const complete = { ...procedure, assessors: [assessor, { name: 'Jan Wolf', role: 'Fachkraft ASD' }] };
    const sent = await world.run('transferData', {
      recipient: R.familyCourt,
      legalBasis: { kind: 'sgb8_8a', procedure: complete },
      purpose: 'childProtection',
      categories: ['health'],
    });
    expect(sent.events.map((e) => e.type)).to.deep.equal([
      'DataTransferred',
      'ChildProtectionDisclosure',
      'FollowUpScheduled',
    ]);
    expect(sent.events[1]!.payload).to.include({
      justification: 'Akute Gefährdung; Eltern lehnen Hilfe ab.',
      basis: 'sgb8_8a',
    });
    expect(sent.state.followUps.at(-1)!.subject).to.contain('Kinderschutzmitteilung');
  });

  it('DP-22: a request of the immigration authority for health without an exception reference is DENY_NO_LEGAL_BASIS', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const basis = { kind: 'sgb10_71', statute: '§ 87 AufenthG' } as const;
    expect(
      await refusal(world, {
        recipient: R.immigration,
        legalBasis: basis,
        purpose: 'statutoryReporting',
        categories: ['health'],
      }),
    ).to.include({ code: 'DENY_NO_LEGAL_BASIS', rule: 'DP-22' });
    const { state, privacy } = await world.load();
    const mixed = decide({
      actor: U.kim,
      action: 'transfer',
      caseState: state,
      privacy,
      categories: ['residenceStatus', 'health'],
      purpose: 'statutoryReporting',
      recipient: R.immigration,
      legalBasis: basis,
      now: world.clock.now(),
    });
    expect(mixed.outcome).to.equal('allow-redacted');
    expect(mixed.reasons[0]).to.include({ code: 'DENY_NO_LEGAL_BASIS', rule: 'DP-22' });
    await world.run('transferData', {
      recipient: R.immigration,
      legalBasis: { ...basis, exceptionReference: '§ 87 Abs. 2 S. 1 Nr. 4 AufenthG (Prüfung)' },
      purpose: 'statutoryReporting',
      categories: ['health'],
    });
  });
});
