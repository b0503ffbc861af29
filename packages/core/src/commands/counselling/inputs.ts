import * as z from 'zod/mini';
import {
  COOPERATION_LEVELS,
  firstCounsellingDecisionSchema,
  firstCounsellingSchema,
} from '../../model/first-counselling.js';
import { IDS_MAX } from '../../model/limits.js';
import { boundedArray, freeTextSchema, idSchema, isoDateSchema, requiredTextSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

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

/** The input schema of each command of this slice, by command name. */
export const counsellingInputs = {
  recordFirstCounselling: recordFirstCounsellingInput,
} as const;
