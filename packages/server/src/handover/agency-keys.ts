import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { decideHandoverInbox, type Clock, type HandoverInboxRequest } from '@fallkit/core';
import {
  AGENCY_KEYS_MAX,
  agencyKeyPublishRequestSchema,
  handoverRefusal,
  type AgencyJwks,
  type AgencyKeyPublishResponse,
  type AgencyKeyWithdrawResponse,
  type PublishedAgencyJwk,
} from '@fallkit/handover';
import { errorResponse, jsonResponse, SyncHttpError, wireRefusal } from '../errors/sync-refusal.js';
import type { InboxCaller } from '../http/handover-inbox-routes.js';

/** One published key with who published it when, and who withdrew it when (for the operator; not part of the JWKS). */
interface PublishedKey {
  readonly jwk: PublishedAgencyJwk;
  readonly publishedBy: string;
  readonly publishedAt: string;
  readonly withdrawnBy?: string;
  readonly withdrawnAt?: string;
}

/** What publishing answered: stored, the same key again, or why not. */
export type PublishOutcome =
  | { readonly ok: true; readonly stored: boolean }
  | { readonly ok: false; readonly code: 'HANDOVER_KEY_CONFLICT' | 'HANDOVER_KEY_LIMIT' | 'HANDOVER_KEY_WITHDRAWN' };

/** A key of one agency as the directory holds it, withdrawn or not. */
export interface HeldAgencyKey {
  readonly jwk: PublishedAgencyJwk;
  readonly withdrawn: boolean;
}

/**
 * Withdrawn keys an agency's directory remembers (so their ids are not published again), the newest; the
 * oldest beyond this are forgotten. Key ids are random per device, so an id forgotten after a thousand later
 * withdrawals coming back is not a path anyone can steer.
 */
const WITHDRAWN_KEPT = 1_000;

/**
 * The server's directory of agencies' public keys (signing keys, and encryption keys for file delivery), per
 * tenant and agency. It holds public keys only:
 * the private halves stay with the agencies (docs/handover-package.md, "Agency keys"). A key id names one key
 * of one agency for good: the same id again with another key, or for another agency, is a conflict.
 */
export interface AgencyKeyStore {
  /** The agency's keys in force (withdrawn ones left out), oldest first. */
  list(tenantId: string, agencyId: string): Promise<readonly PublishedAgencyJwk[]>;
  publish(tenantId: string, agencyId: string, jwk: PublishedAgencyJwk, by: string, at: string): Promise<PublishOutcome>;
  /** One key of the agency by its id, withdrawn or not; `undefined` if the agency never published it. */
  find(tenantId: string, agencyId: string, kid: string): Promise<HeldAgencyKey | undefined>;
  /** Withdraws a key of the agency: `true` if it was in force, `false` if withdrawn before or unknown. */
  withdraw(tenantId: string, agencyId: string, kid: string, by: string, at: string): Promise<boolean>;
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
    if (other !== agencyId || !sameKey(found.jwk, entry.jwk)) return { ok: false, code: 'HANDOVER_KEY_CONFLICT' };
    // A withdrawn key does not come back under its id: its private half may be gone or have leaked.
    return inForce(found) ? { ok: true, stored: false } : { ok: false, code: 'HANDOVER_KEY_WITHDRAWN' };
  }
  const keys = agencies.get(agencyId) ?? [];
  if (keys.filter(inForce).length >= AGENCY_KEYS_MAX) return { ok: false, code: 'HANDOVER_KEY_LIMIT' };
  agencies.set(agencyId, [...keys, entry]);
  tenants.set(tenantId, agencies);
  return undefined;
}

const inForce = (key: PublishedKey): boolean => key.withdrawnAt === undefined;

function listIn(tenants: Tenants, tenantId: string, agencyId: string): PublishedAgencyJwk[] {
  return (tenants.get(tenantId)?.get(agencyId) ?? []).filter(inForce).map((key) => key.jwk);
}

function findIn(tenants: Tenants, tenantId: string, agencyId: string, kid: string): HeldAgencyKey | undefined {
  const found = tenants
    .get(tenantId)
    ?.get(agencyId)
    ?.find((key) => key.jwk.kid === kid);
  return found === undefined ? undefined : { jwk: found.jwk, withdrawn: !inForce(found) };
}

/** Marks the key withdrawn (kept, so its id stays taken); `false` if it was not in force. */
function withdrawIn(
  tenants: Tenants,
  tenantId: string,
  agencyId: string,
  kid: string,
  by: string,
  at: string,
): boolean {
  const agencies = tenants.get(tenantId);
  const keys = agencies?.get(agencyId);
  const index = keys?.findIndex((key) => key.jwk.kid === kid && inForce(key)) ?? -1;
  if (agencies === undefined || keys === undefined || index < 0) return false;
  const next = keys.map((key, i) => (i === index ? { ...key, withdrawnBy: by, withdrawnAt: at } : key));
  const withdrawn = next.filter((key) => !inForce(key));
  const forgotten = new Set(withdrawn.slice(0, Math.max(0, withdrawn.length - WITHDRAWN_KEPT)));
  agencies.set(
    agencyId,
    next.filter((key) => !forgotten.has(key)),
  );
  return true;
}

