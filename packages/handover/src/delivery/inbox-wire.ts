import * as z from 'zod/mini';
import { HANDOVER_INBOX_KINDS } from '@fallkit/core';
import { SYNC_BASE_PATH } from '@fallkit/core/sync';
import { INBOX_TOKEN_MAX_LENGTH } from './inbox-message.js';

/*
 * The handover inbox on a shared Fallkit server, as both sides parse it: the server every request, the
 * client every answer. The sender and the recipient of a message are read from the signed message itself,
 * the caller from the verified access token; a request never names an agency or an actor.
 *
 *   POST   {base}/handover/inbox              { kind, token }  → { messageId, stored }
 *   GET    {base}/handover/inbox                               → { messages: [...] }   (the caller's agency)
 *   DELETE {base}/handover/inbox/:messageId                    → { deleted }           (acknowledge)
 */

/** The inbox endpoint under the sync server's base path. */
export const HANDOVER_INBOX_PATH = `${SYNC_BASE_PATH}/handover/inbox`;

const messageId = z.string().check(z.minLength(1), z.maxLength(300), z.regex(/^[A-Za-z0-9][\w.:@-]*$/));
const agencyId = z.string().check(z.minLength(1), z.maxLength(128));
const kind = z.enum(HANDOVER_INBOX_KINDS);
const token = z.string().check(z.minLength(1), z.maxLength(INBOX_TOKEN_MAX_LENGTH));

/** A delivery: the kind of message and its compact JWS. */
export const inboxDeliveryRequestSchema = z.strictObject({ kind, token });

/** A delivery request. */
export type InboxDeliveryRequest = z.infer<typeof inboxDeliveryRequestSchema>;

/** The answer to a delivery: the message's id, and whether it was new (`false`: delivered before). */
export const inboxDeliveryResponseSchema = z.strictObject({ messageId, stored: z.boolean() });

/** The answer to a delivery. */
export type InboxDeliveryResponse = z.infer<typeof inboxDeliveryResponseSchema>;

/** One message in an agency's inbox. */
export const inboxEntrySchema = z.strictObject({
  messageId,
  kind,
  packageId: z.optional(messageId),
  senderAgencyId: agencyId,
  deliveredAt: z.iso.datetime(),
  token,
});

/** One message in an agency's inbox, as the recipient fetches it. */
export type InboxEntry = z.infer<typeof inboxEntrySchema>;

/** The caller's agency's inbox, oldest first (at most 200; acknowledge to see more). */
export const inboxListResponseSchema = z.strictObject({ messages: z.array(inboxEntrySchema).check(z.maxLength(200)) });

/** The caller's agency's inbox. */
export type InboxListResponse = z.infer<typeof inboxListResponseSchema>;

/** The answer to an acknowledgement. */
export const inboxAcknowledgeResponseSchema = z.strictObject({ deleted: z.boolean() });

/** Tells whether a string can be an inbox message id (for the acknowledge route). */
export function isInboxMessageId(value: string): boolean {
  return messageId.safeParse(value).success;
}
