import * as z from 'zod/mini';
import { assessmentConfirmationSchema, assessmentSchema, reassessmentSchema } from '../model/assessment.js';
import { admissionDecisionSchema, casefindingCheckSchema, crisisSchema, referralSchema } from '../model/access.js';
import {
  caseManagerPeriodSchema,
  leadAgencyPeriodSchema,
  legalDomainPeriodSchema,
  processStandardRefSchema,
  residenceStatusSchema,
} from '../model/case-header.js';
import { closureSchema, evaluationSchema, readinessObservationSchema } from '../model/closure.js';
import { firstCounsellingSchema } from '../model/first-counselling.js';
import { GOAL_STATUSES, goalAgreementSchema, goalContentShape, goalSchema } from '../model/goal.js';
import { handoverSchema } from '../model/handover.js';
import { planRecordSchema } from '../model/plan.js';
import { MEASURE_STATUSES, measureContentShape, measureSchema } from '../model/help-plan.js';
import {
  PROVIDER_REFERRAL_STATUSES,
  caseConferenceSchema,
  feedbackArrangementSchema,
  providerReferralSchema,
} from '../model/linking.js';
import { contactSchema, deviationSchema, followUpSchema, progressJudgementSchema } from '../model/monitoring.js';
import { noteSchema } from '../model/note.js';
import { documentSchema } from '../model/document.js';
import { personFieldsShape, personSchema } from '../model/person.js';
import {
  freeTextSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  legalDomainSchema,
  requiredTextSchema,
} from '../model/primitives.js';
import { classificationInputShape } from '../model/record-meta.js';

/** `CaseOpened` v1: the case file begins with its addressee, lead agency and case manager. */
export const caseOpenedPayload = z.object({
  caseId: idSchema,
  label: z.string(),
  openedOn: isoDateSchema,
  processStandard: processStandardRefSchema,
  addressee: personSchema,
  leadAgency: leadAgencyPeriodSchema,
  caseManager: caseManagerPeriodSchema,
  legalDomains: z.array(legalDomainPeriodSchema),
});

/** `PersonAdded` v1. */
export const personAddedPayload = z.object({ person: personSchema });

/** `PersonUpdated` v1: changed fields of a person; the classification may change with them. */
export const personUpdatedPayload = z.object({
  personId: idSchema,
  updatedOn: isoDateSchema,
  changes: z.partial(z.object({ ...personFieldsShape, ...classificationInputShape })),
});

/** `ResidenceStatusRecorded` v1. */
export const residenceStatusRecordedPayload = residenceStatusSchema;

/** `ReferralRecorded` v1 (Zuweisung). */
export const referralRecordedPayload = referralSchema;

/** `CasefindingCriteriaChecked` v1. */
export const casefindingCriteriaCheckedPayload = casefindingCheckSchema;

/** `AdmissionDecided` v1. */
export const admissionDecidedPayload = admissionDecisionSchema;

/** `CrisisFlagged` v1. */
export const crisisFlaggedPayload = crisisSchema;

/** `CrisisResolved` v1. */
export const crisisResolvedPayload = z.object({
  crisisId: idSchema,
  resolvedOn: isoDateSchema,
  resolution: freeTextSchema,
});

/** `FirstCounsellingRecorded` v1 (Erstberatung). */
export const firstCounsellingRecordedPayload = firstCounsellingSchema;

/** `AssessmentRecorded` v1: a new assessment version. */
export const assessmentRecordedPayload = assessmentSchema;

/** `AssessmentConfirmed` v1. */
export const assessmentConfirmedPayload = z.object({
  assessmentId: idSchema,
  confirmation: assessmentConfirmationSchema,
});

/** `ReassessmentStarted` v1. */
export const reassessmentStartedPayload = reassessmentSchema;

/** `GoalAgreed` v1: a new goal with its agreement. */
export const goalAgreedPayload = goalSchema;

/** `GoalRevised` v1: changed content with a reason; the fold keeps the previous content. */
export const goalRevisedPayload = z.object({
  goalId: idSchema,
  revisedOn: isoDateSchema,
  reason: requiredTextSchema,
  changes: z.partial(z.object(goalContentShape)),
  /** A renewed agreement, if the revision was agreed again. */
  agreement: z.optional(goalAgreementSchema),
});

