import * as z from 'zod/mini';

/** A non-empty identifier (`case-1`, `goal-3`, a UUID); ids are made by the id-generator port. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** A calendar date as ISO 8601 `YYYY-MM-DD` (domain dates: agreed on, due on, effective from). */
export const isoDateSchema = z.iso.date();

/** An instant as ISO 8601 UTC timestamp (when something was recorded). */
export const isoDateTimeSchema = z.iso.datetime();

/** A short free text that must say something (a title, a reason). */
export const requiredTextSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** A longer free text (notes, narratives, the person's own words); may be empty. */
export const freeTextSchema = z.string().check(z.maxLength(20000));

/**
 * The legal domains (Rechtskreise) a case can touch (DOMAIN.md section 3). `nonStatutory` covers free
 * welfare associations, migration counselling and volunteers.
 */
export const LEGAL_DOMAINS = [
  'SGB_II',
  'SGB_III',
  'SGB_V',
  'SGB_VIII',
  'SGB_IX',
  'SGB_XII',
  'SGB_XI',
  'AsylbLG',
  'AufenthG',
  'BAfoeG',
  'nonStatutory',
] as const;

/** One of {@link LEGAL_DOMAINS}. */
export type LegalDomain = (typeof LEGAL_DOMAINS)[number];

/** Schema of a {@link LegalDomain}. */
export const legalDomainSchema = z.enum(LEGAL_DOMAINS);

/** A reference to an organisation (agency, provider) by id with its display name. */
export const agencyRefSchema = z.object({
  /** Stable id, e.g. `jobcenter-musterstadt`. */
  agencyId: idSchema,
  /** Display name, e.g. `Jobcenter Musterstadt`. */
  name: requiredTextSchema,
});

/** A reference to an organisation. */
export type AgencyRef = z.infer<typeof agencyRefSchema>;
