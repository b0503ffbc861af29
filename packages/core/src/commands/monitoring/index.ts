import type { CommandSlice } from '../command-slice.js';
import { monitoringHandlers } from './handlers.js';
import { monitoringInputs } from './inputs.js';
import { monitoringInvariants } from './invariants.js';

/**
 * The `monitoring` slice. Monitoring: contacts, follow-ups, progress, deviations, readiness signs.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `recordContact` → `ContactRecorded`
 * - `scheduleFollowUp` → `FollowUpScheduled`
 * - `completeFollowUp` → `FollowUpCompleted`
 * - `judgeProgress` → `ProgressJudged`
 * - `recordDeviation` → `DeviationRecorded`
 * - `recordReadinessSigns` → `ReadinessSignsObserved`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-MON-01 (`FOLLOW_UP_ALREADY_DONE`): a follow-up is completed once (completeFollowUp).
 */
export const monitoringSlice = {
  stage: 'monitoring',
  inputs: monitoringInputs,
  invariants: monitoringInvariants,
  handlers: monitoringHandlers,
  emits: {
    recordContact: ['ContactRecorded'],
    scheduleFollowUp: ['FollowUpScheduled'],
    completeFollowUp: ['FollowUpCompleted'],
    judgeProgress: ['ProgressJudged'],
    recordDeviation: ['DeviationRecorded'],
    recordReadinessSigns: ['ReadinessSignsObserved'],
  },
} as const satisfies CommandSlice<keyof typeof monitoringInputs>;
