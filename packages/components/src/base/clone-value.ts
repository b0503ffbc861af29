/**
 * A deep copy of `value` (`structuredClone`), or `value` itself when it cannot be cloned (it holds a
 * function or a DOM node). A reset hands out a copy, so edits to the restored value never reach the
 * `defaultValue` or the loaded value it came from.
 */
export function cloneValue<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
