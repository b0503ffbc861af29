import { expect } from 'chai';
import fc from 'fast-check';
import {
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type AnyCommand,
  type CaseService,
  type CaseStore,
  type CommandBatch,
  type Refusal,
} from '@fallkit/core';
import { commandAccess } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { seededService, snapshot, TEST_NOW } from '../core-fixtures.js';
import { ALL_COMMANDS, baseCommands, FUZZ_CASE_ID, type BaseCommand } from './base-commands.js';
import { MUTATION_KINDS, mutate, mutationChoiceArb, type Mutant, type MutationKind } from './mutations.js';

/*
 * The fuzz suite of issue 13 (IN-01..IN-09): malformed commands of every command type must be
 * refused with a typed refusal, never throw, never change a byte of the store, never touch a
 * prototype. Each command type gets RUNS_PER_TYPE random mutants of its schema-valid base commands.
 */

const RUNS_PER_TYPE = 40;
const BATCH_RUNS_PER_TYPE = 10;
const TODAY = TEST_NOW.slice(0, 10);

/** Own members of the built-in prototypes, with their values, as a string to compare. */
function prototypesFingerprint(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) =>
      Reflect.ownKeys(proto)
        .map((key) => {
          const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
          const value = descriptor.value ?? descriptor.get;
          const shown = typeof value === 'function' ? value.name : typeof value === 'object' ? 'object' : String(value);
          return `${String(key)}:${shown}`;
        })
        .join(','),
    )
    .join('|');
}

function pathOk(mutant: Mutant, errors: readonly Refusal[]): boolean {
  const at = mutant.at;
  return errors.some((error) => {
    const path = error.path ?? [];
    switch (mutant.pointsAt) {
      case 'exact':
        return path.length === at.length && path.every((key, index) => key === at[index]);
      case 'prefix':
        return path.length <= at.length && path.every((key, index) => key === at[index]);
      case 'below':
        return at.length <= path.length && at.every((key, index) => key === path[index]);
      case 'anywhere':
        return true;
    }
  });
}

function describeMutant(type: string, mutant: Mutant): string {
  return `${type} / ${mutant.kind} at ${JSON.stringify(mutant.at)}`;
}

describe('IN-01..IN-09 fuzz: malformed commands of every type are refused, typed, without a trace', function () {
  this.timeout(120_000);

  const bases = baseCommands();
  let store: CaseStore;
  let service: CaseService;
  let storeBefore: string;
  let prototypesBefore: string;
  const stats = {
    runs: 0,
    batches: 0,
    throws: 0,
    accepted: 0,
    byKind: new Map<MutationKind, number>(),
    slowest: { ms: 0, what: '' },
  };

  /** Who sends the command: the case's case manager, or its agency's data-protection officer for DP-41 decisions. */
  let actor: Actor = EXAMPLE_ACTORS.kimCaseManager;
  const actorFor = (type: string): Actor =>
    commandAccess(type)?.rightsDecision ? EXAMPLE_ACTORS.kimDataProtectionOfficer : EXAMPLE_ACTORS.kimCaseManager;

  before(async () => {
    ({ store } = await seededService());
    // The actor may issue the command, so a mutant that gets past the schemas meets the guards that check it.
    service = createCaseService({
      store,
      clock: new FixedClock(TEST_NOW),
      ids: new SequentialIds(),
      actor: { current: () => actor },
    });
    storeBefore = await snapshot(store, [FUZZ_CASE_ID]);
    prototypesBefore = prototypesFingerprint();
  });

  after(() => {
    const kinds = MUTATION_KINDS.map((kind) => `${kind} ${stats.byKind.get(kind) ?? 0}`).join(', ');
    console.log(
      `      fuzz: ${stats.runs} malformed commands (${stats.batches} of them in batches) over ${bases.size} command types: ${stats.throws} throws, ` +
        `${stats.accepted} accepted; slowest refusal ${stats.slowest.ms.toFixed(1)} ms (${stats.slowest.what})\n` +
        `      by kind: ${kinds}`,
    );
  });

  it('every base command is schema-valid, so each refusal below is the mutation’s doing', () => {
    expect([...bases.keys()].sort()).to.deep.equal(Object.keys(ALL_COMMANDS).sort());
    for (const [type, list] of bases) {
      expect(list, type).to.not.be.empty;
      for (const base of list) {
        const parsed = ALL_COMMANDS[type]!.input.safeParse(base.command.input);
        expect(parsed.success, `${type}: ${JSON.stringify(parsed.error?.issues)}`).to.equal(true);
      }
    }
  });

  /** Sends one mutant, alone or as the one command of a batch, and checks everything the suite promises. */
  async function check(type: string, mutant: Mutant, via: 'execute' | 'executeBatch'): Promise<void> {
    actor = actorFor(type);
    const what = `${via}: ${describeMutant(type, mutant)}`;
    // In a batch the refusal names the command: its path starts with ['commands', 0].
    const expected: Mutant = via === 'execute' ? mutant : { ...mutant, at: ['commands', 0, ...mutant.at] };
    const batch = {
      ...(ALL_COMMANDS[type]?.opensCase ? {} : { caseId: FUZZ_CASE_ID }),
      commands: [mutant.command],
    };
    stats.runs += 1;
    if (via === 'executeBatch') stats.batches += 1;
    stats.byKind.set(mutant.kind, (stats.byKind.get(mutant.kind) ?? 0) + 1);
    const started = performance.now();
    let result;
    try {
      result =
        via === 'execute'
          ? await service.execute(mutant.command as AnyCommand)
          : await service.executeBatch(batch as unknown as CommandBatch);
    } catch (error) {
      stats.throws += 1;
      throw new Error(`${what}: threw ${String(error)}`);
    }
    const ms = performance.now() - started;
    if (ms > stats.slowest.ms) stats.slowest = { ms, what };
    if (result.ok) {
      stats.accepted += 1;
      throw new Error(`${what}: accepted`);
    }
    for (const error of result.errors) {
      expect(error.code, what).to.match(/^[A-Z][A-Z0-9_]*$/);
      expect(mutant.codes, `${what}: code ${error.code} (${error.message.en})`).to.include(error.code);
      expect(error.message.de, what).to.be.a('string').and.not.be.empty;
      expect(error.message.en, what).to.be.a('string').and.not.be.empty;
    }
    expect(pathOk(expected, result.errors), `${what}: paths ${JSON.stringify(result.errors.map((e) => e.path))}`).to.be
      .true;
    expect(await snapshot(store, [FUZZ_CASE_ID]), `${what}: store changed`).to.equal(storeBefore);
    expect(prototypesFingerprint(), `${what}: a prototype changed`).to.equal(prototypesBefore);
    expect(({} as Record<string, unknown>)['bogus'], what).to.equal(undefined);
  }

  for (const [type, list] of bases) {
    it(`${type}: ${RUNS_PER_TYPE} malformed commands and ${BATCH_RUNS_PER_TYPE} malformed batches are refused, typed, store and prototypes unchanged`, async () => {
      const arb = fc.tuple(fc.constantFrom<BaseCommand>(...list), mutationChoiceArb);
      await fc.assert(
        fc.asyncProperty(arb, ([base, choice]) => check(type, mutate(base.command, choice, TODAY), 'execute')),
        { numRuns: RUNS_PER_TYPE },
      );
      await fc.assert(
        fc.asyncProperty(arb, ([base, choice]) => check(type, mutate(base.command, choice, TODAY), 'executeBatch')),
        { numRuns: BATCH_RUNS_PER_TYPE },
      );
    });
  }

  it('covers every mutation kind, at least 2,000 commands and 500 batches; the whole store is byte-identical at the end', async () => {
    expect(stats.runs - stats.batches).to.be.at.least(2_000);
    expect(stats.batches).to.be.at.least(500);
    for (const kind of MUTATION_KINDS) expect(stats.byKind.get(kind) ?? 0, kind).to.be.above(0);
    expect(stats.throws).to.equal(0);
    expect(stats.accepted).to.equal(0);
    const { store: fresh } = await seededService();
    const everyCase = (await fresh.listCases()).map((entry) => entry.caseId);
    expect(await snapshot(store, everyCase)).to.equal(await snapshot(fresh, everyCase));
  });
});

