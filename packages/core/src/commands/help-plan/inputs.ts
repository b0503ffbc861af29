import * as z from 'zod/mini';
import { MEASURE_STATUSES, measureContentShape, measureAgreementSchema } from '../../model/help-plan.js';
import { IDS_MAX } from '../../model/limits.js';
import { boundedArray, idSchema, isoDateSchema, shortTextSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

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

/** The input schema of each command of this slice, by command name. */
export const helpPlanInputs = {
  addMeasure: addMeasureInput,
  updateMeasure: updateMeasureInput,
  reorderMeasures: reorderMeasuresInput,
} as const;
