import { FixedClock } from '../ports/clock.js';
import { sha256HexOfBytes } from '../journal/sha256.js';
import type { Actor } from '../ports/actor.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Refusal } from '../result/refusal.js';
import type { CaseStore } from '../store/case-store.js';
import { MemoryCaseStore } from '../store/memory-store.js';
import type { CaseServiceStandard } from '../commands/handler-context.js';
import type { CaseState } from '../model/case-state.js';
import type { AnyCommand } from '../commands/command-catalog.js';
import { createCaseService } from '../service/case-service.js';
import type { CommandCatalog } from '../service/command-definition.js';
import type { CommandGuard } from '../service/command-guard.js';
import type { ExampleCase, ExampleStep } from './example-types.js';
import { EXAMPLE_CASES } from './catalog.js';

/**
 * Sequential ids scoped to one example (`rahimi-goal-1`, `rahimi-event-12`): unique across the
 * examples, and the same on every run, so scripts can name the ids their commands will create.
 */
export class ScopedSequentialIds implements IdGenerator {
  readonly #scope: string;
  readonly #counters = new Map<string, number>();
  constructor(scope: string) {
    this.#scope = scope;
  }
  next(prefix: string): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return `${this.#scope}-${prefix}-${n}`;
  }
}

/** Thrown when a step of an example script is refused: the scripts are meant to be valid. */
export class ExampleStepRefusedError extends Error {
  readonly example: string;
  readonly stepIndex: number;
  readonly errors: readonly Refusal[];
  constructor(example: string, stepIndex: number, step: ExampleStep, errors: readonly Refusal[]) {
    super(
      `Example ${example}, step ${stepIndex} (${step.type}) refused: ${errors.map((e) => `${e.code} ${e.message.en}`).join('; ')}`,
    );
    this.name = 'ExampleStepRefusedError';
    this.example = example;
    this.stepIndex = stepIndex;
    this.errors = errors;
  }
}

/** Options of {@link runExampleCases}. */
export interface ExampleRunOptions {
  /** Where to write; a new in-memory store if absent. */
  readonly store?: CaseStore;
  /** Which examples; all of {@link EXAMPLE_CASES} if absent. */
  readonly cases?: readonly ExampleCase[];
  /** The guard pipeline of the service; the default guards if absent. */
  readonly guards?: readonly CommandGuard[];
  /** Further commands for the service (if scripts use other modules' commands). */
  readonly commands?: CommandCatalog;
  readonly standard?: CaseServiceStandard;
}

/** One example after its run. */
export interface ExampleRunEntry {
  readonly example: ExampleCase;
  readonly caseId: string;
  readonly state: CaseState;
  readonly eventCount: number;
}

/** The outcome of {@link runExampleCases}. */
export interface ExampleRunResult {
  readonly store: CaseStore;
  readonly results: readonly ExampleRunEntry[];
}

/**
 * Runs example scripts through a case service, one service per example with a fixed clock set to
 * each step's instant, scoped sequential ids and the step's actor. Deterministic: the same store
 * content on every run. Used by tests, stories and the demo's seed. Throws
 * {@link ExampleStepRefusedError} if a step is refused.
 */
export async function runExampleCases(options: ExampleRunOptions = {}): Promise<ExampleRunResult> {
  const store = options.store ?? new MemoryCaseStore();
  const results: ExampleRunEntry[] = [];
  for (const example of options.cases ?? EXAMPLE_CASES) {
    const clock = new FixedClock(example.steps[0]?.at ?? '2026-01-01T00:00:00.000Z');
    let actor: Actor = example.actor;
    const service = createCaseService({
      store,
      clock,
      ids: new ScopedSequentialIds(example.key),
      actor: { current: () => actor },
      ...(options.guards ? { guards: options.guards } : {}),
      ...(options.commands ? { commands: options.commands } : {}),
      ...(options.standard ? { standard: options.standard } : {}),
    });
    let state: CaseState | undefined;
    let eventCount = 0;
    for (const [index, step] of example.steps.entries()) {
      clock.set(step.at);
      actor = step.actor ?? example.actor;
      const command: AnyCommand = {
        type: step.type,
        caseId: example.caseId,
        input: step.input,
        ...(step.reason === undefined ? {} : { reason: step.reason }),
      };
      const outcome = await service.execute(command);
      if (!outcome.ok) throw new ExampleStepRefusedError(example.key, index, step, outcome.errors);
      state = outcome.value.state;
      eventCount += outcome.value.events.length;
    }
    if (state === undefined) throw new Error(`Example ${example.key} has no steps`);
    for (const text of example.documentContents ?? []) {
      const bytes = new TextEncoder().encode(text);
      const hash = sha256HexOfBytes(bytes);
      const filed = state.documents.some((d) => d.contentHash === hash && d.removed === undefined);
      if (filed && store.putContent) await store.putContent(example.caseId, hash, bytes);
    }
    results.push({ example, caseId: example.caseId, state, eventCount });
  }
  return { store, results };
}
