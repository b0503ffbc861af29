import { given } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore } from './moments.js';

// Slice `closure`: closing the case and its evaluation.
describe('slice closure: given/when/then', () => {
  describe('when the case is in monitoring (Wagner)', () => {
    it('closeCase appends CaseClosed with the reason', async () => {
      const moment = await momentBefore('wagner', 'closeCase');
      const { reason } = moment.step.input as { reason: string };
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'CaseClosed', payload: { reason } }]);
    });

    it('INV-CLOSE-02: an evaluation before the closure is refused (CASE_NOT_CLOSED)', async () => {
      const evaluation = await momentBefore('wagner', 'recordEvaluation');
      const moment = await momentBefore('wagner', 'closeCase');
      await given(moment.history, moment).when(evaluation.step).then({ refused: 'CASE_NOT_CLOSED', rule: 'DOMAIN' });
    });
  });

  describe('when the case is closed', () => {
    it('recordEvaluation appends EvaluationRecorded', async () => {
      const moment = await momentBefore('wagner', 'recordEvaluation');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'EvaluationRecorded' }]);
    });

    it('INV-CLOSE-01: closing it again is refused (CASE_ALREADY_CLOSED)', async () => {
      const moment = await momentAtEnd('wagner');
      await given(moment.history, moment)
        .when({ type: 'closeCase', caseId: moment.caseId, input: { reason: 'other' } })
        .then({ refused: 'CASE_ALREADY_CLOSED', rule: 'DOMAIN' });
    });

    it('INV-CLOSE-03: when the evaluation is recorded, a second one is refused (EVALUATION_ALREADY_RECORDED)', async () => {
      const moment = await momentAtEnd('wagner');
      await given(moment.history, moment)
        .when(moment.step)
        .then({ refused: 'EVALUATION_ALREADY_RECORDED', rule: 'DOMAIN' });
    });
  });
});
