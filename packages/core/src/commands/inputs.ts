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
  goalAttainmentSchema,
  providerFeedbackSchema,
  readinessSignSchema,
} from '../model/closure.js';
import {
  COOPERATION_BARRIERS,
  COOPERATION_LEVELS,
  firstCounsellingDecisionSchema,
} from '../model/first-counselling.js';
import { AGREEMENT_FORMS, GOAL_STATUSES, goalContentShape } from '../model/goal.js';
import { handoverConferenceSchema } from '../model/handover.js';
import { MEASURE_STATUSES, measureContentShape, measureAgreementSchema } from '../model/help-plan.js';
import {
  PROVIDER_REFERRAL_STATUSES,
  conferenceParticipantSchema,
  feedbackArrangementSchema,
} from '../model/linking.js';
import { CONTACT_MODES, DEVIATION_KINDS, PROGRESS_JUDGEMENTS, itemRefSchema } from '../model/monitoring.js';
import { personFieldsShape } from '../model/person.js';
import { planContentShape } from '../model/plan.js';
import {
  agencyRefSchema,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  legalDomainSchema,
  requiredTextSchema,
} from '../model/primitives.js';
import { classificationInputShape } from '../model/record-meta.js';

/*
 * Input schemas of the case commands. Inputs never carry ids of the new item (the id port makes
 * them), `recordedBy`/`recordedAt` (actor and clock ports) or the stage. Every item input accepts the
 * optional classification of PRIVACY.md section 2; the handler fills defaults.
 * Dates that say when something happened default to today (from the clock) where optional.
 */

/** A person as given in a command. */
export const personInputSchema = z.object({ ...personFieldsShape, ...classificationInputShape });

/** Input of `openCase`. */
export const openCaseInput = z.object({
  /** Optional: a case id chosen by the host (otherwise the id port makes one). */
  caseId: z.optional(idSchema),
  label: z.optional(z.string().check(z.maxLength(80))),
  openedOn: z.optional(isoDateSchema),
  addressee: personInputSchema,
  leadAgency: leadAgencyInputSchema,
  /** The first case manager; the acting user if absent. */
  caseManager: z.optional(z.object({ userId: idSchema, name: z.optional(z.string()), agencyId: idSchema })),
  legalDomains: z.optional(z.array(z.object({ domain: legalDomainSchema, reason: z.optional(z.string()) }))),
  /** The process standard in force; the service's standard if absent. */
  processStandard: z.optional(processStandardRefSchema),
});

/** Input of `addPerson`. */
export const addPersonInput = personInputSchema;

/** Input of `updatePerson`: changed fields only. */
export const updatePersonInput = z.object({
  personId: idSchema,
  updatedOn: z.optional(isoDateSchema),
  changes: z.partial(z.object({ ...personFieldsShape, ...classificationInputShape })),
});

