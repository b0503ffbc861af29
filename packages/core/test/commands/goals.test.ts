import { given } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore, stepInput } from './moments.js';

// Slice `goals`: agreeing, revising and ending goals (Zielvereinbarung).
describe('slice goals: given/when/then', () => {
  describe('when the assessment is confirmed', () => {
    it('agreeGoal appends GoalAgreed, open, with the agreement', async () => {
      const moment = await momentBefore('bondarenko', 'agreeGoal');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'GoalAgreed', payload: { status: 'open', revisions: [] } }]);
    });

    it('INV-GOAL-01: a case goal without an agreement is refused (GOAL_AGREEMENT_MISSING)', async () => {
      const moment = await momentBefore('bondarenko', 'agreeGoal');
      const { agreement: _agreement, ...input } = moment.step.input as Record<string, unknown>;
      await given(moment.history, moment)
        .when({ ...moment.step, input: { ...input, level: 'case' } })
        .then({ refused: 'GOAL_AGREEMENT_MISSING', rule: 'DOMAIN' });
    });

    it('INV-GOAL-02: an agreement without its date is refused (GOAL_AGREEMENT_DATE_MISSING)', async () => {
      const moment = await momentBefore('bondarenko', 'agreeGoal');
      const input = moment.step.input as { agreement: Record<string, unknown> };
      const { agreedOn: _agreedOn, ...agreement } = input.agreement;
      await given(moment.history, moment)
        .when({ ...moment.step, input: { ...input, agreement } })
        .then({ refused: 'GOAL_AGREEMENT_DATE_MISSING', rule: 'DOMAIN' });
    });
  });

  describe('when a goal was set to a final status', () => {
    it('INV-GOAL-03: revising it is refused (GOAL_NOT_OPEN)', async () => {
      const { goalId } = stepInput('rahimi', 'setGoalStatus') as { goalId: string };
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({
          type: 'reviseGoal',
          caseId: moment.caseId,
          input: { goalId, reason: 'Neue Lage', changes: { title: 'Anders' } },
        })
        .then({ refused: 'GOAL_NOT_OPEN', rule: 'DOMAIN' });
    });

    it('setGoalStatus appends GoalStatusSet', async () => {
      const moment = await momentBefore('rahimi', 'setGoalStatus');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'GoalStatusSet' }]);
    });
  });
});
