import * as z from 'zod/mini';
import { ENTRIES_MAX, IDS_MAX } from './limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  legalDomainSchema,
  lineSchema,
  nameSchema,
  requiredTextSchema,
  shortTextSchema,
  titleSchema,
} from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Who carries out a measure: a formal provider, a partner agency, an informal helper or the person. */
export const MEASURE_ACTOR_KINDS = ['formalProvider', 'partnerAgency', 'informalHelper', 'person'] as const;

/** Status of a measure. */
export const MEASURE_STATUSES = ['planned', 'running', 'completed', 'interrupted', 'cancelled'] as const;

/** One of {@link MEASURE_STATUSES}. */
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Who carries out a measure. */
export const measureActorSchema = z.strictObject({
  kind: z.enum(MEASURE_ACTOR_KINDS),
  name: nameSchema,
  agencyId: z.optional(idSchema),
  /** For informal helpers and the person: their person id in the case. */
  personId: z.optional(idSchema),
});

/** Who carries out a measure. */
export type MeasureActor = z.infer<typeof measureActorSchema>;

/** A dependency on another measure: start after it, or run in parallel with it. */
export const measureDependencySchema = z.strictObject({
  measureId: idSchema,
  kind: z.enum(['after', 'parallel']),
});

/**
 * A second-best way taken because the right service is missing (DOMAIN.md 4.5). The description of
 * the missing service feeds service-gap reporting (Angebotssteuerung).
 */
export const secondBestSchema = z.strictObject({
  missingService: requiredTextSchema,
  /** Kind of service, for grouping gaps ("Schuldnerberatung", "Sprachkurs mit Kinderbetreuung"). */
  serviceKind: z.optional(lineSchema),
  region: z.optional(lineSchema),
});

/** A second-best marker. */
export type SecondBest = z.infer<typeof secondBestSchema>;

/** Whether the person agreed to a measure, or their deviating position (dissent). */
export const measureAgreementSchema = z.strictObject({
  agreed: z.boolean(),
  personPosition: z.optional(freeTextSchema),
});

/** The content fields of a measure. */
export const measureContentShape = {
  /** What is to be done. */
  title: titleSchema,
  description: z.optional(freeTextSchema),
  /** Goals the measure serves. */
  goalIds: boundedArray(idSchema, IDS_MAX),
  by: measureActorSchema,
  legalDomain: z.optional(legalDomainSchema),
  /** Cost carrier (Kostenträger), e.g. `Jobcenter Musterstadt`. */
  costCarrier: z.optional(lineSchema),
  startOn: z.optional(isoDateSchema),
  endOn: z.optional(isoDateSchema),
  dependsOn: z.optional(boundedArray(measureDependencySchema, IDS_MAX)),
  /** Optional and alternative ways, to keep continuity if this one fails. */
  alternatives: z.optional(boundedArray(requiredTextSchema, ENTRIES_MAX)),
  secondBest: z.optional(secondBestSchema),
  agreement: measureAgreementSchema,
};

/** A measure of the help plan (stage 4, Hilfeplanung). */
export const measureSchema = z.strictObject({
  id: idSchema,
  ...measureContentShape,
  status: z.enum(MEASURE_STATUSES),
  /** Earlier content, newest last, with reason: plans are revised, never overwritten silently. */
  history: z.array(
    z.strictObject({
      changedOn: isoDateSchema,
      reason: z.optional(shortTextSchema),
      previous: z.partial(z.strictObject({ ...measureContentShape, status: z.enum(MEASURE_STATUSES) })),
    }),
  ),
  ...recordMetaShape,
});

/** A measure of the help plan. */
export type Measure = z.infer<typeof measureSchema>;
