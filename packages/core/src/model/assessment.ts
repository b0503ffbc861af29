import * as z from 'zod/mini';
import { ENTRIES_MAX, IDS_MAX, LINE_MAX } from './limits.js';
import { boundedArray, freeTextSchema, idSchema, isoDateSchema, requiredTextSchema, textSchema } from './primitives.js';
import { classificationInputShape, recordMetaShape } from './record-meta.js';

/**
 * The life domains of an assessment when the process standard names no others (issue 4: at least
 * these). Domain ids are plain strings so a process standard can configure its own set.
 */
export const DEFAULT_LIFE_DOMAIN_IDS = [
  'housing',
  'health',
  'workTraining',
  'education',
  'language',
  'residence',
  'financesDebts',
  'familyChildren',
  'socialNetwork',
  'mobility',
  'dailyLiving',
] as const;

/** A rating on a configurable scale: the scale's id and the chosen value. */
export const ratingSchema = z.strictObject({
  scaleId: idSchema,
  value: z.union([textSchema({ max: LINE_MAX, min: 1 }), z.number()]),
});

/** A rating. */
export type Rating = z.infer<typeof ratingSchema>;

/**
 * One life domain of an assessment. Free text first, structure optional (DOMAIN.md section 5): every
 * text may be empty. The domain may carry its own classification (the health domain is `health`).
 */
export const assessmentDomainSchema = z.strictObject({
  domainId: idSchema,
  resources: freeTextSchema,
  problems: freeTextSchema,
  personView: freeTextSchema,
  caseManagerView: freeTextSchema,
  /** The interpretation agreed with the person (interpretations only together with the person). */
  agreedInterpretation: z.optional(freeTextSchema),
  /** A deviating interpretation, recorded rather than overwritten. */
  dissent: z.optional(freeTextSchema),
  rating: z.optional(ratingSchema),
  ...classificationInputShape,
});

/** One life domain of an assessment. */
export type AssessmentDomain = z.infer<typeof assessmentDomainSchema>;

/** How an assessment version was confirmed with the person. */
export const assessmentConfirmationSchema = z.strictObject({
  confirmedOn: isoDateSchema,
  /** Persons who confirmed (the addressee, a guardian). */
  confirmedByIds: boundedArray(idSchema, IDS_MAX, 1),
  form: z.enum(['oral', 'written', 'signed']),
  note: z.optional(freeTextSchema),
});

/** Confirmation of an assessment. */
export type AssessmentConfirmation = z.infer<typeof assessmentConfirmationSchema>;

/**
 * How an assessment is made: `structured` by the standard's life domains, `narrative` as one free
 * text in the person's and the case manager's words, for a person who does not want the structured
 * assessment (or for whom it does not fit). A narrative assessment is confirmed and leads to goals
 * like a structured one; it needs no life domain.
 */
export const ASSESSMENT_MODES = ['structured', 'narrative'] as const;

/** One of {@link ASSESSMENT_MODES}. */
export type AssessmentMode = (typeof ASSESSMENT_MODES)[number];

/**
 * One version of the assessment (stage 2). A version is recorded, then confirmed with the person;
 * a re-assessment adds a new version and the older ones stay.
 */
export const assessmentSchema = z.strictObject({
  id: idSchema,
  /** 1 for the first assessment, counting up with each re-assessment. */
  version: z.int().check(z.positive()),
  kind: z.enum(['initial', 'reassessment']),
  recordedOn: isoDateSchema,
  participantIds: boundedArray(idSchema, IDS_MAX),
  /** Absent on versions recorded before the narrative mode existed: those are `structured`. */
  mode: z.optional(z.enum(ASSESSMENT_MODES)),
  domains: boundedArray(assessmentDomainSchema, ENTRIES_MAX),
  /** The narrative assessment (mode `narrative`); may accompany a structured one too. */
  narrative: z.optional(freeTextSchema),
  /** Wishes and dreams in the person's words. */
  wishesAndDreams: freeTextSchema,
  /** The version this one supersedes. */
  supersedesId: z.optional(idSchema),
  status: z.enum(['recorded', 'confirmed']),
  confirmation: z.optional(assessmentConfirmationSchema),
  ...recordMetaShape,
});

/** An assessment version. */
export type Assessment = z.infer<typeof assessmentSchema>;

/** The start of a re-assessment: why (changed situation, planned changes not happening). */
export const reassessmentSchema = z.strictObject({
  id: idSchema,
  startedOn: isoDateSchema,
  reason: requiredTextSchema,
  /** Deviations that triggered it. */
  deviationIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  ...recordMetaShape,
});

/** A re-assessment start. */
export type Reassessment = z.infer<typeof reassessmentSchema>;
