import type { Actor, AnyCommand, JournalEvent } from '@fallkit/core';
import { EXAMPLE_CASES, runExampleCases, type ExampleCase } from '@fallkit/core/examples';
import { TEST_NOW } from '../core-fixtures.js';

/**
 * A moment in an example case, for `given(moment.history, moment).when(...)`: the journal so far,
 * the actor and the instant of the step that comes next, and that step as a command.
 */
export interface ExampleMoment {
  readonly caseId: string;
  readonly history: readonly JournalEvent[];
  readonly actor: Actor;
  readonly now: string;
  /** The example's own next step (at the end of the example: its last step). */
  readonly step: AnyCommand;
}

/** The example with that key (`rahimi`, `wagner` …), or one given directly. */
export function exampleCase(key: string | ExampleCase): ExampleCase {
  if (typeof key !== 'string') return key;
  const found = EXAMPLE_CASES.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no example ${key}`);
  return found;
}

function commandOf(example: ExampleCase, step: ExampleCase['steps'][number]): AnyCommand {
  return {
    type: step.type,
    caseId: example.caseId,
    input: step.input,
    ...(step.reason === undefined ? {} : { reason: step.reason }),
  };
}

async function journalOf(example: ExampleCase, steps: ExampleCase['steps']): Promise<readonly JournalEvent[]> {
  if (steps.length === 0) return [];
  const { store } = await runExampleCases({ cases: [{ ...example, steps }] });
  return store.readJournal(example.caseId);
}

/**
 * The moment just before the `nth` step of `type` in an example (its steps run through the case
 * service as in `runExampleCases`), optionally with some earlier steps left out.
 */
export async function momentBefore(
  key: string | ExampleCase,
  type: string,
  options: { readonly nth?: number; readonly skip?: readonly string[] } = {},
): Promise<ExampleMoment> {
  const example = exampleCase(key);
  let seen = 0;
  const cut = example.steps.findIndex((s) => s.type === type && ++seen === (options.nth ?? 1));
  if (cut < 0) throw new Error(`${example.key} has no step ${type} #${options.nth ?? 1}`);
  const step = example.steps[cut]!;
  const steps = example.steps.slice(0, cut).filter((s) => !(options.skip ?? []).includes(s.type));
  return {
    caseId: example.caseId,
    history: await journalOf(example, steps),
    actor: step.actor ?? example.actor,
    now: step.at,
    step: commandOf(example, step),
  };
}

/** The moment after every step of an example, at the tests' instant, acting as its last step's actor. */
export async function momentAtEnd(key: string | ExampleCase): Promise<ExampleMoment> {
  const example = exampleCase(key);
  const last = example.steps.at(-1)!;
  return {
    caseId: example.caseId,
    history: await journalOf(example, example.steps),
    actor: last.actor ?? example.actor,
    now: TEST_NOW,
    step: commandOf(example, last),
  };
}

/** The input of the `nth` step of `type` in an example. */
export function stepInput(key: string, type: string, nth = 1): Record<string, unknown> {
  let seen = 0;
  const step = exampleCase(key).steps.find((s) => s.type === type && ++seen === nth);
  if (step === undefined) throw new Error(`${key} has no step ${type} #${nth}`);
  return step.input as Record<string, unknown>;
}
