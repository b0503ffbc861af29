import { sha256HexSync } from '../journal/sha256.js';

/** Where new identifiers come from. Replaceable so tests and example data are deterministic. */
export interface IdGenerator {
  /** A new identifier, unique within the installation; `prefix` makes ids readable (`case`, `goal`). */
  next(prefix: string): string;
}

/** Random UUIDs from the platform's WebCrypto: unique across reloads, tabs and devices. Use this one. */
export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}-${crypto.randomUUID()}`,
};

/**
 * Counting ids (`goal-1`, `goal-2` …): **for tests only.** Every instance starts again at 1, so after a
 * reload, in a second tab or on a second device it hands out ids that already exist (the Dexie store
 * refuses the repeated event id of the first append; a store without a unique index would keep two
 * events with one id), and command ids from it would make a new save look like a retry of an old one.
 * Applications, stories and demos use {@link randomIds}.
 */
export class SequentialIds implements IdGenerator {
  readonly #counters = new Map<string, number>();
  next(prefix: string): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return `${prefix}-${n}`;
  }
}

/**
 * Ids for what one command creates, derived from its command id: `<prefix>-<24 hex of SHA-256>-<n>`.
 *
 * Why: with sync, a command is decided twice, first on the device and then again on the server (DP-40). With
 * random ids the person, consent or goal it creates gets one id on the device and another on the server, and a
 * second command queued behind it offline, which names the device's id, is refused by the server
 * (`UNKNOWN_PERSON`, `DENY_CONSENT_UNKNOWN`). Derived from the command id, both sides name the same item.
 * Unique because command ids are unique per store (exactly once; the same id for another case or another
 * person is refused as `COMMAND_ID_REUSED`); 96 bits of the digest keep two command ids apart.
 */
export function commandScopedIds(commandId: string): IdGenerator {
  const stem = sha256HexSync(`fallkit-command-ids:${commandId}`).slice(0, 24);
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${stem}-${n}`;
    },
  };
}
