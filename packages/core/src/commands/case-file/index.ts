import type { CommandSlice } from '../command-slice.js';
import { caseFileHandlers } from './handlers.js';
import { caseFileInputs } from './inputs.js';
import { caseFileInvariants } from './invariants.js';

/**
 * The `case-file` slice. The case file and its persons: opening the case, persons, residence status.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `openCase` → `CaseOpened`
 * - `addPerson` → `PersonAdded`
 * - `updatePerson` → `PersonUpdated`
 * - `recordResidenceStatus` → `ResidenceStatusRecorded`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-CASE-01 (`ADDRESSEE_ROLE_REQUIRED`): a case has exactly one addressee, and the role stays with the person the case is about (addPerson, updatePerson).
 * - INV-CASE-02 (`RELATION_TO_SELF`, `UNKNOWN_PERSON`): a household relation links the person to another person of the case (addPerson, updatePerson).
 */
export const caseFileSlice = {
  stage: 'case-file',
  inputs: caseFileInputs,
  invariants: caseFileInvariants,
  handlers: caseFileHandlers,
  emits: {
    openCase: ['CaseOpened'],
    addPerson: ['PersonAdded'],
    updatePerson: ['PersonUpdated'],
    recordResidenceStatus: ['ResidenceStatusRecorded'],
  },
} as const satisfies CommandSlice<keyof typeof caseFileInputs>;
