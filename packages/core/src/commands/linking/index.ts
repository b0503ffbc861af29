import type { CommandSlice } from '../command-slice.js';
import { linkingHandlers } from './handlers.js';
import { linkingInputs } from './inputs.js';
import { linkingInvariants } from './invariants.js';

/**
 * The `linking` slice. Linking (Leistungssteuerung): referrals to providers and case conferences.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `referToProvider` → `ProviderReferralMade`
 * - `updateReferralStatus` → `ProviderReferralStatusUpdated`
 * - `holdCaseConference` → `CaseConferenceHeld`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-LINK-01 (`REFERRAL_ALREADY_ENDED`): a completed or declined referral keeps its status (updateReferralStatus).
 */
export const linkingSlice = {
  stage: 'linking',
  inputs: linkingInputs,
  invariants: linkingInvariants,
  handlers: linkingHandlers,
  emits: {
    referToProvider: ['ProviderReferralMade'],
    updateReferralStatus: ['ProviderReferralStatusUpdated'],
    holdCaseConference: ['CaseConferenceHeld'],
  },
} as const satisfies CommandSlice<keyof typeof linkingInputs>;
