import { recordMeta, splitClassification, stateOf } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { planDocumentInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const planDocumentHandlers: { readonly [T in keyof typeof planDocumentInputs]: CommandHandler<T> } = {
  recordPlan: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const state = stateOf(context);
    // The plan carries what the case agreed when it was written, so a printed version stays what was
    // handed over even after goals and measures change.
    const goalIds = state.goals
      .filter((g) => g.level === 'case' && g.status === 'open' && g.agreement)
      .map((g) => g.id);
    const measureIds = state.measures.filter((m) => m.status !== 'cancelled').map((m) => m.id);
    return [
      caseEvent('PlanRecorded', {
        id: context.ids.next('plan'),
        version: state.plans.length + 1,
        standard: state.processStandard,
        ...rest,
        recordedOn: rest.recordedOn ?? context.today,
        goalIds,
        measureIds,
        ...recordMeta(context, classification, 'plan', { content: rest }),
      }),
    ];
  },
};
