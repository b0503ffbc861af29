import type { CommandSlice } from '../command-slice.js';
import { handoverHandlers } from './handlers.js';
import { handoverInputs } from './inputs.js';
import { handoverInvariants } from './invariants.js';

/**
 * The `handover` slice. Handover (Rechtskreiswechsel) and the case managers of the case.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `changeLeadAgency` → `LeadAgencyChanged`
 * - `assignCaseManager` → `CaseManagerAssigned`
 * - `endCaseManagerAssignment` → `CaseManagerAssignmentEnded`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-HAND-01 (`SAME_LEAD_AGENCY`): a change of lead agency changes the agency or the legal domain (changeLeadAgency).
 * - INV-HAND-02 (`TRANSITION_BEFORE_HANDOVER`): the transition period does not end before the change (changeLeadAgency).
 * - INV-HAND-03 (`LEGAL_DOMAIN_NOT_ACTIVE`): the legal domain a handover ends is active (changeLeadAgency).
 * - INV-HAND-04 (`CASE_MANAGER_ALREADY_ASSIGNED`): a user is assigned once per agency and role (assignCaseManager).
 * - INV-HAND-05 (`LAST_CASE_MANAGER`): a case keeps a responsible case manager (endCaseManagerAssignment).
 * - INV-HAND-06 (`AMBIGUOUS_CASE_MANAGER`): a user id assigned at several agencies is named with its agency, DP-40 (assignCaseManager, endCaseManagerAssignment).
 */
export const handoverSlice = {
  stage: 'handover',
  inputs: handoverInputs,
  invariants: handoverInvariants,
  handlers: handoverHandlers,
  emits: {
    changeLeadAgency: ['LeadAgencyChanged'],
    assignCaseManager: ['CaseManagerAssigned'],
    endCaseManagerAssignment: ['CaseManagerAssignmentEnded'],
  },
} as const satisfies CommandSlice<keyof typeof handoverInputs>;
