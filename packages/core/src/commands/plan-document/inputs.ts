import * as z from 'zod/mini';
import { planContentShape } from '../../model/plan.js';
import { isoDateSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/**
 * Input of `recordPlan`: a version of the plan document the case's standard prescribes. The goals
 * and measures it carries are taken from the case (agreed open case goals, measures not cancelled).
 */
export const recordPlanInput = z.strictObject({
  ...planContentShape,
  recordedOn: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** The input schema of each command of this slice, by command name. */
export const planDocumentInputs = {
  recordPlan: recordPlanInput,
} as const;
