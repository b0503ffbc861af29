/* Statements run by hand as one role, to probe what the database itself allows (not through the store). */
import type { SqlDatabase, SqlParam } from '@fallkit/store-pg';

/** What one probing statement did: its rows, or the SQLSTATE it failed with. */
export type Probe = { ok: true; rows: Record<string, unknown>[] } | { ok: false; code: string; message: string };

/**
 * Runs one statement in its own transaction (a failed statement aborts its transaction), with the tenant
 * setting made first when `tenantId` is given, exactly as the store does it.
 */
export async function probe(
  database: SqlDatabase,
  tenantId: string | undefined,
  sql: string,
  params: SqlParam[] = [],
): Promise<Probe> {
  try {
    const rows = await database.transaction(async (session) => {
      if (tenantId !== undefined) await session.query(`select set_config('fallkit.tenant', $1, true)`, [tenantId]);
      return session.query(sql, params);
    });
    return { ok: true, rows };
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return { ok: false, code: typeof code === 'string' ? code : 'none', message: String(message) };
  }
}

/** The rows of a statement that must succeed. */
export async function rowsOf(
  database: SqlDatabase,
  tenantId: string | undefined,
  sql: string,
  params: SqlParam[] = [],
): Promise<Record<string, unknown>[]> {
  const result = await probe(database, tenantId, sql, params);
  if (!result.ok) throw new Error(`${sql} failed: ${result.code} ${result.message}`);
  return result.rows;
}
