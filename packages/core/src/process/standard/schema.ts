import * as z from 'zod/mini';
import { CLOSURE_REASONS } from '../../model/closure.js';
import { idSchema } from '../../model/primitives.js';
import { retentionRuleSchema } from '../../retention/retention-schedule.js';
import { legalSourceSchema, planDocumentSchema, statutoryDeadlineSchema } from './legal-schema.js';

/** A German + English label in a standard (German first: the users' working language). */
export const standardLabelSchema = z.object({
  de: z.string().check(z.trim(), z.minLength(1)),
  en: z.string().check(z.trim(), z.minLength(1)),
});

/**
 * Stages a standard may list as required. `firstCounselling`, `assessment` and `goalAgreement` are
 * {@link MANDATORY_STAGES}: the rules cannot run without them. The others switch rules on:
 * `screening` (admission needs a casefinding check, PR-04), `helpPlanning` (a provider referral needs
 * a measure of the plan, PR-18), `monitoring` (closing as "goals reached" needs a progress judgement,
 * PR-30).
 */
export const REQUIRABLE_STAGES = [
  'screening',
  'firstCounselling',
  'assessment',
  'goalAgreement',
  'helpPlanning',
  'monitoring',
] as const;

/** One of {@link REQUIRABLE_STAGES}. */
export type RequirableStage = (typeof REQUIRABLE_STAGES)[number];

/**
 * Stages no standard may drop: Erstberatung is "zwingend notwendiger Bestandteil" (seed 003), and goal
 * agreement builds on a confirmed assessment (PR-12).
 */
export const MANDATORY_STAGES: readonly RequirableStage[] = ['firstCounselling', 'assessment', 'goalAgreement'];

const positiveInt = z.int().check(z.positive());

/** A written criterion (casefinding or target group) with its label. */
export const standardCriterionSchema = z.object({
  id: idSchema,
  label: standardLabelSchema,
  description: z.optional(standardLabelSchema),
});

/**
 * An organisation's process standard: which stages are required, the assessment's life domains and
 * rating scale, the written casefinding and target-group criteria, deadlines, closure reasons and
 * the default duration of consents. Versioned: a case records `{id, version}` of the standard it was
 * opened under, so a later version does not rewrite old cases.
 */
export const processStandardSchema = z.object({
  id: idSchema,
  version: z.string().check(z.trim(), z.minLength(1)),
  name: standardLabelSchema,
  description: z.optional(standardLabelSchema),
  /** Where the standard comes from (law, source text, organisation's decision). */
  source: z.optional(z.string()),
  requiredStages: z.array(z.enum(REQUIRABLE_STAGES)).check(z.minLength(1)),
  assessment: z.object({
    lifeDomains: z
      .array(
        z.object({
          id: idSchema,
          label: standardLabelSchema,
          /** A code of a classification the domain comes from (ICF chapter `d1` … `d9`). */
          code: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
          /** Where the domain comes from, when a statute names it (§ 118 SGB IX). */
          source: z.optional(legalSourceSchema),
        }),
      )
      .check(z.minLength(1)),
    /**
     * The instrument the assessment follows (Potenzialanalyse, ICF-based Land instrument). The Land
     * or agency plugs in its own (BEI_NRW, ITP, BIBay …) by naming it here.
     */
    instrument: z.optional(z.object({ label: standardLabelSchema, source: z.optional(legalSourceSchema) })),
    ratingScale: z.object({
      id: idSchema,
      label: standardLabelSchema,
      values: z
        .array(z.object({ value: z.union([z.string().check(z.minLength(1)), z.number()]), label: standardLabelSchema }))
        .check(z.minLength(2)),
    }),
  }),
  casefinding: z.object({
    /** The written casefinding criteria everyone who refers or admits uses (seed 003). */
    criteria: z.array(standardCriterionSchema).check(z.minLength(1)),
    /** The organisation's target-group criteria; when the list is empty, any may be recorded. */
    targetGroupCriteria: z.array(standardCriterionSchema),
    /**
     * How many casefinding criteria must be met for "complex needs". Absent: the checker's overall
     * judgement (`complexNeeds`) counts.
     */
    minimumMet: z.optional(positiveInt),
  }),
  deadlines: z.object({
    /** Erstberatung within N days of the referral. */
    firstContactDays: positiveInt,
    /** First assessment recorded within N weeks of the Erstberatung. */
    assessmentWeeks: positiveInt,
    /** A contact or progress judgement at least every N days once the plan runs. */
    monitoringIntervalDays: positiveInt,
    /** Every open case goal reviewed at the latest after N months. */
    goalReviewMonths: positiveInt,
    /** A provider referral without news for N days (unless a feedback date was agreed) is due. */
    referralFeedbackDays: positiveInt,
    /** Evaluation within N days after closure. */
    evaluationDays: positiveInt,
    /** Follow-ups, deadlines and signals within N days count as "due"; later ones within the horizon as "upcoming". */
    dueWithinDays: positiveInt,
  }),
  goals: z.object({
    /** A case goal's time frame may span at most N months (e.g. until the next Hilfeplan review). */
    maxTimeFrameMonths: z.optional(positiveInt),
  }),
  reassessment: z.object({
    /** So many deviations since the latest assessment version make a re-assessment due. */
    deviationThreshold: positiveInt,
  }),
  readiness: z.object({
    /** Ballew/Mink signs (distinct) needed for a readiness-for-closure signal. */
    minSigns: positiveInt,
    /** … spread over at least so many of the three groups. */
    minGroups: z.int().check(z.gte(1), z.lte(3)),
  }),
  closureReasons: z.array(z.object({ id: z.enum(CLOSURE_REASONS), label: standardLabelSchema })).check(z.minLength(1)),
  consent: z.object({
    /** Default validity of a consent in months, where the consent names no end. */
    defaultDurationMonths: positiveInt,
  }),
  /** The statute a legal profile follows (absent for the cross-domain default). */
  statute: z.optional(z.object({ label: standardLabelSchema, source: legalSourceSchema })),
  /** The plan document the standard prescribes: its content items, form and how it prints. */
  plan: z.optional(planDocumentSchema),
  /** Statutory deadlines the worklist shows with their paragraph. */
  statutoryDeadlines: z.optional(z.array(statutoryDeadlineSchema)),
  /** Retention rows the profile brings for the operator's retention table (DP-35). */
  retention: z.optional(z.array(retentionRuleSchema)),
});

/** An organisation's process standard (validated with {@link parseProcessStandard}). */
export type ProcessStandard = z.infer<typeof processStandardSchema>;

/** A process standard as written in configuration (before defaults). */
export type ProcessStandardInput = z.input<typeof processStandardSchema>;
