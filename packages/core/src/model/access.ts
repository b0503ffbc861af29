import * as z from 'zod/mini';
import { ENTRIES_MAX } from './limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  lineSchema,
  nameSchema,
  requiredTextSchema,
} from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Who referred a person (Zuweisung): the person themself, an agency, a service desk, a volunteer … */
export const REFERRER_KINDS = ['self', 'agency', 'serviceDesk', 'volunteer', 'shelterSocialWork', 'other'] as const;

/** A referral into case management (Zuweisung): who referred, when, why. */
export const referralSchema = z.strictObject({
  id: idSchema,
  referrer: z.strictObject({
    kind: z.enum(REFERRER_KINDS),
    name: nameSchema,
    agencyId: z.optional(idSchema),
  }),
  referredOn: isoDateSchema,
  reason: requiredTextSchema,
  ...recordMetaShape,
});

/** A referral into case management. */
export type Referral = z.infer<typeof referralSchema>;

/**
 * The written casefinding criteria of seed 003 (DOMAIN.md 4.1). A process standard may add its own
 * target-group criteria with other ids.
 */
export const CASEFINDING_CRITERION_IDS = [
  'multipleProblems',
  'manyActors',
  'highCoordinationNeed',
  'crossesResponsibilities',
  'standardServicesInsufficient',
  'environmentOverwhelmedOrAbsent',
  'courseHardToForesee',
  'incalculableInteractions',
] as const;

/** One criterion as checked: met, not met or unknown, with an explanation. */
export const criterionCheckSchema = z.strictObject({
  criterionId: idSchema,
  met: z.nullable(z.boolean()),
  explanation: z.optional(freeTextSchema),
});

/** One checked criterion. */
export type CriterionCheck = z.infer<typeof criterionCheckSchema>;

/** The check of the casefinding criteria and the organisation's target-group criteria. */
export const casefindingCheckSchema = z.strictObject({
  id: idSchema,
  checkedOn: isoDateSchema,
  criteria: boundedArray(criterionCheckSchema, ENTRIES_MAX),
  targetGroupCriteria: boundedArray(criterionCheckSchema, ENTRIES_MAX),
  /** Overall result as the checker sees it. */
  complexNeeds: z.boolean(),
  summary: z.optional(freeTextSchema),
  ...recordMetaShape,
});

/** A casefinding check. */
export type CasefindingCheck = z.infer<typeof casefindingCheckSchema>;

/** The admission decision: case management takes place or not, with reasons. */
export const admissionDecisionSchema = z.strictObject({
  id: idSchema,
  decidedOn: isoDateSchema,
  admitted: z.boolean(),
  reasons: requiredTextSchema,
  /**
   * Why the decision goes against the casefinding check (admitted without complex needs, or not
   * admitted with them): makes misrouting visible.
   */
  deviationReason: z.optional(requiredTextSchema),
  /** Where the person was sent instead, when not admitted. */
  referredElsewhereTo: z.optional(lineSchema),
  ...recordMetaShape,
});

/** An admission decision. */
export type AdmissionDecision = z.infer<typeof admissionDecisionSchema>;

/** An acute crisis: crisis help may come before the cycle (DOMAIN.md 4.2). */
export const crisisSchema = z.strictObject({
  id: idSchema,
  flaggedOn: isoDateSchema,
  description: requiredTextSchema,
  immediateHelp: z.optional(freeTextSchema),
  resolvedOn: z.optional(isoDateSchema),
  resolution: z.optional(freeTextSchema),
  ...recordMetaShape,
});

/** A crisis flag. */
export type Crisis = z.infer<typeof crisisSchema>;
