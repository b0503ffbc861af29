import { localDate, randomIds } from '@fallkit/core';
import { recordDeviceAccessLog } from '@fallkit/core/internal';
import {
  feedQuerySchema,
  pushRequestSchema,
  SYNC_BASE_PATH,
  SYNC_BODY_MAX_BYTES,
  SYNC_FEED_DEFAULT_LIMIT,
  type CommandResult,
  type MeResponse,
  type PushResponse,
} from '@fallkit/core/sync';
import { callerOf, type Caller } from '../auth/caller.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { UserDirectory } from '../directory/user-directory.js';
import { errorResponse, jsonResponse, syncRefusal, SyncHttpError, wireRefusal } from '../errors/sync-refusal.js';
import { decideChange, logDeliveries, readFeedFor } from '../sync/feed.js';
import { livePositions } from '../sync/live-positions.js';
import { pushEntry } from '../sync/push.js';
import { acknowledgeInbox, deliverToInbox, listInbox } from './handover-inbox-routes.js';
import {
  agencyJwks,
  memoryAgencyKeys,
  publishAgencyKey,
  withdrawAgencyKey,
  type AgencyKeyStore,
} from '../handover/agency-keys.js';
import type { TenantStores } from '../tenants/tenant-stores.js';
import { generateHeadSigningKey, createServerHeadKeys, type ServerHeadKeys } from '../seal/head-signing-keys.js';

/** What the handlers are made of. */
export interface SyncHandlersOptions {
  /** The tenants' stores and services (`createTenantStores`): the database as the application role, the seal. */
  readonly tenants: TenantStores;
  /** Who a token's subject is: tenant, agency, roles, name. */
  readonly directory: UserDirectory;
  /** Checks access tokens against the issuer's keys. */
  readonly verifier: TokenVerifier;
  /** The tenants this server serves; every tenant the directory names if absent. */
  readonly allowedTenants?: readonly string[];
  /** The organisation's time zone, for "today" of the caseload order (default `Europe/Berlin`). */
  readonly timeZone?: string;
  /** The directory of agencies' public signing keys (`/handover/keys`); in memory if absent. */
  readonly agencyKeys?: AgencyKeyStore;
  /** Called with every unexpected failure (for the host's log); the client sees only `SYNC_FAILED`. */
  readonly onError?: (error: unknown) => void;
  /**
   * The head-signing keys (`createServerHeadKeys`, DP-44): every journal sent is signed with them, and their
   * public halves are `GET /fallkit/v1/keys`. Absent: a key made for this process only, which suits one
   * instance; several instances behind one balancer must share configured keys (docs/server.md).
   */
  readonly headKeys?: ServerHeadKeys | Promise<ServerHeadKeys>;
}

/** The framework-free sync endpoints: a Web `Request` in, a `Response` out. */
export interface SyncHandlers {
  /**
   * Routes a request under `/fallkit/v1` (sync, and the handover inbox under `/handover/inbox`); anything else
   * is `SYNC_NOT_FOUND`.
   */
  handle(request: Request): Promise<Response>;
}

/** The signed-in caller of one request, as the server decided it. */
/** Reads a body of at most {@link SYNC_BODY_MAX_BYTES} as JSON. */
async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > SYNC_BODY_MAX_BYTES) throw new SyncHttpError('SYNC_TOO_LARGE');
  const reader = request.body?.getReader();
  if (reader === undefined) throw new SyncHttpError('SYNC_BODY_INVALID', { de: '(leer)', en: '(empty)' });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > SYNC_BODY_MAX_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new SyncHttpError('SYNC_TOO_LARGE');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new SyncHttpError('SYNC_BODY_INVALID', { de: '(kein JSON)', en: '(not JSON)' });
  }
}

const own = (value: unknown, key: string): boolean =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key);

/**
 * DP-40: a push that names an actor is refused whole, before anything else reads it: on an entry, on its
 * command, or on a command of its batch; so is an access-log upload with an `actor` on one of its entries.
 */
