import type { CommandSlice } from '../command-slice.js';
import { helpPlanHandlers } from './handlers.js';
import { helpPlanInputs } from './inputs.js';
import { helpPlanInvariants } from './invariants.js';

/**
 * The `help-plan` slice. Help planning (Hilfeplanung): the measures of the help plan and their order.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `addMeasure` → `MeasureAdded`
 * - `updateMeasure` → `MeasureUpdated`
 * - `reorderMeasures` → `MeasuresReordered`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-MEAS-01 (`MEASURE_DEPENDENCY_CYCLE`): the sequence of measures has no cycle (updateMeasure).
 * - INV-MEAS-02 (`MEASURE_ORDER_INCOMPLETE`): a new order names every measure exactly once (reorderMeasures).
 */
export const helpPlanSlice = {
  stage: 'help-plan',
  inputs: helpPlanInputs,
  invariants: helpPlanInvariants,
  handlers: helpPlanHandlers,
  emits: {
    addMeasure: ['MeasureAdded'],
    updateMeasure: ['MeasureUpdated'],
    reorderMeasures: ['MeasuresReordered'],
  },
} as const satisfies CommandSlice<keyof typeof helpPlanInputs>;
