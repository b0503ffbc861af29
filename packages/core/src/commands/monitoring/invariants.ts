import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { has, persons, notFuture, classification, reference } from '../invariant-checks.js';
import type { monitoringInputs } from './inputs.js';

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const monitoringInvariants: { readonly [T in keyof typeof monitoringInputs]?: InvariantCheck<T> } = {
  recordContact: (state, input, context) => [
    ...notFuture(input.on, ['on'], context),
    ...persons(state as CaseState, input.participantIds, ['participantIds']),
    ...classification(state, input),
  ],
  scheduleFollowUp: (state, input) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...classification(state, input),
  ],
  completeFollowUp: (state, input, context) => {
    const followUp = (state as CaseState).followUps.find((f) => f.id === input.followUpId);
    if (!followUp) return [unknownId('UNKNOWN_FOLLOW_UP', ['followUpId'], input.followUpId)];
    return [
      ...(followUp.done
        ? [
            // INV-MON-01
            domainRefusal(
              'FOLLOW_UP_ALREADY_DONE',
              ['followUpId'],
              text('Diese Wiedervorlage ist bereits erledigt.', 'This follow-up is already done.'),
            ),
          ]
        : []),
      ...notFuture(input.doneOn, ['doneOn'], context),
    ];
  },
  judgeProgress: (state, input, context) => {
    const s = state as CaseState;
    const pool = input.target.kind === 'goal' ? s.goals : s.measures;
    return [
      ...(has(pool, input.target.id)
        ? []
        : [
            unknownId(
              input.target.kind === 'goal' ? 'UNKNOWN_GOAL' : 'UNKNOWN_MEASURE',
              ['target', 'id'],
              input.target.id,
            ),
          ]),
      ...notFuture(input.on, ['on'], context),
      ...classification(s, input),
    ];
  },
  recordDeviation: (state, input, context) => [
    ...reference(state as CaseState, input.relatesTo, ['relatesTo']),
    ...notFuture(input.on, ['on'], context),
    ...classification(state, input),
  ],
  recordReadinessSigns: (state, input, context) => [
    ...notFuture(input.on, ['on'], context),
    ...classification(state, input),
  ],
};
