/** Where new identifiers come from. Replaceable so tests and example data are deterministic. */
export interface IdGenerator {
  /** A new identifier, unique within the installation; `prefix` makes ids readable (`case`, `goal`). */
  next(prefix: string): string;
}

/** Random UUIDs from the platform's WebCrypto. */
export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}-${crypto.randomUUID()}`,
};

/** Counting ids (`goal-1`, `goal-2` …) for tests and example scripts. */
export class SequentialIds implements IdGenerator {
  readonly #counters = new Map<string, number>();
  next(prefix: string): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return `${prefix}-${n}`;
  }
}
