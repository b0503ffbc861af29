import fc from 'fast-check';
import { ID_MAX, INPUT_STRING_MAX, RESERVED_NAMES, type AnyCommand } from '@fallkit/core';
import { HAPPENED_DATES } from '@fallkit/core/internal';

/*
 * Ways to break a schema-valid command, each with the refusal codes it must get. A mutant is built
 * from a base command and a few random numbers, so fast-check can shrink a failure to the smallest
 * path and mutation that shows it.
 */

/** The kinds of malformed input the suite generates. */
export const MUTATION_KINDS = [
  'unknownKey',
  'prototypeKey',
  'wrongType',
  'hugeString',
  'overlongString',
  'overlongId',
  'hugeArray',
  'deepNesting',
  'controlCharacter',
  'loneSurrogate',
  'bidiOverride',
  'futureDate',
  'nonJson',
  'prototypeCommandType',
  'badEnvelope',
] as const;

/** One of {@link MUTATION_KINDS}. */
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** A malformed command and what its refusal must look like. */
export interface Mutant {
  readonly kind: MutationKind;
  /** Where the mutation is (into the command), for the failure message. */
  readonly at: readonly (string | number)[];
  readonly command: unknown;
  /** Every refusal code must be one of these. */
  readonly codes: readonly string[];
  /**
   * Where some refusal must point: at `at` itself (`exact`), at `at` or a part of the command that
   * contains it (`prefix`: a union or an object refused whole), at `at` or a value inside it (`below`:
   * the first level too deep), or anywhere (`anywhere`: a broken envelope or an unreadable input).
   */
  readonly pointsAt: 'prefix' | 'exact' | 'below' | 'anywhere';
}

type Path = readonly (string | number)[];

interface Node {
  readonly path: Path;
  readonly value: unknown;
}

/** Members whose schema is `unknown` (any JSON value): changing their type is no schema error. */
const PERMISSIVE: readonly Path[] = [['input', 'newValue']];

const within = (path: Path, prefix: Path): boolean =>
  prefix.length <= path.length && prefix.every((key, index) => path[index] === key);

/** Every value of the command but its `type`, with its path; walked with a stack. */
function nodesOf(command: unknown): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [{ path: [], value: command }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.path.length > 0) out.push(node);
    const { value, path } = node;
    if (Array.isArray(value)) value.forEach((item, index) => stack.push({ path: [...path, index], value: item }));
    else if (value !== null && typeof value === 'object')
      for (const [key, member] of Object.entries(value)) {
        if (path.length === 0 && key === 'type') continue;
        stack.push({ path: [...path, key], value: member });
      }
  }
  return out;
}

function defineMember(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `root` with `value` at `path` (own data member, so `__proto__` stays a member). */
function withValue(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let holder: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  defineMember(holder, path.at(-1)!, value);
  return copy;
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/** Typos of real fields and arbitrary names: none is a member of any input schema. */
const TYPO_KEYS = ['profesionalSecret', 'entrustet', 'childProtecton', 'subjectID', 'caseid', 'expectedSequence'];

/** The names of `Object.prototype`, `prototype` included. */
export const PROTOTYPE_KEYS = [...RESERVED_NAMES];

/** Unknown member names: typos, prototype names, random identifiers and random Unicode. */
export const unknownKeyArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TYPO_KEYS),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.stringMatching(/^[a-z][A-Za-z0-9]{1,12}$/).map((key) => `zz${key}`),
  fc.string({ maxLength: 8, unit: 'grapheme' }).map((key) => `§${key}`),
);

/** A 10 MB string, a 1,000,000-item array and 10,000 levels of nesting, built once and shared. */
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const MILLION = new Array<number>(1_000_000).fill(0);
const DEEP = (() => {
  let value: unknown = 'bottom';
  for (let level = 0; level < 10_000; level += 1) value = level % 2 === 0 ? [value] : { nested: value };
  return value;
})();

class NotPlain {
  readonly x = 1;
}

/** Values that are not JSON: functions, symbols, bigints, class instances, getters, hostile proxies. */
export const NON_JSON: readonly (() => unknown)[] = [
  () => () => 1,
  () => Symbol('s'),
  () => 10n,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => new NotPlain(),
  () => ({
    get sneaky(): string {
      return 'changes on every read';
    },
  }),
  () =>
    new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('hostile proxy');
        },
        ownKeys() {
          throw new Error('hostile proxy');
        },
      },
    ),
];

