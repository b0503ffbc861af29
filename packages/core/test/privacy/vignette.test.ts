import { expect } from 'chai';
import { isRedactionMarker, type CaseView, type Result } from '@fallkit/core';
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

function healthOf(view: Result<CaseView>): Record<string, unknown> {
  expect(view.ok, 'the Jobcenter view is produced').to.equal(true);
  if (!view.ok) return {};
  const assessment = view.value.case.assessments[0] as unknown as { domains: Record<string, unknown>[] };
  return assessment.domains.find((d) => d['domainId'] === 'health')!;
}

async function refusedCodes(world: PrivacyWorld, input: Record<string, unknown>): Promise<string[]> {
  const result = await world.try('recordConsent', consentInput(input));
  expect(result.ok, 'consent should be refused').to.equal(false);
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('privacy vignettes', () => {
  it('DP-10, DP-14, DP-23: a municipal health finding reaches the Jobcenter after a Rechtskreiswechsel only with consent, and leaves again on withdrawal', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await openBasicCase(world);
    const assessmentId = await recordAssessment(world);

    // Rechtskreiswechsel: the Jobcenter leads from 1 April, the municipality covers further needs.
    world.clock.set('2026-03-25T10:00:00.000Z');
    await world.run('changeLeadAgency', {
      variant: 'municipalityCoversFurtherNeeds',
      to: { agencyId: R.jobcenter.agencyId, name: R.jobcenter.name },
      legalDomain: 'SGB_II',
      endsLegalDomain: 'AsylbLG',
      effectiveFrom: '2026-04-01',
      reason: 'Anerkennung als Flüchtling, Leistungen nach SGB II.',
      continuingRole: 'Begleitung bei Wohnungssuche und Anerkennung.',
    });
    await world.run('assignCaseManager', {
      userId: U.jobcenter.id,
      name: U.jobcenter.name,
      agencyId: U.jobcenter.agencyId,
      role: 'primary',
    });
    await world.run('transferData', {
      recipient: R.jobcenter,
      legalBasis: { kind: 'sgb10_69', taskReference: 'Eingliederung in Arbeit (§§ 14, 16 SGB II)' },
      purpose: 'caseManagement',
      items: [
        { section: 'persons', id: 'person-1', part: 'basics' },
        { section: 'assessments', id: assessmentId, part: 'workTraining' },
      ],
    });

    // Without consent: the Jobcenter sees the employment domain, not the health finding.
    world.as(U.jobcenter);
    const before = await world.views.viewCase(CASE_ID, 'caseManagement', { sections: ['assessments'] });
    expect(healthOf(before)).to.include({ redacted: true, code: 'REDACT_NO_CONSENT' });
    expect(JSON.stringify(before)).not.to.contain('Rückenschmerzen');
    if (before.ok) {
      const work = (before.value.case.assessments[0] as unknown as { domains: Record<string, unknown>[] }).domains.find(
        (d) => d['domainId'] === 'workTraining',
      );
      expect(work).to.have.property('problems', 'Abschluss nicht anerkannt.');
    }

    // The person consents to share health data with the Jobcenter; the municipality passes the finding on.
    world.as(U.kim);
    world.clock.set('2026-04-02T09:00:00.000Z');
    const consent = await world.run('recordConsent', consentInput({ categories: ['health'], validFrom: '2026-04-02' }));
    const consentId = (consent.events[0]!.payload as { id: string }).id;
    const sent = await world.run('transferData', {
      recipient: R.jobcenter,
      legalBasis: `consent:${consentId}`,
      purpose: 'caseManagement',
      items: [{ section: 'assessments', id: assessmentId, part: 'health' }],
    });
    const transferId = (sent.events[0]!.payload as { id: string }).id;
    world.as(U.jobcenter);
    const withConsent = await world.views.viewCase(CASE_ID, 'caseManagement', { sections: ['assessments'] });
    expect(healthOf(withConsent)).to.have.property('problems', 'Rückenschmerzen, kann nicht lange stehen.');
    expect(withConsent.ok && withConsent.value.decision.reasons.map((r) => r.code)).to.include('ALLOW_CONSENT');

    // Withdrawal: the finding disappears from the next view; the lawful transfer stays documented.
    world.as(U.kim);
    world.clock.set('2026-05-10T09:00:00.000Z');
    const withdrawal = await world.run('withdrawConsent', { consentId });
    world.as(U.jobcenter);
    world.clock.set('2026-05-10T09:05:00.000Z');
    const after = await world.views.viewCase(CASE_ID, 'caseManagement', { sections: ['assessments'] });
    expect(isRedactionMarker(healthOf(after))).to.equal(true);
    expect(JSON.stringify(after)).not.to.contain('Rückenschmerzen');
    const { privacy } = await world.load();
    const documented = privacy.transfers.find((t) => t.record.id === transferId)!;
    expect(documented.record.items).to.deep.equal([
      { section: 'assessments', id: assessmentId, part: 'health', categories: ['health'] },
    ]);
    expect(documented.consentWithdrawnAt).to.equal('2026-05-10T09:00:00.000Z');
    expect(
      withdrawal.events
        .filter((e) => e.type === 'RecipientNotified')
        .map((e) => (e.payload as { recipientAgencyId: string }).recipientAgencyId),
    ).to.deep.equal([R.jobcenter.agencyId]);
    // The statutory handover data are unaffected by the withdrawal.
    expect(privacy.transfers.filter((t) => t.consentWithdrawnAt === undefined)).to.have.length(1);
  });

  it('DP-12: a minor: the parent with responsibility consents (child heard); the 13-year-old alone or a neighbour is refused', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await openBasicCase(world, {
      givenName: 'Lina',
      familyName: 'Roth',
      birthDate: '2012-06-01',
      roles: ['addressee', 'child'],
    });
    const mother = await world.run('addPerson', {
      roles: ['parentWithResponsibility'],
      givenName: 'Jana',
      familyName: 'Roth',
      representations: [{ kind: 'parentalResponsibility', forPersonId: 'person-1', scope: ['all'] }],
    });
    const motherId = mother.state.persons.at(-1)!.id;
    const neighbour = await world.run('addPerson', {
      roles: ['informalHelper'],
      givenName: 'Olga',
      familyName: 'Wendt',
    });
    const neighbourId = neighbour.state.persons.at(-1)!.id;
    expect(await refusedCodes(world, { givenBy: { personId: 'person-1', role: 'self' } })).to.deep.equal([
      'DENY_CONSENT_CAPACITY',
    ]);
    expect(
      await refusedCodes(world, {
        givenBy: { personId: neighbourId, role: 'parentalResponsibility' },
        childView: 'Einverstanden.',
      }),
    ).to.deep.equal(['DENY_CONSENT_WRONG_PERSON']);
    expect(
      await refusedCodes(world, { givenBy: { personId: motherId, role: 'parentalResponsibility' } }),
    ).to.deep.equal(['DENY_CONSENT_CAPACITY']);
    const accepted = await world.run(
      'recordConsent',
      consentInput({
        givenBy: { personId: motherId, role: 'parentalResponsibility' },
        childView: 'Lina möchte, dass die Schule Bescheid weiß.',
      }),
    );
    expect(accepted.events[0]!.payload).to.deep.include({
      subjectId: 'person-1',
      givenBy: { personId: motherId, role: 'parentalResponsibility' },
    });
  });

  it('DP-12: from 15 the young person consents with an insight assessment, unless the legal representative restricted it', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await openBasicCase(world, { givenName: 'Karim', birthDate: '2010-01-15' });
    await world.run('recordConsent', consentInput({ capacityToConsent: 'assessed' }));
    await world.run('addPerson', {
      roles: ['parentWithResponsibility'],
      givenName: 'Samira',
      familyName: 'Haddad',
      representations: [
        { kind: 'parentalResponsibility', forPersonId: 'person-1', scope: ['all'], consentReservation: true },
      ],
    });
    expect(await refusedCodes(world, { capacityToConsent: 'assessed' })).to.deep.equal(['DENY_CONSENT_CAPACITY']);
  });

  it('DP-13: a person with a legal guardian: the guardian within scope, the person who understands, not a relative and not outside scope', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await openBasicCase(world, { givenName: 'Erika', familyName: 'Brandt', birthDate: '1941-02-03' });
    const guardian = await world.run('addPerson', {
      roles: ['legalGuardian'],
      givenName: 'Jonas',
      familyName: 'Albers',
      representations: [
        { kind: 'legalGuardian', forPersonId: 'person-1', scope: ['health', 'housing'], courtReference: 'XVII 123/25' },
      ],
    });
    const guardianId = guardian.state.persons.at(-1)!.id;
    const son = await world.run('addPerson', { roles: ['relative'], givenName: 'Frank', familyName: 'Brandt' });
    const sonId = son.state.persons.at(-1)!.id;
    await world.run(
      'recordConsent',
      consentInput({ categories: ['health'], givenBy: { personId: guardianId, role: 'legalGuardian' } }),
    );
    expect(
      await refusedCodes(world, { categories: ['debts'], givenBy: { personId: guardianId, role: 'legalGuardian' } }),
    ).to.deep.equal(['DENY_GUARDIAN_SCOPE']);
    expect(
      await refusedCodes(world, { categories: ['health'], givenBy: { personId: sonId, role: 'legalGuardian' } }),
    ).to.deep.equal(['DENY_CONSENT_WRONG_PERSON']);
    // She understands the matter and consents personally.
    await world.run(
      'recordConsent',
      consentInput({ categories: ['debts'], givenBy: { personId: 'person-1', role: 'self' } }),
    );
  });
});
