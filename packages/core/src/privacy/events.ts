import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { defineEvent, type EventCatalog } from '../events/event-definition.js';
import type { PendingEvent } from '../journal/journal-event.js';
import { ACTOR_ROLES } from '../ports/actor.js';
import { freeTextSchema, idSchema, isoDateTimeSchema, requiredTextSchema } from '../model/primitives.js';
import {
  confidentialityReleaseSchema,
  consentRecordSchema,
  consentWithdrawalSchema,
} from './consent/consent-record.js';
import { childProtectionDisclosureSchema, transferRecordSchema } from './transfer/transfer-record.js';

/** `RecipientNotified` v1: a recipient was told to stop using data (DP-14) or of a correction (DP-30). */
export const withdrawalNoticePayload = z.object({
  recipientAgencyId: idSchema,
  about: z.enum(['consentWithdrawal', 'rectification', 'erasure', 'restriction']),
  consentId: z.optional(idSchema),
  transferIds: z.array(idSchema),
  notifiedAt: isoDateTimeSchema,
});

/** `BreakGlassUsed` v1: emergency access by a user not assigned to the case (DP-25). */
export const breakGlassUsedPayload = z.object({
  grantId: idSchema,
  userId: idSchema,
  agencyId: idSchema,
  role: z.enum(ACTOR_ROLES),
  reason: requiredTextSchema,
  from: isoDateTimeSchema,
  until: isoDateTimeSchema,
  /** Who is alerted: the team lead and the data-protection officer. */
  alert: z.array(z.enum(['teamLead', 'dataProtectionOfficer'])),
});

/** `SupervisionReasonRecorded` v1: a team lead's recorded reason to see content (DP-23). */
export const supervisionReasonRecordedPayload = z.object({
  userId: idSchema,
  agencyId: idSchema,
  reason: requiredTextSchema,
  from: isoDateTimeSchema,
  until: isoDateTimeSchema,
});

/** `StaffCaseFlagged` v1: the case is about an employee of the agency (DP-26). */
export const staffCaseFlaggedPayload = z.object({ agencyId: idSchema, flaggedAt: isoDateTimeSchema });

/** `TransferObjectionRecorded` v1: an objection to transfers under § 76 Abs. 2 SGB X (DP-15). */
export const transferObjectionRecordedPayload = z.object({
  subjectId: idSchema,
  scope: z.literal('sgb10_76_2'),
  note: z.optional(freeTextSchema),
  recordedAt: isoDateTimeSchema,
});

/**
 * The data-protection events of a case journal. The case fold ignores them; `foldPrivacy` reads
 * them. `createCaseService` registers them so journals containing them verify.
 */
export const PRIVACY_EVENTS = {
  ConsentRecorded: defineEvent({
    type: 'ConsentRecorded',
    version: 1,
    schema: consentRecordSchema,
    title: text('Einwilligung erfasst', 'Consent recorded'),
  }),
  ConsentWithdrawn: defineEvent({
    type: 'ConsentWithdrawn',
    version: 1,
    schema: consentWithdrawalSchema,
    title: text('Einwilligung widerrufen', 'Consent withdrawn'),
  }),
  ConfidentialityReleaseRecorded: defineEvent({
    type: 'ConfidentialityReleaseRecorded',
    version: 1,
    schema: confidentialityReleaseSchema,
    title: text('Schweigepflichtentbindung erfasst', 'Confidentiality release recorded'),
  }),
  RecipientNotified: defineEvent({
    type: 'RecipientNotified',
    version: 1,
    schema: withdrawalNoticePayload,
    title: text('Empfänger benachrichtigt', 'TransferRecipient notified'),
  }),
  DataTransferred: defineEvent({
    type: 'DataTransferred',
    version: 1,
    schema: transferRecordSchema,
    title: text('Daten übermittelt', 'Data transferred'),
  }),
  ChildProtectionDisclosure: defineEvent({
    type: 'ChildProtectionDisclosure',
    version: 1,
    schema: childProtectionDisclosureSchema,
    title: text('Mitteilung im Kinderschutz', 'Child-protection disclosure'),
  }),
  BreakGlassUsed: defineEvent({
    type: 'BreakGlassUsed',
    version: 1,
    schema: breakGlassUsedPayload,
    title: text('Notfallzugriff', 'Break-glass access'),
  }),
  SupervisionReasonRecorded: defineEvent({
    type: 'SupervisionReasonRecorded',
    version: 1,
    schema: supervisionReasonRecordedPayload,
    title: text('Anlass der Fachaufsicht erfasst', 'Supervision reason recorded'),
  }),
  StaffCaseFlagged: defineEvent({
    type: 'StaffCaseFlagged',
    version: 1,
    schema: staffCaseFlaggedPayload,
    title: text('Als Beschäftigtenfall markiert', 'Flagged as staff case'),
  }),
  TransferObjectionRecorded: defineEvent({
    type: 'TransferObjectionRecorded',
    version: 1,
    schema: transferObjectionRecordedPayload,
    title: text('Widerspruch gegen Übermittlung erfasst', 'Transfer objection recorded'),
  }),
} as const satisfies EventCatalog;

/** The type of a privacy event. */
export type PrivacyEventType = keyof typeof PRIVACY_EVENTS;

/** The payload of a privacy event. */
export type PrivacyEventPayload<T extends PrivacyEventType> = z.infer<(typeof PRIVACY_EVENTS)[T]['schema']>;

/** A pending privacy event with a typed payload. */
export function privacyEvent<T extends PrivacyEventType>(type: T, payload: PrivacyEventPayload<T>): PendingEvent {
  return { type, schemaVersion: PRIVACY_EVENTS[type].version, payload };
}
