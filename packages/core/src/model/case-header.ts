import * as z from 'zod/mini';
import {
  agencyRefSchema,
  idSchema,
  isoDateSchema,
  legalDomainSchema,
  lineSchema,
  requiredTextSchema,
  shortTextSchema,
  textSchema,
} from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Lifecycle status of a case. The stage within the cycle is separate ({@link STAGES}). */
export const CASE_STATUSES = ['open', 'closed'] as const;

/** One of {@link CASE_STATUSES}. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Stages of the case-management cycle (DOMAIN.md section 4). `screening` is Zuweisung/indication,
 * `linking` is Leistungssteuerung, `closure` is Abschluss before the evaluation is done.
 */
export const STAGES = [
  'referral',
  'screening',
  'firstCounselling',
  'assessment',
  'goalAgreement',
  'helpPlanning',
  'linking',
  'monitoring',
  'reassessment',
  'closure',
  'closed',
  'noFurtherMeasures',
] as const;

/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

/** Schema of a {@link Stage}. */
export const stageSchema = z.enum(STAGES);

/** The organisation's process standard in force for a case, recorded so later changes do not rewrite it. */
export const processStandardRefSchema = z.strictObject({
  id: idSchema,
  version: textSchema({ max: 64, min: 1 }),
});

/** Reference to a process standard version. */
export type ProcessStandardRef = z.infer<typeof processStandardRefSchema>;

/**
 * The three ways of handling a change of legal domain (DOMAIN.md section 3): warm handover to the
 * new lead; the municipality continues as contractor of the new lead; the municipality covers needs
 * beyond the new lead's remit while the new lead leads.
 */
export const HANDOVER_VARIANTS = [
  'warmHandover',
  'municipalityAsContractor',
  'municipalityCoversFurtherNeeds',
] as const;

/** One of {@link HANDOVER_VARIANTS}. */
export type HandoverVariant = (typeof HANDOVER_VARIANTS)[number];

/** A period in which an agency led the case (federführend). `to` is absent while it leads. */
export const leadAgencyPeriodSchema = z.strictObject({
  ...agencyRefSchema.shape,
  /** The legal domain under which it leads. */
  legalDomain: z.optional(legalDomainSchema),
  from: isoDateSchema,
  to: z.optional(isoDateSchema),
  /** The handover that started this period, if any. */
  handoverId: z.optional(idSchema),
});

/** A period of lead-agency responsibility. */
export type LeadAgencyPeriod = z.infer<typeof leadAgencyPeriodSchema>;

/** A period in which a case manager worked on the case. */
export const caseManagerPeriodSchema = z.strictObject({
  /** User id in the host's identity system. */
  userId: idSchema,
  name: z.optional(lineSchema),
  agencyId: idSchema,
  role: z.enum(['primary', 'deputy']),
  from: isoDateSchema,
  to: z.optional(isoDateSchema),
});

/** A case-manager period. */
export type CaseManagerPeriod = z.infer<typeof caseManagerPeriodSchema>;

/** A legal domain involved in the case for a period. */
export const legalDomainPeriodSchema = z.strictObject({
  domain: legalDomainSchema,
  from: isoDateSchema,
  to: z.optional(isoDateSchema),
  /** Why it became involved ("Leistungsbezug nach AsylbLG", "Hilfe zur Erziehung"). */
  reason: z.optional(shortTextSchema),
  ...recordMetaShape,
});

/** A legal-domain period. */
export type LegalDomainPeriod = z.infer<typeof legalDomainPeriodSchema>;

/** Residence titles relevant to the responsible legal domain. */
export const RESIDENCE_STATUSES = [
  'aufenthaltsgestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'fiktionsbescheinigung',
  'euFreedomOfMovement',
  'germanCitizen',
  'other',
] as const;

/** One of {@link RESIDENCE_STATUSES}. */
export type ResidenceStatusKind = (typeof RESIDENCE_STATUSES)[number];

/** A residence status of a person from a date (Aufenthaltsgestattung, Duldung, Aufenthaltserlaubnis …). */
export const residenceStatusSchema = z.strictObject({
  id: idSchema,
  personId: idSchema,
  status: z.enum(RESIDENCE_STATUSES),
  /** Legal ground, e.g. `§ 25 Abs. 2 AufenthG`, `§ 60a AufenthG`. */
  legalGround: z.optional(lineSchema),
  from: isoDateSchema,
  validUntil: z.optional(isoDateSchema),
  ...recordMetaShape,
});

/** A residence status record. */
export type ResidenceStatus = z.infer<typeof residenceStatusSchema>;

/** A lead agency given when a case is opened or handed over. */
export const leadAgencyInputSchema = z.strictObject({
  ...agencyRefSchema.shape,
  legalDomain: z.optional(legalDomainSchema),
});

/** A lead agency input. */
export type LeadAgencyInput = z.infer<typeof leadAgencyInputSchema>;

/** A reason text. */
export const reasonSchema = requiredTextSchema;
