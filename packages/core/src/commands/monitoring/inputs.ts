import * as z from 'zod/mini';
import { readinessSignSchema } from '../../model/closure.js';
import {
  CONTACT_MODES,
  DEVIATION_KINDS,
  PROGRESS_JUDGEMENTS,
  appointmentShape,
  deviationSchema,
  itemRefSchema,
  progressJudgementSchema,
  timeOfDaySchema,
} from '../../model/monitoring.js';
import { CODES_MAX, IDS_MAX } from '../../model/limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  requiredTextSchema,
  titleSchema,
} from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/** Input of `recordContact`. */
export const recordContactInput = z.strictObject({
  on: z.optional(isoDateSchema),
  mode: z.enum(CONTACT_MODES),
  withInterpreter: z.optional(z.boolean()),
  participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  reached: z.optional(z.boolean()),
  note: freeTextSchema,
  time: z.optional(timeOfDaySchema),
  ...classificationInputShape,
});

/** Input of `scheduleFollowUp`. */
export const scheduleFollowUpInput = z.strictObject({
  dueOn: isoDateSchema,
  subject: titleSchema,
  assignedTo: z.optional(idSchema),
  relatesTo: z.optional(itemRefSchema),
  ...appointmentShape,
  ...classificationInputShape,
});

/** Input of `completeFollowUp`. */
export const completeFollowUpInput = z.strictObject({
  followUpId: idSchema,
  doneOn: z.optional(isoDateSchema),
  outcome: z.optional(freeTextSchema),
});

/** Input of `judgeProgress`. */
export const judgeProgressInput = z.strictObject({
  on: z.optional(isoDateSchema),
  target: progressJudgementSchema.shape.target,
  judgement: z.enum(PROGRESS_JUDGEMENTS),
  note: freeTextSchema,
  ...classificationInputShape,
});

/** Input of `recordDeviation`. */
export const recordDeviationInput = z.strictObject({
  on: z.optional(isoDateSchema),
  kind: z.enum(DEVIATION_KINDS),
  description: requiredTextSchema,
  relatesTo: z.optional(itemRefSchema),
  triggersReassessment: z.boolean(),
  missingService: deviationSchema.shape.missingService,
  ...classificationInputShape,
});

/** Input of `recordReadinessSigns` (Ballew/Mink). */
export const recordReadinessSignsInput = z.strictObject({
  on: z.optional(isoDateSchema),
  signs: boundedArray(readinessSignSchema, CODES_MAX, 1),
  note: z.optional(freeTextSchema),
  ...classificationInputShape,
});

/** The input schema of each command of this slice, by command name. */
export const monitoringInputs = {
  recordContact: recordContactInput,
  scheduleFollowUp: scheduleFollowUpInput,
  completeFollowUp: completeFollowUpInput,
  judgeProgress: judgeProgressInput,
  recordDeviation: recordDeviationInput,
  recordReadinessSigns: recordReadinessSignsInput,
} as const;
