import * as z from 'zod/mini';
import { dataCategorySchema } from '../../model/record-meta.js';
import {
  freeTextSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  requiredTextSchema,
} from '../../model/primitives.js';

/** Default validity of a consent in months (DP-11); a process standard's `consent.defaultDurationMonths` wins. */
export const DEFAULT_CONSENT_MONTHS = 12;

/** Days before expiry when the case worker is reminded (DP-11). */
export const CONSENT_REMINDER_DAYS = 30;

/** In which role someone gives a consent (DP-12, DP-13). */
export const CONSENT_GIVER_ROLES = ['self', 'parentalResponsibility', 'guardianOfMinor', 'legalGuardian'] as const;

/** One of {@link CONSENT_GIVER_ROLES}. */
export type ConsentGiverRole = (typeof CONSENT_GIVER_ROLES)[number];

/** Whether a young person's insight was assessed (DP-12). */
export const CAPACITY_VALUES = ['assessed', 'notAssessed', 'restricted'] as const;

/** A recipient agency named in a consent or a transfer (by id; DP-07). */
export const recipientRefSchema = z.object({
  agencyId: idSchema,
  name: z.optional(z.string()),
});

/** A recipient agency reference. */
export type RecipientRef = z.infer<typeof recipientRefSchema>;

const hashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/**
 * How a consent was given and documented (DP-08): written with a scan reference, electronic with the
 * language and whether an interpreter was there, or oral and minuted as an exception with a reason.
 * Every form stores the hash of the information text the person was shown (DP-09).
 */
export const consentFormSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('written'), scanReference: requiredTextSchema }),
  z.object({
    kind: z.literal('electronic'),
    language: requiredTextSchema,
    interpreter: z.optional(
      z.object({ used: z.boolean(), language: z.optional(z.string()), name: z.optional(z.string()) }),
    ),
  }),
  z.object({ kind: z.literal('oralMinuted'), exceptionReason: requiredTextSchema, minutedBy: z.optional(idSchema) }),
]);

/** How a consent was given. */
export type ConsentForm = z.infer<typeof consentFormSchema>;

/** Who gave a consent and in which role (DP-12, DP-13). */
export const consentGiverSchema = z.object({
  /** Person id in the case. */
  personId: idSchema,
  role: z.enum(CONSENT_GIVER_ROLES),
});

/** Who gave a consent. */
export type ConsentGiver = z.infer<typeof consentGiverSchema>;

/**
 * A consent as stored (Einwilligung, DP-07..DP-15): which categories of whose data may go to which
 * agencies for which purposes, from when until when, given by whom in which form. Partial by
 * nature: whatever is not listed is not covered (DP-10).
 */
export const consentRecordSchema = z.object({
  id: idSchema,
  /** The person whose data it is about (the data subject). */
  subjectId: idSchema,
  categories: z.array(dataCategorySchema).check(z.minLength(1)),
  /** Also covers data of professional secret holders (§ 76 SGB X, DP-15). */
  includesProfessionalSecret: z.optional(z.boolean()),
  recipients: z.array(recipientRefSchema).check(z.minLength(1)),
  purposes: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  validFrom: isoDateSchema,
  validUntil: isoDateSchema,
  form: consentFormSchema,
  informationTextHash: hashSchema,
  givenBy: consentGiverSchema,
  /** A minor's own view, recorded when parents consent for a child under 15 (DP-12). */
  childView: z.optional(freeTextSchema),
  /** For a young person from 15 consenting alone: the insight assessment (DP-12). */
  capacityToConsent: z.optional(z.enum(CAPACITY_VALUES)),
  recordedBy: idSchema,
  recordedAt: isoDateTimeSchema,
});

/** A stored consent. */
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** A named professional released from confidentiality (Schweigepflichtentbindung, DP-15). */
export const releasedProfessionalSchema = z.object({
  name: requiredTextSchema,
  profession: z.optional(z.string()),
  agencyId: z.optional(idSchema),
});

/**
 * A confidentiality release: the person releases named professionals (doctor, psychologist,
 * counsellor) so their data may go to the named recipients (DP-15).
 */
export const confidentialityReleaseSchema = z.object({
  id: idSchema,
  subjectId: idSchema,
  professionals: z.array(releasedProfessionalSchema).check(z.minLength(1)),
  recipients: z.array(recipientRefSchema).check(z.minLength(1)),
  /** Categories the release covers (usually `health`). */
  categories: z.array(dataCategorySchema).check(z.minLength(1)),
  includesProfessionalSecret: z.literal(true),
  validFrom: isoDateSchema,
  validUntil: isoDateSchema,
  form: consentFormSchema,
  informationTextHash: hashSchema,
  givenBy: consentGiverSchema,
  recordedBy: idSchema,
  recordedAt: isoDateTimeSchema,
});

/** A stored confidentiality release. */
export type ConfidentialityRelease = z.infer<typeof confidentialityReleaseSchema>;

/** A withdrawal (Widerruf), whole or partial, effective from `withdrawnAt` (DP-14). */
export const consentWithdrawalSchema = z.object({
  consentId: idSchema,
  withdrawnAt: isoDateTimeSchema,
  /** Only these categories are withdrawn; all if absent. */
  categories: z.optional(z.array(dataCategorySchema)),
  /** Only for these recipients; all if absent. */
  recipientAgencyIds: z.optional(z.array(idSchema)),
  /** Transfers under the consent made before the withdrawal; they stay, marked `consentWithdrawnAt`. */
  affectedTransferIds: z.array(idSchema),
  note: z.optional(freeTextSchema),
  recordedBy: idSchema,
});

/** A consent withdrawal. */
export type ConsentWithdrawal = z.infer<typeof consentWithdrawalSchema>;

/** Adds months to an ISO date, clamped to the month's end, returning an ISO date. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