describe('IN-03 fuzz: text that is not in NFC is normalised, not refused', function () {
  this.timeout(60_000);

  /** Letters as a keyboard or a copy from a PDF may give them: decomposed, composed, mixed. */
  const piece = fc.constantFrom(
    'e\u0301',
    'a\u0308',
    'o\u0308',
    'u\u0308',
    'A\u030a',
    'n\u0303',
    'c\u0327',
    'Ä',
    'ß',
    'x',
    ' ',
  );

  it('recordNote and addPerson store the NFC form of what was typed', async () => {
    const store = new MemoryCaseStore();
    const service = createCaseService({
      store,
      clock: new FixedClock(TEST_NOW),
      ids: new SequentialIds(),
      actor: EXAMPLE_ACTORS.kimCaseManager,
    });
    const opened = await service.execute({
      type: 'openCase',
      input: {
        caseId: 'nfc-1',
        addressee: { roles: ['addressee'], givenName: 'Zoe\u0308', familyName: 'Me\u0301ndez' },
        leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt' },
      },
    });
    expect(opened.ok).to.equal(true);
    const addressee = opened.ok
      ? (opened.value.events[0]!.payload as { addressee: { givenName: string } }).addressee
      : undefined;
    expect(addressee?.givenName).to.equal('Zoë').and.not.equal('Zoe\u0308');
    let decomposed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 30 }), async (pieces) => {
        const typed = `Notiz ${pieces.join('')}`;
        if (typed.normalize('NFC') !== typed) decomposed += 1;
        const note = await service.execute({ type: 'recordNote', caseId: 'nfc-1', input: { text: typed } });
        expect(note.ok, JSON.stringify(!note.ok && note.errors)).to.equal(true);
        if (!note.ok) return;
        const stored = (note.value.events[0]!.payload as { text: string }).text;
        expect(stored).to.equal(typed.normalize('NFC').trim());
        const name = `Ka${pieces.join('').trim() || 'x'}`;
        const person = await service.execute({
          type: 'addPerson',
          caseId: 'nfc-1',
          input: { roles: ['relative'], givenName: name, familyName: 'Test' },
        });
        expect(person.ok, JSON.stringify(!person.ok && person.errors)).to.equal(true);
        if (person.ok)
          expect((person.value.events[0]!.payload as { person: { givenName: string } }).person.givenName).to.equal(
            name.normalize('NFC'),
          );
      }),
      { numRuns: 100 },
    );
    // The property must have seen decomposed input, or it proved nothing about normalising.
    expect(decomposed).to.be.above(50);
  });
});
