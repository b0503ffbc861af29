import { given } from '@fallkit/core/testing';
import { momentBefore } from './moments.js';

// Slice `linking`: referrals to providers and case conferences (Leistungssteuerung).
describe('slice linking: given/when/then', () => {
  describe('when the help plan has measures', () => {
    it('referToProvider appends ProviderReferralMade, requested', async () => {
      const moment = await momentBefore('bondarenko', 'referToProvider');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'ProviderReferralMade', payload: { status: 'requested' } }]);
    });

    it('INV-REF-01: a referral for a measure not in the plan is refused (UNKNOWN_MEASURE)', async () => {
      const moment = await momentBefore('bondarenko', 'referToProvider');
      await given(moment.history, moment)
        .when({ ...moment.step, input: { ...(moment.step.input as object), measureId: 'ghost' } })
        .then({ refused: 'UNKNOWN_MEASURE', rule: 'DOMAIN' });
    });
  });

  describe('when a referral was completed or declined', () => {
    it('INV-LINK-01: a new status is refused (REFERRAL_ALREADY_ENDED)', async () => {
      const moment = await momentBefore('wagner', 'closeCase');
      const ended = moment.history.find(
        (e) =>
          e.type === 'ProviderReferralStatusUpdated' &&
          ['completed', 'declined'].includes((e.payload as { status: string }).status),
      );
      if (ended === undefined) throw new Error('Wagner has no ended referral');
      const { providerReferralId } = ended.payload as { providerReferralId: string };
      await given(moment.history, moment)
        .when({ type: 'updateReferralStatus', caseId: moment.caseId, input: { providerReferralId, status: 'started' } })
        .then({ refused: 'REFERRAL_ALREADY_ENDED', rule: 'DOMAIN' });
    });
  });

  it('holdCaseConference appends CaseConferenceHeld', async () => {
    const moment = await momentBefore('schulte', 'holdCaseConference');
    await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'CaseConferenceHeld' }]);
  });
});
