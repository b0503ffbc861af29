import { expect } from 'chai';
import { consentInput, openBasicCase, privacyWorld, recordAssessment, R, U } from '../privacy/privacy-fixtures.js';

const CASE = 'kim-2026-0100';

describe('re-assessment by the receiving agency (issue 21 item 4; DP-23, DP-24, DP-40)', function () {
  this.timeout(30_000);

  /** Given KIM's assessment (health, debts, work), a handover to the Jobcenter with a consent for work and identity, and Murat Demir named. */
  async function givenHandedOver() {
    const world = privacyWorld();
    await openBasicCase(world);
    await recordAssessment(world);
    const consent = await world.run('recordConsent', consentInput({ categories: ['employment', 'identity'] }));
    const consentRef = (consent.events[0]!.payload as { id: string }).id;
    world.clock.advance(3_600_000);
    await world.run('changeLeadAgency', {
      variant: 'warmHandover',
      to: { agencyId: R.jobcenter.agencyId, name: R.jobcenter.name },
      legalDomain: 'SGB_II',
      effectiveFrom: '2026-03-01',
      reason: 'Aufenthaltserlaubnis erteilt.',
      consentRef,
    });
    await world.run('assignCaseManager', {
      userId: U.jobcenter.id,
      name: U.jobcenter.name,
      agencyId: U.jobcenter.agencyId,
      role: 'primary',
      replaces: U.kim.id,
    });
    world.clock.advance(3_600_000);
    world.as(U.jobcenter);
    return world;
  }

  it('DP-23, DP-40: the receiver may record a new version; the core, not the form, says so (mayIssue)', async () => {
    const world = await givenHandedOver();
    const view = await world.views.viewCase(CASE, 'caseManagement');
    expect(view.ok, JSON.stringify(!view.ok && view.errors)).to.equal(true);
    if (!view.ok) return;
    expect(view.value.mayIssue).to.include('recordAssessment');
    const domains = (view.value.case.assessments.at(-1) as { domains: { domainId?: string; code?: string }[] }).domains;
    // Health and debts are withheld from the Jobcenter (no consent for them), work is shown.
    expect(domains.filter((d) => d.code !== undefined).map((d) => d.domainId)).to.have.members(['health', 'debts']);
  });

  it('DP-24: the receiver records its own version; the withheld parts are carried over unchanged, not lost', async () => {
    const world = await givenHandedOver();
    const before = (await world.load()).state.assessments.at(-1)!;
    const result = await world.try('recordAssessment', {
      domains: [
        {
          domainId: 'workTraining',
          resources: 'Anerkennung beantragt.',
          problems: 'Wartet auf Bescheid.',
          personView: 'Ich möchte in der Schneiderei anfangen.',
          caseManagerView: 'Praktikum vermitteln.',
        },
      ],
      // The assessment's own text is withheld too (notes): the form sends it empty.
      wishesAndDreams: '',
    });
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
    const after = (await world.load()).state.assessments.at(-1)!;
    expect(after.version).to.equal(before.version + 1);
    expect(after.supersedesId).to.equal(before.id);
    const byId = Object.fromEntries(after.domains.map((d) => [d.domainId, d]));
    expect(after.wishesAndDreams).to.equal(before.wishesAndDreams).and.to.not.equal('');
    expect(byId['workTraining']?.problems).to.equal('Wartet auf Bescheid.');
    expect(byId['health']).to.deep.equal(before.domains.find((d) => d.domainId === 'health'));
    expect(byId['debts']).to.deep.equal(before.domains.find((d) => d.domainId === 'debts'));
    // And the earlier version itself is still on file.
    expect((await world.load()).state.assessments.find((a) => a.id === before.id)?.domains).to.deep.equal(
      before.domains,
    );
  });

  it('DP-24: writing a withheld part is refused with a typed refusal (German and English); the journal is unchanged', async () => {
    const world = await givenHandedOver();
    const length = (await world.store.readJournal(CASE)).length;
    const result = await world.try('recordAssessment', {
      domains: [
        {
          domainId: 'health',
          resources: '',
          problems: 'Überschrieben?',
          personView: '',
          caseManagerView: '',
        },
      ],
      wishesAndDreams: '',
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      const refusal = result.errors.find((e) => e.code === 'ASSESSMENT_PART_WITHHELD');
      expect(refusal?.path).to.deep.equal(['input', 'domains', 0, 'domainId']);
      expect(refusal?.message.de).to.contain('zurückgehalten');
      expect(refusal?.message.en).to.contain('withheld');
    }
    expect((await world.store.readJournal(CASE)).length).to.equal(length);
  });

  it('DP-23: the sender, who sees everything, may replace every part as before', async () => {
    const world = await givenHandedOver();
    world.as(U.kim);
    const result = await world.try('recordAssessment', {
      domains: [{ domainId: 'health', resources: '', problems: 'Besser.', personView: '', caseManagerView: '' }],
      wishesAndDreams: 'Schneiderei.',
    });
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
    const after = (await world.load()).state.assessments.at(-1)!;
    expect(after.domains.map((d) => d.domainId)).to.deep.equal(['health']);
  });
});
