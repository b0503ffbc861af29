/**
 * A small static file server for the built demo (node:http only), with compressed responses: brotli or gzip
 * (Node's zlib) for text, chosen from `Accept-Encoding`, compressed once per file version and kept in memory.
 * Hashed chunks (`chunks/*-<hash>.js`) are cached for good; the rest is revalidated. Loopback only: the demo
 * holds case data in the browser and has no business on the network.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { repoRoot } from './paths.mjs';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg']);
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * The encoding to answer with: brotli where the client takes it, else gzip, else none.
 * @param {string | undefined} header Accept-Encoding
 * @returns {'br' | 'gzip' | undefined}
 */
export function chooseEncoding(header) {
  if (!header) return undefined;
  /** @type {Map<string, number>} */
  const accepted = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name ?? '', q ? Number(q.slice(2)) : 1);
  }
  const ok = (/** @type {string} */ name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/**
 * @param {{ port: number, host?: string, root?: string,
 *   handle?: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => boolean | Promise<boolean> }} options
 *   `handle` answers requests of its own (the sync server, the page's configuration) and returns true for those.
 * @returns {Promise<import('node:http').Server>} listening
 */
export function serveDemo({ port, host = '127.0.0.1', root = join(repoRoot, 'packages', 'demo', 'dist'), handle }) {
  const server = createDemoServer({ root, handle });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * The server, not yet listening (so the caller decides how to report a busy port).
 * @param {{ root?: string, handle?: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => boolean | Promise<boolean> }} options
 */
export function createDemoServer({ root = join(repoRoot, 'packages', 'demo', 'dist'), handle } = {}) {
  /** Compressed bodies by path, encoding and file version (mtime + size). */
  /** @type {Map<string, Promise<Buffer>>} */
  const compressed = new Map();

  /**
   * @param {string} path
   * @param {'br' | 'gzip'} encoding
   * @param {import('node:fs').Stats} info
   * @param {Buffer} body
   */
  function compressedBody(path, encoding, info, body) {
    const key = `${encoding}:${path}:${info.mtimeMs}:${info.size}`;
    let entry = compressed.get(key);
    if (!entry) {
      for (const old of compressed.keys()) if (old.startsWith(`${encoding}:${path}:`)) compressed.delete(old);
      entry =
        encoding === 'br'
          ? brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 9,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              },
            })
          : gzipAsync(body, { level: 9 });
      compressed.set(key, entry);
    }
    return entry;
  }

  return createServer(async (request, response) => {
    try {
      if (handle && (await handle(request, response))) return;
    } catch {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Interner Fehler / Internal error');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path;
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)));
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    if (path !== root && !path.startsWith(root + sep)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      const body = await readFile(path);
      const extension = extname(path);
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extension)] ?? 'application/octet-stream';
      const immutable = /[\\/]chunks[\\/][^\\/]+-[\w-]{8,}\.js(\.map)?$/.test(path);
      /** @type {Record<string, string | number>} */
      const headers = {
        'content-type': type,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      let payload = body;
      if (COMPRESSIBLE.has(extension) && body.length >= MIN_COMPRESS_BYTES) {
        headers.vary = 'accept-encoding';
        const encoding = chooseEncoding(request.headers['accept-encoding']);
        if (encoding) {
          payload = await compressedBody(path, encoding, info, body);
          headers['content-encoding'] = encoding;
        }
      }
      headers['content-length'] = payload.length;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : payload);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Nicht gefunden / Not found');
    }
  });
}
