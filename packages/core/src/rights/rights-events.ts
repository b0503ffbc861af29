import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { defineEvent, type EventCatalog } from '../events/event-definition.js';
import { PRIVACY_EVENTS } from '../privacy/events.js';
import { idSchema, isoDateSchema, requiredTextSchema, freeTextSchema } from '../model/primitives.js';

/** What a rectification, restriction or erasure points at: an item of the case by kind and id. */
export const rightsTargetSchema = z.strictObject({
  /** The list of the case state the item is in (`persons`, `notes`, `assessments` …). */
  collection: idSchema,
  id: idSchema,
});

/** A reference to an item of the case. */
export type RightsTarget = z.infer<typeof rightsTargetSchema>;

/** The codes a restriction carries: why the data are kept but hidden (DP-31). */
export const RESTRICTION_CODES = [
  'RESTRICTED_RETENTION_DUTY',
  'RESTRICTED_PENDING_CLAIM',
  'RESTRICTED_PROTECTED_INTEREST',
  'RESTRICTED_ACCURACY_DISPUTED',
  'RESTRICTED_ON_REQUEST',
] as const;

/** One of {@link RESTRICTION_CODES}. */
export type RestrictionCode = (typeof RESTRICTION_CODES)[number];

/** `AccessRequestRecorded` v1 (Art. 15 GDPR): an access request and its one-month deadline (Art. 12(3)). */
export const accessRequestRecordedPayload = z.object({
  requestId: idSchema,
  subjectId: idSchema,
  receivedOn: isoDateSchema,
  dueOn: isoDateSchema,
  /** The follow-up that puts the deadline on the worklist. */
  followUpId: idSchema,
  channel: z.optional(z.string()),
});

