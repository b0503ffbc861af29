import { expect } from 'chai';
import { given } from '@fallkit/core/testing';
import { exampleCase, momentAtEnd, momentBefore } from './moments.js';

// Slice `case-file` (packages/core/src/commands/case-file/): opening the case, persons, residence status.
describe('slice case-file: given/when/then', () => {
  describe('when there is no case yet', () => {
    it('openCase appends CaseOpened with the addressee, the lead agency and the first case manager', async () => {
      const rahimi = exampleCase('rahimi');
      const open = rahimi.steps[0]!;
      const { appended } = await given([], { actor: rahimi.actor, now: open.at })
        .when({ type: 'openCase', input: open.input })
        .then([{ type: 'CaseOpened', payload: { caseId: rahimi.caseId } }]);
      const payload = appended[0]!.payload as { addressee: { roles: string[] }; caseManager: { userId: string } };
      expect(payload.addressee.roles).to.include('addressee');
      expect(payload.caseManager.userId).to.equal(rahimi.actor.id);
    });
  });

  describe('when the case is open', () => {
    it('addPerson appends PersonAdded for a relative', async () => {
      const moment = await momentBefore('rahimi', 'addPerson', { nth: 2 });
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'PersonAdded' }]);
    });

    it('INV-CASE-01: a second addressee is refused (ADDRESSEE_ROLE_REQUIRED, rule DOMAIN)', async () => {
      const moment = await momentBefore('rahimi', 'addPerson', { nth: 2 });
      const input = { ...(moment.step.input as object), roles: ['addressee'] };
      await given(moment.history, moment)
        .when({ ...moment.step, input })
        .then({ refused: 'ADDRESSEE_ROLE_REQUIRED', rule: 'DOMAIN' });
    });

    it('INV-CHG-01: updatePerson without a change is refused (NOTHING_TO_CHANGE)', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({ type: 'updatePerson', caseId: moment.caseId, input: { personId: 'rahimi-person-1', changes: {} } })
        .then({ refused: 'NOTHING_TO_CHANGE', rule: 'DOMAIN' });
    });

    it('INV-REF-01: updatePerson of a person not in the case is refused (UNKNOWN_PERSON) and names the field', async () => {
      const moment = await momentAtEnd('rahimi');
      const { refusals } = await given(moment.history, moment)
        .when({
          type: 'updatePerson',
          caseId: moment.caseId,
          input: { personId: 'ghost', changes: { givenName: 'X' } },
        })
        .then({ refused: 'UNKNOWN_PERSON', rule: 'DOMAIN' });
      expect(refusals[0]?.path).to.deep.equal(['input', 'personId']);
    });
  });
});
