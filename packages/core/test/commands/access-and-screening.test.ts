import { given } from '@fallkit/core/testing';
import { momentBefore } from './moments.js';

// Slice `access-and-screening`: referral, casefinding criteria, admission, crises.
describe('slice access-and-screening: given/when/then', () => {
  describe('when the referral and the criteria are recorded', () => {
    it('decideAdmission appends AdmissionDecided with the decision', async () => {
      const moment = await momentBefore('schulte', 'decideAdmission');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'AdmissionDecided', payload: { admitted: true } }]);
    });

    it('INV-DATE-02: an admission decided before the referral is refused (DATE_ORDER)', async () => {
      const moment = await momentBefore('schulte', 'decideAdmission');
      await given(moment.history, moment)
        .when({ ...moment.step, input: { ...(moment.step.input as object), decidedOn: '2020-01-01' } })
        .then({ refused: 'DATE_ORDER', rule: 'DOMAIN' });
    });
  });

  describe('when a crisis was flagged and resolved', () => {
    it('INV-ACC-01: resolving it again is refused (CRISIS_ALREADY_RESOLVED)', async () => {
      const moment = await momentBefore('schulte', 'recordFirstCounselling');
      await given(moment.history, moment)
        .when({
          type: 'resolveCrisis',
          caseId: moment.caseId,
          input: { crisisId: 'schulte-crisis-1', resolution: 'x' },
        })
        .then({ refused: 'CRISIS_ALREADY_RESOLVED', rule: 'DOMAIN' });
    });
  });

  describe('when a crisis is open', () => {
    it('resolveCrisis appends CrisisResolved', async () => {
      const moment = await momentBefore('schulte', 'resolveCrisis');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'CrisisResolved', payload: { crisisId: 'schulte-crisis-1' } }]);
    });
  });
});
