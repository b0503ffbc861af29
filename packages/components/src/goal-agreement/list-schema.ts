import type { ParsingSchema, SchemaIssue, SchemaResult } from '../base/validator.js';

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
        const result = options.item.safeParse(options.input(entry)) as SchemaResult<unknown>;
        if (result.success) parsed.push(options.output(entry, result.data));
        else
          for (const issue of result.error.issues) issues.push({ ...issue, path: [options.key, index, ...issue.path] });
      });
      return issues.length
        ? { success: false, error: { issues } }
        : { success: true, data: { ...(value as object), [options.key]: parsed } };
    },
  };
}
