import type { CaseCommandType } from './command-catalog.js';
import type { InvariantCheck } from './invariant-checks.js';
import { caseFileInvariants } from './case-file/invariants.js';
import { accessAndScreeningInvariants } from './access-and-screening/invariants.js';
import { counsellingInvariants } from './counselling/invariants.js';
import { assessmentInvariants } from './assessment/invariants.js';
import { goalsInvariants } from './goals/invariants.js';
import { helpPlanInvariants } from './help-plan/invariants.js';
import { linkingInvariants } from './linking/invariants.js';
import { monitoringInvariants } from './monitoring/invariants.js';
import { handoverInvariants } from './handover/invariants.js';
import { legalDomainsInvariants } from './legal-domains/invariants.js';
import { recordsInvariants } from './records/invariants.js';
import { planDocumentInvariants } from './plan-document/invariants.js';
import { closureInvariants } from './closure/invariants.js';

export type { InvariantCheck, InvariantContext } from './invariant-checks.js';

/**
 * The domain invariants of the case commands, assembled from the slices (`goals/invariants.ts` …).
 * Commands without an entry have none beyond their schema. Each invariant has an id (`INV-GOAL-01`),
 * listed in its slice's `index.ts` and in docs/core.md; the refusal itself carries `rule: 'DOMAIN'`
 * and the code.
 */
export const CASE_INVARIANTS: { readonly [T in CaseCommandType]?: InvariantCheck<T> } = {
  ...caseFileInvariants,
  ...accessAndScreeningInvariants,
  ...counsellingInvariants,
  ...assessmentInvariants,
  ...goalsInvariants,
  ...helpPlanInvariants,
  ...linkingInvariants,
  ...monitoringInvariants,
  ...handoverInvariants,
  ...legalDomainsInvariants,
  ...recordsInvariants,
  ...planDocumentInvariants,
  ...closureInvariants,
};
