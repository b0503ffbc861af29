import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import type { Refusal } from '../../result/refusal.js';
import type { CaseCommandInput } from '../command-catalog.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck, InvariantContext } from '../invariant-checks.js';
import { has, persons, notFuture, ordered, classification } from '../invariant-checks.js';
import type { goalsInputs } from './inputs.js';

function goalAgreementChecks(
  state: CaseState,
  agreement: CaseCommandInput<'agreeGoal'>['agreement'],
  level: string | undefined,
  context: InvariantContext,
): Refusal[] {
  if (agreement === undefined) {
    return level === 'case'
      ? [
          // INV-GOAL-01
          domainRefusal(
            'GOAL_AGREEMENT_MISSING',
            ['agreement'],
            text(
              'Ein Fallziel wird mit der Person vereinbart: Vereinbarung fehlt.',
              'A case goal is agreed with the person: the agreement is missing.',
            ),
          ),
        ]
      : [];
  }
  const refusals: Refusal[] = [...persons(state, agreement.participantIds, ['agreement', 'participantIds'])];
  if (agreement.agreedOn === undefined) {
    refusals.push(
      // INV-GOAL-02
      domainRefusal(
        'GOAL_AGREEMENT_DATE_MISSING',
        ['agreement', 'agreedOn'],
        text(
          'Datum der Zielvereinbarung fehlt (Feld agreement.agreedOn).',
          'The date of the goal agreement is missing (field agreement.agreedOn).',
        ),
      ),
    );
  }
  refusals.push(...notFuture(agreement.agreedOn, ['agreement', 'agreedOn'], context));
  return refusals;
}

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const goalsInvariants: { readonly [T in keyof typeof goalsInputs]?: InvariantCheck<T> } = {
  agreeGoal: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...goalAgreementChecks(s, input.agreement, input.level, context),
      ...(input.parentGoalId !== undefined && !has(s.goals, input.parentGoalId)
        ? [unknownId('UNKNOWN_GOAL', ['parentGoalId'], input.parentGoalId)]
        : []),
      ...(input.assessmentId !== undefined && !has(s.assessments, input.assessmentId)
        ? [unknownId('UNKNOWN_ASSESSMENT', ['assessmentId'], input.assessmentId)]
        : []),
      ...ordered(input.timeFrame?.from, input.timeFrame?.until, ['timeFrame', 'until'], 'timeFrame.from'),
      ...classification(s, input),
    ];
  },
  reviseGoal: (state, input, context) => {
    const s = state as CaseState;
    const goal = s.goals.find((g) => g.id === input.goalId);
    if (!goal) return [unknownId('UNKNOWN_GOAL', ['goalId'], input.goalId)];
    const refusals: Refusal[] = [];
    if (goal.status !== 'open') {
      refusals.push(
        // INV-GOAL-03
        domainRefusal(
          'GOAL_NOT_OPEN',
          ['goalId'],
          text('Nur offene Ziele können überarbeitet werden.', 'Only open goals can be revised.'),
        ),
      );
    }
    if (Object.keys(input.changes).length === 0 && input.agreement === undefined) {
      refusals.push(
        domainRefusal('NOTHING_TO_CHANGE', ['changes'], text('Keine Änderung angegeben.', 'No change given.')),
      );
    }
    const timeFrame = input.changes.timeFrame ?? goal.timeFrame;
    if (input.changes.parentGoalId !== undefined && !has(s.goals, input.changes.parentGoalId)) {
      refusals.push(unknownId('UNKNOWN_GOAL', ['changes', 'parentGoalId'], input.changes.parentGoalId));
    }
    return [
      ...refusals,
      ...(input.agreement ? goalAgreementChecks(s, input.agreement, undefined, context) : []),
      ...notFuture(input.revisedOn, ['revisedOn'], context),
      ...ordered(timeFrame?.from, timeFrame?.until, ['changes', 'timeFrame', 'until'], 'timeFrame.from'),
    ];
  },
  setGoalStatus: (state, input, context) => {
    const goal = (state as CaseState).goals.find((g) => g.id === input.goalId);
    if (!goal) return [unknownId('UNKNOWN_GOAL', ['goalId'], input.goalId)];
    return [
      ...(goal.status === input.status
        ? [
            domainRefusal(
              'NOTHING_TO_CHANGE',
              ['status'],
              text('Das Ziel hat diesen Status bereits.', 'The goal already has this status.'),
            ),
          ]
        : []),
      ...notFuture(input.on, ['on'], context),
    ];
  },
};
