import * as z from 'zod/mini';
import {
  admissionDecisionSchema,
  casefindingCheckSchema,
  REFERRER_KINDS,
  criterionCheckSchema,
} from '../model/access.js';
import { ASSESSMENT_MODES, assessmentConfirmationSchema, assessmentDomainSchema } from '../model/assessment.js';
import {
  processStandardRefSchema,
  leadAgencyInputSchema,
  RESIDENCE_STATUSES,
  HANDOVER_VARIANTS,
} from '../model/case-header.js';
import {
  CLOSURE_REASONS,
  evaluationSchema,
  goalAttainmentSchema,
  providerFeedbackSchema,
  readinessSignSchema,
} from '../model/closure.js';
import {
  COOPERATION_LEVELS,
  firstCounsellingDecisionSchema,
  firstCounsellingSchema,
} from '../model/first-counselling.js';
import { AGREEMENT_FORMS, GOAL_STATUSES, goalContentShape } from '../model/goal.js';
import { handoverConferenceSchema } from '../model/handover.js';
import { MEASURE_STATUSES, measureContentShape, measureAgreementSchema } from '../model/help-plan.js';
import {
  PROVIDER_REFERRAL_STATUSES,
  caseConferenceSchema,
  feedbackArrangementSchema,
  providerReferralSchema,
} from '../model/linking.js';
import {
  CONTACT_MODES,
  DEVIATION_KINDS,
  PROGRESS_JUDGEMENTS,
  appointmentShape,
  deviationSchema,
  itemRefSchema,
  progressJudgementSchema,
  timeOfDaySchema,
} from '../model/monitoring.js';
import { personFieldsShape } from '../model/person.js';
import {
  contentHashSchema,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  documentFileNameSchema,
} from '../model/document.js';
import { planContentShape } from '../model/plan.js';
import { CODES_MAX, ENTRIES_MAX, IDS_MAX, LABEL_MAX } from '../model/limits.js';
import {
  agencyRefSchema,
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  legalDomainSchema,
  lineSchema,
  nameSchema,
  noteTextSchema,
  requiredTextSchema,
  shortTextSchema,
  textSchema,
  titleSchema,
} from '../model/primitives.js';
import { classificationInputShape } from '../model/record-meta.js';

/*
 * Input schemas of the case commands. Inputs never carry ids of the new item (the id port makes
 * them), `recordedBy`/`recordedAt` (actor and clock ports) or the stage. Every item input accepts the
 * optional classification of PRIVACY.md section 2; the handler fills defaults.
 * Dates that say when something happened default to today (from the clock) where optional.
 */

/** A person as given in a command. */
export const personInputSchema = z.strictObject({ ...personFieldsShape, ...classificationInputShape });

/** Input of `openCase`. */
export const openCaseInput = z.strictObject({
  /** Optional: a case id chosen by the host (otherwise the id port makes one). */
  caseId: z.optional(idSchema),
  label: z.optional(textSchema({ max: LABEL_MAX })),
  openedOn: z.optional(isoDateSchema),
  addressee: personInputSchema,
  leadAgency: leadAgencyInputSchema,
  /** The first case manager; the acting user if absent. */
  caseManager: z.optional(z.strictObject({ userId: idSchema, name: z.optional(lineSchema), agencyId: idSchema })),
  legalDomains: z.optional(
    boundedArray(z.strictObject({ domain: legalDomainSchema, reason: z.optional(shortTextSchema) }), CODES_MAX),
  ),
  /** The process standard in force; the service's standard if absent. */
  processStandard: z.optional(processStandardRefSchema),
});

/** Input of `addPerson`. */
export const addPersonInput = personInputSchema;

/** Input of `updatePerson`: changed fields only. */
export const updatePersonInput = z.strictObject({
  personId: idSchema,
  updatedOn: z.optional(isoDateSchema),
  changes: z.partial(personInputSchema),
});

