import { given } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore, stepInput } from './moments.js';

// Slice `monitoring`: contacts, follow-ups, progress, deviations, readiness signs.
describe('slice monitoring: given/when/then', () => {
  it('in monitoring, recordContact appends ContactRecorded with the mode and note given', async () => {
    const moment = await momentBefore('bondarenko', 'recordContact');
    const { mode, note } = moment.step.input as { mode: string; note: string };
    await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'ContactRecorded', payload: { mode, note } }]);
  });

  it('judgeProgress appends ProgressJudged', async () => {
    const moment = await momentBefore('rahimi', 'judgeProgress');
    await given(moment.history, moment)
      .when(moment.step)
      .then([{ type: 'ProgressJudged' }]);
  });

  it('INV-REF-01: progress on a goal not in the case is refused (UNKNOWN_GOAL)', async () => {
    const moment = await momentBefore('rahimi', 'judgeProgress');
    await given(moment.history, moment)
      .when({
        type: 'judgeProgress',
        caseId: moment.caseId,
        input: { target: { kind: 'goal', id: 'ghost' }, judgement: 'onTrack', note: '' },
      })
      .then({ refused: 'UNKNOWN_GOAL', rule: 'DOMAIN' });
  });

  it('INV-MON-01: when a follow-up is done, completing it again is refused (FOLLOW_UP_ALREADY_DONE)', async () => {
    const moment = await momentAtEnd('rahimi');
    await given(moment.history, moment)
      .when({ type: 'completeFollowUp', caseId: moment.caseId, input: stepInput('rahimi', 'completeFollowUp') })
      .then({ refused: 'FOLLOW_UP_ALREADY_DONE', rule: 'DOMAIN' });
  });

  it('INV-DATE-01: a contact dated tomorrow is refused (DATE_IN_FUTURE, with a hint)', async () => {
    const moment = await momentAtEnd('rahimi');
    await given(moment.history, moment)
      .when({ type: 'recordContact', caseId: moment.caseId, input: { on: '2026-07-02', mode: 'phone', note: 'x' } })
      .then({ refused: 'DATE_IN_FUTURE' });
  });
});
