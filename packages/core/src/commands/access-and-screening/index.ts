import type { CommandSlice } from '../command-slice.js';
import { accessAndScreeningHandlers } from './handlers.js';
import { accessAndScreeningInputs } from './inputs.js';
import { accessAndScreeningInvariants } from './invariants.js';

/**
 * The `access-and-screening` slice. Access and screening (Zugang, Fallauswahl): referral, casefinding criteria, admission, crises.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `recordReferral` → `ReferralRecorded`
 * - `checkCasefindingCriteria` → `CasefindingCriteriaChecked`
 * - `decideAdmission` → `AdmissionDecided`
 * - `flagCrisis` → `CrisisFlagged`
 * - `resolveCrisis` → `CrisisResolved`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-ACC-01 (`CRISIS_ALREADY_RESOLVED`): a crisis is resolved once (resolveCrisis).
 */
export const accessAndScreeningSlice = {
  stage: 'access-and-screening',
  inputs: accessAndScreeningInputs,
  invariants: accessAndScreeningInvariants,
  handlers: accessAndScreeningHandlers,
  emits: {
    recordReferral: ['ReferralRecorded'],
    checkCasefindingCriteria: ['CasefindingCriteriaChecked'],
    decideAdmission: ['AdmissionDecided'],
    flagCrisis: ['CrisisFlagged'],
    resolveCrisis: ['CrisisResolved'],
  },
} as const satisfies CommandSlice<keyof typeof accessAndScreeningInputs>;
