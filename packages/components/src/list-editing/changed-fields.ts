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

/** The `keys` whose content differs between `before` (stored, if any) and `next` (edited). */
export function changedFields<K extends PropertyKey>(
  keys: readonly K[],
  before: Partial<Record<K, unknown>> | undefined,
  next: Partial<Record<K, unknown>>,
): K[] {
  return keys.filter((k) => canonical(before?.[k]) !== canonical(next[k]));
}
