import type { CommandSlice } from '../command-slice.js';
import { planDocumentHandlers } from './handlers.js';
import { planDocumentInputs } from './inputs.js';
import { planDocumentInvariants } from './invariants.js';

/**
 * The `plan-document` slice. The plan document the case's process standard prescribes (a version of the written plan).
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `recordPlan` → `PlanRecorded`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - none of its own.
 */
export const planDocumentSlice = {
  stage: 'plan-document',
  inputs: planDocumentInputs,
  invariants: planDocumentInvariants,
  handlers: planDocumentHandlers,
  emits: {
    recordPlan: ['PlanRecorded'],
  },
} as const satisfies CommandSlice<keyof typeof planDocumentInputs>;
