import type { CommandSlice } from '../command-slice.js';
import { goalsHandlers } from './handlers.js';
import { goalsInputs } from './inputs.js';
import { goalsInvariants } from './invariants.js';

/**
 * The `goals` slice. Goal agreement (Zielvereinbarung): agreeing, revising and ending goals.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `agreeGoal` → `GoalAgreed`
 * - `reviseGoal` → `GoalRevised`
 * - `setGoalStatus` → `GoalStatusSet`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-GOAL-01 (`GOAL_AGREEMENT_MISSING`): a case goal is agreed with the person (agreeGoal).
 * - INV-GOAL-02 (`GOAL_AGREEMENT_DATE_MISSING`): an agreement carries its date (agreeGoal, reviseGoal).
 * - INV-GOAL-03 (`GOAL_NOT_OPEN`): only open goals are revised (reviseGoal).
 */
export const goalsSlice = {
  stage: 'goals',
  inputs: goalsInputs,
  invariants: goalsInvariants,
  handlers: goalsHandlers,
  emits: {
    agreeGoal: ['GoalAgreed'],
    reviseGoal: ['GoalRevised'],
    setGoalStatus: ['GoalStatusSet'],
  },
} as const satisfies CommandSlice<keyof typeof goalsInputs>;