/** A key directory in memory (tests; a server whose agencies publish again after each start). */
export function memoryAgencyKeys(): AgencyKeyStore {
  const tenants: Tenants = new Map();
  return {
    list: async (tenantId, agencyId) => listIn(tenants, tenantId, agencyId),
    publish: async (tenantId, agencyId, jwk, by, at) =>
      publishInto(tenants, tenantId, agencyId, { jwk, publishedBy: by, publishedAt: at }) ?? { ok: true, stored: true },
    find: async (tenantId, agencyId, kid) => findIn(tenants, tenantId, agencyId, kid),
    withdraw: async (tenantId, agencyId, kid, by, at) => withdrawIn(tenants, tenantId, agencyId, kid, by, at),
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
    list: async (tenantId, agencyId) => listIn(tenants, tenantId, agencyId),
    async publish(tenantId, agencyId, jwk, by, at) {
      const refused = publishInto(tenants, tenantId, agencyId, { jwk, publishedBy: by, publishedAt: at });
      if (refused !== undefined) return refused;
      await save();
      return { ok: true, stored: true };
    },
    find: async (tenantId, agencyId, kid) => findIn(tenants, tenantId, agencyId, kid),
    async withdraw(tenantId, agencyId, kid, by, at) {
      if (!withdrawIn(tenants, tenantId, agencyId, kid, by, at)) return false;
      await save();
      return true;
    },
  };
}

/** What the key routes need from the server. */
export interface AgencyKeyRouteContext {
  readonly agencyKeys: AgencyKeyStore;
  readonly clock: Clock;
}

/**
 * What publishing or withdrawing a key of `agencyId` is, for the core's `decideHandoverInbox`: a signing key speaks
 * for the agency's packages (delivering one in its name), an encryption key names where its packages are opened
 * (reading its inbox).
 */
function keyAuthority(use: PublishedAgencyJwk['use'], agencyId: string): HandoverInboxRequest {
  return use === 'enc' ? { action: 'read', agencyId } : { action: 'deliver', kind: 'package', agencyId };
}

/** An agency id or key id as one path segment: no white space, no slash, at most 128 characters. */
const PATH_SEGMENT = /^[^\s/]{1,128}$/;

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
  const decision = decideHandoverInbox(who.actor, keyAuthority(parsed.data.jwk.use, who.actor.agencyId));
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
 * `DELETE …/handover/keys/:agencyId/:kid`: the caller withdraws a key of the caller's own agency, with the same
 * authority it took to publish it, decided by the core's `decideHandoverInbox` on the key's use (DP-40: an
 * encryption key as reading the agency's inbox, a signing key as delivering in its name; another agency's key
 * is refused there, DP-16). The key leaves the JWKS at once; its id stays taken. Withdrawing it again answers
 * `withdrawn: false` (a repeated sign-out); an id the agency never published is `HANDOVER_KEY_UNKNOWN`.
 */
export async function withdrawAgencyKey(
  context: AgencyKeyRouteContext,
  who: InboxCaller,
  agencyId: string,
  kid: string,
): Promise<Response> {
  if (!PATH_SEGMENT.test(agencyId) || !PATH_SEGMENT.test(kid)) throw new SyncHttpError('SYNC_NOT_FOUND');
  const unavailable = () => {
    throw new SyncHttpError('SYNC_UNAVAILABLE');
  };
  const held = await context.agencyKeys.find(who.tenantId, agencyId, kid).catch(unavailable);
  // Decided before the key is named as unknown: a caller of another agency learns nothing of its key ids.
  const decision = decideHandoverInbox(who.actor, keyAuthority(held?.jwk.use ?? 'enc', agencyId));
  if (!decision.ok) return errorResponse(403, decision.errors.map(wireRefusal));
  if (held === undefined) return errorResponse(404, [wireRefusal(handoverRefusal('HANDOVER_KEY_UNKNOWN'))]);
  const withdrawn = await context.agencyKeys
    .withdraw(who.tenantId, agencyId, kid, who.actor.id, context.clock.now())
    .catch(unavailable);
  const answer: AgencyKeyWithdrawResponse = { agencyId, kid, withdrawn };
  return jsonResponse(200, answer);
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
  if (!PATH_SEGMENT.test(agencyId)) throw new SyncHttpError('SYNC_NOT_FOUND');
  const keys = await context.agencyKeys.list(who.tenantId, agencyId);
  const answer: AgencyJwks = { agencyId, keys: [...keys] };
  return jsonResponse(200, answer);
}
