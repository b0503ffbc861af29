import { expect } from 'chai';
import { buildWorklist, type ConsentRecord } from '@fallkit/core';
import {
  consentDeadlines,
  decide,
  expiringConsentNotices,
  foldPrivacy,
  type TransferRecord,
} from '@fallkit/core/internal';
import {
  CASE_ID,
  consentInput,
  INFO_HASH,
  openBasicCase,
  privacyWorld,
  R,
  recordAssessment,
  U,
  WRITTEN,
  type PrivacyWorld,
} from './privacy-fixtures.js';

async function refusedWith(world: PrivacyWorld, type: string, input: unknown): Promise<string[]> {
  const result = await world.try(type, input);
  expect(result.ok, `${type} should be refused`).to.equal(false);
  return result.ok ? [] : result.errors.map((e) => e.code);
}

function consentOf(outcome: { events: readonly { payload: unknown }[] }): ConsentRecord {
  return outcome.events[0]!.payload as ConsentRecord;
}

describe('privacy: consent (DP-07..DP-15)', () => {
  it('DP-07: recordConsent with categories "*" or without a recipient is DENY_CONSENT_NOT_SPECIFIC', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    expect(await refusedWith(world, 'recordConsent', consentInput({ categories: '*' }))).to.include(
      'DENY_CONSENT_NOT_SPECIFIC',
    );
    expect(await refusedWith(world, 'recordConsent', consentInput({ recipients: [] }))).to.include(
      'DENY_CONSENT_NOT_SPECIFIC',
    );
    expect(await refusedWith(world, 'recordConsent', consentInput({ recipients: undefined }))).to.include(
      'DENY_CONSENT_NOT_SPECIFIC',
    );
    expect(await refusedWith(world, 'recordConsent', consentInput({ purposes: ['everything'] }))).to.include(
      'DENY_CONSENT_NOT_SPECIFIC',
    );
    expect(await world.store.readJournal(CASE_ID)).to.have.length(1);
  });

  it('DP-08: missing form or informationTextHash is DENY_CONSENT_UNDOCUMENTED; oral only with an exception reason', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    expect(await refusedWith(world, 'recordConsent', consentInput({ form: undefined }))).to.deep.equal([
      'DENY_CONSENT_UNDOCUMENTED',
    ]);
    expect(await refusedWith(world, 'recordConsent', consentInput({ informationTextHash: undefined }))).to.deep.equal([
      'DENY_CONSENT_UNDOCUMENTED',
    ]);
    expect(await refusedWith(world, 'recordConsent', consentInput({ form: { kind: 'oralMinuted' } }))).to.deep.equal([
      'DENY_CONSENT_UNDOCUMENTED',
    ]);
    expect(await refusedWith(world, 'recordConsent', consentInput({ form: { kind: 'written' } }))).to.deep.equal([
      'DENY_CONSENT_UNDOCUMENTED',
    ]);
    const oral = await world.run(
      'recordConsent',
      consentInput({ form: { kind: 'oralMinuted', exceptionReason: 'Hausbesuch, kein Drucker; schriftlich folgt.' } }),
    );
    expect(consentOf(oral).form).to.deep.equal({
      kind: 'oralMinuted',
      exceptionReason: 'Hausbesuch, kein Drucker; schriftlich folgt.',
    });
    const electronic = await world.run(
      'recordConsent',
      consentInput({ form: { kind: 'electronic', language: 'ar', interpreter: { used: true, language: 'ar' } } }),
    );
    expect(consentOf(electronic).form).to.include({ kind: 'electronic', language: 'ar' });
  });

  it('DP-09: the consent record stores the hash of the information text shown; a malformed hash is refused', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const outcome = await world.run('recordConsent', consentInput());
    expect(consentOf(outcome).informationTextHash).to.equal(INFO_HASH);
    expect(
      await refusedWith(world, 'recordConsent', consentInput({ informationTextHash: 'not-a-hash' })),
    ).to.deep.equal(['DENY_CONSENT_UNDOCUMENTED']);
  });

  it('DP-10: consent for employment but not health to the Jobcenter: a view with employment, health REDACT_NO_CONSENT', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    await world.run('recordConsent', consentInput({ categories: ['employment'] }));
    const { state, privacy } = await world.load();
    const decision = decide({
      actor: { ...U.jobcenter, role: 'partnerAgency' },
      action: 'read',
      caseState: state,
      privacy,
      categories: ['employment', 'health'],
      purpose: 'caseManagement',
      now: world.clock.now(),
    });
    expect(decision.outcome).to.equal('allow-redacted');
    expect(decision.reasons.map((r) => r.code)).to.include.members(['REDACT_NO_CONSENT', 'ALLOW_CONSENT']);
    world.as({ ...U.jobcenter, role: 'partnerAgency' });
    const view = await world.views.viewCase(CASE_ID, 'caseManagement', { sections: ['assessments'] });
    expect(view.ok).to.equal(true);
    if (view.ok) {
      const domains = (view.value.case.assessments[0] as unknown as { domains: Record<string, unknown>[] }).domains;
      expect(domains.find((d) => d['domainId'] === 'workTraining')).to.have.property('problems');
      expect(domains.find((d) => d['domainId'] === 'health')).to.include({ redacted: true, code: 'REDACT_NO_CONSENT' });
    }
  });

  it('DP-10: consent is default off: without any consent the Jobcenter decision is a refusal, never a silent allow', async () => {
    const world = privacyWorld();
    const state = await openBasicCase(world);
    const decision = decide({
      actor: U.kim,
      action: 'transfer',
      caseState: state,
      categories: ['employment'],
      purpose: 'caseManagement',
      recipient: R.jobcenter,
      legalBasis: 'consent:none',
      now: world.clock.now(),
    });
    expect(decision.outcome).to.equal('deny');
    expect(decision.reasons[0]!.code).to.equal('DENY_CONSENT_UNKNOWN');
  });

  it('DP-11: consents default to 12 months, never open-ended; past validUntil a transfer is DENY_CONSENT_EXPIRED', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const outcome = await world.run('recordConsent', consentInput());
    const consent = consentOf(outcome);
    expect(consent.validFrom).to.equal('2026-03-01');
    expect(consent.validUntil).to.equal('2027-03-01');
    expect(await refusedWith(world, 'recordConsent', consentInput({ validUntil: '2030-01-01' }))).to.deep.equal([
      'DENY_CONSENT_OPEN_ENDED',
    ]);
    world.clock.set('2027-03-02T08:00:00.000Z');
    const late = await world.try('transferData', {
      recipient: R.jobcenter,
      legalBasis: `consent:${consent.id}`,
      purpose: 'caseManagement',
      categories: ['employment', 'identity'],
    });
    expect(late.ok).to.equal(false);
    if (!late.ok) expect(late.errors[0]).to.include({ code: 'DENY_CONSENT_EXPIRED', rule: 'DP-11' });
  });

  it('DP-11: the case worker is reminded 30 days before a consent expires (notice and worklist item)', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const consent = consentOf(await world.run('recordConsent', consentInput({ validUntil: '2026-06-30' })));
    const { state, privacy } = await world.load();
    expect(expiringConsentNotices(privacy, '2026-05-15T09:00:00.000Z')).to.deep.equal([]);
    const notices = expiringConsentNotices(privacy, '2026-06-05T09:00:00.000Z');
    expect(notices.map((n) => [n.code, n.rule])).to.deep.equal([['CONSENT_EXPIRING', 'DP-11']]);
    const worklist = buildWorklist([state], '2026-06-05', undefined, {
      consentsOf: () => consentDeadlines(privacy, '2026-06-05T09:00:00.000Z'),
    });
    expect(JSON.stringify(worklist)).to.contain(consent.id);
  });

  it('DP-12: a 16-year-old with capacityToConsent "assessed" may consent; a 13-year-old alone gets DENY_CONSENT_CAPACITY', async () => {
    const sixteen = privacyWorld();
    await openBasicCase(sixteen, { givenName: 'Karim', birthDate: '2009-06-01' });
    await sixteen.run('recordConsent', consentInput({ capacityToConsent: 'assessed' }));
    expect(await refusedWith(sixteen, 'recordConsent', consentInput())).to.deep.equal(['DENY_CONSENT_CAPACITY']);
    const thirteen = privacyWorld();
    await openBasicCase(thirteen, { givenName: 'Lina', birthDate: '2012-06-01' });
    expect(await refusedWith(thirteen, 'recordConsent', consentInput({ capacityToConsent: 'assessed' }))).to.deep.equal(
      ['DENY_CONSENT_CAPACITY'],
    );
  });

  it('DP-13: a guardian with scope housing consenting to share health gets DENY_GUARDIAN_SCOPE; within scope it is accepted', async () => {
    const world = privacyWorld();
    await openBasicCase(world, { givenName: 'Erika', familyName: 'Brandt', birthDate: '1941-02-03' });
    const guardian = await world.run('addPerson', {
      roles: ['legalGuardian'],
      givenName: 'Jonas',
      familyName: 'Albers',
      representations: [{ kind: 'legalGuardian', forPersonId: 'person-1', scope: ['housing'] }],
    });
    const guardianId = guardian.state.persons.at(-1)!.id;
    const health = consentInput({ categories: ['health'], givenBy: { personId: guardianId, role: 'legalGuardian' } });
    expect(await refusedWith(world, 'recordConsent', health)).to.deep.equal(['DENY_GUARDIAN_SCOPE']);
    await world.run(
      'recordConsent',
      consentInput({ categories: ['housing'], givenBy: { personId: guardianId, role: 'legalGuardian' } }),
    );
  });

  it('DP-14: transfer 1 May, withdrawal 10 May: the record is kept and marked, recipients notified, an 11 May transfer is DENY_CONSENT_WITHDRAWN', async () => {
    const world = privacyWorld('2026-05-01T09:00:00.000Z');
    await openBasicCase(world);
    await recordAssessment(world);
    const consent = consentOf(await world.run('recordConsent', consentInput({ categories: ['employment', 'health'] })));
    const first = await world.run('transferData', {
      recipient: R.jobcenter,
      legalBasis: `consent:${consent.id}`,
      purpose: 'caseManagement',
      categories: ['health'],
    });
    const transfer = first.events[0]!.payload as TransferRecord;
    world.clock.set('2026-05-10T10:00:00.000Z');
    const withdrawal = await world.run('withdrawConsent', { consentId: consent.id });
    expect(withdrawal.events.map((e) => e.type)).to.deep.equal(['ConsentWithdrawn', 'RecipientNotified']);
    expect(withdrawal.events[1]!.payload).to.include({
      recipientAgencyId: R.jobcenter.agencyId,
      about: 'consentWithdrawal',
    });
    const journal = await world.store.readJournal(CASE_ID);
    const privacy = foldPrivacy(journal);
    expect(privacy.transfers).to.have.length(1);
    expect(privacy.transfers[0]!.record.id).to.equal(transfer.id);
    expect(privacy.transfers[0]!.consentWithdrawnAt).to.equal('2026-05-10T10:00:00.000Z');
    world.clock.set('2026-05-11T09:00:00.000Z');
    const again = await world.try('transferData', {
      recipient: R.jobcenter,
      legalBasis: `consent:${consent.id}`,
      purpose: 'caseManagement',
      categories: ['health'],
    });
    expect(again.ok).to.equal(false);
    if (!again.ok) expect(again.errors[0]).to.include({ code: 'DENY_CONSENT_WITHDRAWN', rule: 'DP-14' });
  });

  it('DP-14: a partial withdrawal (health only) keeps employment flowing', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const consent = consentOf(await world.run('recordConsent', consentInput({ categories: ['employment', 'health'] })));
    world.clock.advance(86_400_000);
    await world.run('withdrawConsent', { consentId: consent.id, categories: ['health'] });
    world.clock.advance(86_400_000);
    const { state, privacy } = await world.load();
    const decision = decide({
      actor: U.kim,
      action: 'transfer',
      caseState: state,
      privacy,
      categories: ['employment', 'health'],
      purpose: 'caseManagement',
      recipient: R.jobcenter,
      legalBasis: `consent:${consent.id}`,
      now: world.clock.now(),
    });
    expect(decision.outcome).to.equal('allow-redacted');
    expect(decision.reasons.map((r) => r.code)).to.include.members(['DENY_CONSENT_WITHDRAWN', 'ALLOW_CONSENT']);
  });

  it('DP-15: a psychiatric report under a health consent without includesProfessionalSecret is DENY_SGB10_76; a release allows it', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const report = await world.run('recordNote', {
      text: 'Befundbericht der Psychiaterin Dr. Lenz liegt vor.',
      categories: ['health'],
      professionalSecret: true,
      origin: 'secretHolder',
    });
    const noteId = report.state.notes.at(-1)!.id;
    const consent = consentOf(
      await world.run(
        'recordConsent',
        consentInput({ categories: ['health', 'notes'], recipients: [{ agencyId: R.housingNgo.agencyId }] }),
      ),
    );
    const request = {
      recipient: R.housingNgo,
      legalBasis: `consent:${consent.id}`,
      purpose: 'caseManagement',
      items: [{ section: 'notes', id: noteId }],
    };
    const refused = await world.try('transferData', request);
    expect(refused.ok).to.equal(false);
    if (!refused.ok) expect(refused.errors[0]).to.include({ code: 'DENY_SGB10_76', rule: 'DP-15' });
    await world.run('recordConfidentialityRelease', {
      ...consentInput({ categories: ['health'], recipients: [{ agencyId: R.housingNgo.agencyId }] }),
      professionals: [{ name: 'Dr. Hanna Lenz', profession: 'Fachärztin für Psychiatrie' }],
    });
    await world.run('transferData', request);
  });

  it('DP-15: under § 76 Abs. 2 SGB X a benefit assessment may pass secret data unless the person objected', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const report = await world.run('recordNote', {
      text: 'Gutachten des Hausarztes.',
      categories: ['health'],
      professionalSecret: true,
      origin: 'secretHolder',
    });
    const items = [{ section: 'notes', id: report.state.notes.at(-1)!.id }];
    const basis = {
      kind: 'sgb10_69',
      taskReference: 'Prüfung der Erwerbsfähigkeit (§ 44a SGB II)',
      benefitAssessment: true,
    };
    await world.run('transferData', { recipient: R.jobcenter, legalBasis: basis, purpose: 'caseManagement', items });
    await world.run('recordTransferObjection', { note: 'Widerspruch nach § 76 Abs. 2 SGB X' });
    const refused = await world.try('transferData', {
      recipient: R.jobcenter,
      legalBasis: basis,
      purpose: 'caseManagement',
      items,
    });
    expect(refused.ok).to.equal(false);
    if (!refused.ok) expect(refused.errors[0]!.code).to.equal('DENY_SGB10_76_OBJECTION');
  });

  it('DP-08: the written form keeps its scan reference', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    expect(consentOf(await world.run('recordConsent', consentInput())).form).to.deep.equal(WRITTEN);
  });
});
