/**
 * The one small query interface both back ends implement: the `pg` driver against a PostgreSQL server, and
 * PGlite (PostgreSQL compiled to WebAssembly, in process). Everything above it (migrations, the store, the
 * feed) is written once in plain SQL against this interface, so both run the same statements.
 *
 * Parameters are only text, numbers, booleans and null; structured values travel as JSON text and are taken
 * apart in SQL (`json_array_elements`, `->>`). That keeps the two drivers' different array and object
 * serialisers out of the picture.
 */

/** A value bound to a `$n` placeholder. */
export type SqlParam = string | number | boolean | null;

/** The statements available inside one transaction. */
export interface SqlSession {
  /** One statement with `$1 … $n` placeholders; the rows, with `json` columns already parsed. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Several statements without parameters, for migration scripts. */
  exec(script: string): Promise<void>;
}

/** How a transaction is opened. */
export interface TransactionOptions {
  /** `BEGIN READ ONLY`: for reads, so a bug can never write. */
  readonly readOnly?: boolean;
}

/** Stops a `LISTEN`. */
export type Unlisten = () => Promise<void>;

/** A database the store can use: transactions, `LISTEN`, and closing. */
export interface SqlDatabase {
  /** Which engine answers, for diagnostics and documentation: `postgres` (a server) or `pglite`. */
  readonly engine: 'postgres' | 'pglite';
  /**
   * Runs `work` in one transaction at READ COMMITTED (the append relies on it: a waiting `UPDATE` re-reads
   * the row after the other transaction commits). Commits when `work` resolves, rolls back when it rejects,
   * and rethrows. Settings made with `set_config(…, true)` end with the transaction.
   */
  transaction<T>(work: (session: SqlSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Calls `onNotify` with the payload of every `NOTIFY` on `channel` (a lower-case identifier). When the
   * connection that listens was lost and came back, `onNotify` gets `undefined`: notifications may have been
   * missed, so listeners re-read what they show.
   */
  listen(channel: string, onNotify: (payload: string | undefined) => void): Promise<Unlisten>;
  /** Closes connections. */
  close(): Promise<void>;
}
