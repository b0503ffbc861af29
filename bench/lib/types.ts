/**
 * The shape every benchmark case returns: one row per figure. `ratio` is `value / baseline` when the runner
 * is given a baseline and no ratio; the baseline is always measured in the same run, never a stored number.
 */
export interface BenchRow {
  /** What was measured, e.g. `core index (min+gzip)`. */
  readonly name: string;
  readonly value: number;
  /** `B`, `ms`, `ops/s` … */
  readonly unit: string;
  /** The same measure of the reference, taken in the same run. */
  readonly baseline?: number;
  /** Name of the reference, e.g. `lit`. */
  readonly baselineName?: string;
  /** `value / baseline` unless the case says otherwise. */
  readonly ratio?: number;
}

/** A browser benchmark module (`bench/browser/*.bench.ts`) exports this as its default. */
export type BrowserBench = () => Promise<BenchRow[]>;
