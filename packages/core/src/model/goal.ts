import * as z from 'zod/mini';
import { ENTRIES_MAX, IDS_MAX } from './limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  lineSchema,
  requiredTextSchema,
  titleSchema,
} from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Goal levels (DOMAIN.md 4.4): guiding goals from law or organisation, strategic goals, case goals. */
export const GOAL_LEVELS = ['guiding', 'strategic', 'case'] as const;

/** Relation of the help to the person's current way of life: konform, diskrepant, konträr. */
export const WAY_OF_LIFE_RELATIONS = ['conform', 'discrepant', 'contrary'] as const;

/** Status of a goal. */
export const GOAL_STATUSES = ['open', 'achieved', 'partlyAchieved', 'notAchieved', 'dropped'] as const;

/** One of {@link GOAL_STATUSES}. */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Forms of goal agreement; a signed integration agreement is recommended for cross-domain work. */
export const AGREEMENT_FORMS = ['oral', 'written', 'signedIntegrationAgreement'] as const;

/** A measurable indicator of a case goal. */
export const indicatorSchema = z.strictObject({
  description: requiredTextSchema,
  /** Target value or state ("3 Bewerbungen pro Monat", "Mietschulden 0 €"). */
  target: z.optional(lineSchema),
});

/** A goal indicator. */
export type Indicator = z.infer<typeof indicatorSchema>;

/** The time frame of a goal. */
export const timeFrameSchema = z.strictObject({
  from: z.optional(isoDateSchema),
  until: isoDateSchema,
});

/** How a goal was agreed: by the person, when, in which form. */
export const goalAgreementSchema = z.strictObject({
  agreedByPerson: z.boolean(),
  agreedOn: isoDateSchema,
  form: z.enum(AGREEMENT_FORMS),
  /** Persons who agreed besides the addressee (guardian, relatives). */
  participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  /** The person's deviating position, if any. */
  dissent: z.optional(freeTextSchema),
});

/** A goal agreement. */
export type GoalAgreement = z.infer<typeof goalAgreementSchema>;

/** The content fields of a goal, shared by the goal and its revisions. */
export const goalContentShape = {
  level: z.enum(GOAL_LEVELS),
  /** A higher-level goal this goal serves. */
  parentGoalId: z.optional(idSchema),
  title: titleSchema,
  description: z.optional(freeTextSchema),
  indicators: boundedArray(indicatorSchema, ENTRIES_MAX),
  timeFrame: z.optional(timeFrameSchema),
  /** Assessment life domains the goal derives from. */
  domainIds: boundedArray(idSchema, IDS_MAX),
  wayOfLife: z.optional(z.enum(WAY_OF_LIFE_RELATIONS)),
};

/** Schema of a goal's content ({@link goalContentShape}). */
export const goalContentSchema = z.strictObject(goalContentShape);

/** A goal's content. */
export type GoalContent = z.infer<typeof goalContentSchema>;

/** One revision of a goal: the content before, the reason, when. Goal history is kept for evaluation. */
export const goalRevisionSchema = z.strictObject({
  revisedOn: isoDateSchema,
  reason: requiredTextSchema,
  /** The content as it was before this revision. */
  previous: goalContentSchema,
  /** The agreement as it was before, if the revision renewed it. */
  previousAgreement: z.optional(goalAgreementSchema),
  recordedBy: idSchema,
  recordedAt: z.iso.datetime(),
});

/** A goal revision. */
export type GoalRevision = z.infer<typeof goalRevisionSchema>;

/** A goal (stage 3, Zielvereinbarung) with its agreement, status and revision history. */
export const goalSchema = z.strictObject({
  id: idSchema,
  ...goalContentShape,
  /** The assessment version the goal builds on. */
  assessmentId: z.optional(idSchema),
  agreement: z.optional(goalAgreementSchema),
  status: z.enum(GOAL_STATUSES),
  statusHistory: z.array(
    z.strictObject({ status: z.enum(GOAL_STATUSES), on: isoDateSchema, note: z.optional(freeTextSchema) }),
  ),
  revisions: z.array(goalRevisionSchema),
  ...recordMetaShape,
});

/** A goal. */
export type Goal = z.infer<typeof goalSchema>;
