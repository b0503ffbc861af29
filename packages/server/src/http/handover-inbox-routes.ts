import { decideHandoverInbox, sha256Hex, type Actor, type Clock } from '@fallkit/core';
import {
  inboxAddressOf,
  inboxDeliveryRequestSchema,
  isInboxMessageId,
  type InboxDeliveryResponse,
  type InboxListResponse,
} from '@fallkit/handover';
import { openPgHandoverInbox, type SqlDatabase } from '@fallkit/store-pg';
import { errorResponse, jsonResponse, SyncHttpError, wireRefusal } from '../errors/sync-refusal.js';

/** Who calls, as the sync handlers decided it from the verified token and the directory (DP-40). */
export interface InboxCaller {
  readonly actor: Actor;
  readonly tenantId: string;
}

/** What the inbox routes need from the server. */
export interface InboxRouteContext {
  readonly database: SqlDatabase;
  readonly clock: Clock;
}

/** A refusal of the core or the handover package as a response: 403 for a decision, 400 for a bad message. */
function refusedResponse(status: number, errors: readonly Parameters<typeof wireRefusal>[0][]): Response {
  return errorResponse(status, errors.map(wireRefusal));
}

/**
 * `POST …/handover/inbox`: the caller delivers a signed handover message. The address (sender and recipient
 * agency, message id) is read from the message; the core decides whether the caller may send it in that
 * sender's name (`decideHandoverInbox`). The server never verifies the signature for the recipient: the
 * recipient does, with its own key directory.
 */
export async function deliverToInbox(
  context: InboxRouteContext,
  who: InboxCaller,
  body: unknown,
  bodyInvalid: (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => SyncHttpError,
): Promise<Response> {
  const parsed = inboxDeliveryRequestSchema.safeParse(body);
  if (!parsed.success) throw bodyInvalid(parsed.error.issues);
  const address = inboxAddressOf(parsed.data.kind, parsed.data.token);
  if (!address.ok) return refusedResponse(400, address.errors);
  const decision = decideHandoverInbox(who.actor, {
    action: 'deliver',
    kind: address.value.kind,
    agencyId: address.value.fromAgencyId,
  });
  if (!decision.ok) return refusedResponse(403, decision.errors);
  const inbox = openPgHandoverInbox({ database: context.database, tenantId: who.tenantId });
  const stored = await inbox.deliver({
    recipientAgencyId: address.value.toAgencyId,
    messageId: address.value.messageId,
    kind: address.value.kind,
    ...(address.value.packageId === undefined ? {} : { packageId: address.value.packageId }),
    senderAgencyId: address.value.fromAgencyId,
    token: parsed.data.token,
    tokenHash: await sha256Hex(parsed.data.token),
    deliveredAt: context.clock.now(),
    deliveredBy: who.actor.id,
  });
  if (!stored.ok) {
    if (stored.errors[0]?.code === 'STORE_INBOX_CONFLICT') return refusedResponse(409, stored.errors);
    throw new SyncHttpError('SYNC_UNAVAILABLE');
  }
  const answer: InboxDeliveryResponse = { messageId: address.value.messageId, stored: stored.value.stored };
  return jsonResponse(stored.value.stored ? 201 : 200, answer);
}

/** `GET …/handover/inbox`: the caller's own agency's inbox, when the core lets the caller read it. */
export async function listInbox(context: InboxRouteContext, who: InboxCaller): Promise<Response> {
  const decision = decideHandoverInbox(who.actor, { action: 'read', agencyId: who.actor.agencyId });
  if (!decision.ok) return refusedResponse(403, decision.errors);
  const inbox = openPgHandoverInbox({ database: context.database, tenantId: who.tenantId });
  const listed = await inbox.list(who.actor.agencyId, { by: who.actor.id, at: context.clock.now() });
  if (!listed.ok) throw new SyncHttpError('SYNC_UNAVAILABLE');
  const answer: InboxListResponse = {
    messages: listed.value.map((message) => ({
      messageId: message.messageId,
      kind: message.kind,
      ...(message.packageId === undefined ? {} : { packageId: message.packageId }),
      senderAgencyId: message.senderAgencyId,
      deliveredAt: message.deliveredAt,
      token: message.token,
    })),
  };
  return jsonResponse(200, answer);
}

/** `DELETE …/handover/inbox/:messageId`: the caller's agency acknowledges (removes) a processed message. */
export async function acknowledgeInbox(
  context: InboxRouteContext,
  who: InboxCaller,
  messageId: string,
): Promise<Response> {
  const decision = decideHandoverInbox(who.actor, { action: 'read', agencyId: who.actor.agencyId });
  if (!decision.ok) return refusedResponse(403, decision.errors);
  if (!isInboxMessageId(messageId)) throw new SyncHttpError('SYNC_NOT_FOUND');
  const inbox = openPgHandoverInbox({ database: context.database, tenantId: who.tenantId });
  const acknowledged = await inbox.acknowledge(who.actor.agencyId, messageId);
  if (!acknowledged.ok) throw new SyncHttpError('SYNC_UNAVAILABLE');
  return jsonResponse(acknowledged.value.deleted ? 200 : 404, { deleted: acknowledged.value.deleted });
}
