import * as z from 'zod/mini';
import {
  CLOSURE_REASONS,
  evaluationSchema,
  goalAttainmentSchema,
  providerFeedbackSchema,
  readinessSignSchema,
} from '../../model/closure.js';
import { CODES_MAX, ENTRIES_MAX } from '../../model/limits.js';
import { boundedArray, freeTextSchema, isoDateSchema, lineSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

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

/** The input schema of each command of this slice, by command name. */
export const closureInputs = {
  closeCase: closeCaseInput,
  recordEvaluation: recordEvaluationInput,
} as const;