/** `AccessRequestAnswered` v1: the export was handed over; its hash proves what was given. */
export const accessRequestAnsweredPayload = z.object({
  requestId: idSchema,
  answeredOn: isoDateSchema,
  exportHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

/** `DataRectified` v1 (Art. 16 GDPR, § 84 SGB X): old and new value stay in the journal. */
export const dataRectifiedPayload = z.object({
  rectificationId: idSchema,
  subjectId: idSchema,
  target: rightsTargetSchema,
  /** The field of the item (`birthDate`, `domains.3.problems`). */
  field: z.string().check(z.minLength(1)),
  previousValue: z.unknown(),
  /** Absent when only a dispute is recorded and the value stays. */
  newValue: z.optional(z.unknown()),
  /** Accuracy is disputed and not resolved: the value is shown only with the note. */
  disputed: z.boolean(),
  note: z.optional(freeTextSchema),
  rectifiedOn: isoDateSchema,
});

/** `DisputeResolved` v1: a disputed value was checked. */
export const disputeResolvedPayload = z.object({
  rectificationId: idSchema,
  resolvedOn: isoDateSchema,
  note: requiredTextSchema,
});

/** `ErasureDecided` v1 (Art. 17 GDPR): granted, or restricted instead with the blocking rules named. */
export const erasureDecidedPayload = z.object({
  requestId: idSchema,
  subjectId: idSchema,
  scope: z.enum(['case', 'subject']),
  requestedOn: isoDateSchema,
  decidedOn: isoDateSchema,
  outcome: z.enum(['granted', 'restricted']),
  blocking: z.array(
    z.object({
      code: z.enum(RESTRICTION_CODES),
      rule: z.string(),
      reference: z.optional(z.string()),
      until: z.optional(isoDateSchema),
    }),
  ),
});

/** `DataErased` v1 (DP-32): which events' payloads are removed; written before the store removes them. */
export const dataErasedPayload = z.object({
  erasureId: idSchema,
  subjectId: idSchema,
  scope: z.enum(['case', 'subject']),
  seqs: z.array(z.int().check(z.positive())),
  erasedOn: isoDateSchema,
  rule: z.string(),
});

/** `ProcessingRestricted` v1 (Art. 18 GDPR): data kept but hidden, usable only for the named reason. */
export const processingRestrictedPayload = z.object({
  restrictionId: idSchema,
  subjectId: idSchema,
  scope: z.enum(['case', 'subject']),
  code: z.enum(RESTRICTION_CODES),
  reason: requiredTextSchema,
  from: isoDateSchema,
  until: z.optional(isoDateSchema),
});

/** `RestrictionLifted` v1. */
export const restrictionLiftedPayload = z.object({
  restrictionId: idSchema,
  liftedOn: isoDateSchema,
  reason: requiredTextSchema,
});

/** `ObjectionRecorded` v1 (Art. 21 GDPR): until decided, statistics and case examples leave the person out. */
export const objectionRecordedPayload = z.object({
  objectionId: idSchema,
  subjectId: idSchema,
  receivedOn: isoDateSchema,
  grounds: requiredTextSchema,
});

/** `ObjectionDecided` v1: decided by a person (never the system). */
export const objectionDecidedPayload = z.object({
  objectionId: idSchema,
  decidedOn: isoDateSchema,
  outcome: z.enum(['upheld', 'rejected']),
  reasons: requiredTextSchema,
});

/** The events of the data-subject rights (DP-29..DP-32), written into the case journal. */
export const RIGHTS_EVENTS = {
  AccessRequestRecorded: defineEvent({
    type: 'AccessRequestRecorded',
    version: 1,
    schema: accessRequestRecordedPayload,
    title: text('Auskunftsersuchen eingegangen', 'Access request recorded'),
  }),
  AccessRequestAnswered: defineEvent({
    type: 'AccessRequestAnswered',
    version: 1,
    schema: accessRequestAnsweredPayload,
    title: text('Auskunft erteilt', 'Access request answered'),
  }),
  DataRectified: defineEvent({
    type: 'DataRectified',
    version: 1,
    schema: dataRectifiedPayload,
    title: text('Daten berichtigt', 'Data rectified'),
  }),
  DisputeResolved: defineEvent({
    type: 'DisputeResolved',
    version: 1,
    schema: disputeResolvedPayload,
    title: text('Bestreiten geklärt', 'Dispute resolved'),
  }),
  // Art. 19 GDPR notices share the privacy module's event (DP-14 withdrawal notices): one definition, so
  // both catalogs agree whichever is registered last.
  RecipientNotified: PRIVACY_EVENTS.RecipientNotified,
  ErasureDecided: defineEvent({
    type: 'ErasureDecided',
    version: 1,
    schema: erasureDecidedPayload,
    title: text('Über Löschung entschieden', 'Erasure decided'),
  }),
  DataErased: defineEvent({
    type: 'DataErased',
    version: 1,
    schema: dataErasedPayload,
    title: text('Daten gelöscht', 'Data erased'),
  }),
  ProcessingRestricted: defineEvent({
    type: 'ProcessingRestricted',
    version: 1,
    schema: processingRestrictedPayload,
    title: text('Verarbeitung eingeschränkt', 'Processing restricted'),
  }),
  RestrictionLifted: defineEvent({
    type: 'RestrictionLifted',
    version: 1,
    schema: restrictionLiftedPayload,
    title: text('Einschränkung aufgehoben', 'Restriction lifted'),
  }),
  ObjectionRecorded: defineEvent({
    type: 'ObjectionRecorded',
    version: 1,
    schema: objectionRecordedPayload,
    title: text('Widerspruch eingegangen', 'Objection recorded'),
  }),
  ObjectionDecided: defineEvent({
    type: 'ObjectionDecided',
    version: 1,
    schema: objectionDecidedPayload,
    title: text('Über Widerspruch entschieden', 'Objection decided'),
  }),
} as const satisfies EventCatalog;

/** The type of a rights event. */
export type RightsEventType = keyof typeof RIGHTS_EVENTS;

/** The payload of a rights event. */
export type RightsEventPayload<T extends RightsEventType> = z.infer<(typeof RIGHTS_EVENTS)[T]['schema']>;

/** Every rights event type. */
export const RIGHTS_EVENT_TYPES = Object.keys(RIGHTS_EVENTS) as RightsEventType[];
