import type { CaseCommandType } from './command-catalog.js';
import type { CommandHandler } from './handler-context.js';
import { caseFileHandlers } from './case-file/handlers.js';
import { accessAndScreeningHandlers } from './access-and-screening/handlers.js';
import { counsellingHandlers } from './counselling/handlers.js';
import { assessmentHandlers } from './assessment/handlers.js';
import { goalsHandlers } from './goals/handlers.js';
import { helpPlanHandlers } from './help-plan/handlers.js';
import { linkingHandlers } from './linking/handlers.js';
import { monitoringHandlers } from './monitoring/handlers.js';
import { handoverHandlers } from './handover/handlers.js';
import { legalDomainsHandlers } from './legal-domains/handlers.js';
import { recordsHandlers } from './records/handlers.js';
import { planDocumentHandlers } from './plan-document/handlers.js';
import { closureHandlers } from './closure/handlers.js';

export type { CommandHandler } from './handler-context.js';

/**
 * The handlers of every case command, assembled from the slices. A handler turns a validated,
 * guarded command input into the events it decides; each lives next to its command's input schema
 * and invariants in the slice's folder (`goals/handlers.ts` …).
 */
export const CASE_COMMAND_HANDLERS: { readonly [T in CaseCommandType]: CommandHandler<T> } = {
  ...caseFileHandlers,
  ...accessAndScreeningHandlers,
  ...counsellingHandlers,
  ...assessmentHandlers,
  ...goalsHandlers,
  ...helpPlanHandlers,
  ...linkingHandlers,
  ...monitoringHandlers,
  ...handoverHandlers,
  ...legalDomainsHandlers,
  ...recordsHandlers,
  ...planDocumentHandlers,
  ...closureHandlers,
};
