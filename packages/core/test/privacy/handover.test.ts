import { expect } from 'chai';
import { type CaseCommandInput, handoverConsentCheck } from '@fallkit/core';
import { CASE_ID, consentInput, openBasicCase, privacyWorld, R, U } from './privacy-fixtures.js';

describe('privacy: warm-handover consent check (PR-24 seam of the process guard)', () => {
  it('DP-14: a warm handover relying on a withdrawn, foreign or unknown consent is refused; a valid one passes', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const consent = await world.run('recordConsent', consentInput({ categories: ['employment', 'identity'] }));
    const consentId = (consent.events[0]!.payload as { id: string }).id;
    const input = (
      consentRef?: string,
      to: { agencyId: string; name: string } = { agencyId: R.jobcenter.agencyId, name: R.jobcenter.name },
    ) =>
      ({
        variant: 'warmHandover',
        to,
        legalDomain: 'SGB_II',
        effectiveFrom: '2026-04-01',
        reason: 'Wechsel ins SGB II.',
        ...(consentRef === undefined ? {} : { consentRef }),
      }) as CaseCommandInput<'changeLeadAgency'>;
    const check = async (i: CaseCommandInput<'changeLeadAgency'>) => {
      const { state } = await world.load();
      return handoverConsentCheck({
        state,
        input: i,
        actor: U.kim,
        now: world.clock.now(),
        journal: await world.store.readJournal(CASE_ID),
      }).map((r) => r.code);
    };
    expect(await check(input(consentId))).to.deep.equal([]);
    expect(await check(input())).to.deep.equal([]);
    expect(await check(input('consent-99'))).to.deep.equal(['DENY_CONSENT_UNKNOWN']);
    expect(await check(input(consentId, { agencyId: R.ngo.agencyId, name: R.ngo.name }))).to.deep.equal([
      'DENY_NO_CONSENT',
    ]);
    world.clock.advance(3_600_000);
    await world.run('withdrawConsent', { consentId });
    world.clock.advance(3_600_000);
    expect(await check(input(consentId))).to.deep.equal(['DENY_CONSENT_WITHDRAWN']);
  });
});
