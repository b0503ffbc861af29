import type { CommandSlice } from '../command-slice.js';
import { counsellingHandlers } from './handlers.js';
import { counsellingInputs } from './inputs.js';
import { counsellingInvariants } from './invariants.js';

/**
 * The `counselling` slice. First counselling (Erstberatung).
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `recordFirstCounselling` → `FirstCounsellingRecorded`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-COUN-01 (`FIRST_COUNSELLING_ALREADY_RECORDED`): the first counselling is recorded once (recordFirstCounselling).
 */
export const counsellingSlice = {
  stage: 'counselling',
  inputs: counsellingInputs,
  invariants: counsellingInvariants,
  handlers: counsellingHandlers,
  emits: {
    recordFirstCounselling: ['FirstCounsellingRecorded'],
  },
} as const satisfies CommandSlice<keyof typeof counsellingInputs>;
