import { recordMeta, splitClassification, stateOf } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { counsellingInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const counsellingHandlers: { readonly [T in keyof typeof counsellingInputs]: CommandHandler<T> } = {
  recordFirstCounselling: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const state = stateOf(context);
    return [
      caseEvent('FirstCounsellingRecorded', {
        id: context.ids.next('first-counselling'),
        ...rest,
        heldOn: rest.heldOn ?? context.today,
        participantIds: rest.participantIds ?? [state.addresseeId],
        ...recordMeta(context, classification, 'firstCounselling', { content: rest }),
      }),
    ];
  },
};
