import * as z from 'zod/mini';
import { idSchema } from '../../model/primitives.js';

/** A German + English label (the same shape as the standard's labels; kept here to avoid a cycle). */
const labelSchema = z.object({
  de: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  en: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
});

/**
 * How far a value of a legal profile was checked: `statute` against the text of the statute in force,
 * `secondary` only against a commentary or a secondary source that quotes it, `unverified` not at all
 * (a conventional value, or the statute leaves it open). Forms, documents and docs show the last two.
 */
export const VERIFICATION_STATES = ['statute', 'secondary', 'unverified'] as const;

/** One of {@link VERIFICATION_STATES}. */
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** Where a value comes from: the paragraph (`§ 15 Abs. 3 SGB II`) and how far it was checked. */
export const legalSourceSchema = z.object({
  paragraph: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  verification: z.enum(VERIFICATION_STATES),
  /** Why a value is unverified, or what was checked against what. */
  note: z.optional(z.string().check(z.maxLength(500))),
});

/** A paragraph with its verification state. */
export type LegalSource = z.infer<typeof legalSourceSchema>;

/**
 * How binding a plan content item is: `must` (the statute says "enthält", "ist festzuhalten"): a
 * plan without it is refused (PR-33); `should` ("soll"): recorded with a notice (PR-34); `may`
 * ("kann"): offered, never asked for.
 */
export const PLAN_OBLIGATIONS = ['must', 'should', 'may'] as const;

/** One of {@link PLAN_OBLIGATIONS}. */
export type PlanObligation = (typeof PLAN_OBLIGATIONS)[number];

/**
 * Where a plan content item is found: `text` a section the plan itself states (free text), `goals`
 * the agreed open case goals, `measures` the measures of the help plan, `participants` the persons
 * the plan was made with.
 */
export const PLAN_CONTENT_SOURCES = ['text', 'goals', 'measures', 'participants'] as const;

/** One of {@link PLAN_CONTENT_SOURCES}. */
export type PlanContentSource = (typeof PLAN_CONTENT_SOURCES)[number];

/** Conditions under which a plan item applies (§ 37c SGB VIII: only for help outside the family). */
export const PLAN_ITEM_CONDITIONS = ['helpOutsideFamily'] as const;

/** One content item of a plan document, with its paragraph. */
export const planItemSchema = z.object({
  id: idSchema,
  label: labelSchema,
  /** The label in plain German for the "together" mode (shared screen with the person). */
  plainLabel: z.optional(labelSchema),
  obligation: z.enum(PLAN_OBLIGATIONS),
  from: z.enum(PLAN_CONTENT_SOURCES),
  source: legalSourceSchema,
  appliesWhen: z.optional(z.enum(PLAN_ITEM_CONDITIONS)),
});

/** One content item of a plan document. */
export type PlanItem = z.infer<typeof planItemSchema>;

/**
 * The plan document a standard prescribes (Kooperationsplan, Hilfeplan, Gesamtplan): its content
 * items and how it is handed over. `form: 'text'` is Textform (§ 126b BGB: readable, no signature);
 * `written` is Schriftform. `signatureLine` prints signature lines; `statements` are printed as they
 * are (not legally binding, review date, the person's right to a copy).
 */
export const planDocumentSchema = z.object({
  id: idSchema,
  title: labelSchema,
  form: z.enum(['text', 'written']),
  signatureLine: z.boolean(),
  legallyBinding: z.boolean(),
  source: legalSourceSchema,
  items: z.array(planItemSchema).check(z.minLength(1), z.maxLength(60)),
  statements: z.optional(z.array(z.object({ label: labelSchema, source: legalSourceSchema })).check(z.maxLength(20))),
});

/** The plan document of a standard. */
export type PlanDocument = z.infer<typeof planDocumentSchema>;

/**
 * What starts a statutory deadline: the first referral or application (`referral`), the admission
 * decision, the first counselling, the confirmed assessment, or the latest plan (`plan`, for reviews).
 */
export const DEADLINE_ANCHORS = ['referral', 'admission', 'firstCounselling', 'assessmentConfirmed', 'plan'] as const;

/** What fulfils a deadline: the admission decision, a plan, or (for reviews) the next plan. */
export const DEADLINE_FULFILMENTS = ['admission', 'plan', 'nextPlan'] as const;

/**
 * Case facts a deadline depends on: `severalLegalDomains` (more than one active legal domain, i.e.
 * several agencies, § 15 SGB IX), `planConference` (a case conference was held).
 */
export const DEADLINE_CONDITIONS = ['severalLegalDomains', 'planConference'] as const;

/** One of {@link DEADLINE_CONDITIONS}. */
export type DeadlineCondition = (typeof DEADLINE_CONDITIONS)[number];

/** A deadline the statute sets, as the worklist shows it: from what, how long, fulfilled by what. */
export const statutoryDeadlineSchema = z.object({
  id: idSchema,
  label: labelSchema,
  source: legalSourceSchema,
  from: z.enum(DEADLINE_ANCHORS),
  period: z.object({
    amount: z.int().check(z.positive(), z.lte(1200)),
    unit: z.enum(['days', 'weeks', 'months', 'years']),
  }),
  until: z.enum(DEADLINE_FULFILMENTS),
  /** The deadline applies only when all these hold … */
  when: z.optional(z.array(z.enum(DEADLINE_CONDITIONS))),
  /** … and none of these. */
  unless: z.optional(z.array(z.enum(DEADLINE_CONDITIONS))),
});

/** A statutory deadline. */
export type StatutoryDeadline = z.infer<typeof statutoryDeadlineSchema>;
