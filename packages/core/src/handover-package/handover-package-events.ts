import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { defineEvent, type EventCatalog } from '../events/event-definition.js';
import type { PendingEvent } from '../journal/journal-event.js';
import { CODES_MAX, IDS_MAX } from '../model/limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateTimeSchema,
  lineSchema,
  nameSchema,
} from '../model/primitives.js';
import { dataCategorySchema } from '../model/record-meta.js';

/**
 * The statuses of a handover in its loop back to the sender, after the referral Task statuses of the
 * HL7 SDOH Clinical Care IG: `requested` (sent; recorded by the sender), `received`, `accepted`,
 * `declined` (`rejected` there), `withdrawn` (`cancelled` there, after a consent withdrawal, DP-14).
 */
export const HANDOVER_STATUSES = ['requested', 'received', 'accepted', 'declined', 'withdrawn'] as const;

/** One of {@link HANDOVER_STATUSES}. */
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** A package's SHA-256 over its signed bytes (lower-case hex). */
export const packageHashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** An agency as a package names it (sender or recipient). */
export const handoverAgencySchema = z.strictObject({ agencyId: idSchema, name: nameSchema });

/** One received item or part: where it sits in the new case and what it holds. */
export const receivedItemSchema = z.strictObject({
  section: idSchema,
  id: idSchema,
  part: z.optional(idSchema),
  categories: boundedArray(dataCategorySchema, CODES_MAX),
});

/** One received item. */
export type ReceivedItem = z.infer<typeof receivedItemSchema>;

/**
 * `HandoverPackageReceived` v1: the receiving agency opened this case from a verified handover package.
 * Records the package (id, hash, sender, the sender's key id), its basis and what came with it, so the
 * origin of every received item can be proved later (DP-04, DP-16).
 */
export const handoverPackageReceivedPayload = z.strictObject({
  packageId: idSchema,
  packageHash: packageHashSchema,
  sender: handoverAgencySchema,
  /** The sender's recorded transfer (`DataTransferred`) the package went out with. */
  transferId: idSchema,
  /** The `kid` of the sender's signing key the package verified against. */
  senderKeyId: lineSchema,
  /** The sender's case the package came from, and its journal head at sending. */
  sourceCaseId: idSchema,
  sourceHeadHash: packageHashSchema,
  /** The legal basis as the sender recorded it (`consent:consent-1`, `sgb10_69`). */
  legalBasis: lineSchema,
  purpose: lineSchema,
  issuedAt: isoDateTimeSchema,
  receivedAt: isoDateTimeSchema,
  items: boundedArray(receivedItemSchema, IDS_MAX),
  /** Categories the sender withheld (their reasons travel in the package's manifest). */
  withheldCategories: boundedArray(dataCategorySchema, CODES_MAX),
});

/**
 * `HandoverStatusRecorded` v1: a step of the status loop, in the sender's journal (the recipient's
 * answer came back) or in the recipient's (it accepted, declined or was told of a withdrawal).
 */
export const handoverStatusRecordedPayload = z.strictObject({
  packageId: idSchema,
  status: z.enum(HANDOVER_STATUSES),
  /** `sent`: about a package this case sent; `received`: about the package this case was opened from. */
  side: z.enum(['sent', 'received']),
  /** The other agency of the loop (the recipient on the sender's side, the sender on the recipient's). */
  counterpart: handoverAgencySchema,
  /** On the sender's side: the recorded transfer the package went out with. */
  transferId: z.optional(idSchema),
  at: isoDateTimeSchema,
  /** Hash of the signed status message or withdrawal notice it was recorded from, if any. */
  messageHash: z.optional(packageHashSchema),
  note: z.optional(freeTextSchema),
  recordedBy: idSchema,
});

/** The events of the handover package module. The case fold ignores them; {@link foldHandoverPackages} reads them. */
export const HANDOVER_PACKAGE_EVENTS = {
  HandoverPackageReceived: defineEvent({
    type: 'HandoverPackageReceived',
    version: 1,
    schema: handoverPackageReceivedPayload,
    title: text('Übergabepaket empfangen', 'Handover package received'),
  }),
  HandoverStatusRecorded: defineEvent({
    type: 'HandoverStatusRecorded',
    version: 1,
    schema: handoverStatusRecordedPayload,
    title: text('Übergabestatus erfasst', 'Handover status recorded'),
  }),
} satisfies EventCatalog;

/** An event type of {@link HANDOVER_PACKAGE_EVENTS}. */
export type HandoverPackageEventType = keyof typeof HANDOVER_PACKAGE_EVENTS;

/** A pending event of this module at its current version. */
export function handoverPackageEvent<T extends HandoverPackageEventType>(
  type: T,
  payload: z.infer<(typeof HANDOVER_PACKAGE_EVENTS)[T]['schema']>,
): PendingEvent {
  return { type, schemaVersion: HANDOVER_PACKAGE_EVENTS[type].version, payload };
}
