import type { CaseState } from '../model/case-state.js';
import type { RightsTarget } from './rights-events.js';

/** The item a rights command points at: `state[collection]` by id (or the single item of that name). */
export function findTarget(state: CaseState, target: RightsTarget): Record<string, unknown> | undefined {
  const holder = Object.hasOwn(state, target.collection)
    ? (state as unknown as Record<string, unknown>)[target.collection]
    : undefined;
  const items = Array.isArray(holder) ? holder : holder !== null && typeof holder === 'object' ? [holder] : [];
  return (items as Record<string, unknown>[]).find((item) => item['id'] === target.id);
}

/** The value at a dotted path (`domains.2.problems`) of an item; `undefined` if there is none. */
export function valueAtPath(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split('.')) {
    // Own members only: `constructor` or `__proto__` must never reach a prototype (IN-09).
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * One month after a date (Art. 12(3) GDPR), on the same day of the month, or the month's last day
 * where that day does not exist (31 January → 28/29 February).
 */
export function addOneMonth(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
