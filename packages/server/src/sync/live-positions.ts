import { SYNC_POSITION_EVENT } from '@fallkit/core/sync';
import { tenantChannel, type PgCaseStore, type SqlDatabase } from '@fallkit/store-pg';

/** Seconds between keep-alive comments, so proxies do not close an idle stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /fallkit/v1/events`: Server-Sent Events with the tenant's feed position (`event: position`,
 * `data: {"position": n}`), once on connect and after every commit of the tenant, from any server instance:
 * PostgreSQL's `NOTIFY` (sent in every append's transaction by the store) reaches every instance's `LISTEN`.
 * The message carries only the position, never a case id: the device pulls the feed, which decides what it
 * may see. A lost listen connection (`undefined`) also sends the position, since notifications may be lost.
 */
export function livePositions(database: SqlDatabase, store: PgCaseStore, signal: AbortSignal | undefined): Response {
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let last = -1;
      let unlisten: (() => Promise<void>) | undefined;
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const sendPosition = async () => {
        try {
          const position = await store.feedHead();
          if (position === last) return;
          last = position;
          send(`event: ${SYNC_POSITION_EVENT}\ndata: ${JSON.stringify({ position })}\n\n`);
        } catch {
          // The database is away for a moment: the next notification or keep-alive tries again.
        }
      };
      const timer = setInterval(() => {
        send(': keep-alive\n\n');
        void sendPosition();
      }, KEEP_ALIVE_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        void unlisten?.().catch(() => undefined);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      signal?.addEventListener('abort', close, { once: true });
      send('retry: 3000\n\n');
      try {
        unlisten = await database.listen(tenantChannel(store.tenantId), () => void sendPosition());
      } catch {
        send(': live updates unavailable\n\n');
      }
      if (closed) void unlisten?.().catch(() => undefined);
      await sendPosition();
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
