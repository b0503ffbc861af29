import * as z from 'zod/mini';
import { processStandardRefSchema } from './case-header.js';
import { ENTRIES_MAX, IDS_MAX, LINE_MAX } from './limits.js';
import { boundedArray, freeTextSchema, idSchema, isoDateSchema, nameSchema, textSchema } from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/** Someone the plan was made with: a person of the case, or a professional named by role. */
export const planParticipantSchema = z.strictObject({
  /** A person of the case (the addressee, a parent, a guardian), where the participant is one. */
  personId: z.optional(idSchema),
  name: nameSchema,
  /** Role in the planning ("Mutter", "Fachkraft ASD", "behandelnde Ärztin"). */
  role: textSchema({ max: LINE_MAX, min: 1 }),
});

/** A participant of a plan. */
export type PlanParticipant = z.infer<typeof planParticipantSchema>;

/** The text of one content item of the plan document (its id is the standard's plan item id). */
export const planSectionSchema = z.strictObject({
  itemId: idSchema,
  text: freeTextSchema,
});

/** A section of a plan. */
export type PlanSection = z.infer<typeof planSectionSchema>;

/** What the author of a plan states; the record adds id, version, standard and the plan's goals and measures. */
export const planContentShape = {
  recordedOn: isoDateSchema,
  participants: boundedArray(planParticipantSchema, ENTRIES_MAX),
  sections: boundedArray(planSectionSchema, ENTRIES_MAX),
  /** The person's own words about the plan, printed first (together mode). */
  personsOwnWords: z.optional(freeTextSchema),
  /** The help takes place outside the family (§ 37c SGB VIII: the perspective must be documented). */
  helpOutsideFamily: z.optional(z.boolean()),
  /** The date agreed for the next review. */
  reviewOn: z.optional(isoDateSchema),
};

/**
 * One version of the plan document a case's standard prescribes (Kooperationsplan, Hilfeplan,
 * Gesamtplan): the sections it states, who made it, and the goals and measures it carried when it
 * was recorded. Each new version is a review (Fortschreibung); older versions stay.
 */
export const planRecordSchema = z.strictObject({
  id: idSchema,
  /** 1 for the first plan, counting up with each review. */
  version: z.int().check(z.positive()),
  /** The standard (and so its plan document) the plan was made under: the case's. */
  standard: processStandardRefSchema,
  ...planContentShape,
  goalIds: boundedArray(idSchema, IDS_MAX),
  measureIds: boundedArray(idSchema, IDS_MAX),
  ...recordMetaShape,
});

/** A recorded plan version. */
export type PlanRecord = z.infer<typeof planRecordSchema>;