function refuseActorInBody(body: unknown): void {
  const entries = own(body, 'commands') ? (body as { commands: unknown }).commands : undefined;
  if (own(body, 'actor')) throw new SyncHttpError('SYNC_ACTOR_IN_BODY', { de: '', en: '', path: ['actor'] });
  const logged = own(body, 'entries') ? (body as { entries: unknown }).entries : undefined;
  if (Array.isArray(logged))
    logged.forEach((entry: unknown, i) => {
      if (own(entry, 'actor'))
        throw new SyncHttpError('SYNC_ACTOR_IN_BODY', { de: '', en: '', path: ['entries', i, 'actor'] });
    });
  if (!Array.isArray(entries)) return;
  entries.forEach((entry: unknown, i) => {
    const at = ['commands', i];
    if (own(entry, 'actor')) throw new SyncHttpError('SYNC_ACTOR_IN_BODY', { de: '', en: '', path: [...at, 'actor'] });
    const command = own(entry, 'command') ? (entry as { command: unknown }).command : undefined;
    if (own(command, 'actor'))
      throw new SyncHttpError('SYNC_ACTOR_IN_BODY', { de: '', en: '', path: [...at, 'command', 'actor'] });
    const inner = own(command, 'commands') ? (command as { commands: unknown }).commands : undefined;
    if (Array.isArray(inner))
      inner.forEach((c: unknown, j) => {
        if (own(c, 'actor'))
          throw new SyncHttpError('SYNC_ACTOR_IN_BODY', {
            de: '',
            en: '',
            path: [...at, 'command', 'commands', j, 'actor'],
          });
      });
  });
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SyncHttpError('SYNC_NOT_FOUND');
  }
}

function bodyInvalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): SyncHttpError {
  const first = issues[0];
  const path = (first?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length === 0 ? '' : `(${path.join('.')})`;
  return new SyncHttpError('SYNC_BODY_INVALID', { de: where, en: where, path });
}

/** Creates the sync endpoints over the tenants' stores, the directory and the token verifier. */
export function createSyncHandlers(options: SyncHandlersOptions): SyncHandlers {
  const { tenants, directory, verifier } = options;
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const allowed = options.allowedTenants === undefined ? undefined : new Set(options.allowedTenants);
  let headKeys: Promise<ServerHeadKeys> | undefined;
  const keys = (): Promise<ServerHeadKeys> =>
    (headKeys ??= Promise.resolve(
      options.headKeys ?? generateHeadSigningKey().then((signing) => createServerHeadKeys({ signing })),
    ));
  const agencyKeys = { agencyKeys: options.agencyKeys ?? memoryAgencyKeys(), clock: tenants.clock };

  /** The actor from the verified token and the directory (DP-40), never from the request's content. */
  const caller = (request: Request): Promise<Caller> => callerOf(request, { tenants, directory, verifier, allowed });

  const now = () => tenants.clock.now();
  // "Today" of every decision is the organisation's date: the day the case service writes periods from.
  const today = () => localDate(now(), timeZone);

  async function push(request: Request): Promise<Response> {
    const who = await caller(request);
    const body = await readJson(request);
    refuseActorInBody(body);
    const parsed = pushRequestSchema.safeParse(body);
    if (!parsed.success) throw bodyInvalid(parsed.error.issues);
    const results: CommandResult[] = [];
    const signing = await keys();
    const signStatement = (statement: Parameters<ServerHeadKeys['signStatement']>[0]) =>
      signing.signStatement(statement);
    for (const entry of parsed.data.commands)
      results.push(await pushEntry(who.service, who.actor, entry, now, today, signStatement));
    const answer: PushResponse = { results, position: await who.store.feedHead() };
    return jsonResponse(200, answer);
  }

  async function feed(request: Request, url: URL): Promise<Response> {
    const who = await caller(request);
    const number = (name: string, fallback: number) => {
      const raw = url.searchParams.get(name);
      return raw === null ? fallback : /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
    };
    const unknown = [...url.searchParams.keys()].filter((key) => key !== 'after' && key !== 'limit');
    const query = feedQuerySchema.safeParse({
      after: number('after', 0),
      limit: number('limit', SYNC_FEED_DEFAULT_LIMIT),
    });
    if (!query.success || unknown.length > 0)
      throw bodyInvalid(query.success ? [{ path: [unknown[0]!], message: '' }] : query.error.issues);
    const page = await readFeedFor(await keys(), who.store, who.service, who.actor, query.data, tenants.clock, today());
    return jsonResponse(200, page);
  }

  async function bootstrap(request: Request, caseId: string): Promise<Response> {
    const who = await caller(request);
    // DP-23: an unknown case and one the actor never held and may not see answer the same.
    const change =
      /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(caseId) && !caseId.includes(':')
        ? await decideChange(await keys(), who.service, who.actor, caseId, now(), today())
        : undefined;
    if (change === undefined) throw new SyncHttpError('SYNC_NOT_FOUND');
    await logDeliveries(who.store, tenants.clock, who.actor, [change]);
    return jsonResponse(200, { change: change.change, position: await who.store.feedHead() });
  }

  /**
   * `POST /fallkit/v1/access-log` `{ entries }` (issue 15, DP-28): the entries a synced device logged for its
   * actor's reads, recorded in the agency's log on the server once each by their `entryId` (the core's
   * `recordDeviceAccessLog`), only for the token's actor (DP-40: every entry must name the token's person,
   * role and agency, and the events are sealed as that actor's; an `actor` in the body is refused).
   * `200 { recorded, replayed }`; `400 ACCESS_LOG_UPLOAD_INVALID`, `403 ACCESS_LOG_UPLOAD_FOREIGN` (nothing
   * recorded); a store that cannot write is `503 SYNC_UNAVAILABLE` (what was recorded stays, a repeat replays it).
   */
  async function accessLog(request: Request): Promise<Response> {
    const who = await caller(request);
    const body = await readJson(request);
    refuseActorInBody(body);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new SyncHttpError('SYNC_BODY_INVALID', { de: '(entries)', en: '(entries)', path: ['entries'] });
    const extra = Object.keys(body).find((key) => key !== 'entries');
    if (extra !== undefined)
      throw new SyncHttpError('SYNC_BODY_INVALID', { de: `(${extra})`, en: `(${extra})`, path: [extra] });
    const recorded = await recordDeviceAccessLog(
      { store: who.store, clock: tenants.clock, ids: randomIds },
      who.actor,
      (body as { entries?: unknown }).entries,
    );
    if (recorded.ok) return jsonResponse(200, recorded.value);
    const code = recorded.errors[0]?.code;
    if (code === 'ACCESS_LOG_UPLOAD_FOREIGN') return errorResponse(403, recorded.errors.map(wireRefusal));
    if (code === 'ACCESS_LOG_UPLOAD_INVALID') return errorResponse(400, recorded.errors.map(wireRefusal));
    options.onError?.(recorded.errors[0]);
    throw new SyncHttpError('SYNC_UNAVAILABLE');
  }

  async function me(request: Request): Promise<Response> {
    const who = await caller(request);
    const answer: MeResponse = { actor: who.actor, tenantId: who.tenantId };
    return jsonResponse(200, answer);
  }

  async function events(request: Request): Promise<Response> {
    const who = await caller(request);
    return livePositions(tenants.database, who.store, request.signal);
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (!path.startsWith(`${SYNC_BASE_PATH}/`)) throw new SyncHttpError('SYNC_NOT_FOUND');
    const rest = path.slice(SYNC_BASE_PATH.length);
    const only = (method: string) => {
      if (request.method !== method) throw new SyncHttpError('SYNC_METHOD_NOT_ALLOWED');
    };
    if (rest === '/commands') return (only('POST'), push(request));
    if (rest === '/feed') return (only('GET'), feed(request, url));
    if (rest === '/events') return (only('GET'), events(request));
    if (rest === '/me') return (only('GET'), me(request));
    if (rest === '/access-log') return (only('POST'), accessLog(request));
    // Public keys are public: no token, cacheable for a minute (a rotation is picked up on an unknown kid).
    if (rest === '/keys')
      return (
        only('GET'),
        new Response(JSON.stringify((await keys()).jwks), {
          status: 200,
          headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=60' },
        })
      );
    if (rest === '/handover/inbox') {
      if (request.method === 'POST') {
        const who = await caller(request);
        const body = await readJson(request);
        refuseActorInBody(body);
        return deliverToInbox(tenants, who, body, bodyInvalid);
      }
      return (only('GET'), listInbox(tenants, await caller(request)));
    }
    if (rest === '/handover/keys')
      return (only('POST'), publishAgencyKey(agencyKeys, await caller(request), await readJson(request)));
    const keysOf = /^\/handover\/keys\/([^/]+)$/.exec(rest);
    if (keysOf !== null) return (only('GET'), agencyJwks(agencyKeys, await caller(request), decodeSafely(keysOf[1]!)));
    const keyOf = /^\/handover\/keys\/([^/]+)\/([^/]+)$/.exec(rest);
    if (keyOf !== null)
      return (
        only('DELETE'),
        withdrawAgencyKey(agencyKeys, await caller(request), decodeSafely(keyOf[1]!), decodeSafely(keyOf[2]!))
      );
    const inboxMessage = /^\/handover\/inbox\/([^/]+)$/.exec(rest);
    if (inboxMessage !== null) {
      only('DELETE');
      let messageId: string;
      try {
        messageId = decodeURIComponent(inboxMessage[1]!);
      } catch {
        throw new SyncHttpError('SYNC_NOT_FOUND');
      }
      return acknowledgeInbox(tenants, await caller(request), messageId);
    }
    const match = /^\/cases\/([^/]+)$/.exec(rest);
    if (match !== null) {
      only('GET');
      let caseId: string;
      try {
        caseId = decodeURIComponent(match[1]!);
      } catch {
        throw new SyncHttpError('SYNC_NOT_FOUND');
      }
      return bootstrap(request, caseId);
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
