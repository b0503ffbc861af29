import type { Refusal, Result } from '@fallkit/core';
import {
  checkSignedHead,
  checkSignedStatement,
  createHeadVerifier,
  createStatementVerifier,
  headRefusal,
  type HeadKeySet,
  type HeadVerifier,
  type ServerStatement,
  type StatementVerifier,
} from '@fallkit/core/sync';
import { SERVER_KEYS_KEY, type SyncDexie } from '../database/sync-database.js';

/** How long after a fetch of the server's keys a key id already looked for may fetch them again (ms). */
const REFETCH_AFTER_MS = 60_000;

/** Options of {@link ServerKeys}. */
export interface ServerKeysOptions {
  readonly db: SyncDexie;
  /** `GET /fallkit/v1/keys` (the transport's `keys`); absent: only pinned or kept keys are known. */
  readonly fetchKeys?: () => Promise<Result<HeadKeySet>>;
  /** Keys the host pins (from its configuration): then nothing is fetched and only these verify. */
  readonly pinned?: HeadKeySet;
  readonly now: () => number;
}

/**
 * The server's public head keys on a device (issue 15, DP-44): pinned by the host, or fetched from the
 * server and kept in the sync database, so an offline start still verifies. A signature by a key id the
 * device has not looked for yet fetches the key set once more (the server rotated); a key id looked for
 * before, at most once a minute; a key id still unknown then is refused (`SYNC_HEAD_KEY_UNKNOWN`). Without
 * any key nothing verifies: fail closed.
 */
export class ServerKeys {
  readonly #o: ServerKeysOptions;
  #verifier: Promise<HeadVerifier> | undefined;
  #statements: Promise<StatementVerifier> | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  readonly #lookedFor = new Set<string>();

  constructor(options: ServerKeysOptions) {
    this.#o = options;
  }

  async #current(): Promise<HeadVerifier> {
    this.#verifier ??= (async () => {
      if (this.#o.pinned !== undefined) return createHeadVerifier(this.#o.pinned);
      const kept = (await this.#o.db.meta.get(SERVER_KEYS_KEY)) as { jwks?: unknown } | undefined;
      return createHeadVerifier(kept?.jwks ?? { keys: [] });
    })();
    return this.#verifier;
  }

  async #jwks(): Promise<unknown> {
    if (this.#o.pinned !== undefined) return this.#o.pinned;
    const kept = (await this.#o.db.meta.get(SERVER_KEYS_KEY)) as { jwks?: unknown } | undefined;
    return kept?.jwks ?? { keys: [] };
  }

  async #statementVerifier(): Promise<StatementVerifier> {
    this.#statements ??= this.#jwks().then((jwks) => createStatementVerifier(jwks));
    return this.#statements;
  }

  /** Fetches the server's keys again (kept when they parse); false when it could not. */
  async refresh(): Promise<boolean> {
    if (this.#o.pinned !== undefined || this.#o.fetchKeys === undefined) return false;
    this.#fetchedAt = this.#o.now();
    const fetched = await this.#o.fetchKeys();
    if (!fetched.ok) return false;
    const verifier = await createHeadVerifier(fetched.value);
    if (verifier.kids.length === 0) return false;
    await this.#o.db.meta.put({ key: SERVER_KEYS_KEY, jwks: fetched.value, at: new Date(this.#o.now()).toISOString() });
    this.#verifier = Promise.resolve(verifier);
    this.#statements = createStatementVerifier(fetched.value);
    return true;
  }

  /**
   * Checks that the server signed exactly this statement (a `revoked` notice, a conflict's `theirs`, as the
   * device rebuilt it from what it received and who it is); `undefined` when it did, else the typed refusal
   * (`SYNC_STATEMENT_*`, rule DP-44). An unknown key id fetches the keys once more, as for heads.
   */
  async checkStatement(statement: ServerStatement, signed: unknown): Promise<Refusal | undefined> {
    let refusal = await checkSignedStatement(statement, signed, await this.#statementVerifier());
    if (refusal?.code !== 'SYNC_STATEMENT_KEY_UNKNOWN') return refusal;
    const kid = String((signed as { kid?: unknown }).kid);
    const fresh = !this.#lookedFor.has(kid);
    if (fresh || this.#o.now() - this.#fetchedAt >= REFETCH_AFTER_MS) {
      if (this.#lookedFor.size < 100) this.#lookedFor.add(kid);
      if (await this.refresh())
        refusal = await checkSignedStatement(statement, signed, await this.#statementVerifier());
    }
    return refusal;
  }

  /**
   * Checks that a received journal (from seq 1, its chain verified) ends at a head the server signed;
   * `undefined` when it does, else the typed refusal (`SYNC_HEAD_*`, rule DP-44).
   */
  async check(
    caseId: string,
    events: Parameters<typeof checkSignedHead>[1],
    signed: unknown,
  ): Promise<Refusal | undefined> {
    if (signed === undefined) return headRefusal('SYNC_HEAD_UNSIGNED', caseId);
    let refusal = await checkSignedHead(caseId, events, signed, await this.#current());
    if (refusal?.code !== 'SYNC_HEAD_KEY_UNKNOWN') return refusal;
    const kid = String((signed as { kid?: unknown }).kid);
    const fresh = !this.#lookedFor.has(kid);
    if (fresh || this.#o.now() - this.#fetchedAt >= REFETCH_AFTER_MS) {
      if (this.#lookedFor.size < 100) this.#lookedFor.add(kid);
      if (await this.refresh()) refusal = await checkSignedHead(caseId, events, signed, await this.#current());
    }
    return refusal;
  }
}
