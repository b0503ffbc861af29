/**
 * Where "now" comes from. The core never reads the system clock itself, so tests, replays and
 * deadline calculations are reproducible.
 */
export interface Clock {
  /** The current instant as an ISO 8601 UTC timestamp (`2026-03-01T09:30:00.000Z`). */
  now(): string;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock that stands still until moved; for tests and examples. */
export class FixedClock implements Clock {
  #now: string;
  constructor(start: string) {
    this.#now = new Date(start).toISOString();
  }
  now(): string {
    return this.#now;
  }
  /** Moves the clock to another instant. */
  set(instant: string): void {
    this.#now = new Date(instant).toISOString();
  }
  /** Moves the clock forward by the given number of milliseconds. */
  advance(milliseconds: number): void {
    this.#now = new Date(Date.parse(this.#now) + milliseconds).toISOString();
  }
}
