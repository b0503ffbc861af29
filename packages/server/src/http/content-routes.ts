import {
  createCaseDocuments,
  createCaseViews,
  DOCUMENT_MAX_BYTES,
  randomIds,
  type Actor,
  type AttachDocumentRequest,
  type CaseDocuments,
  type Refusal,
} from '@fallkit/core';
import { SYNC_BASE_PATH } from '@fallkit/core/sync';
import { callerOf } from '../auth/caller.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { UserDirectory } from '../directory/user-directory.js';
import { errorResponse, jsonResponse, syncRefusal, SyncHttpError, wireRefusal } from '../errors/sync-refusal.js';
import type { TenantStores } from '../tenants/tenant-stores.js';

/**
 * Documents' content on the server (issue 22): `GET …/cases/:caseId/documents/:documentId/content` opens a
 * document, `POST …/cases/:caseId/documents` files one (JSON `{ document, bytes }`, the bytes base64),
 * `PUT …/cases/:caseId/documents/content/:sha256` takes the raw bytes of a document a pushed `attachDocument`
 * already filed (a synced device's upload: idempotent, accepted only for a hash a document of the case names
 * that the actor's decided view shows, with its size; see docs/sync.md "Documents' content"). Every
 * read and write is the core's decision (`createCaseDocuments` over the tenant's store: the `attachDocument`
 * command through the case service, the open through the actor's own decided and logged view, the bytes
 * checked against the journal's SHA-256), for the actor the verified token and the directory name (DP-40),
 * never one the request names. The server decides nothing itself.
 */
export const DOCUMENT_ROUTES = `${SYNC_BASE_PATH}/cases/:caseId/documents`;

/** The largest body `POST …/documents` reads: base64 of the largest document plus its description. */
const BODY_MAX_BYTES = Math.ceil((DOCUMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

/** What the content routes are made of (the same parts as the sync handlers). */
export interface ContentHandlersOptions {
  readonly tenants: TenantStores;
  readonly directory: UserDirectory;
  readonly verifier: TokenVerifier;
  /** The tenants this server serves; every tenant the directory names if absent. */
  readonly allowedTenants?: readonly string[];
  /** Called with every unexpected failure (for the host's log); the client sees only `SYNC_FAILED`. */
  readonly onError?: (error: unknown) => void;
}

/** The framework-free content endpoints: a Web `Request` in, a `Response` out. */
export interface ContentHandlers {
  /** Handles a request under {@link DOCUMENT_ROUTES}; anything else is `SYNC_NOT_FOUND`. */
  handle(request: Request): Promise<Response>;
}

/** Refusals of the core as HTTP statuses: not there 404, a stale write 409, bad input 400, a decision 403. */
function statusOf(errors: readonly Refusal[]): number {
  const code = errors[0]?.code ?? '';
  if (code === 'CASE_NOT_FOUND' || code === 'DOCUMENT_REMOVED') return 404;
  if (code === 'STORE_CONFLICT' || code === 'DUPLICATE_COMMAND') return 409;
  if (code === 'INVALID_INPUT' || code === 'DOCUMENT_CONTENT_MISMATCH') return 400;
  if (code.startsWith('DOCUMENT_CONTENT_') || code === 'DOCUMENT_STORE_UNSUPPORTED') return 503;
  return 403;
}

function refusedResponse(errors: readonly Refusal[]): Response {
  return errorResponse(statusOf(errors), errors.map(wireRefusal));
}

async function readBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > BODY_MAX_BYTES) throw new SyncHttpError('SYNC_TOO_LARGE');
  const text = await request.text();
  if (text.length > BODY_MAX_BYTES) throw new SyncHttpError('SYNC_TOO_LARGE');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SyncHttpError('SYNC_BODY_INVALID', { de: '(kein JSON)', en: '(not JSON)' });
  }
}

function decodeBase64(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
  try {
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new SyncHttpError('SYNC_NOT_FOUND');
  }
}

