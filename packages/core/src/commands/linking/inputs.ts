import * as z from 'zod/mini';
import {
  PROVIDER_REFERRAL_STATUSES,
  caseConferenceSchema,
  feedbackArrangementSchema,
  providerReferralSchema,
} from '../../model/linking.js';
import { freeTextSchema, idSchema, isoDateSchema, requiredTextSchema, titleSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/** Input of `referToProvider`. */
export const referToProviderInput = z.strictObject({
  measureId: z.optional(idSchema),
  provider: providerReferralSchema.shape.provider,
  referredOn: z.optional(isoDateSchema),
  purpose: requiredTextSchema,
  modalities: z.optional(freeTextSchema),
  feedback: feedbackArrangementSchema,
  ...classificationInputShape,
});

/** Input of `updateReferralStatus`. */
export const updateReferralStatusInput = z.strictObject({
  providerReferralId: idSchema,
  status: z.enum(PROVIDER_REFERRAL_STATUSES),
  on: z.optional(isoDateSchema),
  note: z.optional(freeTextSchema),
  feedback: z.optional(feedbackArrangementSchema),
});

/** Input of `holdCaseConference`. */
export const holdCaseConferenceInput = z.strictObject({
  heldOn: z.optional(isoDateSchema),
  participants: caseConferenceSchema.shape.participants,
  topic: titleSchema,
  decisions: caseConferenceSchema.shape.decisions,
  nextConferenceOn: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** The input schema of each command of this slice, by command name. */
export const linkingInputs = {
  referToProvider: referToProviderInput,
  updateReferralStatus: updateReferralStatusInput,
  holdCaseConference: holdCaseConferenceInput,
} as const;
