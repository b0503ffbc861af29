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
  titleSchema,
} from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Status of a referral to a provider (Leistungssteuerung). */
export const PROVIDER_REFERRAL_STATUSES = [
  'requested',
  'accepted',
  'waiting',
  'started',
  'interrupted',
  'completed',
  'declined',
] as const;

/** One of {@link PROVIDER_REFERRAL_STATUSES}. */
export type ProviderReferralStatus = (typeof PROVIDER_REFERRAL_STATUSES)[number];

/** The feedback agreed with a provider: information flow is agreed, never assumed (DOMAIN.md 4.7). */
export const feedbackArrangementSchema = z.strictObject({
  agreed: z.boolean(),
  /** What the provider reports, how and how often ("monatlich telefonisch über Teilnahme"). */
  description: z.optional(freeTextSchema),
  /** Interval in days, where one was agreed. */
  intervalDays: z.optional(z.int().check(z.positive(), z.lte(3_660))),
  nextFeedbackOn: z.optional(isoDateSchema),
});

/** A feedback arrangement. */
export type FeedbackArrangement = z.infer<typeof feedbackArrangementSchema>;

/** A referral of the person to a provider, with its status history and feedback arrangement. */
export const providerReferralSchema = z.strictObject({
  id: idSchema,
  /** The measure it carries out, if any. */
  measureId: z.optional(idSchema),
  provider: z.strictObject({
    name: nameSchema,
    agencyId: z.optional(idSchema),
    contactPerson: z.optional(lineSchema),
  }),
  referredOn: isoDateSchema,
  /** What the provider is asked to do. */
  purpose: requiredTextSchema,
  /** Practical, financial and legal modalities clarified (DOMAIN.md 4.6). */
  modalities: z.optional(freeTextSchema),
  status: z.enum(PROVIDER_REFERRAL_STATUSES),
  statusHistory: z.array(
    z.strictObject({ status: z.enum(PROVIDER_REFERRAL_STATUSES), on: isoDateSchema, note: z.optional(freeTextSchema) }),
  ),
  feedback: feedbackArrangementSchema,
  ...recordMetaShape,
});

/** A referral to a provider. */
export type ProviderReferral = z.infer<typeof providerReferralSchema>;

/** A participant of a case conference. */
export const conferenceParticipantSchema = z.strictObject({
  name: nameSchema,
  agencyId: z.optional(idSchema),
  /** Function ("Fallmanagerin Jobcenter", "Schuldnerberater"). */
  role: z.optional(lineSchema),
  /** Set when the participant is a person of the case. */
  personId: z.optional(idSchema),
});

/** A case conference (Fallkonferenz): date, participants, agencies, decisions. */
export const caseConferenceSchema = z.strictObject({
  id: idSchema,
  heldOn: isoDateSchema,
  participants: boundedArray(conferenceParticipantSchema, ENTRIES_MAX, 1),
  topic: titleSchema,
  decisions: boundedArray(requiredTextSchema, ENTRIES_MAX),
  nextConferenceOn: z.optional(isoDateSchema),
  ...recordMetaShape,
});

/** A case conference. */
export type CaseConference = z.infer<typeof caseConferenceSchema>;
