import * as z from 'zod/mini';
import { text, type LocalizedText } from '../i18n/localized-text.js';
import { dataCategorySchema } from '../model/record-meta.js';
import { legalDomainSchema } from '../model/primitives.js';

/**
 * Whether a period is a statutory duty to keep (it blocks erasure on request, DP-31) or only the
 * operator's records schedule (a maximum: data go when it ends, and an erasure request may end it early).
 */
export const RETENTION_BASES = ['statutoryDuty', 'recordsSchedule'] as const;

/** What happens when a period ends. */
export const RETENTION_ACTIONS = ['delete', 'anonymise'] as const;

/**
 * One row of the operator's retention table (DP-35): which cases it applies to (legal domain,
 * data category, purpose; an absent matcher matches every case), how long after closure, or until an
 * age of the addressee, and what happens then.
 */
export const retentionRuleSchema = z.object({
  id: z.string().check(z.minLength(1)),
  legalDomain: z.optional(legalDomainSchema),
  category: z.optional(dataCategorySchema),
  /** A purpose kind (`caseManagement`); every case serves `caseManagement`. */
  purpose: z.optional(z.string().check(z.minLength(1))),
  /** Years after the closure date. */
  yearsAfterClosure: z.optional(z.int().check(z.nonnegative())),
  /**
   * Until the addressee reaches this age plus `yearsAfterClosure`, counted from the birth date (§ 9b SGB
   * VIII: 70 years after the 30th birthday = age 100). Without a birth date the closure date counts.
   */
  untilAge: z.optional(z.int().check(z.positive())),
  basis: z.enum(RETENTION_BASES),
  action: z.enum(RETENTION_ACTIONS),
  /** The operator's source (records schedule, statute) as text. */
  reference: z.string(),
  /**
   * Whether the operator's data-protection officer has checked this row against law and the local
   * records schedule. Fallkit ships only unverified typical values.
   */
  verified: z.boolean(),
});

/** One row of the retention table. */
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

/** The operator's retention table. */
export const retentionScheduleSchema = z.object({
  version: z.string().check(z.minLength(1)),
  rules: z.array(retentionRuleSchema).check(z.minLength(1)),
});

/** The operator's retention table (DP-35). */
export type RetentionSchedule = z.infer<typeof retentionScheduleSchema>;

/**
 * Typical values as a starting point for the operator's own table (PRIVACY.md DP-35). None of them is
 * presented as law: every row is `verified: false` until the operator's data-protection officer and
 * records management confirm or replace it.
 */
export const TYPICAL_RETENTION_SCHEDULE: RetentionSchedule = {
  version: 'typical-unverified-1',
  rules: [
    {
      id: 'counselling-3y',
      purpose: 'caseManagement',
      yearsAfterClosure: 3,
      basis: 'recordsSchedule',
      action: 'delete',
      reference: 'Typischer Wert für Beratung ohne Leistungsentscheidung (ungeprüft)',
      verified: false,
    },
    ...(['SGB_II', 'SGB_III', 'SGB_XII', 'AsylbLG'] as const).map((legalDomain) => ({
      id: `benefits-10y-${legalDomain}`,
      legalDomain,
      yearsAfterClosure: 10,
      basis: 'recordsSchedule' as const,
      action: 'delete' as const,
      reference: 'Typischer Wert für Leistungsakten: 5-10 Jahre (ungeprüft)',
      verified: false,
    })),
    {
      id: 'sgb8-9b',
      legalDomain: 'SGB_VIII',
      untilAge: 100,
      yearsAfterClosure: 0,
      basis: 'statutoryDuty',
      action: 'delete',
      reference: '§ 9b SGB VIII: bis 70 Jahre nach dem 30. Geburtstag (Reichweite ungeprüft)',
      verified: false,
    },
  ],
};

/** Refusal texts of the retention table check. */
export const UNVERIFIED_RETENTION_NOTE: LocalizedText = text(
  'Die Aufbewahrungsfristen sind ungeprüfte Beispielwerte; die Datenschutzbeauftragte und die Schriftgutverwaltung des Trägers legen die geltenden fest.',
  'The retention periods are unverified typical values; the operator’s data-protection officer and records management decide the binding ones.',
);
