import type { Refusal } from '@fallkit/core';
import { StoreRefusalError, storeRefusal } from './store-refusals.js';

/** Error names as IndexedDB (DOMException) and Dexie report them; Dexie keeps the DOM name or wraps it in `inner`. */
function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    current = (current as { inner?: unknown }).inner;
  }
  return names;
}

/**
 * Turns whatever a browser or Dexie threw into a typed refusal: quota, abort, blocked upgrade, a newer
 * version elsewhere, missing IndexedDB. Unknown errors become `STORE_FAILED` with the error's name, so
 * nothing surfaces as an untyped exception. `phase` tells opening (where `InvalidStateError` means
 * private mode) from working with an open database (where it means the transaction died).
 */
export function classifyStoreError(error: unknown, phase: 'open' | 'use' = 'use'): Refusal {
  if (error instanceof StoreRefusalError) return error.refusal;
  const names = namesOf(error);
  const has = (...wanted: string[]): boolean => names.some((name) => wanted.includes(name));
  if (has('QuotaExceededError')) return storeRefusal('STORE_QUOTA_EXCEEDED');
  if (has('VersionError')) return storeRefusal('STORE_OUTDATED');
  if (has('AbortError', 'TransactionInactiveError', 'PrematureCommitError')) return storeRefusal('STORE_ABORTED');
  if (phase === 'use' && has('InvalidStateError')) return storeRefusal('STORE_ABORTED');
  // Private modes and locked-down profiles refuse IndexedDB when it is opened.
  if (has('MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError', 'InvalidAccessError')) {
    return storeRefusal('STORE_UNAVAILABLE', names.join('/'));
  }
  if (has('DatabaseClosedError')) return storeRefusal('STORE_UNAVAILABLE', 'closed');
  return storeRefusal('STORE_FAILED', names[0] ?? String(error));
}
