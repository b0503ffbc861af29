import { ok, type Result } from '@fallkit/core';
import {
  parseBootstrap,
  parseErrorBody,
  parseMe,
  parseKeys,
  parsePositionMessage,
  parseFeedPage,
  parsePushResponse,
  SYNC_BASE_PATH,
  SYNC_POSITION_EVENT,
  type FeedChange,
  type FeedPage,
  type PushRequest,
  type PushResponse,
} from '../protocol/sync-protocol.js';
import { syncRefusal } from '../messages/sync-refusals.js';
import type { LiveSubscription, SyncTransport } from './sync-transport.js';
import { readServerSentEvents } from './server-sent-events.js';

/** Where the access token comes from: the host's OIDC client (refreshing it when it expires). */
export type TokenSource = () => string | undefined | Promise<string | undefined>;

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /** The server's origin, e.g. `http://127.0.0.1:7300` (the base path `/fallkit/v1` is added). */
  readonly baseUrl: string;
  /** The bearer access token of the signed-in person; the actor is taken from it on the server, never sent. */
  readonly token: TokenSource;
  /** The fetch function (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
}

/**
 * The sync transport over `fetch` with a bearer token. No actor is ever put in a body: the server takes
 * it from the verified token (a body with one is refused, `SYNC_ACTOR_IN_BODY`).
 */
export function createFetchTransport(options: FetchTransportOptions): SyncTransport {
  const base = options.baseUrl.replace(/\/+$/, '') + SYNC_BASE_PATH;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const token = await options.token();
    return { ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  async function call<T>(path: string, init: RequestInit, parse: (body: unknown) => T | undefined): Promise<Result<T>> {
    let response: Response;
    try {
      response = await doFetch(base + path, {
        ...init,
        headers: await headers(init.headers as Record<string, string>),
      });
    } catch {
      return { ok: false, errors: [syncRefusal('SYNC_OFFLINE')] };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const errors = parseErrorBody(body);
      return {
        ok: false,
        errors: errors.length > 0 ? errors : [syncRefusal('SYNC_SERVER_ERROR', `HTTP ${response.status}`)],
      };
    }
    const parsed = parse(body);
    return parsed === undefined ? { ok: false, errors: [syncRefusal('SYNC_ANSWER_MALFORMED', path)] } : ok(parsed);
  }

  /** A call whose successful answer is bytes (an error answer is JSON with the typed refusals). */
  async function bytesCall(path: string): Promise<Result<Uint8Array>> {
    let response: Response;
    try {
      response = await doFetch(base + path, { method: 'GET', headers: await headers() });
    } catch {
      return { ok: false, errors: [syncRefusal('SYNC_OFFLINE')] };
    }
    if (!response.ok) {
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      const errors = parseErrorBody(body);
      return {
        ok: false,
        errors: errors.length > 0 ? errors : [syncRefusal('SYNC_SERVER_ERROR', `HTTP ${response.status}`)],
      };
    }
    try {
      return ok(new Uint8Array(await response.arrayBuffer()));
    } catch {
      return { ok: false, errors: [syncRefusal('SYNC_OFFLINE')] };
    }
  }

  const documents = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/documents`;

  return {
    putContent: (caseId, contentHash, bytes) =>
      call(
        `${documents(caseId)}/content/${encodeURIComponent(contentHash)}`,
        {
          method: 'PUT',
          // A copy on its own ArrayBuffer: the store may hand out a view into a larger one.
          body: Uint8Array.from(bytes),
          headers: { 'content-type': 'application/octet-stream' },
        },
        (body) => {
          const stored = (body as { stored?: unknown } | null)?.stored;
          return typeof stored === 'boolean' ? { stored } : undefined;
        },
      ),
    uploadAccessLog: (entries) =>
      call(
        '/access-log',
        { method: 'POST', body: JSON.stringify({ entries }), headers: { 'content-type': 'application/json' } },
        (body) => {
          const { recorded, replayed } = (body ?? {}) as { recorded?: unknown; replayed?: unknown };
          const count = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
          return count(recorded) && count(replayed) ? { recorded, replayed } : undefined;
        },
      ),
    documentContent: (caseId, documentId) =>
      bytesCall(`${documents(caseId)}/${encodeURIComponent(documentId)}/content`),
    push: (request: PushRequest): Promise<Result<PushResponse>> =>
      call(
        '/commands',
        { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } },
        parsePushResponse,
      ),
    feed: (after: number, limit: number): Promise<Result<FeedPage>> =>
      call(`/feed?after=${after}&limit=${limit}`, { method: 'GET' }, parseFeedPage),
    bootstrap: (caseId: string): Promise<Result<FeedChange>> =>
      call(`/cases/${encodeURIComponent(caseId)}`, { method: 'GET' }, parseBootstrap),
    me: () => call('/me', { method: 'GET' }, parseMe),
    keys: () => call('/keys', { method: 'GET' }, parseKeys),
    live(onPosition, onDown): LiveSubscription {
      const abort = new AbortController();
      void (async () => {
        try {
          const response = await doFetch(base + '/events', {
            headers: await headers({ accept: 'text/event-stream' }),
            signal: abort.signal,
          });
          if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
          await readServerSentEvents(response.body, (message) => {
            if (message.event !== SYNC_POSITION_EVENT) return;
            // A message that does not parse is ignored: the next pull reads the feed anyway.
            const position = parsePositionMessage(message.data);
            if (position !== undefined) onPosition(position);
          });
        } catch {
          // Falls through to onDown: a cut stream is not an error the person must see.
        }
        if (!abort.signal.aborted) onDown();
      })();
      return { close: () => abort.abort() };
    },
  };
}
