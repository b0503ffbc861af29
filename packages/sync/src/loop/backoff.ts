/** Settings of the retry delay. */
export interface BackoffOptions {
  /** The first retry's delay in ms (default 1,000). */
  readonly baseMs?: number;
  /** The longest delay in ms (default 300,000 = 5 min). */
  readonly maxMs?: number;
  /** A random number in [0, 1) (default `Math.random`); tests pass a fixed one. */
  readonly random?: () => number;
}

/**
 * The delay before retry number `failures` (1 = the first retry): exponential (`base · 2^(failures-1)`,
 * at most `max`) with "equal jitter" (half fixed, half random), so many devices coming back at once
 * after an outage do not push in lockstep, and no delay is shorter than half the exponential one.
 */
export function backoffDelay(failures: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 300_000;
  const random = options.random ?? Math.random;
  const exponential = Math.min(max, base * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
