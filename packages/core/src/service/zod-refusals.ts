import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { IssuePath, Refusal } from '../result/refusal.js';

/** The code of every refusal produced by schema validation. */
export const INVALID_INPUT = 'INVALID_INPUT';

/** The part of a zod issue this module reads (zod 4 issues, classic and mini alike). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly format?: string;
  readonly values?: readonly unknown[];
  readonly options?: readonly unknown[];
  readonly keys?: readonly string[];
  /** A custom check's parameters; the primitives put `rule`, `de` and `en` here (`model/primitives.ts`). */
  readonly params?: Readonly<Record<string, unknown>>;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['Text', 'text'],
  number: ['eine Zahl', 'a number'],
  int: ['eine ganze Zahl', 'a whole number'],
  boolean: ['ja/nein', 'yes/no'],
  object: ['ein Objekt', 'an object'],
  array: ['eine Liste', 'a list'],
  date: ['ein Datum', 'a date'],
};

const FORMAT_NAMES: Record<string, [string, string]> = {
  date: ['ein Datum im Format JJJJ-MM-TT', 'a date as YYYY-MM-DD'],
  datetime: ['ein Zeitpunkt (ISO 8601)', 'a timestamp (ISO 8601)'],
  regex: ['ein gültiger Wert', 'a valid value'],
  email: ['eine E-Mail-Adresse', 'an e-mail address'],
};

/** The value at a path, through own members only (a path never reaches a prototype). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(issue: SchemaIssue, field: string, present: boolean): LocalizedText {
  switch (issue.code) {
    case 'invalid_type': {
      if (!present) return text(`Pflichtfeld „${field}“ fehlt.`, `Required field "${field}" is missing.`);
      const [de, en] = TYPE_NAMES[issue.expected ?? ''] ?? [issue.expected ?? '?', issue.expected ?? '?'];
      return text(`Feld „${field}“: erwartet wird ${de}.`, `Field "${field}": expected ${en}.`);
    }
    case 'too_small':
      return issue.origin === 'array'
        ? text(
            `Feld „${field}“: mindestens ${String(issue.minimum)} Einträge nötig.`,
            `Field "${field}": at least ${String(issue.minimum)} entries needed.`,
          )
        : issue.origin === 'string'
          ? text(`Feld „${field}“ darf nicht leer sein.`, `Field "${field}" must not be empty.`)
          : text(
              `Feld „${field}“: Wert ist kleiner als ${String(issue.minimum)}.`,
              `Field "${field}": value is below ${String(issue.minimum)}.`,
            );
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? text(
            `Feld „${field}“ ist zu lang (höchstens ${String(issue.maximum)}).`,
            `Field "${field}" is too long (at most ${String(issue.maximum)}).`,
          )
        : text(
            `Feld „${field}“: Wert ist größer als ${String(issue.maximum)}.`,
            `Field "${field}": value is above ${String(issue.maximum)}.`,
          );
    case 'invalid_format': {
      const [de, en] = FORMAT_NAMES[issue.format ?? ''] ?? [
        `Format ${issue.format ?? '?'}`,
        `format ${issue.format ?? '?'}`,
      ];
      return text(`Feld „${field}“: erwartet wird ${de}.`, `Field "${field}": expected ${en}.`);
    }
    case 'invalid_value':
    case 'invalid_union': {
      const allowed = (issue.values ?? issue.options ?? []).map(String).join(', ');
      return allowed === ''
        ? text(`Feld „${field}“ hat keinen zulässigen Wert.`, `Field "${field}" has no allowed value.`)
        : text(`Feld „${field}“: zulässig sind ${allowed}.`, `Field "${field}": allowed values are ${allowed}.`);
    }
    case 'unrecognized_keys':
      return text(
        `Unbekanntes Feld „${field}“ (Tippfehler?): es wird nicht gespeichert, der Befehl wird abgelehnt.`,
        `Unknown field "${field}" (a typo?): it is not stored, the command is refused.`,
      );
    case 'custom': {
      const { de, en } = issue.params ?? {};
      if (typeof de === 'string' && typeof en === 'string')
        return text(`Feld „${field}“: ${de}`, `Field "${field}": ${en}`);
      return text(`Feld „${field}“ ist ungültig.`, `Field "${field}" is invalid.`);
    }
    default:
      return text(`Feld „${field}“ ist ungültig.`, `Field "${field}" is invalid.`);
  }
}

/** The input rule an issue breaks: IN-01 unknown key, IN-02 too long, a custom check's own rule, else `SCHEMA`. */
function ruleOf(issue: SchemaIssue): string {
  if (issue.code === 'unrecognized_keys') return 'IN-01';
  if (issue.code === 'too_big') return 'IN-02';
  const rule = issue.params?.['rule'];
  return typeof rule === 'string' ? rule : 'SCHEMA';
}

/** Shown instead of a key that is too long or not printable, so a refusal never echoes a hostile key whole. */
function printableKey(key: string): string {
  // eslint-disable-next-line no-control-regex
  return key.length <= 64 && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(key)
    ? key
    : `${JSON.stringify(key.slice(0, 32)).slice(1, -1)}…`;
}

/**
 * Turns schema issues into refusals with code {@link INVALID_INPUT}, the rule broken (`IN-01`…, or
 * `SCHEMA` for a wrong type or a missing field), the path into the command (`prefix` + issue path)
 * and a German and English message naming the field. An issue about unknown keys becomes one refusal
 * per key, its path ending in the key (`input.addressee.profesionalSecret`).
 */
export function refusalsFromIssues(issues: readonly SchemaIssue[], root: unknown, prefix: IssuePath = []): Refusal[] {
  return issues.flatMap((issue) => {
    const at: (string | number)[] = [
      ...prefix,
      ...issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    ];
    const paths =
      issue.code === 'unrecognized_keys' ? (issue.keys ?? []).map((key) => [...at, printableKey(key)]) : [at];
    return paths.map((path) => {
      const field = path.length === 0 ? '(Eingabe)' : path.join('.');
      const present = valueAt(root, issue.path) !== undefined;
      return { code: INVALID_INPUT, rule: ruleOf(issue), path, message: describe(issue, field, present) };
    });
  });
}
