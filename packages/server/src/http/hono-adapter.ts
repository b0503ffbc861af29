import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { SYNC_BASE_PATH } from '@fallkit/core/sync';
import type { SyncHandlers } from './sync-handlers.js';
import { DOCUMENT_ROUTES, type ContentHandlers } from './content-routes.js';

/**
 * The sync endpoints as a Hono app: every request under `/fallkit/v1` goes to the framework-free handlers
 * unchanged. A host that runs Hono already mounts this app (`app.route('/', syncApp(handlers))`); one with
 * another framework calls `handlers.handle(request)` itself. With `content`, documents' content (issue 22)
 * is served under `…/cases/:caseId/documents` first.
 */
export function syncApp(handlers: SyncHandlers, content?: ContentHandlers): Hono {
  const app = new Hono();
  if (content) app.all(`${DOCUMENT_ROUTES}/*`, (c) => content.handle(c.req.raw));
  if (content) app.post(DOCUMENT_ROUTES, (c) => content.handle(c.req.raw));
  app.all(`${SYNC_BASE_PATH}/*`, (c) => handlers.handle(c.req.raw));
  return app;
}

/** A running sync server and how to stop it. */
export interface RunningSyncServer {
  readonly port: number;
  readonly url: string;
  readonly server: ServerType;
  /** Stops accepting, ends open connections (live streams included) and resolves when closed. */
  close(): Promise<void>;
}

/** Serves the handlers with `@hono/node-server` on `hostname:port` (default loopback; port 0 picks one). */
export function serveSync(
  handlers: SyncHandlers,
  options: {
    readonly port?: number;
    readonly hostname?: string;
    readonly fetch?: (request: Request) => Response | Promise<Response>;
  } = {},
): Promise<RunningSyncServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const app = syncApp(handlers);
  const fetch = options.fetch ?? ((request: Request) => app.fetch(request));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://${hostname}:${info.port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            const http = server as unknown as { closeAllConnections?: () => void; close: (cb: () => void) => void };
            http.close(() => done());
            http.closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