const CONTROL = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085'];
const BIDI = ['\u202e', '\u202d', '\u202a', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Members that hold single-line text: a bidi control is refused there (multi-line text may hold one). */
const SINGLE_LINE_KEYS = new Set([
  'givenName',
  'familyName',
  'name',
  'title',
  'subject',
  'topic',
  'label',
  'language',
  'phone',
  'email',
  'relationToAddressee',
  'legalGround',
  'costCarrier',
  'contactPerson',
  'role',
  'serviceKind',
  'region',
  'channel',
  'profession',
  'scanReference',
]);

const BAD_ENVELOPES: readonly ((command: AnyCommand) => unknown)[] = [
  (c) => ({ ...c, caseId: 42 }),
  (c) => ({ ...c, caseId: '' }),
  (c) => ({ ...c, caseId: '   ' }),
  (c) => withValue(c, ['caseId'], '__proto__'),
  (c) => ({ ...c, caseId: 'constructor' }),
  (c) => ({ ...c, caseId: 'case 1' }),
  (c) => ({ ...c, caseId: 'case-1\u0000' }),
  (c) => ({ ...c, expectedSeq: -1 }),
  (c) => ({ ...c, expectedSeq: 1.5 }),
  (c) => ({ ...c, expectedSeq: '3' }),
  (c) => ({ ...c, expectedSequence: 3 }),
  (c) => ({ ...c, reason: 42 }),
  (c) => ({ ...c, reason: 'x'.repeat(2_001) }),
  (c) => ({ ...c, input: null }),
  (c) => ({ ...c, input: [] }),
  (c) => ({ ...c, input: 'text' }),
  (c) => {
    const { input: _input, ...rest } = c;
    return rest;
  },
  () => null,
  () => 'openCase',
  () => [],
];

/** The random choices a mutant is built from. */
export interface MutationChoice {
  readonly kind: MutationKind;
  readonly node: number;
  readonly offset: number;
  readonly variant: number;
  readonly key: string;
  readonly years: number;
}

/** Random {@link MutationChoice}s, every kind equally likely. */
export const mutationChoiceArb: fc.Arbitrary<MutationChoice> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  node: fc.nat(),
  offset: fc.nat(),
  variant: fc.nat(),
  key: unknownKeyArb,
  years: fc.integer({ min: 1, max: 150 }),
});

function insertAt(text: string, offset: number, insert: string): string {
  const at = text.length === 0 ? 0 : offset % (text.length + 1);
  return `${text.slice(0, at)}${insert}${text.slice(at)}`;
}

function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  return `${Number(y) + years}-${m}-${d === '29' && m === '02' ? '28' : d}`;
}

