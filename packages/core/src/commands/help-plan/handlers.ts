import { recordMeta, splitClassification } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { helpPlanInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const helpPlanHandlers: { readonly [T in keyof typeof helpPlanInputs]: CommandHandler<T> } = {
  addMeasure: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('MeasureAdded', {
        id: context.ids.next('measure'),
        ...rest,
        agreement: rest.agreement ?? { agreed: true },
        status: rest.status ?? 'planned',
        history: [],
        ...recordMeta(context, classification, 'measure', { content: rest }),
      }),
    ];
  },
  updateMeasure: (context, input) => [
    caseEvent('MeasureUpdated', { ...input, changedOn: input.changedOn ?? context.today }),
  ],
  reorderMeasures: (_context, input) => [caseEvent('MeasuresReordered', { measureIds: input.measureIds })],
};
