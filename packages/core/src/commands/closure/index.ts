import type { CommandSlice } from '../command-slice.js';
import { closureHandlers } from './handlers.js';
import { closureInputs } from './inputs.js';
import { closureInvariants } from './invariants.js';

/**
 * The `closure` slice. Closure (Abschluss) and evaluation (Auswertung).
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `closeCase` → `CaseClosed`
 * - `recordEvaluation` → `EvaluationRecorded`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-CLOSE-01 (`CASE_ALREADY_CLOSED`): a case is closed once (closeCase).
 * - INV-CLOSE-02 (`CASE_NOT_CLOSED`): a case is evaluated after its closure (recordEvaluation).
 * - INV-CLOSE-03 (`EVALUATION_ALREADY_RECORDED`): the evaluation is recorded once (recordEvaluation).
 */
export const closureSlice = {
  stage: 'closure',
  inputs: closureInputs,
  invariants: closureInvariants,
  handlers: closureHandlers,
  emits: {
    closeCase: ['CaseClosed'],
    recordEvaluation: ['EvaluationRecorded'],
  },
} as const satisfies CommandSlice<keyof typeof closureInputs>;
