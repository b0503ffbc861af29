import type { CommandSlice } from '../command-slice.js';
import { assessmentHandlers } from './handlers.js';
import { assessmentInputs } from './inputs.js';
import { assessmentInvariants } from './invariants.js';

/**
 * The `assessment` slice. Assessment: versions, confirmation, re-assessment.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `recordAssessment` → `AssessmentRecorded`
 * - `confirmAssessment` → `AssessmentConfirmed`
 * - `startReassessment` → `ReassessmentStarted`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-ASMT-01 (`ASSESSMENT_ALREADY_CONFIRMED`): an assessment version is confirmed once (confirmAssessment).
 * - INV-ASMT-02 (`ASSESSMENT_SUPERSEDED`): only the newest version is confirmed (confirmAssessment).
 * - INV-ASMT-03 (`ASSESSMENT_PART_WITHHELD`): a new version does not write a part withheld from its writer; the part is carried forward (recordAssessment).
 * - INV-ASMT-04 (`NO_ASSESSMENT`): a re-assessment needs an assessment (startReassessment).
 */
export const assessmentSlice = {
  stage: 'assessment',
  inputs: assessmentInputs,
  invariants: assessmentInvariants,
  handlers: assessmentHandlers,
  emits: {
    recordAssessment: ['AssessmentRecorded'],
    confirmAssessment: ['AssessmentConfirmed'],
    startReassessment: ['ReassessmentStarted'],
  },
} as const satisfies CommandSlice<keyof typeof assessmentInputs>;
