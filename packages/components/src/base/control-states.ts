import { sameContent } from '../list-editing/changed-fields.js';

type StatesSet = { add(s: string): void; delete(s: string): void; has(s: string): boolean };

/** Sets or clears a custom state (`:state(name)`); older Chromium only took `--name`. */
export function setState(internals: Pick<ElementInternals, 'states'>, name: string, on: boolean): void {
  const states = (internals as { states?: StatesSet }).states;
  if (!states) return;
  try {
    if (on) states.add(name);
    else states.delete(name);
  } catch {
    // Chromium before 125 only accepted dashed names.
    try {
      if (on) states.add(`--${name}`);
      else states.delete(`--${name}`);
    } catch {
      // No custom states at all; reflected attributes still style the element.
    }
  }
}

/** Whether `value` has the same content as `empty` (object keys sorted, keys without content ignored). */
export function isEmptyLike(value: unknown, empty: unknown): boolean {
  return sameContent(value, empty);
}
