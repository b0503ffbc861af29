import type { PGlite, Transaction } from '@electric-sql/pglite';
import { checkChannelName } from './channel-name.js';
import type { SqlDatabase, SqlParam, SqlSession, TransactionOptions } from './sql-database.js';

/** Which PGlite to use, and as whom. */
export interface PgliteDatabaseOptions {
  /** An open PGlite instance (in memory, or on a data directory). */
  readonly pglite: PGlite;
  /**
   * The role every transaction switches to with `set_config('role', …, true)`. PGlite has one connection,
   * as the superuser `postgres`, and a superuser passes every row level security policy: switching to the
   * application role is what makes the tenant policies apply here as they do on a server. Unset only for
   * the migrations, which run as the owner.
   */
  readonly role?: string;
  /** Whether {@link SqlDatabase.close} closes the PGlite instance too (default true). */
  readonly closePglite?: boolean;
}

function sessionOf(tx: Transaction): SqlSession {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      const result = await tx.query<Row>(sql, params as SqlParam[]);
      return result.rows;
    },
    async exec(script: string): Promise<void> {
      await tx.exec(script);
    },
  };
}

/**
 * A {@link SqlDatabase} on PGlite: real PostgreSQL in WebAssembly, in this process, the embedded default where
 * no server is configured. It has a single connection: PGlite runs one transaction at a time and queues the
 * others, so concurrent appends are serialised (correct, not parallel). `LISTEN`/`NOTIFY` work within the
 * instance, which is the only process that can write to its data directory.
 */
export function pgliteDatabase(options: PgliteDatabaseOptions): SqlDatabase {
  const { pglite, role } = options;
  return {
    engine: 'pglite',
    transaction<T>(work: (session: SqlSession) => Promise<T>, { readOnly = false }: TransactionOptions = {}) {
      // PGlite's own BEGIN is READ COMMITTED, PostgreSQL's default; it rolls back and rethrows on a rejection.
      return pglite.transaction(async (tx) => {
        if (readOnly) await tx.exec('SET TRANSACTION READ ONLY');
        if (role !== undefined) await tx.query(`select set_config('role', $1, true)`, [role]);
        return work(sessionOf(tx));
      });
    },
    async listen(channel, onNotify) {
      const unlisten = await pglite.listen(checkChannelName(channel), (payload) => onNotify(payload));
      return async () => {
        await unlisten();
      };
    },
    async close() {
      if (options.closePglite !== false && !pglite.closed) await pglite.close();
    },
  };
}
