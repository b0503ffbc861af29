/*
 * Platform globals the fuzz and input tests use; Node 20 and browsers both provide them. The core's
 * test build has neither the DOM nor the Node library (see `src/platform/globals.d.ts`).
 */
declare global {
  function structuredClone<T>(value: T): T;
  // eslint-disable-next-line no-var
  var performance: { now(): number };
  // eslint-disable-next-line no-var
  var console: { log(...data: unknown[]): void };
}
export {};
