/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped. Two equal values
 * always serialise to the same bytes, which is what makes a hash over an event stable across
 * machines, stores and JavaScript engines.
 *
 * Only JSON values are allowed; a function, symbol, bigint or non-finite number is a programming
 * error and throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
      // Own enumerable members only, read once: a member named `constructor` or `__proto__` is data,
      // never a lookup on the prototype chain (IN-09). Keys sort by UTF-16 code units, as before. One
      // loop and one string, no intermediate arrays: this runs twice per event on every verification.
      const record = value as Record<string, unknown>;
      let out = '';
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member === undefined) continue;
        out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
      }
      return `{${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
}
