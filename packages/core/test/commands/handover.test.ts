import { given } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore } from './moments.js';

// Slice `handover`: the change of lead agency (Rechtskreiswechsel) and the case managers.
describe('slice handover: given/when/then', () => {
  describe('before the warm handover AsylbLG → SGB II (Rahimi)', () => {
    it('changeLeadAgency appends LeadAgencyChanged naming the agency it comes from', async () => {
      const moment = await momentBefore('rahimi', 'changeLeadAgency');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'LeadAgencyChanged', payload: { fromAgencyId: 'kim-musterstadt' } }]);
    });

    it('INV-HAND-02: a transition ending before the change is refused (TRANSITION_BEFORE_HANDOVER)', async () => {
      const moment = await momentBefore('rahimi', 'changeLeadAgency');
      const input = moment.step.input as { effectiveFrom: string };
      await given(moment.history, moment)
        .when({ ...moment.step, input: { ...input, involvedUntil: '2026-01-01' } })
        .then({ refused: 'TRANSITION_BEFORE_HANDOVER', rule: 'DOMAIN' });
    });
  });

  describe('after the handover', () => {
    it('INV-HAND-01: handing over to the agency that already leads is refused (SAME_LEAD_AGENCY)', async () => {
      const handover = await momentBefore('rahimi', 'changeLeadAgency');
      const moment = await momentAtEnd('rahimi');
      const { endsLegalDomain: _ends, ...input } = handover.step.input as Record<string, unknown>;
      await given(moment.history, moment)
        .when({ ...handover.step, input: { ...input, effectiveFrom: '2026-06-30' } })
        .then({ refused: 'SAME_LEAD_AGENCY', rule: 'DOMAIN' });
    });

    it('INV-HAND-05: ending the assignment of the only primary case manager is refused (LAST_CASE_MANAGER)', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({ type: 'endCaseManagerAssignment', caseId: moment.caseId, input: { userId: 'u-jc-demir' } })
        .then({ refused: 'LAST_CASE_MANAGER', rule: 'DOMAIN' });
    });

    it('INV-REF-01: ending the assignment of someone not assigned is refused (UNKNOWN_CASE_MANAGER)', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({ type: 'endCaseManagerAssignment', caseId: moment.caseId, input: { userId: 'u-nobody' } })
        .then({ refused: 'UNKNOWN_CASE_MANAGER', rule: 'DOMAIN' });
    });
  });
});
