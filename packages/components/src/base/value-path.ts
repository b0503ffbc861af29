import type { IssuePath } from '@fallkit/core';

/**
 * Returns a copy of `source` with the value at `path` replaced; objects and arrays along the path are
 * copied, everything else is shared. Forms use it for immutable edits (`setField(['goals', 0,
 * 'title'], text)`), so a value handed in by the host is never mutated.
 */
export function setIn<T>(source: T, path: IssuePath | string, value: unknown): T {
  const keys = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : [...path];
  if (keys.length === 0) return value as T;
  const [head, ...rest] = keys as [string | number, ...(string | number)[]];
  const container: unknown = source;
  const isArray = Array.isArray(container) || (container == null && typeof head === 'number');
  const copy: Record<string | number, unknown> | unknown[] = isArray
    ? [...((container as unknown[] | null | undefined) ?? [])]
    : { ...((container as Record<string, unknown> | null | undefined) ?? {}) };
  const child = (copy as Record<string | number, unknown>)[head];
  (copy as Record<string | number, unknown>)[head] = setIn(child, rest, value);
  return copy as T;
}

/** The value at `path`, or `undefined` when the path does not exist. */
export function getIn(source: unknown, path: IssuePath | string): unknown {
  const keys = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path;
  let current = source;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * Returns a copy of `source` without the key at `path` (lists keep their length: the position is set to
 * `undefined`); an emptied optional field leaves no key behind for a strict schema to reject.
 */
export function unsetIn<T>(source: T, path: IssuePath | string): T {
  const keys = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : [...path];
  const last = keys.pop();
  if (last === undefined) return source;
  const parent = getIn(source, keys);
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent))
    return setIn(source, [...keys, last], undefined);
  const { [last]: _dropped, ...rest } = parent as Record<string | number, unknown>;
  return setIn(source, keys, rest);
}
