import type { Refused } from '@fallkit/core';
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
