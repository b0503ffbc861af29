import { ok, type Result } from '@fallkit/core';
import { classifyPgError } from '../errors/classify-error.js';
import { pgStoreRefused } from '../errors/store-refusals.js';
import type { SqlDatabase } from '../sql/sql-database.js';
import { isTenantId } from './tenant-id.js';

/**
 * Creates a tenant and its partitions (`fallkit.create_tenant`), as the schema owner: partitions are DDL,
 * which the application role may not run. Idempotent; `created` is false when the tenant existed.
 */
export async function provisionTenant(owner: SqlDatabase, tenantId: string): Promise<Result<{ created: boolean }>> {
  if (!isTenantId(tenantId)) return pgStoreRefused('STORE_TENANT_INVALID');
  try {
    const rows = await owner.transaction((session) =>
      session.query<{ created: boolean }>('select fallkit.create_tenant($1) as created', [tenantId]),
    );
    return ok({ created: rows[0]?.created === true });
  } catch (error) {
    return { ok: false, errors: [classifyPgError(error)] };
  }
}

/**
 * Deletes a tenant with all its journals and case index for good (`fallkit.drop_tenant`: its partitions are
 * dropped), as the schema owner. `dropped` is false when there was no such tenant.
 */
export async function dropTenant(owner: SqlDatabase, tenantId: string): Promise<Result<{ dropped: boolean }>> {
  if (!isTenantId(tenantId)) return pgStoreRefused('STORE_TENANT_INVALID');
  try {
    const rows = await owner.transaction((session) =>
      session.query<{ dropped: boolean }>('select fallkit.drop_tenant($1) as dropped', [tenantId]),
    );
    return ok({ dropped: rows[0]?.dropped === true });
  } catch (error) {
    return { ok: false, errors: [classifyPgError(error)] };
  }
}
