import { expect } from 'chai';
import { isRedactionMarker, verifyJournal, type CaseView, type Result } from '@fallkit/core';
import { accessLogEntries, accessLogStreamId, viewCase } from '@fallkit/core/internal';
import { CASE_ID, consentInput, openBasicCase, privacyWorld, R, recordAssessment, U } from './privacy-fixtures.js';

function domainsOf(view: Result<CaseView>): Record<string, Record<string, unknown>> {
  expect(view.ok, 'view should be allowed').to.equal(true);
  if (!view.ok) return {};
  const domains =
    (view.value.case.assessments[0] as unknown as { domains?: Record<string, unknown>[] } | undefined)?.domains ?? [];
  return Object.fromEntries(domains.map((d) => [String(d['domainId']), d]));
}

describe('privacy: views, redaction, logging (DP-23..DP-28)', () => {
  it('DP-23: the team-lead view has stage but assessment.health is REDACT_NEED_TO_KNOW; a supervision reason opens content', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    world.as(U.kimLead);
    const view = await world.views.viewCase(CASE_ID, 'supervision');
    expect(view.ok && view.value.case.stage).to.equal('assessment');
    expect(domainsOf(view)['health']).to.include({ redacted: true, code: 'REDACT_NEED_TO_KNOW', rule: 'DP-23' });
    expect(view.ok && view.value.decision.outcome).to.equal('allow-redacted');
    await world.run('recordSupervisionReason', { reason: 'Beschwerde der Klientin über die Hilfeplanung prüfen.' });
    const supervised = await world.views.viewCase(CASE_ID, 'supervision');
    expect(domainsOf(supervised)['health']).to.have.property('problems');
    expect(supervised.ok && supervised.value.decision.reasons.map((r) => r.code)).to.include('ALLOW_SUPERVISION');
  });

  it('DP-23: the assigned case manager sees the case (ALLOW_ASSIGNED_PURPOSE); a case manager of another team is DENY_NOT_ASSIGNED', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const own = await world.views.viewCase(CASE_ID, 'caseManagement');
    expect(own.ok && own.value.decision).to.deep.include({ outcome: 'allow' });
    expect(own.ok && own.value.decision.reasons[0]!.code).to.equal('ALLOW_ASSIGNED_PURPOSE');
    expect(domainsOf(own)['health']).to.have.property('problems');
    world.as(U.kimOther);
    const other = await world.views.viewCase(CASE_ID, 'caseManagement');
    expect(other.ok).to.equal(false);
    if (!other.ok) expect(other.errors[0]).to.include({ code: 'DENY_NOT_ASSIGNED', rule: 'DP-23' });
    expect((await world.try('recordNote', { text: 'Nachtrag.' })).ok).to.equal(false);
  });

  it('DP-23: admin and data-protection officer read logs, not content; statistics get no person-level view', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    for (const actor of [U.kimDpo, U.stats]) {
      world.as(actor);
      const view = await world.views.viewCase(CASE_ID, 'caseManagement');
      expect(view.ok).to.equal(false);
      if (!view.ok)
        expect(view.errors[0]!.code).to.equal(actor === U.stats ? 'DENY_PURPOSE_MISMATCH' : 'DENY_CONTENT_FOR_ROLE');
    }
  });

  it('DP-23: a provider receiving a referral sees what a consent for its measure covers, nothing else', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const measure = await world.run('addMeasure', {
      title: 'Anerkennungsberatung und Sprachkurs B2',
      goalIds: [],
      by: { kind: 'formalProvider', name: 'Volkshochschule Musterstadt', agencyId: 'vhs-musterstadt' },
      agreement: { agreed: true },
    });
    const measureId = measure.state.measures.at(-1)!.id;
    await world.run('referToProvider', {
      measureId,
      provider: { name: 'Volkshochschule Musterstadt', agencyId: 'vhs-musterstadt' },
      purpose: 'Sprachkurs B2 mit Kinderbetreuung',
      feedback: { agreed: true, description: 'Monatlich Teilnahme' },
    });
    const purpose = `measureDelivery:${measureId}`;
    await world.run(
      'recordConsent',
      consentInput({
        categories: ['measures', 'helpPlan', 'employment'],
        recipients: [{ agencyId: 'vhs-musterstadt' }],
        purposes: [purpose],
      }),
    );
    const provider = { id: 'u-vhs', role: 'provider', agencyId: 'vhs-musterstadt' } as const;
    world.as(provider);
    const view = await world.views.viewCase(CASE_ID, purpose);
    expect(view.ok).to.equal(true);
    if (view.ok) {
      expect(view.value.case.measures[0]).to.have.property('title', 'Anerkennungsberatung und Sprachkurs B2');
      expect(domainsOf(view)['workTraining']).to.have.property('problems');
      expect(domainsOf(view)['health']).to.include({ code: 'REDACT_NO_CONSENT' });
    }
    const otherPurpose = await world.views.viewCase(CASE_ID, 'caseManagement');
    expect(otherPurpose.ok && domainsOf(otherPurpose)['workTraining']).to.include({ redacted: true });
  });

  it('DP-24: a partner view shows "[withheld: REDACT_NO_CONSENT]" for health and no marker for an entrusted item', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const sister = await world.run('addPerson', { roles: ['relative'], givenName: 'Rana', familyName: 'Haddad' });
    const sisterId = sister.state.persons.at(-1)!.id;
    const entrusted = await world.run('recordNote', {
      text: 'Die Schwester hat mir anvertraut, dass Frau Haddad Schulden bei ihrem Bruder hat.',
      categories: ['notes', 'debts'],
      entrusted: true,
      entrustedBy: sisterId,
    });
    const entrustedId = entrusted.state.notes.at(-1)!.id;
    await world.run('recordNote', { text: 'Mietschulden: Ratenzahlung vereinbart.', categories: ['notes', 'debts'] });
    await world.run(
      'recordConsent',
      consentInput({
        categories: ['debts', 'notes'],
        recipients: [{ agencyId: R.ngo.agencyId }],
        purposes: ['caseManagement'],
      }),
    );
    world.as(U.ngo);
    const view = await world.views.viewCase(CASE_ID, 'caseManagement');
    const health = domainsOf(view)['health']!;
    expect(isRedactionMarker(health)).to.equal(true);
    expect(health).to.include({ code: 'REDACT_NO_CONSENT', rule: 'DP-10' });
    expect((health['message'] as { de: string }).de).to.contain('keine Einwilligung');
    expect(domainsOf(view)['debts']).to.have.property('problems', 'Mietschulden 1.200 €.');
    if (view.ok) {
      const notes = view.value.case.notes as unknown as Record<string, unknown>[];
      expect(notes).to.have.length(1);
      expect(notes.some((n) => n['id'] === entrustedId)).to.equal(false);
      expect(JSON.stringify(view.value)).not.to.contain('Bruder');
      expect(JSON.stringify(view.value.decision)).not.to.contain('SGB8_65');
    }
  });

  it('DP-25: break-glass reads return ALLOW_BREAK_GLASS, a BreakGlassUsed alert exists, access ends after 24 h', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    world.as(U.kimOther);
    const noReason = await world.try('openBreakGlass', { reason: '' });
    expect(noReason.ok).to.equal(false);
    const opened = await world.run('openBreakGlass', {
      reason: 'Klientin in akuter Krise am Telefon, Fallmanagerin im Urlaub.',
    });
    expect(opened.events[0]!.type).to.equal('BreakGlassUsed');
    expect(opened.events[0]!.payload).to.deep.include({
      userId: U.kimOther.id,
      alert: ['teamLead', 'dataProtectionOfficer'],
    });
    const view = await world.views.viewCase(CASE_ID, 'caseManagement');
    expect(view.ok && view.value.breakGlass).to.equal(true);
    expect(view.ok && view.value.decision.reasons.map((r) => r.code)).to.deep.equal(['ALLOW_BREAK_GLASS']);
    const log = accessLogEntries(await world.store.readJournal(accessLogStreamId(U.kimOther.agencyId)));
    expect(log.at(-1)).to.include({ breakGlass: true, actorId: U.kimOther.id });
    world.clock.advance(24 * 3_600_000 + 1000);
    const later = await world.views.viewCase(CASE_ID, 'caseManagement');
    expect(later.ok).to.equal(false);
  });

  it('DP-26: role hr opening a staffCase gets DENY_STAFF_CASE, for views and commands', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await world.run('flagStaffCase', {});
    world.as(U.kimHr);
    const view = await world.views.viewCase(CASE_ID, 'caseManagement');
    expect(view.ok).to.equal(false);
    if (!view.ok) expect(view.errors[0]).to.include({ code: 'DENY_STAFF_CASE', rule: 'DP-26' });
    const command = await world.try('recordNote', { text: 'Personalakte abgleichen.' });
    expect(command.ok).to.equal(false);
    if (!command.ok) expect(command.errors[0]!.code).to.equal('DENY_STAFF_CASE');
  });

  it('DP-27: decideAdmission or closeCase by a system actor is DENY_AUTOMATED_DECISION', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    world.as(U.kimSystem);
    const admission = await world.try('decideAdmission', { admitted: false, reasons: 'Score unter Schwellenwert.' });
    expect(admission.ok).to.equal(false);
    if (!admission.ok) expect(admission.errors[0]).to.include({ code: 'DENY_AUTOMATED_DECISION', rule: 'DP-27' });
    const closure = await world.try('closeCase', { reason: 'contactLost' });
    expect(closure.ok).to.equal(false);
    if (!closure.ok) expect(closure.errors[0]!.code).to.equal('DENY_AUTOMATED_DECISION');
    world.as(U.kim);
    await world.run('decideAdmission', { admitted: true, reasons: 'Komplexe Problemlage, mehrere Akteure.' });
  });

  it('DP-28: opening the assessment tab writes one CaseViewed entry listing {debts, health}, in a verified chain', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await world.run('recordAssessment', {
      domains: [
        { domainId: 'health', resources: '', problems: 'Rücken.', personView: '', caseManagerView: '' },
        {
          domainId: 'debts',
          resources: '',
          problems: 'Mietschulden.',
          personView: '',
          caseManagerView: '',
          categories: ['debts'],
        },
      ],
      wishesAndDreams: '',
    });
    const view = await world.views.viewCase(CASE_ID, 'caseManagement', { sections: ['assessments'] });
    expect(view.ok).to.equal(true);
    const journal = await world.store.readJournal(accessLogStreamId(U.kim.agencyId));
    expect(journal).to.have.length(1);
    expect(journal[0]!.type).to.equal('CaseViewed');
    expect(journal[0]!.payload).to.deep.include({
      caseId: CASE_ID,
      actorId: U.kim.id,
      role: 'caseManager',
      purpose: 'caseManagement',
      categories: ['debts', 'health'],
      at: world.clock.now(),
    });
    expect((await verifyJournal(journal)).ok).to.equal(true);
    // Refused views are logged too, and only the data-protection officer reads the log.
    world.as(U.kimOther);
    await world.views.viewCase(CASE_ID, 'caseManagement');
    expect((await world.views.readAccessLog()).ok).to.equal(false);
    world.as(U.kimDpo);
    const log = await world.views.readAccessLog({ caseId: CASE_ID });
    expect(log.ok && log.value.map((e) => [e.actorId, e.outcome])).to.deep.equal([
      [U.kim.id, 'allow'],
      [U.kimOther.id, 'deny'],
    ]);
  });

  it('DP-28: observeCaseView emits a new, logged view after every change', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const seen: number[] = [];
    let resolve: () => void = () => undefined;
    const done = new Promise<void>((r) => {
      resolve = r;
    });
    const subscription = world.views.observeCaseView(CASE_ID, 'caseManagement').subscribe((view) => {
      if (view?.ok) seen.push(view.value.case.notes.length);
      if (seen.length === 2) resolve();
    });
    await new Promise<void>((r) => {
      setTimeout(r, 20);
    });
    await world.run('recordNote', { text: 'Termin verschoben.' });
    await done;
    subscription.unsubscribe();
    expect(seen).to.deep.equal([0, 1]);
    expect(accessLogEntries(await world.store.readJournal(accessLogStreamId(U.kim.agencyId)))).to.have.length(2);
  });

  it('DP-24: the pure viewCase gives the same markers without logging', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const { state, privacy } = await world.load();
    const view = viewCase(state, U.kimLead, 'supervision', { now: world.clock.now(), privacy });
    expect(domainsOf(view)['debts']).to.include({ code: 'REDACT_NEED_TO_KNOW' });
    expect(await world.store.readJournal(accessLogStreamId(U.kim.agencyId))).to.have.length(0);
  });
});
