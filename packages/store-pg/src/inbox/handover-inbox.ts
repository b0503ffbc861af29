import { ok, type Result } from '@fallkit/core';
import { pgStoreRefused } from '../errors/store-refusals.js';
import type { SqlDatabase } from '../sql/sql-database.js';
import { isTenantId } from '../tenancy/tenant-id.js';
import { asResult, inTenant } from '../store/tenant-transaction.js';

/** The kinds of handover message the inbox holds (the core's `HANDOVER_INBOX_KINDS`). */
export type InboxMessageKind = 'package' | 'status' | 'withdrawal';

/** A message as the server hands it to the inbox: addressed, with its token and who delivered it. */
export interface NewInboxMessage {
  readonly recipientAgencyId: string;
  /** Unique per recipient: the package id, or the package id with the status or withdrawal it carries. */
  readonly messageId: string;
  readonly kind: InboxMessageKind;
  /** The package a package or status message is about; none for a withdrawal (it names transfers). */
  readonly packageId?: string;
  readonly senderAgencyId: string;
  /** The compact JWS as delivered. */
  readonly token: string;
  /** SHA-256 of the token, hex: a second delivery of the same id must be the same token. */
  readonly tokenHash: string;
  readonly deliveredAt: string;
  /** The delivering actor's user id (DP-28). */
  readonly deliveredBy: string;
}

/** A message in an agency's inbox, with when and by whom it was first fetched (DP-28). */
export interface InboxMessage extends NewInboxMessage {
  readonly fetchedAt?: string;
  readonly fetchedBy?: string;
}

/** Most messages one listing returns (oldest first); the rest come once these are acknowledged. */
export const INBOX_PAGE_MAX = 200;

/**
 * The handover inbox of one tenant on PostgreSQL or PGlite: per recipient agency, the signed messages other
 * agencies of the tenant delivered, until the recipient acknowledges (deletes) them. It stores and hands out;
 * who may deliver and read is decided by the core (`decideHandoverInbox`) before the server calls it, and the
 * recipient verifies each token itself.
 */
export interface PgHandoverInbox {
  /**
   * Stores a message. Idempotent: the same id with the same token again answers `stored: false`; the same id
   * with another token is `STORE_INBOX_CONFLICT`, and the first stays.
   */
  deliver(message: NewInboxMessage): Promise<Result<{ stored: boolean }>>;
  /** The oldest {@link INBOX_PAGE_MAX} messages of an agency; marks the ones never fetched as fetched by `by` at `at`. */
  list(recipientAgencyId: string, fetch: { readonly by: string; readonly at: string }): Promise<Result<InboxMessage[]>>;
  /** Deletes a message from the agency's inbox once it was processed; `deleted: false` when there was none. */
  acknowledge(recipientAgencyId: string, messageId: string): Promise<Result<{ deleted: boolean }>>;
}

interface InboxRow {
  recipient_agency_id: string;
  message_id: string;
  kind: InboxMessageKind;
  package_id: string | null;
  sender_agency_id: string;
  token: string;
  token_hash: string;
  delivered_at: string | Date;
  delivered_by: string;
  fetched_at: string | Date | null;
  fetched_by: string | null;
}

const iso = (value: string | Date): string => new Date(value).toISOString();

function decode(row: InboxRow): InboxMessage {
  return {
    recipientAgencyId: row.recipient_agency_id,
    messageId: row.message_id,
    kind: row.kind,
    ...(row.package_id === null ? {} : { packageId: row.package_id }),
    senderAgencyId: row.sender_agency_id,
    token: row.token,
    tokenHash: row.token_hash,
    deliveredAt: iso(row.delivered_at),
    deliveredBy: row.delivered_by,
    ...(row.fetched_at === null ? {} : { fetchedAt: iso(row.fetched_at) }),
    ...(row.fetched_by === null ? {} : { fetchedBy: row.fetched_by }),
  };
}

