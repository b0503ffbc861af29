import { given } from '@fallkit/core/testing';
import { momentBefore } from './moments.js';

// Slice `counselling`: the first counselling (Erstberatung).
describe('slice counselling: given/when/then', () => {
  it('when the case is admitted, recordFirstCounselling appends FirstCounsellingRecorded', async () => {
    const moment = await momentBefore('yildiz', 'recordFirstCounselling');
    await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'FirstCounsellingRecorded' }]);
  });

  it('INV-COUN-01: when it is recorded, a second one is refused (FIRST_COUNSELLING_ALREADY_RECORDED)', async () => {
    const before = await momentBefore('bondarenko', 'recordFirstCounselling');
    const moment = await momentBefore('bondarenko', 'recordAssessment');
    await given(moment.history, moment)
      .when(before.step)
      .then({ refused: 'FIRST_COUNSELLING_ALREADY_RECORDED', rule: 'DOMAIN' });
  });
});
