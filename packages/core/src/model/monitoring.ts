import * as z from 'zod/mini';
import { IDS_MAX } from './limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  lineSchema,
  requiredTextSchema,
  titleSchema,
} from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/**
 * A local time of day, `HH:MM` (24 hours), in the office's time zone. Dates stay plain days
 * (`YYYY-MM-DD`) everywhere in the core; a time is only added where something is planned for a
 * moment (an appointment), never to turn a day into an instant.
 */
export const timeOfDaySchema = z.string().check(z.maxLength(5), z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));

/** How long an appointment lasts, in minutes: at least 5, at most a working day (12 hours). */
export const durationMinutesSchema = z.int().check(z.minimum(5), z.maximum(720));

/**
 * When and where a contact or follow-up is planned to happen (an appointment, issue 22). All
 * optional: a follow-up without a time is a plain Wiedervorlage for the day.
 */
export const appointmentShape = {
  /** Local start time, `HH:MM`. */
  time: z.optional(timeOfDaySchema),
  /** Length in minutes (a calendar export assumes 30 when absent). */
  durationMinutes: z.optional(durationMinutesSchema),
  /** Where it takes place (room, address, "Telefon"). */
  place: z.optional(lineSchema),
};

/** How a contact took place. */
export const CONTACT_MODES = ['inPerson', 'phone', 'video', 'homeVisit', 'letter', 'email', 'messenger'] as const;

/** One of {@link CONTACT_MODES}. */
export type ContactMode = (typeof CONTACT_MODES)[number];

/** An entry of the contact log. */
export const contactSchema = z.strictObject({
  id: idSchema,
  on: isoDateSchema,
  mode: z.enum(CONTACT_MODES),
  withInterpreter: z.boolean(),
  participantIds: boundedArray(idSchema, IDS_MAX),
  /** Whether the person was reached; missed contacts count toward "contact lost". */
  reached: z.boolean(),
  note: freeTextSchema,
  /** The time of day the contact took place, where recorded. */
  time: z.optional(timeOfDaySchema),
  ...recordMetaShape,
});

/** A contact log entry. */
export type Contact = z.infer<typeof contactSchema>;

/** What a follow-up, judgement or deviation refers to. */
export const itemRefSchema = z.strictObject({
  kind: z.enum(['goal', 'measure', 'providerReferral', 'person', 'case']),
  id: idSchema,
});

/** A reference to an item of the case. */
export type ItemRef = z.infer<typeof itemRefSchema>;

/** A follow-up date (Wiedervorlage). */
export const followUpSchema = z.strictObject({
  id: idSchema,
  dueOn: isoDateSchema,
  subject: titleSchema,
  /** User id of who should do it; the case manager if absent. */
  assignedTo: z.optional(idSchema),
  relatesTo: z.optional(itemRefSchema),
  done: z.boolean(),
  doneOn: z.optional(isoDateSchema),
  outcome: z.optional(freeTextSchema),
  ...appointmentShape,
  ...recordMetaShape,
});

/** A follow-up date. */
export type FollowUp = z.infer<typeof followUpSchema>;

/** Judgements of progress of a goal or measure. */
export const PROGRESS_JUDGEMENTS = ['onTrack', 'partly', 'stalled', 'worse', 'achieved'] as const;

/** A systematic judgement of progress of one goal or measure (DOMAIN.md 4.7). */
export const progressJudgementSchema = z.strictObject({
  id: idSchema,
  on: isoDateSchema,
  target: z.strictObject({ kind: z.enum(['goal', 'measure']), id: idSchema }),
  judgement: z.enum(PROGRESS_JUDGEMENTS),
  note: freeTextSchema,
  ...recordMetaShape,
});

/** A progress judgement. */
export type ProgressJudgement = z.infer<typeof progressJudgementSchema>;

/** Kinds of deviation from the plan. */
export const DEVIATION_KINDS = [
  'plannedChangeNotHappening',
  'situationChanged',
  'measureInterrupted',
  'serviceMissing',
  'contactBroken',
  'other',
] as const;

/** A deviation from the plan; may trigger a re-assessment, may report a missing service. */
export const deviationSchema = z.strictObject({
  id: idSchema,
  on: isoDateSchema,
  kind: z.enum(DEVIATION_KINDS),
  description: requiredTextSchema,
  relatesTo: z.optional(itemRefSchema),
  triggersReassessment: z.boolean(),
  /** A missing service found while monitoring (service-gap reporting). */
  missingService: z.optional(z.strictObject({ description: requiredTextSchema, serviceKind: z.optional(lineSchema) })),
  ...recordMetaShape,
});

/** A deviation. */
export type Deviation = z.infer<typeof deviationSchema>;
