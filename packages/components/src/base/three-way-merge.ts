import { sameContent } from '../list-editing/changed-fields.js';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return sameContent(a, b);
}

function idOf(value: unknown): string | undefined {
  return isPlain(value) && typeof value['id'] === 'string' && value['id'] !== '' ? value['id'] : undefined;
}

/** A list of items that carry ids (goals, measures …): merged item by item, not as a whole. */
function isKeyedList(...lists: unknown[]): boolean {
  return lists.every((l) => l === undefined || (Array.isArray(l) && l.every(isPlain))) && lists.some(Array.isArray);
}

function mergeKeyed(base: readonly unknown[], mine: readonly unknown[], theirs: readonly unknown[]): unknown[] {
  const byId = (list: readonly unknown[]) => new Map(list.flatMap((item) => (idOf(item) ? [[idOf(item)!, item]] : [])));
  const baseById = byId(base);
  const mineById = byId(mine);
  const theirIds = new Set(theirs.map(idOf).filter((id) => id !== undefined));
  // The stored order first (with the user's edits merged into each item), then the user's new items.
  const merged = theirs.map((item) => {
    const id = idOf(item);
    const own = id === undefined ? undefined : mineById.get(id);
    return own === undefined ? item : mergeThreeWay(baseById.get(id!), own, item);
  });
  for (const item of mine) {
    const id = idOf(item);
    if (id === undefined || (!theirIds.has(id) && !baseById.has(id))) merged.push(item);
  }
  return merged;
}

/**
 * Re-applies the user's change on top of a version stored elsewhere: `base` is what the form was
 * based on, `mine` the user's edit of it, `theirs` the version stored since. Whatever only one side
 * changed is taken from that side; where both changed the same field the user's value wins (that is
 * what "re-apply my change" means); lists of items with ids (goals, measures) are merged item by
 * item, so a goal added elsewhere and a goal added here are both kept.
 */
export function mergeThreeWay<T>(base: unknown, mine: T, theirs: unknown): T {
  if (same(mine, base)) return theirs as T;
  if (same(theirs, base) || same(mine, theirs)) return mine;
  if (Array.isArray(mine) && Array.isArray(theirs) && isKeyedList(base, mine, theirs))
    return mergeKeyed((base as unknown[] | undefined) ?? [], mine, theirs as unknown[]) as T;
  if (isPlain(mine) && isPlain(theirs)) {
    const out: Plain = {};
    const from = isPlain(base) ? base : {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const value = mergeThreeWay(from[key], mine[key], theirs[key]);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  }
  return mine;
}

/** How an item of a list is named in "what changed": its title, subject or name, else its position. */
function itemName(item: unknown, index: number): string {
  if (isPlain(item)) {
    for (const key of ['title', 'subject', 'name', 'label', 'note']) {
      const value = item[key];
      if (typeof value === 'string' && value.trim() !== '') {
        const name = value.trim();
        return `„${name.length > 80 ? `${name.slice(0, 79)}…` : name}“`;
      }
    }
  }
  return `#${index + 1}`;
}

/** Bookkeeping the core keeps beside an item's fields: it changes with every edit and says nothing new. */
const BOOKKEEPING = new Set(['history', 'revisions', 'statusHistory', 'recordedAt', 'recordedBy']);

/**
 * The fields that differ between two versions of a form value, as readable paths
 * (`goals › „Wohnung finden“ › timeFrame`): what changed elsewhere since the form's version.
 */
export function changedPaths(before: unknown, after: unknown, at: readonly string[] = []): string[][] {
  if (same(before, after)) return [];
  if (Array.isArray(after) && isKeyedList(before, after)) {
    const old = new Map(((before as unknown[] | undefined) ?? []).map((item) => [idOf(item), item]));
    return after.flatMap((item, index) => {
      const id = idOf(item);
      const previous = id === undefined ? undefined : old.get(id);
      return previous === undefined
        ? [[...at, itemName(item, index)]]
        : changedPaths(previous, item, [...at, itemName(item, index)]);
    });
  }
  if (isPlain(after) && isPlain(before)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((key) => !BOOKKEEPING.has(key))
      .flatMap((key) => changedPaths(before[key], after[key], [...at, key]));
  }
  return [at.length === 0 ? ['…'] : [...at]];
}
