import * as z from 'zod/mini';
import {
  admissionDecisionSchema,
  casefindingCheckSchema,
  REFERRER_KINDS,
  criterionCheckSchema,
} from '../../model/access.js';
import { ENTRIES_MAX } from '../../model/limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  lineSchema,
  nameSchema,
  requiredTextSchema,
} from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

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

/** The input schema of each command of this slice, by command name. */
export const accessAndScreeningInputs = {
  recordReferral: recordReferralInput,
  checkCasefindingCriteria: checkCasefindingCriteriaInput,
  decideAdmission: decideAdmissionInput,
  flagCrisis: flagCrisisInput,
  resolveCrisis: resolveCrisisInput,
} as const;
