import type { ParsingSchema, SchemaIssue, SchemaResult } from './validator.js';

/** What a list form keeps beside the command input of each entry (ids, history), stripped before parsing. */
export interface ListSchemaOptions<Entry, Parsed> {
  /** The key of the list in the form value (`goals`, `measures`). */
  readonly key: string;
  /** The core's input schema of one new entry (`agreeGoalInput`, `addMeasureInput`). */
  readonly item: ParsingSchema<unknown>;
  /** The part of an entry the item schema checks (without ids, history, reasons). */
  readonly input: (entry: Entry) => unknown;
  /** Puts the parsed input back together with the form's own fields. */
  readonly output: (entry: Entry, parsed: unknown) => Parsed;
}

/**
 * A schema for a form value `{ [key]: Entry[] }` whose entries are checked one by one with a core
 * command's input schema; issues carry the path into the list (`['goals', 2, 'title']`), so the
 * foundation's zod bridge shows each at its field. No zod instance of its own: it composes the core's.
 */
export function listSchema<Entry, Parsed>(
  options: ListSchemaOptions<Entry, Parsed>,
): ParsingSchema<{ [key: string]: Parsed[] }> {
  // Forms edit immutably: an unchanged entry keeps its identity, so its result is reused. With 200
  // measures a keystroke re-checks one entry, not all of them.
  const cache = new WeakMap<object, { ok: true; data: Parsed } | { ok: false; issues: readonly SchemaIssue[] }>();
  const check = (entry: Entry) => {
    const cacheable = typeof entry === 'object' && entry !== null;
    const known = cacheable ? cache.get(entry as object) : undefined;
    if (known) return known;
    const result = options.item.safeParse(options.input(entry)) as SchemaResult<unknown>;
    const outcome = result.success
      ? ({ ok: true, data: options.output(entry, result.data) } as const)
      : ({ ok: false, issues: result.error.issues } as const);
    if (cacheable) cache.set(entry as object, outcome);
    return outcome;
  };
  return {
    safeParse(value: unknown): SchemaResult<{ [key: string]: Parsed[] }> {
      const list = (value as Record<string, unknown> | null)?.[options.key];
      if (!Array.isArray(list)) {
        return {
          success: false,
          error: { issues: [{ code: 'invalid_type', expected: 'array', path: [options.key] }] },
        };
      }
      const issues: SchemaIssue[] = [];
      const parsed: Parsed[] = [];
      list.forEach((entry: Entry, index) => {
        const outcome = check(entry);
        if (outcome.ok) parsed.push(outcome.data);
        else for (const issue of outcome.issues) issues.push({ ...issue, path: [options.key, index, ...issue.path] });
      });
      return issues.length
        ? { success: false, error: { issues } }
        : { success: true, data: { ...(value as object), [options.key]: parsed } };
    },
  };
}
