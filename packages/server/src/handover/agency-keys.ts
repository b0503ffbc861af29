import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { decideHandoverInbox, type Clock } from '@fallkit/core';
import {
  AGENCY_KEYS_MAX,
  agencyKeyPublishRequestSchema,
  handoverRefusal,
  type AgencyJwks,
  type AgencyKeyPublishResponse,
  type PublishedAgencyJwk,
} from '@fallkit/handover';
import { errorResponse, jsonResponse, SyncHttpError, wireRefusal } from '../errors/sync-refusal.js';
import type { InboxCaller } from '../http/handover-inbox-routes.js';

/** One published key with who published it when (for the operator; not part of the JWKS). */
interface PublishedKey {
  readonly jwk: PublishedAgencyJwk;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

/** What publishing answered: stored, the same key again, or why not. */
export type PublishOutcome =
  | { readonly ok: true; readonly stored: boolean }
  | { readonly ok: false; readonly code: 'HANDOVER_KEY_CONFLICT' | 'HANDOVER_KEY_LIMIT' };

/**
 * The server's directory of agencies' public keys (signing keys, and encryption keys for file delivery), per
 * tenant and agency. It holds public keys only:
 * the private halves stay with the agencies (docs/handover-package.md, "Agency keys"). A key id names one key
 * of one agency for good: the same id again with another key, or for another agency, is a conflict.
 */
export interface AgencyKeyStore {
  list(tenantId: string, agencyId: string): Promise<readonly PublishedAgencyJwk[]>;
  publish(tenantId: string, agencyId: string, jwk: PublishedAgencyJwk, by: string, at: string): Promise<PublishOutcome>;
}

type Tenants = Map<string, Map<string, PublishedKey[]>>;

function sameKey(a: PublishedAgencyJwk, b: PublishedAgencyJwk): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function publishInto(
  tenants: Tenants,
  tenantId: string,
  agencyId: string,
  entry: PublishedKey,
): PublishOutcome | undefined {
  const agencies = tenants.get(tenantId) ?? new Map<string, PublishedKey[]>();
  for (const [other, keys] of agencies) {
    const found = keys.find((key) => key.jwk.kid === entry.jwk.kid);
    if (found === undefined) continue;
    return other === agencyId && sameKey(found.jwk, entry.jwk)
      ? { ok: true, stored: false }
      : { ok: false, code: 'HANDOVER_KEY_CONFLICT' };
  }
  const keys = agencies.get(agencyId) ?? [];
  if (keys.length >= AGENCY_KEYS_MAX) return { ok: false, code: 'HANDOVER_KEY_LIMIT' };
  agencies.set(agencyId, [...keys, entry]);
  tenants.set(tenantId, agencies);
  return undefined;
}

/** A key directory in memory (tests; a server whose agencies publish again after each start). */
export function memoryAgencyKeys(): AgencyKeyStore {
  const tenants: Tenants = new Map();
  return {
    list: async (tenantId, agencyId) => (tenants.get(tenantId)?.get(agencyId) ?? []).map((key) => key.jwk),
    publish: async (tenantId, agencyId, jwk, by, at) =>
      publishInto(tenants, tenantId, agencyId, { jwk, publishedBy: by, publishedAt: at }) ?? { ok: true, stored: true },
  };
}

/**
 * A key directory kept in a JSON file (the demo's `.data/server/agency-keys.json`), written whole through a
 * temporary file so a crash leaves the old or the new directory, never half of one. Public keys only.
 */
export async function jsonFileAgencyKeys(file: string): Promise<AgencyKeyStore> {
  const tenants: Tenants = new Map();
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, Record<string, PublishedKey[]>>;
    for (const [tenantId, agencies] of Object.entries(stored)) tenants.set(tenantId, new Map(Object.entries(agencies)));
  } catch {
    // no directory yet: the agencies publish their keys when they first sign in
  }
  let writing = Promise.resolve();
  const save = () => {
    const json = JSON.stringify(
      Object.fromEntries([...tenants].map(([tenantId, agencies]) => [tenantId, Object.fromEntries(agencies)])),
      null,
      2,
    );
    writing = writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, json, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    });
    return writing;
  };
  return {
    list: async (tenantId, agencyId) => (tenants.get(tenantId)?.get(agencyId) ?? []).map((key) => key.jwk),
    async publish(tenantId, agencyId, jwk, by, at) {
      const refused = publishInto(tenants, tenantId, agencyId, { jwk, publishedBy: by, publishedAt: at });
      if (refused !== undefined) return refused;
      await save();
      return { ok: true, stored: true };
    },
  };
}

/** What the key routes need from the server. */
export interface AgencyKeyRouteContext {
  readonly agencyKeys: AgencyKeyStore;
  readonly clock: Clock;
}

/**
 * `POST …/handover/keys`: the caller publishes a public key of the caller's own agency (from the verified
 * token, never from the request). Publishing a signing key that will verify packages in an agency's name is
 * the authority to send packages in that name, so the core's `decideHandoverInbox` decides it as the delivery
 * of a package from that agency (DP-40): roles that may record a transfer, of that agency. Publishing an
 * encryption key (`use: enc`) names where files to the agency are opened, the authority to receive its
 * packages: decided as reading the agency's inbox (the roles that may open a case from a package).
 */
export async function publishAgencyKey(
  context: AgencyKeyRouteContext,
  who: InboxCaller,
  body: unknown,
): Promise<Response> {
  const parsed = agencyKeyPublishRequestSchema.safeParse(body);
  if (!parsed.success) return errorResponse(400, [wireRefusal(handoverRefusal('HANDOVER_KEY_INVALID'))]);
  const decision = decideHandoverInbox(
    who.actor,
    parsed.data.jwk.use === 'enc'
      ? { action: 'read', agencyId: who.actor.agencyId }
      : { action: 'deliver', kind: 'package', agencyId: who.actor.agencyId },
  );
  if (!decision.ok) return errorResponse(403, decision.errors.map(wireRefusal));
  const outcome = await context.agencyKeys
    .publish(who.tenantId, who.actor.agencyId, parsed.data.jwk, who.actor.id, context.clock.now())
    .catch(() => {
      throw new SyncHttpError('SYNC_UNAVAILABLE');
    });
  if (!outcome.ok) return errorResponse(409, [wireRefusal(handoverRefusal(outcome.code))]);
  const answer: AgencyKeyPublishResponse = {
    agencyId: who.actor.agencyId,
    kid: parsed.data.jwk.kid,
    stored: outcome.stored,
  };
  return jsonResponse(outcome.stored ? 201 : 200, answer);
}

/**
 * `GET …/handover/keys/:agencyId`: an agency's published public keys (a JWKS, signing and encryption), for any signed-in
 * person of the tenant: public keys are no case data, and a recipient needs the sender's to verify.
 */
export async function agencyJwks(
  context: AgencyKeyRouteContext,
  who: InboxCaller,
  agencyId: string,
): Promise<Response> {
  if (!/^[^\s/]{1,128}$/.test(agencyId)) throw new SyncHttpError('SYNC_NOT_FOUND');
  const keys = await context.agencyKeys.list(who.tenantId, agencyId);
  const answer: AgencyJwks = { agencyId, keys: [...keys] };
  return jsonResponse(200, answer);
}
