import type { AccessLogEntry, Actor, Result } from '@fallkit/core';
import type { HeadKeySet } from '@fallkit/core/sync';
import type { FeedChange, FeedPage, PushRequest, PushResponse } from '../protocol/sync-protocol.js';

/** A live subscription to the server's feed position; `close()` ends it. */
export interface LiveSubscription {
  close(): void;
}

/**
 * How the client talks to the sync server: the real one over `fetch` ({@link createFetchTransport})
 * or a fake in tests. Every method answers a `Result`, never throws: a network failure is
 * `SYNC_OFFLINE`, an error answer carries the server's typed refusals, a malformed answer is
 * `SYNC_ANSWER_MALFORMED`.
 */
export interface SyncTransport {
  /** `POST /fallkit/v1/commands`. */
  push(request: PushRequest): Promise<Result<PushResponse>>;
  /** `GET /fallkit/v1/feed?after=&limit=`. */
  feed(after: number, limit: number): Promise<Result<FeedPage>>;
  /** `GET /fallkit/v1/cases/:caseId`: one case's whole journal (as this actor may receive it). */
  bootstrap(caseId: string): Promise<Result<FeedChange>>;
  /** `GET /fallkit/v1/me`: the actor as the server sees it (from the token and its user directory), and the tenant. */
  me?(): Promise<Result<{ readonly actor: Actor; readonly tenantId: string }>>;
  /** `GET /fallkit/v1/keys`: the server's public head keys (a JWKS), which every received journal is checked against. */
  keys?(): Promise<Result<HeadKeySet>>;
  /**
   * `PUT /fallkit/v1/cases/:caseId/documents/content/:sha256` (issue 22): the bytes of a document a pushed
   * `attachDocument` filed, after the server applied it. Idempotent: `stored: false` when they were there.
   * Optional: a transport without it keeps the uploads queued.
   */
  putContent?(caseId: string, contentHash: string, bytes: Uint8Array): Promise<Result<{ readonly stored: boolean }>>;
  /**
   * `GET /fallkit/v1/cases/:caseId/documents/:documentId/content` (issue 22): a document's bytes, decided by the
   * server for the token's actor (a withheld document is refused there and no byte is sent).
   */
  documentContent?(caseId: string, documentId: string): Promise<Result<Uint8Array>>;
  /**
   * `POST /fallkit/v1/access-log` (issue 15, DP-28): entries of the device's access log, each with its `entryId`;
   * the server records each id once (`replayed` for a repeat). Optional: without it the log stays on the device.
   */
  uploadAccessLog?(
    entries: readonly AccessLogEntry[],
  ): Promise<Result<{ readonly recorded: number; readonly replayed: number }>>;
  /**
   * `GET /fallkit/v1/events` (Server-Sent Events): calls `onPosition` with each new feed position and
   * `onDown` when the stream ends or fails (the client then falls back to its timer). Optional: a
   * transport without it is polled.
   */
  live?(onPosition: (position: number) => void, onDown: () => void): LiveSubscription;
}
