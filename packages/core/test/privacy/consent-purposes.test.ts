import { expect } from 'chai';
import { purposeLabel, type ConsentRecord } from '@fallkit/core';
import { decide, isConsentPurpose } from '@fallkit/core/internal';
import { consentInput, openBasicCase, privacyWorld, R, U } from './privacy-fixtures.js';

/*
 * Issue 21 item 3: a consent given at the start ("Fallsteuerung") could not cover a referral planned
 * later, and the measure's purpose could not be chosen before the measure existed. A consent may now
 * name the family `measureDelivery`: delivery of measures by the named recipients, planned now or later.
 */
describe('privacy: consent purposes for measures planned later (DP-05, DP-07)', () => {
  it('DP-07: a consent may name the family "measureDelivery"; an unknown purpose or an empty id is still DENY_CONSENT_NOT_SPECIFIC', async () => {
    expect(isConsentPurpose('measureDelivery')).to.equal(true);
    expect(isConsentPurpose('measureDelivery:')).to.equal(false);
    expect(isConsentPurpose('caseConference')).to.equal(false);
    expect(isConsentPurpose('everything')).to.equal(false);
    const world = privacyWorld();
    await openBasicCase(world);
    const ok = await world.try(
      'recordConsent',
      consentInput({ recipients: [{ agencyId: R.ngo.agencyId, name: R.ngo.name }], purposes: ['measureDelivery'] }),
    );
    expect(ok.ok, JSON.stringify(!ok.ok && ok.errors)).to.equal(true);
    for (const purposes of [['measureDelivery:'], ['caseConference'], ['anything']]) {
      const refused = await world.try('recordConsent', consentInput({ purposes }));
      expect(refused.ok, purposes.join()).to.equal(false);
      if (!refused.ok) expect(refused.errors.map((e) => e.code)).to.include('DENY_CONSENT_NOT_SPECIFIC');
    }
  });

  it('DP-05: a "measureDelivery" consent covers a later measure for the named provider only, and never another purpose', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const outcome = await world.run(
      'recordConsent',
      consentInput({
        categories: ['debts'],
        recipients: [{ agencyId: R.ngo.agencyId, name: R.ngo.name }],
        purposes: ['measureDelivery'],
      }),
    );
    const consent = outcome.events[0]!.payload as ConsentRecord;
    const { state, privacy } = await world.load();
    const transfer = (recipient: (typeof R)[keyof typeof R], purpose: string) =>
      decide({
        actor: U.kim,
        action: 'transfer',
        caseState: state,
        privacy,
        categories: ['debts'],
        purpose,
        recipient,
        legalBasis: `consent:${consent.id}`,
        now: world.clock.now(),
      });
    // A measure planned after the consent was given: its id did not exist then.
    expect(transfer(R.ngo, 'measureDelivery:measure-planned-later').outcome).to.equal('allow');
    const otherRecipient = transfer(R.jobcenter, 'measureDelivery:measure-planned-later');
    expect(otherRecipient.outcome).to.equal('deny');
    const otherPurpose = transfer(R.ngo, 'supervision');
    expect(otherPurpose.outcome).to.equal('deny');
    expect(otherPurpose.reasons.map((r) => r.code)).to.include('DENY_PURPOSE_MISMATCH');
  });

  it('the family has a plain name in German and English, never the code', () => {
    const label = purposeLabel('measureDelivery');
    expect(label.de).to.equal('Vermittlung an Anbieter und Durchführung von Maßnahmen, auch später geplanter');
    expect(label.en).to.contain('measures planned later');
  });
});
