import { caseFileSlice } from './case-file/index.js';
import { accessAndScreeningSlice } from './access-and-screening/index.js';
import { counsellingSlice } from './counselling/index.js';
import { assessmentSlice } from './assessment/index.js';
import { goalsSlice } from './goals/index.js';
import { helpPlanSlice } from './help-plan/index.js';
import { linkingSlice } from './linking/index.js';
import { monitoringSlice } from './monitoring/index.js';
import { handoverSlice } from './handover/index.js';
import { legalDomainsSlice } from './legal-domains/index.js';
import { recordsSlice } from './records/index.js';
import { planDocumentSlice } from './plan-document/index.js';
import { closureSlice } from './closure/index.js';

/**
 * The vertical slices of the case commands, one per stage of the cycle, in the cycle's order. A slice
 * holds its commands' input schemas, invariants, handlers and the events each may append; the
 * central tables (`CASE_COMMAND_INPUTS`, `CASE_COMMAND_HANDLERS`, `CASE_INVARIANTS`) are assembled
 * from them.
 */
export const CASE_COMMAND_SLICES = [
  caseFileSlice,
  accessAndScreeningSlice,
  counsellingSlice,
  assessmentSlice,
  goalsSlice,
  helpPlanSlice,
  linkingSlice,
  monitoringSlice,
  handoverSlice,
  legalDomainsSlice,
  recordsSlice,
  planDocumentSlice,
  closureSlice,
] as const;