/** Input of `recordResidenceStatus`. */
export const recordResidenceStatusInput = z.object({
  personId: z.optional(idSchema),
  status: z.enum(RESIDENCE_STATUSES),
  legalGround: z.optional(z.string()),
  from: isoDateSchema,
  validUntil: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** Input of `recordReferral` (Zuweisung). */
export const recordReferralInput = z.object({
  referrer: z.object({ kind: z.enum(REFERRER_KINDS), name: requiredTextSchema, agencyId: z.optional(idSchema) }),
  referredOn: isoDateSchema,
  reason: requiredTextSchema,
  ...classificationInputShape,
});

/** Input of `checkCasefindingCriteria`. */
export const checkCasefindingCriteriaInput = z.object({
  checkedOn: z.optional(isoDateSchema),
  criteria: z.array(criterionCheckSchema),
  targetGroupCriteria: z.optional(z.array(criterionCheckSchema)),
  complexNeeds: casefindingCheckSchema.shape.complexNeeds,
  summary: z.optional(freeTextSchema),
  ...classificationInputShape,
});

/** Input of `decideAdmission`. */
export const decideAdmissionInput = z.object({
  decidedOn: z.optional(isoDateSchema),
  admitted: z.boolean(),
  reasons: requiredTextSchema,
  deviationReason: admissionDecisionSchema.shape.deviationReason,
  referredElsewhereTo: z.optional(z.string()),
  ...classificationInputShape,
});

/** Input of `flagCrisis`. */
export const flagCrisisInput = z.object({
  flaggedOn: z.optional(isoDateSchema),
  description: requiredTextSchema,
  immediateHelp: z.optional(freeTextSchema),
  ...classificationInputShape,
});

/** Input of `resolveCrisis`. */
export const resolveCrisisInput = z.object({
  crisisId: idSchema,
  resolvedOn: z.optional(isoDateSchema),
  resolution: freeTextSchema,
});

/** Input of `recordFirstCounselling` (Erstberatung). */
export const recordFirstCounsellingInput = z.object({
  heldOn: z.optional(isoDateSchema),
  participantIds: z.optional(z.array(idSchema)),
  interpreterUsed: z.optional(z.boolean()),
  concernInOwnWords: requiredTextSchema,
  firstPictureProblems: freeTextSchema,
  firstPictureResources: freeTextSchema,
  motivation: z.object({ level: z.enum(COOPERATION_LEVELS), note: z.optional(freeTextSchema) }),
  willingnessToCooperate: z.enum(COOPERATION_LEVELS),
  abilityToCooperate: z.enum(COOPERATION_LEVELS),
  barriers: z.optional(z.array(z.enum(COOPERATION_BARRIERS))),
  informationGiven: z.object({
    processExplained: z.boolean(),
    rolesExplained: z.boolean(),
    chancesAndDemandsExplained: z.boolean(),
    dataProtectionExplained: z.boolean(),
  }),
  oralContract: z.object({ made: z.boolean(), note: z.optional(freeTextSchema) }),
  decision: firstCounsellingDecisionSchema,
  ...classificationInputShape,
});

/**
 * Input of `recordAssessment`: a new version (initial, or during a re-assessment). A structured
 * assessment (the default) names at least one life domain; a narrative one has a non-empty
 * `narrative` and may name none.
 */
export const recordAssessmentInput = z
  .object({
    recordedOn: z.optional(isoDateSchema),
    participantIds: z.optional(z.array(idSchema)),
    mode: z.optional(z.enum(ASSESSMENT_MODES)),
    domains: z.array(assessmentDomainSchema),
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
export const confirmAssessmentInput = z.object({
  assessmentId: idSchema,
  confirmation: assessmentConfirmationSchema,
});

/** Input of `startReassessment`. */
export const startReassessmentInput = z.object({
  startedOn: z.optional(isoDateSchema),
  reason: requiredTextSchema,
  deviationIds: z.optional(z.array(idSchema)),
  ...classificationInputShape,
});

/**
 * A goal agreement as given in a command. `agreedOn` is optional in the shape so a missing date is
 * refused by the domain invariant `GOAL_AGREEMENT_DATE_MISSING` with a precise message.
 */
export const goalAgreementInputSchema = z.object({
  agreedByPerson: z.boolean(),
  agreedOn: z.optional(isoDateSchema),
  form: z.enum(AGREEMENT_FORMS),
  participantIds: z.optional(z.array(idSchema)),
  dissent: z.optional(freeTextSchema),
});

/** Input of `agreeGoal`. */
export const agreeGoalInput = z.object({
  ...goalContentShape,
  assessmentId: z.optional(idSchema),
  agreement: z.optional(goalAgreementInputSchema),
  ...classificationInputShape,
});

/** Input of `reviseGoal`. */
export const reviseGoalInput = z.object({
  goalId: idSchema,
  revisedOn: z.optional(isoDateSchema),
  reason: requiredTextSchema,
  changes: z.partial(z.object(goalContentShape)),
  agreement: z.optional(goalAgreementInputSchema),
});

/** Input of `setGoalStatus`. */
export const setGoalStatusInput = z.object({
  goalId: idSchema,
  status: z.enum(GOAL_STATUSES),
  on: z.optional(isoDateSchema),
  note: z.optional(freeTextSchema),
});

/** Input of `addMeasure`. */
export const addMeasureInput = z.object({
  ...measureContentShape,
  agreement: z.optional(measureAgreementSchema),
  status: z.optional(z.enum(MEASURE_STATUSES)),
  ...classificationInputShape,
});

/** Input of `updateMeasure`. */
export const updateMeasureInput = z.object({
  measureId: idSchema,
  changedOn: z.optional(isoDateSchema),
  reason: z.optional(z.string()),
  changes: z.partial(z.object({ ...measureContentShape, status: z.enum(MEASURE_STATUSES) })),
});

/**
 * Input of `reorderMeasures`: every measure of the help plan, in the order the plan shows them. The
 * order is how the case manager and the person read the plan together; dependencies stay the
 * sequence that binds.
 */
export const reorderMeasuresInput = z.object({
  measureIds: z.array(idSchema).check(z.minLength(1)),
});

/** Input of `referToProvider`. */
export const referToProviderInput = z.object({
  measureId: z.optional(idSchema),
  provider: z.object({
    name: requiredTextSchema,
    agencyId: z.optional(idSchema),
    contactPerson: z.optional(z.string()),
  }),
  referredOn: z.optional(isoDateSchema),
  purpose: requiredTextSchema,
  modalities: z.optional(freeTextSchema),
  feedback: feedbackArrangementSchema,
  ...classificationInputShape,
});

/** Input of `updateReferralStatus`. */
export const updateReferralStatusInput = z.object({
  providerReferralId: idSchema,
  status: z.enum(PROVIDER_REFERRAL_STATUSES),
  on: z.optional(isoDateSchema),
  note: z.optional(freeTextSchema),
  feedback: z.optional(feedbackArrangementSchema),
});

/** Input of `holdCaseConference`. */
export const holdCaseConferenceInput = z.object({
  heldOn: z.optional(isoDateSchema),
  participants: z.array(conferenceParticipantSchema).check(z.minLength(1)),
  topic: requiredTextSchema,
  decisions: z.array(requiredTextSchema),
  nextConferenceOn: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** Input of `recordContact`. */
export const recordContactInput = z.object({
  on: z.optional(isoDateSchema),
  mode: z.enum(CONTACT_MODES),
  withInterpreter: z.optional(z.boolean()),
  participantIds: z.optional(z.array(idSchema)),
  reached: z.optional(z.boolean()),
  note: freeTextSchema,
  ...classificationInputShape,
});

/** Input of `scheduleFollowUp`. */
export const scheduleFollowUpInput = z.object({
  dueOn: isoDateSchema,
  subject: requiredTextSchema,
  assignedTo: z.optional(idSchema),
  relatesTo: z.optional(itemRefSchema),
  ...classificationInputShape,
});

/** Input of `completeFollowUp`. */
export const completeFollowUpInput = z.object({
  followUpId: idSchema,
  doneOn: z.optional(isoDateSchema),
  outcome: z.optional(freeTextSchema),
});

/** Input of `judgeProgress`. */
export const judgeProgressInput = z.object({
  on: z.optional(isoDateSchema),
  target: z.object({ kind: z.enum(['goal', 'measure']), id: idSchema }),
  judgement: z.enum(PROGRESS_JUDGEMENTS),
  note: freeTextSchema,
  ...classificationInputShape,
});

/** Input of `recordDeviation`. */
export const recordDeviationInput = z.object({
  on: z.optional(isoDateSchema),
  kind: z.enum(DEVIATION_KINDS),
  description: requiredTextSchema,
  relatesTo: z.optional(itemRefSchema),
  triggersReassessment: z.boolean(),
  missingService: z.optional(z.object({ description: requiredTextSchema, serviceKind: z.optional(z.string()) })),
  ...classificationInputShape,
});

/** Input of `recordReadinessSigns` (Ballew/Mink). */
export const recordReadinessSignsInput = z.object({
  on: z.optional(isoDateSchema),
  signs: z.array(readinessSignSchema).check(z.minLength(1)),
  note: z.optional(freeTextSchema),
  ...classificationInputShape,
});

/** Input of `changeLeadAgency` (Rechtskreiswechsel). */
export const changeLeadAgencyInput = z.object({
  variant: z.enum(HANDOVER_VARIANTS),
  to: agencyRefSchema,
  legalDomain: legalDomainSchema,
  endsLegalDomain: z.optional(legalDomainSchema),
  effectiveFrom: isoDateSchema,
  reason: requiredTextSchema,
  conference: z.optional(handoverConferenceSchema),
  continuingRole: z.optional(freeTextSchema),
  consentRef: z.optional(idSchema),
  ...classificationInputShape,
});

/** Input of `assignCaseManager`. */
export const assignCaseManagerInput = z.object({
  userId: idSchema,
  name: z.optional(z.string()),
  agencyId: idSchema,
  role: z.enum(['primary', 'deputy']),
  from: z.optional(isoDateSchema),
  /** Ends this user's current assignment on the same day (a change of case manager). */
  replaces: z.optional(idSchema),
});

/** Input of `endCaseManagerAssignment`. */
export const endCaseManagerAssignmentInput = z.object({
  userId: idSchema,
  to: z.optional(isoDateSchema),
});

/** Input of `addLegalDomain`. */
export const addLegalDomainInput = z.object({
  domain: legalDomainSchema,
  from: z.optional(isoDateSchema),
  reason: z.optional(z.string()),
  ...classificationInputShape,
});

/** Input of `endLegalDomain`. */
export const endLegalDomainInput = z.object({
  domain: legalDomainSchema,
  to: z.optional(isoDateSchema),
  reason: z.optional(z.string()),
});

/** Input of `recordNote`. */
export const recordNoteInput = z.object({
  on: z.optional(isoDateSchema),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(20000)),
  relatesTo: z.optional(itemRefSchema),
  ...classificationInputShape,
});

/**
 * Input of `recordPlan`: a version of the plan document the case's standard prescribes. The goals
 * and measures it carries are taken from the case (agreed open case goals, measures not cancelled).
 */
export const recordPlanInput = z.object({
  ...planContentShape,
  recordedOn: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** Input of `closeCase`. */
export const closeCaseInput = z.object({
  closedOn: z.optional(isoDateSchema),
  reason: z.enum(CLOSURE_REASONS),
  reasonNote: z.optional(freeTextSchema),
  readinessSigns: z.optional(z.array(readinessSignSchema)),
  goalAttainment: z.optional(z.array(goalAttainmentSchema)),
  continuedBy: z.optional(z.string()),
  ...classificationInputShape,
});

/** Input of `recordEvaluation`. */
export const recordEvaluationInput = z.object({
  evaluatedOn: z.optional(isoDateSchema),
  planVersusGoals: freeTextSchema,
  methods: freeTextSchema,
  cooperation: freeTextSchema,
  effort: z.object({
    contacts: z.optional(z.int().check(z.nonnegative())),
    hours: z.optional(z.number().check(z.nonnegative())),
    note: z.optional(freeTextSchema),
  }),
  satisfaction: z.object({
    rating: z.optional(z.int().check(z.gte(1), z.lte(5))),
    statement: z.optional(freeTextSchema),
    laterSurveyPlanned: z.optional(z.boolean()),
  }),
  providerFeedback: z.optional(z.array(providerFeedbackSchema)),
  ...classificationInputShape,
});
