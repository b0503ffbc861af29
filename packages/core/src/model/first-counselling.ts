import * as z from 'zod/mini';
import { CODES_MAX, IDS_MAX } from './limits.js';
import { boundedArray, freeTextSchema, idSchema, isoDateSchema, lineSchema, requiredTextSchema } from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Levels used for motivation and for willingness / ability to cooperate. */
export const COOPERATION_LEVELS = ['high', 'partial', 'low', 'unclear'] as const;

/**
 * What may limit the ability to cooperate: refusal is often fear, language or cognition, not
 * unwillingness (DOMAIN.md 4.2).
 */
export const COOPERATION_BARRIERS = ['language', 'fear', 'cognition', 'health', 'crisis', 'distrust', 'other'] as const;

/** The outcome of Erstberatung: no further measures (with reason and referral elsewhere) or assessment. */
export const firstCounsellingDecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assessment') }),
  z.strictObject({
    kind: z.literal('noFurtherMeasures'),
    reason: requiredTextSchema,
    referredElsewhereTo: z.optional(lineSchema),
  }),
]);

/** The decision of Erstberatung. */
export type FirstCounsellingDecision = z.infer<typeof firstCounsellingDecisionSchema>;

/** Erstberatung (stage 1): building the working alliance and deciding whether case management takes place. */
export const firstCounsellingSchema = z.strictObject({
  id: idSchema,
  heldOn: isoDateSchema,
  /** Persons present (ids). */
  participantIds: boundedArray(idSchema, IDS_MAX),
  interpreterUsed: z.optional(z.boolean()),
  /** The concern in the person's own words. */
  concernInOwnWords: requiredTextSchema,
  firstPictureProblems: freeTextSchema,
  firstPictureResources: freeTextSchema,
  motivation: z.strictObject({ level: z.enum(COOPERATION_LEVELS), note: z.optional(freeTextSchema) }),
  willingnessToCooperate: z.enum(COOPERATION_LEVELS),
  abilityToCooperate: z.enum(COOPERATION_LEVELS),
  barriers: z.optional(boundedArray(z.enum(COOPERATION_BARRIERS), CODES_MAX)),
  informationGiven: z.strictObject({
    processExplained: z.boolean(),
    rolesExplained: z.boolean(),
    chancesAndDemandsExplained: z.boolean(),
    dataProtectionExplained: z.boolean(),
  }),
  oralContract: z.strictObject({ made: z.boolean(), note: z.optional(freeTextSchema) }),
  decision: firstCounsellingDecisionSchema,
  ...recordMetaShape,
});

/** An Erstberatung record. */
export type FirstCounselling = z.infer<typeof firstCounsellingSchema>;
