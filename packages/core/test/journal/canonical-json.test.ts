/*
 * DP-38: every journal hash is taken over canonical JSON. The faster writer (issue 18: strings without an
 * escape quoted as they are, keys quoted once, keys already in order not sorted again) must give exactly
 * the bytes of the plain definition below, for any JSON value: odd keys (`__proto__`, `constructor`,
 * integer-like keys, which Object.keys puts first), escapes, control characters and lone surrogates.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { canonicalJson } from '../../src/journal/canonical-json.js';

/** The definition: own keys sorted by UTF-16 code units, `undefined` members dropped, `JSON.stringify` for the rest. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('not a JSON number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => reference(item ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
  return `{${members.join(',')}}`;
}

/** Texts with what JSON escapes: quotes, backslashes, control characters, paired and lone surrogates. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\ud83d\ude00', '\ud800', '\udfff', 'ä€'),
);
const key = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'toString', '0', '9', '10', '-1', 'a', 'B'));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.boolean(),
    fc.constant(null),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constant(-0),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
    fc.array(fc.tuple(key, fc.oneof(tie('value'), fc.constant(undefined))), { maxLength: 6 }).map((entries) => {
      // Built member by member, as JSON.parse does: `__proto__` becomes an own member, not the prototype.
      const record: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(record, k, { value: v, enumerable: true, writable: true });
      return record;
    }),
  ),
}));

describe('canonical JSON (DP-38, issue 18)', () => {
  it('DP-38 (property): gives exactly the bytes of the plain definition for any JSON value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).to.equal(reference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('DP-38 (property): a value whose keys are already in order (no sort) gives the same bytes', () => {
    /** The value rebuilt member by member in sorted key order: the writer skips the sort for it. */
    const inOrder = (v: unknown): unknown => {
      if (v === null || typeof v !== 'object') return v;
      if (Array.isArray(v)) return v.map(inOrder);
      const record = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(record).sort())
        Object.defineProperty(out, k, { value: inOrder(record[k]), enumerable: true, writable: true });
      return out;
    };
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(inOrder(v))).to.equal(reference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('DP-38: a Date or class instance is its own members, a function member throws, -0 is 0', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    expect(canonicalJson({ a: new Date(0), b: new Point(1) })).to.equal(reference({ a: new Date(0), b: new Point(1) }));
    expect(() => canonicalJson({ a: 1, b: { toJSON: () => 'x' } })).to.throw(TypeError);
    expect(() => canonicalJson(undefined)).to.throw(TypeError);
    expect(canonicalJson({ a: -0, b: [undefined] })).to.equal('{"a":0,"b":[null]}');
  });

  it('DP-38: sorts keys by code units, drops undefined members, writes null for undefined in arrays', () => {
    expect(canonicalJson({ b: 1, a: [undefined, 'x'], c: undefined, 10: true, 9: false })).to.equal(
      '{"10":true,"9":false,"a":[null,"x"],"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__":{"z":1},"a":"\\u0000\\"\\\\\\ud800"}'))).to.equal(
      '{"__proto__":{"z":1},"a":"\\u0000\\"\\\\\\ud800"}',
    );
  });

  it('DP-38: refuses what is not JSON (non-finite numbers, functions, bigints) by throwing', () => {
    expect(() => canonicalJson({ a: Number.NaN })).to.throw(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).to.throw(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).to.throw(TypeError);
    expect(() => canonicalJson(1n)).to.throw(TypeError);
  });
});
