import { text } from '../i18n/localized-text.js';
import {
  INPUT_ARRAY_MAX,
  INPUT_CHARS_MAX,
  INPUT_DEPTH_MAX,
  INPUT_KEY_MAX,
  INPUT_KEYS_MAX,
  INPUT_NODES_MAX,
  INPUT_STRING_MAX,
} from '../model/limits.js';
import { ok, refused, type IssuePath, type Result } from '../result/refusal.js';

/*
 * The budget of a raw command (IN-08). A schema walks its input recursively and reads every member,
 * so a 1,000,000-item array, a 10 MB string or 10,000 levels of nesting cost time, memory or the stack
 * before the schema can refuse them. This check runs first: it looks at lengths before it iterates,
 * walks with an explicit stack (no recursion that can overflow) and stops at the first bound broken.
 *
 * While it walks it copies the command into plain data: own enumerable data members only, no getters
 * (which could answer differently on the second read), no prototypes, no class instances, no
 * functions. Everything after it, the schemas included, reads the copy, so what was measured is what
 * is parsed.
 */

/** The refusal codes of the budget, all under rule `IN-08`. */
export type InputBudgetCode = 'INPUT_TOO_LARGE' | 'INPUT_TOO_DEEP' | 'INPUT_NOT_PLAIN_DATA' | 'INPUT_UNREADABLE';

const RULE = 'IN-08';

function refuse(code: InputBudgetCode, path: IssuePath, de: string, en: string) {
  const where = path.length === 0 ? '' : ` (${path.join('.')})`;
  return refused({ code, rule: RULE, path, message: text(`${de}${where}`, `${en}${where}`) });
}

function tooLarge(path: IssuePath, whatDe: string, whatEn: string, max: number) {
  return refuse(
    'INPUT_TOO_LARGE',
    path,
    `Die Eingabe ist zu groß: ${whatDe} (höchstens ${max.toLocaleString('de-DE')}); nichts wurde gelesen oder gespeichert`,
    `The input is too large: ${whatEn} (at most ${max.toLocaleString('en-GB')}); nothing was read or stored`,
  );
}

function notPlain(path: IssuePath, whatDe: string, whatEn: string) {
  return refuse(
    'INPUT_NOT_PLAIN_DATA',
    path,
    `Die Eingabe enthält ${whatDe}; erlaubt sind nur JSON-Werte`,
    `The input contains ${whatEn}; only JSON values are allowed`,
  );
}

/** One value still to copy: where it is, how deep, and where its copy goes. */
interface Task {
  readonly value: unknown;
  readonly depth: number;
  readonly path: readonly (string | number)[];
  readonly put: (copy: unknown) => void;
}

function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a member named `__proto__` stays a member and never sets a prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Checks the budget of a raw command and returns a plain-data copy of it, or a refusal with rule
 * `IN-08` and the path of the first value over budget. Never throws: a proxy or getter that throws
 * while being read is refused as `INPUT_UNREADABLE`.
 */
export function admitCommand(raw: unknown): Result<unknown> {
  try {
    return admit(raw);
  } catch {
    return refuse(
      'INPUT_UNREADABLE',
      [],
      'Die Eingabe ließ sich nicht lesen; nichts wurde gespeichert',
      'The input could not be read; nothing was stored',
    );
  }
}

function admit(raw: unknown): Result<unknown> {
  let result: unknown;
  const stack: Task[] = [{ value: raw, depth: 0, path: [], put: (copy) => (result = copy) }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth, path, put } = stack.pop()!;
    nodes += 1;
    if (nodes > INPUT_NODES_MAX) return tooLarge(path, 'zu viele Werte', 'too many values', INPUT_NODES_MAX);
    switch (typeof value) {
      case 'string':
        if (value.length > INPUT_STRING_MAX)
          return tooLarge(path, 'ein Text ist zu lang', 'a text is too long', INPUT_STRING_MAX);
        chars += value.length;
        if (chars > INPUT_CHARS_MAX)
          return tooLarge(path, 'zu viel Text insgesamt', 'too much text in all', INPUT_CHARS_MAX);
        put(value);
        continue;
      case 'number':
        if (!Number.isFinite(value)) return notPlain(path, 'eine ungültige Zahl', 'a non-finite number');
        put(value);
        continue;
      case 'boolean':
      case 'undefined':
        put(value);
        continue;
      case 'object':
        break;
      default:
        return notPlain(path, `einen Wert vom Typ ${typeof value}`, `a value of type ${typeof value}`);
    }
    if (value === null) {
      put(null);
      continue;
    }
    if (depth >= INPUT_DEPTH_MAX)
      return refuse(
        'INPUT_TOO_DEEP',
        path,
        `Die Eingabe ist zu tief verschachtelt (höchstens ${INPUT_DEPTH_MAX} Ebenen)`,
        `The input is nested too deeply (at most ${INPUT_DEPTH_MAX} levels)`,
      );
    if (Array.isArray(value)) {
      // The length is read before a single item is touched.
      const length = value.length;
      if (length > INPUT_ARRAY_MAX)
        return tooLarge(path, 'eine Liste hat zu viele Einträge', 'a list has too many entries', INPUT_ARRAY_MAX);
      const copy: unknown[] = new Array<unknown>(length);
      put(copy);
      for (let index = length - 1; index >= 0; index -= 1) {
        const descriptor = Object.getOwnPropertyDescriptor(value, index);
        if (descriptor !== undefined && !('value' in descriptor))
          return notPlain([...path, index], 'eine berechnete Eigenschaft', 'a computed property');
        stack.push({
          value: descriptor?.value,
          depth: depth + 1,
          path: [...path, index],
          put: (item) => (copy[index] = item),
        });
      }
      continue;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null)
      return notPlain(path, 'ein Objekt, das kein einfaches Objekt ist', 'an object that is not a plain object');
    const keys = Object.keys(value);
    if (keys.length > INPUT_KEYS_MAX)
      return tooLarge(path, 'ein Objekt hat zu viele Felder', 'an object has too many fields', INPUT_KEYS_MAX);
    const copy: Record<string, unknown> = {};
    put(copy);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index]!;
      if (key.length > INPUT_KEY_MAX)
        return tooLarge(path, 'ein Feldname ist zu lang', 'a field name is too long', INPUT_KEY_MAX);
      chars += key.length;
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined) continue;
      if (!('value' in descriptor))
        return notPlain([...path, key], 'eine berechnete Eigenschaft', 'a computed property');
      stack.push({
        value: descriptor.value,
        depth: depth + 1,
        path: [...path, key],
        put: (member) => defineMember(copy, key, member),
      });
    }
  }
  return ok(result);
}
