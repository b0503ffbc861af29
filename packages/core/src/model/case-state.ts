import * as z from 'zod/mini';
import { admissionDecisionSchema, casefindingCheckSchema, crisisSchema, referralSchema } from './access.js';
import { assessmentSchema, reassessmentSchema } from './assessment.js';
import {
  CASE_STATUSES,
  caseManagerPeriodSchema,
  leadAgencyPeriodSchema,
  legalDomainPeriodSchema,
  processStandardRefSchema,
  residenceStatusSchema,
  stageSchema,
} from './case-header.js';
import { closureSchema, evaluationSchema, readinessObservationSchema } from './closure.js';
import { firstCounsellingSchema } from './first-counselling.js';
import { goalSchema } from './goal.js';
import { handoverSchema } from './handover.js';
import { measureSchema } from './help-plan.js';
import { caseConferenceSchema, providerReferralSchema } from './linking.js';
import { contactSchema, deviationSchema, followUpSchema, progressJudgementSchema } from './monitoring.js';
import { noteSchema } from './note.js';
import { documentSchema } from './document.js';
import { personSchema } from './person.js';
import { planRecordSchema } from './plan.js';
import { idSchema, isoDateSchema, isoDateTimeSchema } from './primitives.js';

/**
 * The whole case file as the fold of its journal builds it. Every list keeps history: nothing is
 * overwritten, older assessment versions, goal revisions, lead-agency and case-manager periods stay.
 * Items are in the order they were recorded.
 */
export const caseStateSchema = z.strictObject({
  caseId: idSchema,
  /** Short display label (case number or pseudonym), never a name. */
  label: z.string(),
  status: z.enum(CASE_STATUSES),
  /** Where the case stands in the cycle (computed by `fold/stage.ts`). */
  stage: stageSchema,
  openedOn: isoDateSchema,
  processStandard: processStandardRefSchema,
  /** The person the case is about. */
  addresseeId: idSchema,
  persons: z.array(personSchema),
  leadAgencies: z.array(leadAgencyPeriodSchema),
  caseManagers: z.array(caseManagerPeriodSchema),
  legalDomains: z.array(legalDomainPeriodSchema),
  residenceStatuses: z.array(residenceStatusSchema),
  referrals: z.array(referralSchema),
  casefindingChecks: z.array(casefindingCheckSchema),
  admission: z.nullable(admissionDecisionSchema),
  crises: z.array(crisisSchema),
  firstCounselling: z.nullable(firstCounsellingSchema),
  assessments: z.array(assessmentSchema),
  reassessments: z.array(reassessmentSchema),
  goals: z.array(goalSchema),
  measures: z.array(measureSchema),
  providerReferrals: z.array(providerReferralSchema),
  caseConferences: z.array(caseConferenceSchema),
  contacts: z.array(contactSchema),
  followUps: z.array(followUpSchema),
  progressJudgements: z.array(progressJudgementSchema),
  deviations: z.array(deviationSchema),
  readinessObservations: z.array(readinessObservationSchema),
  handovers: z.array(handoverSchema),
  notes: z.array(noteSchema),
  /** Attachments: their descriptions (the bytes are in the store's content table). */
  documents: z.array(documentSchema),
  /** Versions of the plan document the case's standard prescribes (Kooperationsplan, Hilfeplan, Gesamtplan). */
  plans: z.array(planRecordSchema),
  closure: z.nullable(closureSchema),
  evaluation: z.nullable(evaluationSchema),
  /** Sequence number of the last event folded in. */
  lastSeq: z.int().check(z.nonnegative()),
  /** Timestamp of the last event folded in. */
  updatedAt: isoDateTimeSchema,
});

/** The case file: the state of one case, folded from its journal. */
export type CaseState = z.infer<typeof caseStateSchema>;
