import * as z from 'zod/mini';
import { CODES_MAX, ENTRIES_MAX } from './limits.js';
import { boundedArray, freeTextSchema, idSchema, isoDateSchema, lineSchema, nameSchema } from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Reasons a case ends (issue 4; a process standard may narrow the list). */
export const CLOSURE_REASONS = [
  'goalsReached',
  'selfSteering',
  'movedAway',
  'handedOver',
  'endedByPerson',
  'contactLost',
  'death',
  'noFurtherMeasures',
  'notAdmitted',
  'other',
] as const;

/** One of {@link CLOSURE_REASONS}. */
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * Ballew/Mink signs of readiness to close (DOMAIN.md 4.8), in three groups: growing self-help
 * competence, growing independence, effective use of the network.
 */
export const READINESS_SIGNS = {
  selfHelp: [
    'decidesAlone',
    'reportsSuccesses',
    'solvesSmallProblemsAlone',
    'takesNextStepsUnasked',
    'selfAssured',
    'makesPlans',
  ],
  independence: [
    'prefersPhoneToMeetings',
    'wantsLessFrequentContact',
    'missesAppointmentsWhenWell',
    'copesAloneForWeeks',
    'closerToServiceStaff',
  ],
  networkUse: ['supportedByOwnNetwork', 'makesAppointmentsAlone', 'keepsContactAlone', 'betterOverviewOfServices'],
} as const;

/** The groups of {@link READINESS_SIGNS}. */
export type ReadinessSignGroup = keyof typeof READINESS_SIGNS;

/** Every readiness sign id, flat. */
export const READINESS_SIGN_IDS = [
  ...READINESS_SIGNS.selfHelp,
  ...READINESS_SIGNS.independence,
  ...READINESS_SIGNS.networkUse,
] as const;

/** One readiness sign id. */
export type ReadinessSign = (typeof READINESS_SIGN_IDS)[number];

/** Schema of a {@link ReadinessSign}. */
export const readinessSignSchema = z.enum(READINESS_SIGN_IDS);

/** Readiness signs observed at some point during monitoring (the worklist shows them as closure signals). */
export const readinessObservationSchema = z.strictObject({
  id: idSchema,
  on: isoDateSchema,
  signs: boundedArray(readinessSignSchema, CODES_MAX, 1),
  note: z.optional(freeTextSchema),
  ...recordMetaShape,
});

/** A readiness observation. */
export type ReadinessObservation = z.infer<typeof readinessObservationSchema>;

/** Goal attainment values at closure. */
export const GOAL_ATTAINMENTS = ['achieved', 'partlyAchieved', 'notAchieved', 'dropped'] as const;

/** How far one goal was reached, judged at closure. */
export const goalAttainmentSchema = z.strictObject({
  goalId: idSchema,
  attainment: z.enum(GOAL_ATTAINMENTS),
  note: z.optional(freeTextSchema),
});

/** A goal attainment judgement. */
export type GoalAttainment = z.infer<typeof goalAttainmentSchema>;

/** The closure of a case (Abschluss). */
export const closureSchema = z.strictObject({
  id: idSchema,
  closedOn: isoDateSchema,
  reason: z.enum(CLOSURE_REASONS),
  reasonNote: z.optional(freeTextSchema),
  readinessSigns: boundedArray(readinessSignSchema, CODES_MAX),
  goalAttainment: boundedArray(goalAttainmentSchema, ENTRIES_MAX),
  /** Where the person went on to (another agency, after a move). */
  continuedBy: z.optional(lineSchema),
  ...recordMetaShape,
});

/** A closure. */
export type Closure = z.infer<typeof closureSchema>;

/** Feedback to a provider, positive and negative (DOMAIN.md 4.8). */
export const providerFeedbackSchema = z.strictObject({
  provider: nameSchema,
  providerReferralId: z.optional(idSchema),
  positive: z.optional(freeTextSchema),
  negative: z.optional(freeTextSchema),
});

/** The evaluation (Auswertung) of a closed case. */
export const evaluationSchema = z.strictObject({
  id: idSchema,
  evaluatedOn: isoDateSchema,
  /** The help plan against the goals reached. */
  planVersusGoals: freeTextSchema,
  methods: freeTextSchema,
  cooperation: freeTextSchema,
  effort: z.strictObject({
    contacts: z.optional(z.int().check(z.nonnegative(), z.lte(100_000))),
    hours: z.optional(z.number().check(z.nonnegative(), z.lte(100_000))),
    note: z.optional(freeTextSchema),
  }),
  satisfaction: z.strictObject({
    /** 1 (very dissatisfied) to 5 (very satisfied), as the person says in the closing conversation. */
    rating: z.optional(z.int().check(z.gte(1), z.lte(5))),
    statement: z.optional(freeTextSchema),
    laterSurveyPlanned: z.optional(z.boolean()),
  }),
  providerFeedback: boundedArray(providerFeedbackSchema, ENTRIES_MAX),
  ...recordMetaShape,
});

/** An evaluation. */
export type Evaluation = z.infer<typeof evaluationSchema>;
