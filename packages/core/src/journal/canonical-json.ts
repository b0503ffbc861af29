/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped. Two equal values
 * always serialise to the same bytes, which is what makes a hash over an event stable across
 * machines, stores and JavaScript engines.
 *
 * Only JSON values are allowed; a function, symbol, bigint or non-finite number is a programming
 * error and throws.
 *
 * This runs twice per event on every verification (payload and envelope), so it avoids work that
 * does not change its output (issue 18): a string without a character JSON escapes is quoted as it
 * is, keys are quoted once per process (they come from a few schemas), and keys already in order are
 * not sorted again. `packages/core/test/journal/canonical-json.test.ts` checks it against the plain
 * definition (sort, `JSON.stringify` every string) with generated values.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '';
        for (let i = 0; i < value.length; i += 1) out += `${i === 0 ? '' : ','}${canonicalJson(value[i] ?? null)}`;
        return `[${out}]`;
      }
      // Own enumerable members only, read once: a member named `constructor` or `__proto__` is data,
      // never a lookup on the prototype chain (IN-09). Keys sort by UTF-16 code units.
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (!ascending(keys)) keys.sort();
      let out = '';
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out += `${out === '' ? '' : ','}${keyText(key)}${canonicalJson(member)}`;
      }
      return `{${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
}

/** A character `JSON.stringify` writes differently from itself: quote, backslash, control, any surrogate. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * `JSON.stringify` of a string. Most texts of a journal need no escape, and are quoted as they are;
 * surrogates (paired or lone) go to `JSON.stringify`, which escapes the lone ones.
 */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Quoted keys with their colon: the members of a few schemas, over and over. Bounded, never emptied. */
const KEY_TEXTS = new Map<string, string>();
const MAX_KEY_TEXTS = 2048;

function keyText(key: string): string {
  let known = KEY_TEXTS.get(key);
  if (known === undefined) {
    known = `${quote(key)}:`;
    if (KEY_TEXTS.size < MAX_KEY_TEXTS) KEY_TEXTS.set(key, known);
  }
  return known;
}

/** Whether keys are already in the order `sort()` gives (UTF-16 code units). */
function ascending(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i += 1) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
