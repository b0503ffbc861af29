import type { Actor, CaseService } from '@fallkit/core';
import type { PgCaseStore } from '@fallkit/store-pg';
import { actorOf, type UserDirectory } from '../directory/user-directory.js';
import { SyncHttpError } from '../errors/sync-refusal.js';
import type { TenantStores } from '../tenants/tenant-stores.js';
import { bearerToken, type TokenVerifier } from './token-verifier.js';

/** Who is asking, as every endpoint works with it: the actor, its tenant's store and its case service. */
export interface Caller {
  readonly actor: Actor;
  readonly tenantId: string;
  readonly store: PgCaseStore;
  readonly service: CaseService;
}

/** What finding the caller needs (the parts the sync and content handlers share). */
export interface CallerSources {
  readonly tenants: TenantStores;
  readonly directory: UserDirectory;
  readonly verifier: TokenVerifier;
  /** The tenants this server serves; every tenant the directory names if absent. */
  readonly allowed?: ReadonlySet<string> | undefined;
}

/**
 * The caller of a request: the actor from the verified token and the directory (DP-40), never from the
 * request's content, with its tenant's store and a case service acting as it. Throws a `SyncHttpError` with
 * the typed code for a missing or bad token, an unknown user, a tenant that is not this server's, or a store
 * that cannot be opened.
 */
export async function callerOf(request: Request, sources: CallerSources): Promise<Caller> {
  const { tenants, directory, verifier, allowed } = sources;
  const token = await verifier.verify(bearerToken(request));
  const user = await directory.lookup(token.subject);
  if (user === undefined) throw new SyncHttpError('SYNC_USER_UNKNOWN');
  if (user.tenantId !== token.tenantId || (allowed !== undefined && !allowed.has(token.tenantId)))
    throw new SyncHttpError('SYNC_TENANT_MISMATCH');
  const actor = actorOf(user);
  if (actor === undefined) throw new SyncHttpError('SYNC_USER_UNKNOWN');
  const store = await tenants.store(token.tenantId);
  if (!store.ok) {
    const code = store.errors[0]?.code;
    if (code === 'STORE_TENANT_UNKNOWN' || code === 'STORE_TENANT_INVALID')
      throw new SyncHttpError('SYNC_TENANT_MISMATCH');
    throw new SyncHttpError('SYNC_UNAVAILABLE');
  }
  const service = await tenants.service(token.tenantId, actor);
  if (!service.ok) throw new SyncHttpError('SYNC_UNAVAILABLE');
  return { actor, tenantId: token.tenantId, store: store.value, service: service.value };
}
