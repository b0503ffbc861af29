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
