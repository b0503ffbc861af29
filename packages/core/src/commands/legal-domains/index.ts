import type { CommandSlice } from '../command-slice.js';
import { legalDomainsHandlers } from './handlers.js';
import { legalDomainsInputs } from './inputs.js';
import { legalDomainsInvariants } from './invariants.js';

/**
 * The `legal-domains` slice. The legal domains (Rechtskreise) the case is run under.
 *
 * Everything one of its commands is made of is here: the input schema (`inputs.ts`), the domain
 * invariants (`invariants.ts`), the handler that decides the events (`handlers.ts`), and below the
 * events each command may append. The central tables (`command-catalog.ts`, `handlers.ts`,
 * `invariants.ts` one folder up) only assemble the slices. The process rules that say when a command
 * is allowed are in `process/cycle.ts`, who may send it in `access/command-access.ts`, how each event
 * changes the case in `fold/reducers.ts`.
 *
 * Commands and the events they append:
 * - `addLegalDomain` → `LegalDomainAdded`
 * - `endLegalDomain` → `LegalDomainEnded`
 *
 * Domain invariants of its own (refusals carry `rule: 'DOMAIN'` and the code; the ids name them in
 * tests and docs/core.md), besides the shared ones of `invariant-checks.ts` (INV-REF-01 … INV-CHG-01):
 * - INV-LEGAL-01 (`LEGAL_DOMAIN_ALREADY_ACTIVE`): a legal domain is added once while active (addLegalDomain).
 * - INV-LEGAL-02 (`LEGAL_DOMAIN_NOT_ACTIVE`): only an active legal domain is ended (endLegalDomain).
 */
export const legalDomainsSlice = {
  stage: 'legal-domains',
  inputs: legalDomainsInputs,
  invariants: legalDomainsInvariants,
  handlers: legalDomainsHandlers,
  emits: {
    addLegalDomain: ['LegalDomainAdded'],
    endLegalDomain: ['LegalDomainEnded'],
  },
} as const satisfies CommandSlice<keyof typeof legalDomainsInputs>;
