import * as z from 'zod/mini';
import { AGREEMENT_FORMS, GOAL_STATUSES, goalContentShape } from '../../model/goal.js';
import { IDS_MAX } from '../../model/limits.js';
import { boundedArray, freeTextSchema, idSchema, isoDateSchema, requiredTextSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/**
 * A goal agreement as given in a command. `agreedOn` is optional in the shape so a missing date is
 * refused by the domain invariant `GOAL_AGREEMENT_DATE_MISSING` with a precise message.
 */
export const goalAgreementInputSchema = z.strictObject({
  agreedByPerson: z.boolean(),
  agreedOn: z.optional(isoDateSchema),
  form: z.enum(AGREEMENT_FORMS),
  participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  dissent: z.optional(freeTextSchema),
});

/** Input of `agreeGoal`. */
export const agreeGoalInput = z.strictObject({
  ...goalContentShape,
  assessmentId: z.optional(idSchema),
  agreement: z.optional(goalAgreementInputSchema),
  ...classificationInputShape,
});

/** Input of `reviseGoal`. */
export const reviseGoalInput = z.strictObject({
  goalId: idSchema,
  revisedOn: z.optional(isoDateSchema),
  reason: requiredTextSchema,
  changes: z.partial(z.strictObject(goalContentShape)),
  agreement: z.optional(goalAgreementInputSchema),
});

/** Input of `setGoalStatus`. */
export const setGoalStatusInput = z.strictObject({
  goalId: idSchema,
  status: z.enum(GOAL_STATUSES),
  on: z.optional(isoDateSchema),
  note: z.optional(freeTextSchema),
});

/** The input schema of each command of this slice, by command name. */
export const goalsInputs = {
  agreeGoal: agreeGoalInput,
  reviseGoal: reviseGoalInput,
  setGoalStatus: setGoalStatusInput,
} as const;
