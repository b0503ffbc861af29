import { recordMeta, splitClassification } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { goalsInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const goalsHandlers: { readonly [T in keyof typeof goalsInputs]: CommandHandler<T> } = {
  agreeGoal: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const { agreement, ...content } = rest;
    return [
      caseEvent('GoalAgreed', {
        id: context.ids.next('goal'),
        ...content,
        agreement:
          agreement && agreement.agreedOn !== undefined ? { ...agreement, agreedOn: agreement.agreedOn } : undefined,
        status: 'open',
        statusHistory: [{ status: 'open', on: agreement?.agreedOn ?? context.today }],
        revisions: [],
        ...recordMeta(context, classification, 'goal', { content: rest }),
      }),
    ];
  },
  reviseGoal: (context, input) => [
    caseEvent('GoalRevised', {
      goalId: input.goalId,
      revisedOn: input.revisedOn ?? context.today,
      reason: input.reason,
      changes: input.changes,
      agreement:
        input.agreement?.agreedOn !== undefined
          ? { ...input.agreement, agreedOn: input.agreement.agreedOn }
          : undefined,
    }),
  ],
  setGoalStatus: (context, input) => [caseEvent('GoalStatusSet', { ...input, on: input.on ?? context.today })],
};
