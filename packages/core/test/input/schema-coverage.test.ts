import { expect } from 'chai';
import { batchEnvelopeSchema, commandEnvelopeSchema } from '@fallkit/core';
import { HAPPENED_DATES, PLANNED_DATES } from '@fallkit/core/internal';
import { ALL_COMMANDS } from '../fuzz/base-commands.js';

/*
 * IN-01, IN-02, IN-03/IN-05 for every schema at once: walks each command's input schema (and the
 * envelopes) and lists every object that is not strict, every list or string without a maximum,
 * every string with no character rule at all (no normalisation, no token or format check) and every
 * member that takes any value. A new field written as a bare `z.string()` or `z.array()` fails here.
 */

/** The zod 4 internals this walk reads (classic and mini share them). */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, Schema>;
  readonly catchall?: Schema;
  readonly innerType?: Schema;
  readonly element?: Schema;
  readonly options?: readonly Schema[];
  readonly in?: Schema;
  readonly out?: Schema;
  readonly left?: Schema;
  readonly right?: Schema;
  readonly format?: string;
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly check: string } } }[];
}
interface Schema {
  readonly _zod: { readonly def: Def };
}

/** Members that take any JSON value on purpose: the raw command's budget (IN-08) bounds them. */
const ANY_VALUE_ALLOWED = new Set(['rectifyData.newValue', 'envelope.input', 'batch.commands.*']);

function violations(root: Schema, name: string): string[] {
  const out: string[] = [];
  const stack: { schema: Schema; path: string }[] = [{ schema: root, path: name }];
  while (stack.length > 0) {
    const { schema, path } = stack.pop()!;
    const def = schema._zod.def;
    const checks = (def.checks ?? []).map((c) => c._zod.def.check);
    switch (def.type) {
      case 'object':
        if (def.catchall?._zod.def.type !== 'never') out.push(`${path}: object is not strict`);
        for (const [key, member] of Object.entries(def.shape ?? {}))
          stack.push({ schema: member, path: `${path}.${key}` });
        break;
      case 'array':
        if (!checks.includes('max_length')) out.push(`${path}: list without a maximum`);
        stack.push({ schema: def.element!, path: `${path}.*` });
        break;
      case 'string': {
        const bounded = def.format !== undefined || checks.includes('max_length') || checks.includes('length_equals');
        const ruled =
          def.format !== undefined ||
          checks.includes('overwrite') ||
          checks.includes('custom') ||
          checks.includes('string_format');
        if (!bounded) out.push(`${path}: string without a maximum`);
        if (!ruled) out.push(`${path}: string without normalisation or a token/format rule`);
        break;
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
      case 'nonoptional':
        stack.push({ schema: def.innerType!, path });
        break;
      case 'union':
        def.options!.forEach((option, index) => stack.push({ schema: option, path: `${path}|${index}` }));
        break;
      case 'pipe':
        stack.push({ schema: def.in!, path }, { schema: def.out!, path });
        break;
      case 'intersection':
        stack.push({ schema: def.left!, path }, { schema: def.right!, path });
        break;
      case 'unknown':
      case 'any':
        if (!ANY_VALUE_ALLOWED.has(path)) out.push(`${path}: takes any value`);
        break;
      case 'enum':
      case 'literal':
      case 'boolean':
      case 'number':
      case 'int':
      case 'never':
      case 'undefined':
      case 'null':
        break;
      default:
        out.push(`${path}: schema type ${def.type} not understood by this walk`);
    }
  }
  return out;
}

/** The paths of every calendar-date field of a schema (`*` for list items), as `HAPPENED_DATES` writes them. */
function datePaths(root: Schema): string[] {
  const out = new Set<string>();
  const stack: { schema: Schema; path: string[] }[] = [{ schema: root, path: [] }];
  while (stack.length > 0) {
    const { schema, path } = stack.pop()!;
    const def = schema._zod.def;
    if (def.type === 'object')
      for (const [key, member] of Object.entries(def.shape ?? {})) stack.push({ schema: member, path: [...path, key] });
    else if (def.type === 'array') stack.push({ schema: def.element!, path: [...path, '*'] });
    else if (def.innerType !== undefined) stack.push({ schema: def.innerType, path });
    else if (def.type === 'union') for (const option of def.options!) stack.push({ schema: option, path });
    else if (def.type === 'string' && def.format === 'date') out.add(path.join('.'));
  }
  return [...out].sort();
}

describe('IN-01/IN-02/IN-05 coverage: every input schema is strict and bounded, field by field', () => {
  it('IN-01/IN-02: no command input has a loose object, an unbounded list or string, or an unchecked member', () => {
    const found = Object.entries(ALL_COMMANDS).flatMap(([type, definition]) =>
      violations(definition.input as unknown as Schema, type),
    );
    expect(found).to.deep.equal([]);
  });

  it('IN-01/IN-02: the command envelope and the batch envelope are strict and bounded too', () => {
    expect([
      ...violations(commandEnvelopeSchema as unknown as Schema, 'envelope'),
      ...violations(batchEnvelopeSchema as unknown as Schema, 'batch'),
    ]).to.deep.equal([]);
  });

  it('IN-06: every date field of every input is either a happened-on date or a planned one, never both', () => {
    for (const [type, definition] of Object.entries(ALL_COMMANDS)) {
      const happened = HAPPENED_DATES[type] ?? [];
      const planned = PLANNED_DATES[type] ?? [];
      expect(
        happened.filter((path) => planned.includes(path)),
        `${type}: both`,
      ).to.deep.equal([]);
      expect([...happened, ...planned].sort(), type).to.deep.equal(datePaths(definition.input as unknown as Schema));
    }
  });

  it('the walk finds what it looks for (a loose object, a bare string, a bare list, an unknown)', async () => {
    const z = await import('zod/mini');
    const loose = z.object({ a: z.string(), b: z.array(z.number()), c: z.unknown() });
    expect(violations(loose as unknown as Schema, 'x')).to.have.members([
      'x: object is not strict',
      'x.a: string without a maximum',
      'x.a: string without normalisation or a token/format rule',
      'x.b: list without a maximum',
      'x.c: takes any value',
    ]);
  });
});
