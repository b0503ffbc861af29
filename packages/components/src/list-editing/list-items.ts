import { isRedactionMarker, type RedactionMarker } from '@fallkit/core';

/** Stored items of a list (those with an id) by id: the baseline an edit is compared to. */
export function itemsById<T extends { readonly id?: string | undefined }>(items: readonly T[]): Map<string, T> {
  return new Map(items.filter((item) => item.id).map((item) => [item.id!, item]));
}

/**
 * The list `items` with `patch` applied to the item at `index`. Keys the patch sets to a value `drop`
 * accepts (by default `undefined`) are removed, so an emptied field leaves no key behind for the
 * schema to reject.
 */
export function patchItemAt<T extends object>(
  items: readonly T[],
  index: number,
  patch: Partial<T>,
  drop: (value: unknown) => boolean = (value) => value === undefined,
): T[] {
  return items.map((item, i) => {
    if (i !== index) return item;
    const next = { ...item, ...patch } as T & Record<string, unknown>;
    for (const key of Object.keys(patch)) if (drop(next[key])) delete next[key];
    return next;
  });
}

/**
 * Splits a case view's list into the visible items (as form entries) and the items the
 * data-protection view withheld, keyed `<prefix>:<index>` for `<fk-redacted>`.
 */
export function splitRedacted<T extends object, E>(
  items: readonly (T | RedactionMarker)[] | undefined,
  prefix: string,
  toEntry: (item: T) => E,
): { entries: E[]; redactions: Record<string, RedactionMarker> } {
  const redactions: Record<string, RedactionMarker> = {};
  const entries: E[] = [];
  (items ?? []).forEach((item, i) => {
    if (isRedactionMarker(item)) redactions[`${prefix}:${i}`] = item;
    else entries.push(toEntry(item as T));
  });
  return { entries, redactions };
}
