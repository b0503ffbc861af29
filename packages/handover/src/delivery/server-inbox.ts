import { ok, type HandoverInboxKind, type Result } from '@fallkit/core';
import { syncErrorBodySchema } from '@fallkit/core/sync';
import { refuse } from '../refusals.js';
import type { Delivered, HandoverDelivery } from './delivery-port.js';
import {
  HANDOVER_INBOX_PATH,
  inboxAcknowledgeResponseSchema,
  inboxDeliveryResponseSchema,
  inboxListResponseSchema,
  type InboxDeliveryResponse,
  type InboxEntry,
} from './inbox-wire.js';

/** Options of {@link serverInbox}. */
export interface ServerInboxOptions {
  /** The server's origin, e.g. `http://127.0.0.1:7300`. */
  readonly baseUrl: string;
  /** The signed-in person's bearer access token (the server takes the actor from it, never from the request). */
  readonly token: () => string | undefined | Promise<string | undefined>;
  /** The fetch function (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
}

/** The handover inbox of a shared Fallkit server, seen from one agency's desk. */
export interface ServerInbox {
  /** Delivers a signed message (package, status message, withdrawal notice) to the agency it names. */
  send(kind: HandoverInboxKind, token: string): Promise<Result<InboxDeliveryResponse>>;
  /** The own agency's inbox, oldest first; verify each token before using it (`verifyHandoverPackage` …). */
  list(): Promise<Result<InboxEntry[]>>;
  /** Removes a processed message from the own agency's inbox. */
  acknowledge(messageId: string): Promise<Result<{ deleted: boolean }>>;
  /**
   * The {@link HandoverDelivery} port for `buildHandoverPackage`'s callers: sends the package and rejects
   * with an error carrying the refusal when the server refuses (the port has no result to return).
   */
  readonly delivery: HandoverDelivery;
}

/** An inbox delivery the server refused, for the {@link HandoverDelivery} port that can only reject. */
export class InboxDeliveryRefused extends Error {
  readonly refusal: Extract<Result<unknown>, { ok: false }>;

  constructor(refusal: Extract<Result<unknown>, { ok: false }>) {
    super(refusal.errors.map((e) => e.code).join(', '));
    this.name = 'InboxDeliveryRefused';
    this.refusal = refusal;
  }
}

/**
 * The client of a shared server's handover inbox (docs/handover-package.md, "Delivery"). Never throws:
 * a server that cannot be reached is `HANDOVER_INBOX_OFFLINE`, an answer that does not parse
 * `HANDOVER_INBOX_ANSWER_INVALID`, a refusal of the server comes back as the server's typed refusal.
 */
export function serverInbox(options: ServerInboxOptions): ServerInbox {
  const url = options.baseUrl.replace(/\/+$/, '') + HANDOVER_INBOX_PATH;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<T>(
    path: string,
    init: RequestInit,
    parse: (body: unknown) => { success: true; data: T } | { success: false },
  ): Promise<Result<T>> {
    let response: Response;
    let body: unknown;
    try {
      const token = await options.token();
      response = await doFetch(url + path, {
        ...init,
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    } catch {
      return refuse('HANDOVER_INBOX_OFFLINE');
    }
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const errors = syncErrorBodySchema.safeParse(body);
      return errors.success && errors.data.errors.length > 0
        ? { ok: false, errors: errors.data.errors }
        : refuse('HANDOVER_INBOX_ANSWER_INVALID', `HTTP ${response.status}`);
    }
    const parsed = parse(body);
    return parsed.success ? ok(parsed.data) : refuse('HANDOVER_INBOX_ANSWER_INVALID');
  }

  const send = (kind: HandoverInboxKind, token: string) =>
    call('', { method: 'POST', body: JSON.stringify({ kind, token }) }, (body) =>
      inboxDeliveryResponseSchema.safeParse(body),
    );

  return {
    send,
    list: async () => {
      const listed = await call('', { method: 'GET' }, (body) => inboxListResponseSchema.safeParse(body));
      return listed.ok ? ok(listed.value.messages) : listed;
    },
    acknowledge: (messageId) =>
      call(`/${encodeURIComponent(messageId)}`, { method: 'DELETE' }, (body) =>
        inboxAcknowledgeResponseSchema.safeParse(body),
      ),
    delivery: {
      async deliver({ token }: Delivered) {
        const sent = await send('package', token);
        if (!sent.ok) throw new InboxDeliveryRefused(sent);
      },
    },
  };
}
