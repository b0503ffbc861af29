import * as z from 'zod/mini';
import { CODES_MAX, ID_MAX, IDS_MAX } from './limits.js';
import { boundedArray, idSchema, isoDateTimeSchema, lineSchema } from './primitives.js';

/**
 * Data categories of PRIVACY.md section 2. The first group is ordinary social data; the second are
 * the special categories of GDPR Art. 9 and offences (Art. 10). Which field falls in which category
 * by default is decided by the data-protection module (`privacy/`); the model only carries the
 * categories on every stored item so the rules can act on them.
 */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'household',
  'benefits',
  'income',
  'debts',
  'housing',
  'education',
  'employment',
  'residenceStatus',
  'goals',
  'helpPlan',
  'measures',
  'notes',
  'health',
  'addiction',
  'disability',
  'ethnicOrigin',
  'religion',
  'sexLife',
  'politicalOpinion',
  'offences',
] as const;

/** One of {@link DATA_CATEGORIES}. */
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Schema of a {@link DataCategory}. */
export const dataCategorySchema = z.enum(DATA_CATEGORIES);

/** The special categories (GDPR Art. 9) and offences (Art. 10) among {@link DATA_CATEGORIES}. */
export const SPECIAL_DATA_CATEGORIES: readonly DataCategory[] = [
  'health',
  'addiction',
  'disability',
  'ethnicOrigin',
  'religion',
  'sexLife',
  'politicalOpinion',
  'offences',
];

/**
 * Where a stored item came from (PRIVACY.md section 2): the client, a third party, another agency
 * (`agency:<id>`) or a professional secret holder (doctor, psychologist; § 76 SGB X).
 */
export const originSchema = z.union([
  z.enum(['client', 'thirdParty', 'caseManager', 'secretHolder']),
  z.string().check(z.maxLength(ID_MAX + 7), z.regex(/^agency:[A-Za-z0-9][\w.:@-]*$/)),
]);

/** Where a stored item came from. */
export type Origin = z.infer<typeof originSchema>;

/**
 * What an item is about and how it must be protected: the people it is about, its data categories and
 * the overlay flags of PRIVACY.md section 2. Carried by every stored item and by parts of items that
 * may differ from their parent (an assessment's health domain).
 */
export const classificationShape = {
  /** Everyone the item is about (person ids); the addressee by default. */
  subjectIds: boundedArray(idSchema, IDS_MAX),
  /** Data categories of the item's content. */
  categories: boundedArray(dataCategorySchema, CODES_MAX),
  /** Data from a doctor, psychologist or other secret holder (§ 76 SGB X). */
  professionalSecret: z.optional(z.boolean()),
  /** Entrusted for personal help (§ 65 SGB VIII); `entrustedBy` says by whom. */
  entrusted: z.optional(z.boolean()),
  /** Who entrusted it (person id or name), when `entrusted`. */
  entrustedBy: z.optional(lineSchema),
  /** Part of a child-protection assessment (§ 8a SGB VIII). */
  childProtection: z.optional(z.boolean()),
  /** About a third person (child, partner, relative), not the addressee. */
  thirdParty: z.optional(z.boolean()),
};

/** Schema of an item's classification ({@link classificationShape}). */
export const classificationSchema = z.strictObject(classificationShape);

/** What an item is about and how it must be protected. */
export type Classification = z.infer<typeof classificationSchema>;

/**
 * The provenance and classification every stored item of the case file carries (PRIVACY.md
 * section 2). `recordedBy`/`recordedAt` are set by the command handler from the actor and clock
 * ports, never by the caller.
 */
export const recordMetaShape = {
  ...classificationShape,
  /** Where the content came from. */
  origin: originSchema,
  /** Purposes it was collected for (`caseManagement`, `screening` …), where the caller states them. */
  purposeIds: z.optional(boundedArray(idSchema, CODES_MAX)),
  /** Legal basis other than the default, as the data-protection module records it. */
  legalBasis: z.optional(lineSchema),
  /** Actor id of who recorded it. */
  recordedBy: idSchema,
  /** When it was recorded (from the clock port). */
  recordedAt: isoDateTimeSchema,
};

/** Schema of the record meta ({@link recordMetaShape}) alone. */
export const recordMetaSchema = z.strictObject(recordMetaShape);

/** Provenance and classification of a stored item. */
export type RecordMeta = z.infer<typeof recordMetaSchema>;

/**
 * The classification a caller may give in a command: every member optional. The handler fills
 * defaults (subjects = the addressee, categories = the item kind's defaults, origin = `client`).
 */
export const classificationInputSchema = z.partial(z.omit(recordMetaSchema, { recordedBy: true, recordedAt: true }));

/** The members of {@link classificationInputSchema}, spread into the item inputs. */
export const classificationInputShape = classificationInputSchema.shape;

/** The classification part of a command input. */
export type ClassificationInput = z.infer<typeof classificationInputSchema>;
