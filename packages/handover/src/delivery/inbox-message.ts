import { ok, type HandoverInboxKind, type Result } from '@fallkit/core';
import { base64url, decodeProtectedHeader } from 'jose';
import { manifestSchema, statusMessageSchema, withdrawalNoticeSchema } from '../package/package-schema.js';
import { refuse } from '../refusals.js';
import { JWS_TYPES } from '../signing/sign.js';

/** Where a signed handover message goes, read from the message itself. */
export interface InboxAddress {
  readonly kind: HandoverInboxKind;
  /** Unique per recipient: `package:<packageId>`, `status:<packageId>:<status>`, `withdrawal:<noticeId>`. */
  readonly messageId: string;
  /** The package a package or status message is about (a withdrawal names transfers instead). */
  readonly packageId?: string;
  /** The agency that signed and sends it. */
  readonly fromAgencyId: string;
  /** The agency whose inbox it goes to. */
  readonly toAgencyId: string;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Longest token an inbox takes (the sync protocol's body limit bounds it further). */
export const INBOX_TOKEN_MAX_LENGTH = 4_000_000;

/**
 * Reads the address of a signed handover message (a compact JWS of `kind`) WITHOUT verifying its
 * signature: a shared server's inbox routes by it, and the core decides whether the caller may send in the
 * named sender's name (`decideHandoverInbox`). The recipient still verifies every token it fetches
 * (`verifyHandoverPackage`, `recordStatusAtSender`, `receiveWithdrawalNotice`), so a forged address only ever
 * reaches an agency that refuses it. Never throws: anything unreadable is a typed refusal.
 */
export function inboxAddressOf(kind: HandoverInboxKind, token: unknown): Result<InboxAddress> {
  if (typeof token !== 'string' || token.length > INBOX_TOKEN_MAX_LENGTH || !COMPACT_JWS.test(token))
    return typeof token === 'string' && token.trim().startsWith('{')
      ? refuse('HANDOVER_UNSIGNED', 'JSON')
      : refuse('HANDOVER_MALFORMED');
  let payload: unknown;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg === undefined || header.alg === 'none') return refuse('HANDOVER_UNSIGNED');
    if (header.typ !== JWS_TYPES[kind]) return refuse('HANDOVER_MALFORMED', `typ ${String(header.typ)}`);
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(token.split('.')[1]!)));
  } catch {
    return refuse('HANDOVER_MALFORMED');
  }
  if (kind === 'package') {
    const manifest = manifestSchema.safeParse((payload as { manifest?: unknown } | null)?.manifest);
    if (!manifest.success) return refuse('HANDOVER_MANIFEST_INVALID');
    const { packageId, sender, recipient } = manifest.data;
    return ok({
      kind,
      messageId: `package:${packageId}`,
      packageId,
      fromAgencyId: sender.agencyId,
      toAgencyId: recipient.agencyId,
    });
  }
  if (kind === 'status') {
    const status = statusMessageSchema.safeParse(payload);
    if (!status.success) return refuse('HANDOVER_MANIFEST_INVALID');
    const { packageId, from, to } = status.data;
    return ok({
      kind,
      messageId: `status:${packageId}:${status.data.status}`,
      packageId,
      fromAgencyId: from.agencyId,
      toAgencyId: to.agencyId,
    });
  }
  const notice = withdrawalNoticeSchema.safeParse(payload);
  if (!notice.success) return refuse('HANDOVER_MANIFEST_INVALID');
  return ok({
    kind,
    messageId: `withdrawal:${notice.data.noticeId}`,
    fromAgencyId: notice.data.from.agencyId,
    toAgencyId: notice.data.to.agencyId,
  });
}
