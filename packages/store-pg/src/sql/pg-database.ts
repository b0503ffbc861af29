import pg from 'pg';
import { checkChannelName } from './channel-name.js';
import type { SqlDatabase, SqlParam, SqlSession, TransactionOptions, Unlisten } from './sql-database.js';

/** How to reach a PostgreSQL server. */
export interface PgDatabaseOptions {
  /** `postgresql://role:password@host:port/database`: the application role's connection. */
  readonly connectionString: string;
  /** Connections in the pool (default 10). Behind PgBouncer this is per server instance. */
  readonly maxConnections?: number;
  /**
   * Where `LISTEN` connects, when it differs from `connectionString`: PgBouncer in transaction mode cannot
   * carry `LISTEN` (a session feature), so point this at PostgreSQL itself or a session-mode pool.
   */
  readonly listenConnectionString?: string;
  /** Milliseconds after which a statement is cancelled (default 30 000). */
  readonly statementTimeoutMs?: number;
  /** Milliseconds to wait for a connection (default 5 000). */
  readonly connectTimeoutMs?: number;
  /** Shown in `pg_stat_activity` (default `fallkit`). */
  readonly applicationName?: string;
}

const RETRY_MS = [100, 250, 500, 1000, 2000, 5000];

function sessionOf(client: pg.ClientBase): SqlSession {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      const result = await client.query(sql, params as SqlParam[]);
      return result.rows as Row[];
    },
    async exec(script: string): Promise<void> {
      // No parameters: the simple query protocol, which runs several statements in one round trip.
      await client.query(script);
    },
  };
}

/**
 * The one connection that listens. It reconnects with backoff when the server goes away and then tells every
 * listener that notifications may have been missed (`undefined`).
 */
class Listener {
  readonly #config: pg.ClientConfig;
  readonly #channels = new Map<string, Set<(payload: string | undefined) => void>>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #closed = false;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(config: pg.ClientConfig) {
    this.#config = config;
  }

  async add(channel: string, onNotify: (payload: string | undefined) => void): Promise<Unlisten> {
    checkChannelName(channel);
    let listeners = this.#channels.get(channel);
    const first = listeners === undefined;
    if (!listeners) {
      listeners = new Set();
      this.#channels.set(channel, listeners);
    }
    listeners.add(onNotify);
    try {
      const client = await this.#connect();
      if (first) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      listeners.delete(onNotify);
      if (listeners.size === 0) this.#channels.delete(channel);
      throw error;
    }
    return async () => {
      const current = this.#channels.get(channel);
      if (!current?.delete(onNotify) || current.size > 0) return;
      this.#channels.delete(channel);
      await this.#client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    this.#channels.clear();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client(this.#config);
      client.on('notification', (message) => {
        for (const listener of this.#channels.get(message.channel) ?? []) listener(message.payload ?? '');
      });
      client.on('error', () => this.#lost(client));
      client.on('end', () => this.#lost(client));
      try {
        await client.connect();
        for (const channel of this.#channels.keys()) await client.query(`LISTEN ${channel}`);
      } catch (error) {
        client.end().catch(() => undefined);
        throw error;
      } finally {
        this.#connecting = undefined;
      }
      this.#client = client;
      this.#attempt = 0;
      return client;
    })();
    return this.#connecting;
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    this.#retry();
  }

  #retry(): void {
    if (this.#closed || this.#channels.size === 0) return;
    const delay = RETRY_MS[Math.min(this.#attempt, RETRY_MS.length - 1)]!;
    this.#attempt += 1;
    this.#retryTimer = setTimeout(() => {
      this.#connect().then(
        () => {
          // Back again: whatever happened in between was not heard.
          for (const listeners of this.#channels.values()) for (const listener of listeners) listener(undefined);
        },
        () => this.#retry(),
      );
    }, delay);
    // A reconnect loop must not keep a finished process alive.
    (this.#retryTimer as { unref?: () => void }).unref?.();
  }
}

/**
 * A {@link SqlDatabase} on a PostgreSQL server through a `pg` connection pool, plus one extra connection for
 * `LISTEN` opened on the first listener. Connect as the application role, never as the tables' owner.
 */
export function pgDatabase(options: PgDatabaseOptions): SqlDatabase {
  const common: pg.ClientConfig = {
    application_name: options.applicationName ?? 'fallkit',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
  };
  const pool = new pg.Pool({
    ...common,
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  });
  // An idle connection that dies (server restart) is dropped by the pool; without a handler Node would crash.
  pool.on('error', () => undefined);
  const listener = new Listener({
    ...common,
    connectionString: options.listenConnectionString ?? options.connectionString,
  });

  return {
    engine: 'postgres',
    async transaction<T>(work: (session: SqlSession) => Promise<T>, { readOnly = false }: TransactionOptions = {}) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(`BEGIN ISOLATION LEVEL READ COMMITTED${readOnly ? ' READ ONLY' : ''}`);
        const result = await work(sessionOf(client));
        const commit = await client.query('COMMIT');
        // A transaction that failed inside answers COMMIT with ROLLBACK instead of an error.
        if (commit.command === 'ROLLBACK') throw new Error('the transaction was rolled back at COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackFailed: Error) => {
          broken = rollbackFailed;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, onNotify) => listener.add(channel, onNotify),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
