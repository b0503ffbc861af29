import { recordMeta, splitClassification } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { closureInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const closureHandlers: { readonly [T in keyof typeof closureInputs]: CommandHandler<T> } = {
  closeCase: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('CaseClosed', {
        id: context.ids.next('closure'),
        ...rest,
        closedOn: rest.closedOn ?? context.today,
        readinessSigns: rest.readinessSigns ?? [],
        goalAttainment: rest.goalAttainment ?? [],
        ...recordMeta(context, classification, 'closure', { content: rest }),
      }),
    ];
  },
  recordEvaluation: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('EvaluationRecorded', {
        id: context.ids.next('evaluation'),
        ...rest,
        evaluatedOn: rest.evaluatedOn ?? context.today,
        providerFeedback: rest.providerFeedback ?? [],
        ...recordMeta(context, classification, 'evaluation', { content: rest }),
      }),
    ];
  },
};
