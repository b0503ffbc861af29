import {
  createCaseService,
  randomIds,
  systemClock,
  type Actor,
  type CaseService,
  type Clock,
  type IdGenerator,
  type JournalSeal,
  type Result,
} from '@fallkit/core';
import { openPgCaseStore, type PgCaseStore, type SqlDatabase } from '@fallkit/store-pg';

/** What the server works on: one database as the application role, the seal key, the clock and ids. */
export interface TenantStoresOptions {
  /** The database as the application role (no owner, no BYPASSRLS): every statement under the tenant's RLS. */
  readonly database: SqlDatabase;
  /** The server's journal seal (DP-44): every append is sealed, every read verified against it. */
  readonly seal: JournalSeal;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
}

/** The stores and case services of the tenants a server instance has seen, opened on first use. */
export interface TenantStores {
  readonly database: SqlDatabase;
  readonly seal: JournalSeal;
  readonly clock: Clock;
  store(tenantId: string): Promise<Result<PgCaseStore>>;
  /**
   * The case service of one actor in one tenant. A service holds verified heads of the cases it read (a
   * cache, never the truth: the store's optimistic concurrency decides), so one per actor keeps re-reads
   * cheap; no state is shared between actors.
   */
  service(tenantId: string, actor: Actor): Promise<Result<CaseService>>;
}

/** How many actor services one instance keeps before it forgets the oldest. */
const SERVICES_MAX = 2000;

/** Opens the per-tenant stores and per-actor services lazily; no state that another instance would need. */
export function createTenantStores(options: TenantStoresOptions): TenantStores {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const stores = new Map<string, Promise<Result<PgCaseStore>>>();
  const services = new Map<string, CaseService>();

  async function store(tenantId: string): Promise<Result<PgCaseStore>> {
    let opened = stores.get(tenantId);
    if (opened === undefined) {
      opened = openPgCaseStore({ database: options.database, tenantId, journalSeal: options.seal });
      stores.set(tenantId, opened);
    }
    const result = await opened;
    // A refusal (database down, tenant not yet provisioned) is not kept: the next request tries again.
    if (!result.ok) stores.delete(tenantId);
    return result;
  }

  return {
    database: options.database,
    seal: options.seal,
    clock,
    store,
    async service(tenantId, actor) {
      const opened = await store(tenantId);
      if (!opened.ok) return opened;
      const key = JSON.stringify([tenantId, actor.id, actor.agencyId, actor.role, actor.name ?? null]);
      let service = services.get(key);
      if (service === undefined) {
        // Items a pushed command creates are named from its command id, as the device named them (the same
        // person, consent, goal on both sides, so commands queued behind it offline still find them).
        service = createCaseService({
          store: opened.value,
          clock,
          ids,
          itemIdsFromCommand: true,
          actor,
          seal: options.seal,
        });
        if (services.size >= SERVICES_MAX) services.delete(services.keys().next().value!);
        services.set(key, service);
      }
      return { ok: true, value: service };
    },
  };
}