/** `GoalStatusSet` v1. */
export const goalStatusSetPayload = z.object({
  goalId: idSchema,
  status: z.enum(GOAL_STATUSES),
  on: isoDateSchema,
  note: z.optional(freeTextSchema),
});

/** `MeasureAdded` v1. */
export const measureAddedPayload = measureSchema;

/** `MeasureUpdated` v1: changed content and/or status; the fold keeps the previous values. */
export const measureUpdatedPayload = z.object({
  measureId: idSchema,
  changedOn: isoDateSchema,
  reason: z.optional(z.string()),
  changes: z.partial(z.object({ ...measureContentShape, status: z.enum(MEASURE_STATUSES) })),
});

/** `MeasuresReordered` v1: the help plan's measures in their new order (all ids, each once). */
export const measuresReorderedPayload = z.object({
  measureIds: z.array(idSchema),
});

/** `ProviderReferralMade` v1. */
export const providerReferralMadePayload = providerReferralSchema;

/** `ProviderReferralStatusUpdated` v1. */
export const providerReferralStatusUpdatedPayload = z.object({
  providerReferralId: idSchema,
  status: z.enum(PROVIDER_REFERRAL_STATUSES),
  on: isoDateSchema,
  note: z.optional(freeTextSchema),
  feedback: z.optional(feedbackArrangementSchema),
});

/** `CaseConferenceHeld` v1. */
export const caseConferenceHeldPayload = caseConferenceSchema;

/** `ContactRecorded` v2 (v1 had no `mode` and no `reached`; see `upcasters.ts`). */
export const contactRecordedPayload = contactSchema;

/** `FollowUpScheduled` v1. */
export const followUpScheduledPayload = followUpSchema;

/** `FollowUpCompleted` v1. */
export const followUpCompletedPayload = z.object({
  followUpId: idSchema,
  doneOn: isoDateSchema,
  outcome: z.optional(freeTextSchema),
});

/** `ProgressJudged` v1. */
export const progressJudgedPayload = progressJudgementSchema;

/** `DeviationRecorded` v1. */
export const deviationRecordedPayload = deviationSchema;

/** `ReadinessSignsObserved` v1. */
export const readinessSignsObservedPayload = readinessObservationSchema;

/** `LeadAgencyChanged` v1: a handover (Rechtskreiswechsel). */
export const leadAgencyChangedPayload = handoverSchema;

/** `CaseManagerAssigned` v1; `endsAssignmentOf` ends another case manager's period on the same day. */
export const caseManagerAssignedPayload = z.object({
  period: caseManagerPeriodSchema,
  endsAssignmentOf: z.optional(idSchema),
  /** The agency of `endsAssignmentOf` (absent in events recorded before agency-qualified identities). */
  endsAssignmentOfAgency: z.optional(idSchema),
});

/** `CaseManagerAssignmentEnded` v1. */
export const caseManagerAssignmentEndedPayload = z.object({
  userId: idSchema,
  /** The user's agency (absent in events recorded before agency-qualified identities). */
  agencyId: z.optional(idSchema),
  to: isoDateSchema,
});

/** `LegalDomainAdded` v1. */
export const legalDomainAddedPayload = legalDomainPeriodSchema;

/** `LegalDomainEnded` v1. */
export const legalDomainEndedPayload = z.object({
  domain: legalDomainSchema,
  to: isoDateSchema,
  reason: z.optional(z.string()),
});

/** `NoteRecorded` v1. */
export const noteRecordedPayload = noteSchema;

/** `DocumentAttached` v1: the description of an attachment (the bytes are in the store's content table). */
export const documentAttachedPayload = documentSchema;

/** `DocumentRemoved` v1: the document is taken out of the file and its content deleted. */
export const documentRemovedPayload = z.object({
  documentId: idSchema,
  on: isoDateSchema,
  at: isoDateTimeSchema,
  by: idSchema,
  reason: z.string(),
});

/** `PlanRecorded` v1: a version of the standard's plan document. */
export const planRecordedPayload = planRecordSchema;

/** `CaseClosed` v1. */
export const caseClosedPayload = closureSchema;

/** `EvaluationRecorded` v1. */
export const evaluationRecordedPayload = evaluationSchema;