/** Input of `recordResidenceStatus`. */
export const recordResidenceStatusInput = z.strictObject({
  personId: z.optional(idSchema),
  status: z.enum(RESIDENCE_STATUSES),
  legalGround: z.optional(lineSchema),
  from: isoDateSchema,
  validUntil: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** Input of `recordReferral` (Zuweisung). */
export const recordReferralInput = z.strictObject({
  referrer: z.strictObject({ kind: z.enum(REFERRER_KINDS), name: nameSchema, agencyId: z.optional(idSchema) }),
  referredOn: isoDateSchema,
  reason: requiredTextSchema,
  ...classificationInputShape,
});

/** Input of `checkCasefindingCriteria`. */
export const checkCasefindingCriteriaInput = z.strictObject({
  checkedOn: z.optional(isoDateSchema),
  criteria: boundedArray(criterionCheckSchema, ENTRIES_MAX),
  targetGroupCriteria: z.optional(boundedArray(criterionCheckSchema, ENTRIES_MAX)),
  complexNeeds: casefindingCheckSchema.shape.complexNeeds,
  summary: z.optional(freeTextSchema),
  ...classificationInputShape,
});

/** Input of `decideAdmission`. */
export const decideAdmissionInput = z.strictObject({
  decidedOn: z.optional(isoDateSchema),
  admitted: z.boolean(),
  reasons: requiredTextSchema,
  deviationReason: admissionDecisionSchema.shape.deviationReason,
  referredElsewhereTo: z.optional(lineSchema),
  ...classificationInputShape,
});

/** Input of `flagCrisis`. */
export const flagCrisisInput = z.strictObject({
  flaggedOn: z.optional(isoDateSchema),
  description: requiredTextSchema,
  immediateHelp: z.optional(freeTextSchema),
  ...classificationInputShape,
});

/** Input of `resolveCrisis`. */
export const resolveCrisisInput = z.strictObject({
  crisisId: idSchema,
  resolvedOn: z.optional(isoDateSchema),
  resolution: freeTextSchema,
});

/** Input of `recordFirstCounselling` (Erstberatung). */
export const recordFirstCounsellingInput = z.strictObject({
  heldOn: z.optional(isoDateSchema),
  participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  interpreterUsed: z.optional(z.boolean()),
  concernInOwnWords: requiredTextSchema,
  firstPictureProblems: freeTextSchema,
  firstPictureResources: freeTextSchema,
  motivation: firstCounsellingSchema.shape.motivation,
  willingnessToCooperate: z.enum(COOPERATION_LEVELS),
  abilityToCooperate: z.enum(COOPERATION_LEVELS),
  barriers: firstCounsellingSchema.shape.barriers,
  informationGiven: firstCounsellingSchema.shape.informationGiven,
  oralContract: firstCounsellingSchema.shape.oralContract,
  decision: firstCounsellingDecisionSchema,
  ...classificationInputShape,
});

/**
 * Input of `recordAssessment`: a new version (initial, or during a re-assessment). A structured
 * assessment (the default) names at least one life domain; a narrative one has a non-blank
 * `narrative` and may name none.
 */
export const recordAssessmentInput = z
  .strictObject({
    recordedOn: z.optional(isoDateSchema),
    participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
    mode: z.optional(z.enum(ASSESSMENT_MODES)),
    domains: boundedArray(assessmentDomainSchema, ENTRIES_MAX),
    narrative: z.optional(freeTextSchema),
    wishesAndDreams: freeTextSchema,
    ...classificationInputShape,
  })
  .check(
    z.refine((input) => input.mode === 'narrative' || input.domains.length > 0, {
      path: ['domains'],
      message: 'Ein strukturiertes Assessment braucht mindestens einen Lebensbereich.',
    }),
    z.refine((input) => input.mode !== 'narrative' || (input.narrative ?? '').trim() !== '', {
      path: ['narrative'],
      message: 'Ein narratives Assessment braucht den Text des Assessments.',
    }),
  );

/** Input of `confirmAssessment`. */
export const confirmAssessmentInput = z.strictObject({
  assessmentId: idSchema,
  confirmation: assessmentConfirmationSchema,
});

/** Input of `startReassessment`. */
export const startReassessmentInput = z.strictObject({
  startedOn: z.optional(isoDateSchema),
  reason: requiredTextSchema,
  deviationIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  ...classificationInputShape,
});

/**
 * A goal agreement as given in a command. `agreedOn` is optional in the shape so a missing date is
 * refused by the domain invariant `GOAL_AGREEMENT_DATE_MISSING` with a precise message.
 */
export const goalAgreementInputSchema = z.strictObject({
  agreedByPerson: z.boolean(),
  agreedOn: z.optional(isoDateSchema),
  form: z.enum(AGREEMENT_FORMS),
  participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  dissent: z.optional(freeTextSchema),
});

/** Input of `agreeGoal`. */
export const agreeGoalInput = z.strictObject({
  ...goalContentShape,
  assessmentId: z.optional(idSchema),
  agreement: z.optional(goalAgreementInputSchema),
  ...classificationInputShape,
});

/** Input of `reviseGoal`. */
export const reviseGoalInput = z.strictObject({
  goalId: idSchema,
  revisedOn: z.optional(isoDateSchema),
  reason: requiredTextSchema,
  changes: z.partial(z.strictObject(goalContentShape)),
  agreement: z.optional(goalAgreementInputSchema),
});

/** Input of `setGoalStatus`. */
export const setGoalStatusInput = z.strictObject({
  goalId: idSchema,
  status: z.enum(GOAL_STATUSES),
  on: z.optional(isoDateSchema),
  note: z.optional(freeTextSchema),
});

/** Input of `addMeasure`. */
export const addMeasureInput = z.strictObject({
  ...measureContentShape,
  agreement: z.optional(measureAgreementSchema),
  status: z.optional(z.enum(MEASURE_STATUSES)),
  ...classificationInputShape,
});

/** Input of `updateMeasure`. */
export const updateMeasureInput = z.strictObject({
  measureId: idSchema,
  changedOn: z.optional(isoDateSchema),
  reason: z.optional(shortTextSchema),
  changes: z.partial(z.strictObject({ ...measureContentShape, status: z.enum(MEASURE_STATUSES) })),
});

/**
 * Input of `reorderMeasures`: every measure of the help plan, in the order the plan shows them. The
 * order is how the case manager and the person read the plan together; dependencies stay the
 * sequence that binds.
 */
export const reorderMeasuresInput = z.strictObject({
  measureIds: boundedArray(idSchema, IDS_MAX, 1),
});

/** Input of `referToProvider`. */
export const referToProviderInput = z.strictObject({
  measureId: z.optional(idSchema),
  provider: providerReferralSchema.shape.provider,
  referredOn: z.optional(isoDateSchema),
  purpose: requiredTextSchema,
  modalities: z.optional(freeTextSchema),
  feedback: feedbackArrangementSchema,
  ...classificationInputShape,
});

/** Input of `updateReferralStatus`. */
export const updateReferralStatusInput = z.strictObject({
  providerReferralId: idSchema,
  status: z.enum(PROVIDER_REFERRAL_STATUSES),
  on: z.optional(isoDateSchema),
  note: z.optional(freeTextSchema),
  feedback: z.optional(feedbackArrangementSchema),
});

/** Input of `holdCaseConference`. */
export const holdCaseConferenceInput = z.strictObject({
  heldOn: z.optional(isoDateSchema),
  participants: caseConferenceSchema.shape.participants,
  topic: titleSchema,
  decisions: caseConferenceSchema.shape.decisions,
  nextConferenceOn: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** Input of `recordContact`. */
export const recordContactInput = z.strictObject({
  on: z.optional(isoDateSchema),
  mode: z.enum(CONTACT_MODES),
  withInterpreter: z.optional(z.boolean()),
  participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  reached: z.optional(z.boolean()),
  note: freeTextSchema,
  time: z.optional(timeOfDaySchema),
  ...classificationInputShape,
});

/** Input of `scheduleFollowUp`. */
export const scheduleFollowUpInput = z.strictObject({
  dueOn: isoDateSchema,
  subject: titleSchema,
  assignedTo: z.optional(idSchema),
  relatesTo: z.optional(itemRefSchema),
  ...appointmentShape,
  ...classificationInputShape,
});

/** Input of `completeFollowUp`. */
export const completeFollowUpInput = z.strictObject({
  followUpId: idSchema,
  doneOn: z.optional(isoDateSchema),
  outcome: z.optional(freeTextSchema),
});

/** Input of `judgeProgress`. */
export const judgeProgressInput = z.strictObject({
  on: z.optional(isoDateSchema),
  target: progressJudgementSchema.shape.target,
  judgement: z.enum(PROGRESS_JUDGEMENTS),
  note: freeTextSchema,
  ...classificationInputShape,
});

/** Input of `recordDeviation`. */
export const recordDeviationInput = z.strictObject({
  on: z.optional(isoDateSchema),
  kind: z.enum(DEVIATION_KINDS),
  description: requiredTextSchema,
  relatesTo: z.optional(itemRefSchema),
  triggersReassessment: z.boolean(),
  missingService: deviationSchema.shape.missingService,
  ...classificationInputShape,
});

/** Input of `recordReadinessSigns` (Ballew/Mink). */
export const recordReadinessSignsInput = z.strictObject({
  on: z.optional(isoDateSchema),
  signs: boundedArray(readinessSignSchema, CODES_MAX, 1),
  note: z.optional(freeTextSchema),
  ...classificationInputShape,
});

/** Input of `changeLeadAgency` (Rechtskreiswechsel). */
export const changeLeadAgencyInput = z.strictObject({
  variant: z.enum(HANDOVER_VARIANTS),
  to: agencyRefSchema,
  legalDomain: legalDomainSchema,
  endsLegalDomain: z.optional(legalDomainSchema),
  effectiveFrom: isoDateSchema,
  reason: requiredTextSchema,
  conference: z.optional(handoverConferenceSchema),
  continuingRole: z.optional(freeTextSchema),
  /** The last day (inclusive) the sending case manager stays involved as deputy (HO-1/HO-2). */
  involvedUntil: z.optional(isoDateSchema),
  consentRef: z.optional(idSchema),
  ...classificationInputShape,
});

/** Input of `assignCaseManager`. */
export const assignCaseManagerInput = z.strictObject({
  userId: idSchema,
  name: z.optional(lineSchema),
  agencyId: idSchema,
  role: z.enum(['primary', 'deputy']),
  from: z.optional(isoDateSchema),
  /** Ends this user's current assignment on the same day (a change of case manager). */
  replaces: z.optional(idSchema),
  /** The agency of the replaced user (DP-40: a person is agency and user id); needed only when the id is ambiguous. */
  replacesAgencyId: z.optional(idSchema),
});

/** Input of `endCaseManagerAssignment`. */
export const endCaseManagerAssignmentInput = z.strictObject({
  userId: idSchema,
  /** The user's agency (DP-40: a person is agency and user id); needed only when the id is ambiguous. */
  agencyId: z.optional(idSchema),
  to: z.optional(isoDateSchema),
});

/** Input of `addLegalDomain`. */
export const addLegalDomainInput = z.strictObject({
  domain: legalDomainSchema,
  from: z.optional(isoDateSchema),
  reason: z.optional(shortTextSchema),
  ...classificationInputShape,
});

/** Input of `endLegalDomain`. */
export const endLegalDomainInput = z.strictObject({
  domain: legalDomainSchema,
  to: z.optional(isoDateSchema),
  reason: z.optional(shortTextSchema),
});

/** Input of `recordNote`. */
export const recordNoteInput = z.strictObject({
  on: z.optional(isoDateSchema),
  text: noteTextSchema,
  relatesTo: z.optional(itemRefSchema),
  ...classificationInputShape,
});

/**
 * Input of `attachDocument`: the description of a file whose bytes the caller hands to
 * `attachDocument(...)` of `@fallkit/core` (which checks them against `contentHash` and `size`).
 */
export const attachDocumentInput = z.strictObject({
  title: titleSchema,
  fileName: documentFileNameSchema,
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
  size: z.int().check(z.positive(), z.maximum(DOCUMENT_MAX_BYTES)),
  contentHash: contentHashSchema,
  receivedOn: z.optional(isoDateSchema),
  relatesTo: z.optional(itemRefSchema),
  ...classificationInputShape,
});

/** Input of `removeDocument`: takes a document out of the file; its content is deleted (the reason is kept). */
export const removeDocumentInput = z.strictObject({
  documentId: idSchema,
  reason: requiredTextSchema,
});

/**
 * Input of `recordPlan`: a version of the plan document the case's standard prescribes. The goals
 * and measures it carries are taken from the case (agreed open case goals, measures not cancelled).
 */
export const recordPlanInput = z.strictObject({
  ...planContentShape,
  recordedOn: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** Input of `closeCase`. */
export const closeCaseInput = z.strictObject({
  closedOn: z.optional(isoDateSchema),
  reason: z.enum(CLOSURE_REASONS),
  reasonNote: z.optional(freeTextSchema),
  readinessSigns: z.optional(boundedArray(readinessSignSchema, CODES_MAX)),
  goalAttainment: z.optional(boundedArray(goalAttainmentSchema, ENTRIES_MAX)),
  continuedBy: z.optional(lineSchema),
  ...classificationInputShape,
});

/** Input of `recordEvaluation`. */
export const recordEvaluationInput = z.strictObject({
  evaluatedOn: z.optional(isoDateSchema),
  planVersusGoals: freeTextSchema,
  methods: freeTextSchema,
  cooperation: freeTextSchema,
  effort: evaluationSchema.shape.effort,
  satisfaction: evaluationSchema.shape.satisfaction,
  providerFeedback: z.optional(boundedArray(providerFeedbackSchema, ENTRIES_MAX)),
  ...classificationInputShape,
});
