import type { Refusal, Result } from '@fallkit/core';
import {
  checkSignedHead,
  createHeadVerifier,
  headRefusal,
  type HeadKeySet,
  type HeadVerifier,
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
    return true;
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