/** Creates the content endpoints over the tenants' stores, the directory and the token verifier. */
export function createContentHandlers(options: ContentHandlersOptions): ContentHandlers {
  const { tenants, directory, verifier } = options;
  const allowed = options.allowedTenants === undefined ? undefined : new Set(options.allowedTenants);

  /** The core's document channel for the actor the verified token names (DP-40). */
  async function documentsOf(request: Request): Promise<{ actor: Actor; documents: CaseDocuments }> {
    const { actor, store, service } = await callerOf(request, { tenants, directory, verifier, allowed });
    const views = createCaseViews({ service, store, clock: tenants.clock, ids: randomIds });
    return { actor, documents: createCaseDocuments({ service, views, store }) };
  }

  async function open(request: Request, caseId: string, documentId: string): Promise<Response> {
    const { documents } = await documentsOf(request);
    const opened = await documents.open(caseId, documentId, 'caseManagement');
    if (!opened.ok) return refusedResponse(opened.errors);
    const { bytes, mediaType, fileName } = opened.value;
    // A copy on its own ArrayBuffer: the store may hand out a view into a larger (or shared) buffer, which
    // the Fetch API's BodyInit does not take.
    return new Response(Uint8Array.from(bytes), {
      status: 200,
      headers: {
        'content-type': mediaType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  async function attach(request: Request, caseId: string): Promise<Response> {
    const { documents } = await documentsOf(request);
    const body = await readBody(request);
    if (typeof body !== 'object' || body === null || Object.hasOwn(body, 'actor'))
      throw new SyncHttpError(Object.hasOwn(body ?? {}, 'actor') ? 'SYNC_ACTOR_IN_BODY' : 'SYNC_BODY_INVALID', {
        de: '',
        en: '',
      });
    const { document, bytes } = body as { document?: unknown; bytes?: unknown };
    const content = decodeBase64(bytes);
    if (content === undefined || typeof document !== 'object' || document === null)
      throw new SyncHttpError('SYNC_BODY_INVALID', { de: '(document, bytes)', en: '(document, bytes)' });
    // The core validates the description strictly (the command's schema) and checks size and hash itself.
    const attached = await documents.attach(caseId, document as AttachDocumentRequest, content);
    if (!attached.ok) return refusedResponse(attached.errors);
    const filed = attached.value.events.find((e) => e.type === 'DocumentAttached');
    const payload = filed?.payload as { id?: string; contentHash?: string } | undefined;
    return jsonResponse(201, { documentId: payload?.id, contentHash: payload?.contentHash });
  }

  /** The bytes of a filed document, uploaded by the device that filed it (after the push applied the command). */
  async function upload(request: Request, caseId: string, contentHash: string): Promise<Response> {
    const { documents } = await documentsOf(request);
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > DOCUMENT_MAX_BYTES) throw new SyncHttpError('SYNC_TOO_LARGE');
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > DOCUMENT_MAX_BYTES) throw new SyncHttpError('SYNC_TOO_LARGE');
    const stored = await documents.storeContent(caseId, contentHash, bytes);
    if (!stored.ok) return refusedResponse(stored.errors);
    return jsonResponse(stored.value.stored ? 201 : 200, stored.value);
  }

  async function route(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${SYNC_BASE_PATH}/cases/`)) throw new SyncHttpError('SYNC_NOT_FOUND');
    const rest = path.slice(`${SYNC_BASE_PATH}/cases/`.length);
    const byHash = /^([^/]+)\/documents\/content\/([^/]+)$/.exec(rest);
    if (byHash !== null) {
      if (request.method !== 'PUT') throw new SyncHttpError('SYNC_METHOD_NOT_ALLOWED');
      return upload(request, segment(byHash[1]!), segment(byHash[2]!));
    }
    const content = /^([^/]+)\/documents\/([^/]+)\/content$/.exec(rest);
    if (content !== null) {
      if (request.method !== 'GET') throw new SyncHttpError('SYNC_METHOD_NOT_ALLOWED');
      return open(request, segment(content[1]!), segment(content[2]!));
    }
    const list = /^([^/]+)\/documents$/.exec(rest);
    if (list !== null) {
      if (request.method !== 'POST') throw new SyncHttpError('SYNC_METHOD_NOT_ALLOWED');
      return attach(request, segment(list[1]!));
    }
    throw new SyncHttpError('SYNC_NOT_FOUND');
  }

  return {
    async handle(request) {
      try {
        return await route(request);
      } catch (error) {
        if (error instanceof SyncHttpError) return errorResponse(error.status, error.errors);
        options.onError?.(error);
        return errorResponse(500, [syncRefusal('SYNC_FAILED')]);
      }
    },
  };
}