/** Opens the handover inbox of `tenantId` on a database connected as the application role. */
export function openPgHandoverInbox(options: {
  readonly database: SqlDatabase;
  readonly tenantId: string;
}): PgHandoverInbox {
  const { database, tenantId } = options;
  const tenantOk = isTenantId(tenantId);
  return {
    deliver: (message) =>
      !tenantOk
        ? Promise.resolve(pgStoreRefused('STORE_TENANT_INVALID'))
        : asResult(() =>
            inTenant(database, tenantId, async (session): Promise<Result<{ stored: boolean }>> => {
              const inserted = await session.query<{ message_id: string }>(
                `insert into fallkit.handover_inbox (tenant_id, recipient_agency_id, message_id, kind, package_id,
                   sender_agency_id, token, token_hash, delivered_at, delivered_by)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 on conflict (tenant_id, recipient_agency_id, message_id) do nothing
                 returning message_id`,
                [
                  tenantId,
                  message.recipientAgencyId,
                  message.messageId,
                  message.kind,
                  message.packageId ?? null,
                  message.senderAgencyId,
                  message.token,
                  message.tokenHash,
                  message.deliveredAt,
                  message.deliveredBy,
                ],
              );
              if (inserted.length > 0) return ok({ stored: true });
              const [held] = await session.query<{ token_hash: string }>(
                `select token_hash from fallkit.handover_inbox
                  where tenant_id = $1 and recipient_agency_id = $2 and message_id = $3`,
                [tenantId, message.recipientAgencyId, message.messageId],
              );
              // Acknowledged in between: nothing is held any more, and a late repeat must not bring it back.
              if (held === undefined) return ok({ stored: false });
              return held.token_hash === message.tokenHash
                ? ok({ stored: false })
                : pgStoreRefused('STORE_INBOX_CONFLICT', message.messageId);
            }),
          ),
    list: (recipientAgencyId, fetch) =>
      !tenantOk
        ? Promise.resolve(pgStoreRefused('STORE_TENANT_INVALID'))
        : asResult(() =>
            inTenant(database, tenantId, async (session) => {
              const rows = await session.query<InboxRow>(
                `with page as (
                   select message_id from fallkit.handover_inbox
                    where tenant_id = $1 and recipient_agency_id = $2
                    order by delivered_at, message_id limit ${INBOX_PAGE_MAX})
                 update fallkit.handover_inbox i
                    set fetched_at = coalesce(i.fetched_at, $3::timestamptz), fetched_by = coalesce(i.fetched_by, $4)
                   from page
                  where i.tenant_id = $1 and i.recipient_agency_id = $2 and i.message_id = page.message_id
                 returning i.recipient_agency_id, i.message_id, i.kind, i.package_id, i.sender_agency_id, i.token,
                           i.token_hash, i.delivered_at, i.delivered_by, i.fetched_at, i.fetched_by`,
                [tenantId, recipientAgencyId, fetch.at, fetch.by],
              );
              const messages = rows.map(decode);
              messages.sort((a, b) =>
                a.deliveredAt === b.deliveredAt
                  ? a.messageId < b.messageId
                    ? -1
                    : 1
                  : a.deliveredAt < b.deliveredAt
                    ? -1
                    : 1,
              );
              return ok(messages);
            }),
          ),
    acknowledge: (recipientAgencyId, messageId) =>
      !tenantOk
        ? Promise.resolve(pgStoreRefused('STORE_TENANT_INVALID'))
        : asResult(() =>
            inTenant(database, tenantId, async (session) => {
              const rows = await session.query<{ message_id: string }>(
                `delete from fallkit.handover_inbox
                  where tenant_id = $1 and recipient_agency_id = $2 and message_id = $3 returning message_id`,
                [tenantId, recipientAgencyId, messageId],
              );
              return ok({ deleted: rows.length > 0 });
            }),
          ),
  };
}