/** Builds the mutant of `base` that `choice` describes; `today` is the service's today. */
export function mutate(base: AnyCommand, choice: MutationChoice, today: string): Mutant {
  const nodes = nodesOf(base);
  const free = nodes.filter((n) => !PERMISSIVE.some((p) => within(n.path, p)));
  const objects = [{ path: [] as Path, value: base }, ...free].filter(
    (n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value),
  );
  const leaves = free.filter((n) => n.value === null || typeof n.value !== 'object');
  const strings = free.filter((n) => typeof n.value === 'string');

  const unknownKey = (kind: MutationKind, key: string): Mutant => {
    const target = pick(objects, choice.node)!;
    const holder = target.value as Record<string, unknown>;
    const fresh = Object.hasOwn(holder, key) ? `${key}Zz` : key;
    const at = [...target.path, fresh];
    return { kind, at, command: withValue(base, at, true), codes: ['INVALID_INPUT'], pointsAt: 'prefix' };
  };

  switch (choice.kind) {
    case 'unknownKey':
      return unknownKey('unknownKey', choice.key);
    case 'prototypeKey':
      return unknownKey('prototypeKey', pick(PROTOTYPE_KEYS, choice.variant)!);
    case 'wrongType': {
      const target = pick(free, choice.node)!;
      const isLeaf = target.value === null || typeof target.value !== 'object';
      const replacement = isLeaf ? pick([{ bogus: true }, [[0]]], choice.variant) : pick([42, true], choice.variant);
      return {
        kind: 'wrongType',
        at: target.path,
        command: withValue(base, target.path, replacement),
        codes: ['INVALID_INPUT'],
        pointsAt: 'prefix',
      };
    }
    case 'hugeString':
    case 'overlongString': {
      const target = pick(nodes, choice.node)!;
      const value = choice.kind === 'hugeString' ? TEN_MB : 'y'.repeat(INPUT_STRING_MAX + 1);
      return {
        kind: choice.kind,
        at: target.path,
        command: withValue(base, target.path, value),
        codes: ['INPUT_TOO_LARGE'],
        pointsAt: 'exact',
      };
    }
    case 'overlongId': {
      const ids = strings.filter(
        (n) => /(?:^id|Id|Ids)$/.test(String(n.path.at(-1))) || /Ids$/.test(String(n.path.at(-2))),
      );
      const target = pick(ids, choice.node);
      const at = target?.path ?? ['caseId'];
      return {
        kind: 'overlongId',
        at,
        command: withValue(base, at, 'i'.repeat(ID_MAX + 1)),
        codes: ['INVALID_INPUT'],
        pointsAt: 'exact',
      };
    }
    case 'hugeArray': {
      const target = pick(nodes, choice.node)!;
      return {
        kind: 'hugeArray',
        at: target.path,
        command: withValue(base, target.path, MILLION),
        codes: ['INPUT_TOO_LARGE'],
        pointsAt: 'exact',
      };
    }
    case 'deepNesting': {
      const target = pick(nodes, choice.node)!;
      return {
        kind: 'deepNesting',
        at: target.path,
        command: withValue(base, target.path, DEEP),
        codes: ['INPUT_TOO_DEEP'],
        pointsAt: 'below',
      };
    }
    case 'controlCharacter':
    case 'loneSurrogate':
    case 'bidiOverride': {
      const candidates =
        choice.kind === 'bidiOverride' ? strings.filter((n) => SINGLE_LINE_KEYS.has(String(n.path.at(-1)))) : strings;
      const target = pick(candidates, choice.node);
      if (target === undefined) return unknownKey('unknownKey', choice.key);
      const text = target.value as string;
      const value =
        choice.kind === 'controlCharacter'
          ? insertAt(text, choice.offset, pick(CONTROL, choice.variant)!)
          : choice.kind === 'bidiOverride'
            ? insertAt(text, choice.offset, pick(BIDI, choice.variant)!)
            : // A high surrogate at the end or a low one at the start can pair with nothing.
              choice.variant % 2 === 0
              ? `${text}\ud800`
              : `\udc00${text}`;
      return {
        kind: choice.kind,
        at: target.path,
        command: withValue(base, target.path, value),
        codes: ['INVALID_INPUT'],
        pointsAt: 'prefix',
      };
    }
    case 'futureDate': {
      const paths = (HAPPENED_DATES[base.type] ?? [])
        .map((p) => ['input', ...p.split('.')])
        .filter((p) => {
          const parent = nodesOf(base).find((n) => n.path.join('.') === p.slice(0, -1).join('.'));
          return p.length === 2 || (parent !== undefined && parent.value !== null && typeof parent.value === 'object');
        });
      const at = pick(paths, choice.node);
      if (at === undefined) return unknownKey('unknownKey', choice.key);
      return {
        kind: 'futureDate',
        at,
        command: withValue(base, at, addYears(today, choice.years)),
        codes: ['DATE_IN_FUTURE'],
        pointsAt: 'exact',
      };
    }
    case 'nonJson': {
      const target = pick(leaves.length > 0 ? leaves : nodes, choice.node)!;
      return {
        kind: 'nonJson',
        at: target.path,
        command: withValue(base, target.path, pick(NON_JSON, choice.variant)!()),
        codes: ['INPUT_NOT_PLAIN_DATA', 'INPUT_UNREADABLE'],
        pointsAt: 'anywhere',
      };
    }
    case 'prototypeCommandType':
      return {
        kind: 'prototypeCommandType',
        at: ['type'],
        command: { ...base, type: pick(PROTOTYPE_KEYS, choice.variant)! },
        codes: ['UNKNOWN_COMMAND'],
        pointsAt: 'exact',
      };
    case 'badEnvelope':
      return {
        kind: 'badEnvelope',
        at: [],
        command: pick(BAD_ENVELOPES, choice.variant)!(base),
        codes: ['INVALID_INPUT'],
        pointsAt: 'anywhere',
      };
  }
}
