import type { Refused } from '@fallkit/core';
import { classifyPgError } from '../errors/classify-error.js';
import type { SqlDatabase, SqlSession, TransactionOptions } from '../sql/sql-database.js';

/**
 * A refusal decided inside a transaction. Thrown, not returned, so that the transaction rolls back: a
 * refused append must give back the feed positions it took.
 */
export class RefuseInTransaction extends Error {
  readonly result: Refused;

  constructor(result: Refused) {
    super('refused');
    this.result = result;
  }
}

/**
 * Runs `work` in one transaction as `tenantId`: the first statement sets `fallkit.tenant` for this transaction
 * only (`set_config(…, true)`), which is what every row level security policy reads. Transaction-scoped on
 * purpose: behind PgBouncer in transaction mode the next transaction on this connection may be another
 * client's, and a session setting would leak to it.
 */
export function inTenant<T>(
  database: SqlDatabase,
  tenantId: string,
  work: (session: SqlSession) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return database.transaction(async (session) => {
    await session.query(`select set_config('fallkit.tenant', $1, true)`, [tenantId]);
    return work(session);
  }, options);
}

/**
 * Runs work that answers a result; a refusal thrown inside a transaction ({@link RefuseInTransaction}) or any
 * failure of the database becomes a refused result, so the store's methods never throw.
 */
export async function asResult<T extends { ok: boolean }>(work: () => Promise<T>): Promise<T | Refused> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RefuseInTransaction) return error.result;
    return { ok: false, errors: [classifyPgError(error)] };
  }
}
