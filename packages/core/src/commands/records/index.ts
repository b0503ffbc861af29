import type { CommandSlice } from '../command-slice.js';
import { recordsHandlers } from './handlers.js';
import { recordsInputs } from './inputs.js';
import { recordsInvariants } from './invariants.js';

/**
 * The `records` slice. Records of the case file: notes and documents.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `recordNote` → `NoteRecorded`
 * - `attachDocument` → `DocumentAttached`
 * - `removeDocument` → `DocumentRemoved`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-REC-01 (`DOCUMENT_ALREADY_REMOVED`): a document is removed once (removeDocument).
 */
export const recordsSlice = {
  stage: 'records',
  inputs: recordsInputs,
  invariants: recordsInvariants,
  handlers: recordsHandlers,
  emits: {
    recordNote: ['NoteRecorded'],
    attachDocument: ['DocumentAttached'],
    removeDocument: ['DocumentRemoved'],
  },
} as const satisfies CommandSlice<keyof typeof recordsInputs>;
