/**
 * A stable text of a value for comparing stored and edited items: object keys sorted, and keys without
 * content (`undefined`, `''`) left out, so an emptied field equals one that was never set.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined && x !== '')
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Whether a key of an object has content (what {@link canonical} keeps). */
function hasContent(x: unknown): boolean {
  return x !== undefined && x !== '' && typeof x !== 'function' && typeof x !== 'symbol';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether `a` and `b` have the same {@link canonical} text, without writing it: stops at the first
 * difference, so comparing a 200-measure plan with the empty value costs one length check, not two
 * serialisations (the base form asks on every keystroke whether its value is empty).
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // In a list JSON writes `undefined` as `null`.
    return a.every((x: unknown, i) => sameContent(x ?? null, b[i] ?? null));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => hasContent(a[k]));
    if (keys.length !== Object.keys(b).filter((k) => hasContent(b[k])).length) return false;
    return keys.every((k) => hasContent(b[k]) && sameContent(a[k], b[k]));
  }
  if (typeof a === 'number' && typeof b === 'number') return !Number.isFinite(a) && !Number.isFinite(b); // both null in JSON
  return (a ?? null) === (b ?? null);
}

/** The `keys` whose content differs between `before` (stored, if any) and `next` (edited). */
export function changedFields<K extends PropertyKey>(
  keys: readonly K[],
  before: Partial<Record<K, unknown>> | undefined,
  next: Partial<Record<K, unknown>>,
): K[] {
  return keys.filter((k) => !sameContent(before?.[k], next[k]));
}
