import { recordMeta, splitClassification, stateOf } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { monitoringInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const monitoringHandlers: { readonly [T in keyof typeof monitoringInputs]: CommandHandler<T> } = {
  recordContact: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('ContactRecorded', {
        id: context.ids.next('contact'),
        ...rest,
        on: rest.on ?? context.today,
        withInterpreter: rest.withInterpreter ?? false,
        participantIds: rest.participantIds ?? [stateOf(context).addresseeId],
        reached: rest.reached ?? true,
        ...recordMeta(context, classification, 'contact', { content: rest }),
      }),
    ];
  },
  scheduleFollowUp: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('FollowUpScheduled', {
        id: context.ids.next('follow-up'),
        ...rest,
        done: false,
        ...recordMeta(context, classification, 'followUp', { content: rest }),
      }),
    ];
  },
  completeFollowUp: (context, input) => [
    caseEvent('FollowUpCompleted', { ...input, doneOn: input.doneOn ?? context.today }),
  ],
  judgeProgress: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('ProgressJudged', {
        id: context.ids.next('progress'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'progressJudgement', {
          content: rest,
          extraCategories: rest.target.kind === 'measure' ? ['measures'] : [],
        }),
      }),
    ];
  },
  recordDeviation: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('DeviationRecorded', {
        id: context.ids.next('deviation'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'deviation', { content: rest }),
      }),
    ];
  },
  recordReadinessSigns: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('ReadinessSignsObserved', {
        id: context.ids.next('readiness'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'readinessObservation', { content: rest }),
      }),
    ];
  },
};
