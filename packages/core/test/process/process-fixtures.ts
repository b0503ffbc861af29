import {
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  type Actor,
  type AnyCommand,
  type CaseService,
  type CaseState,
  type CommandGuard,
  type Refusal,
  type Stage,
  domainInvariantGuard,
  createProcessGuard,
  type ProcessGuardOptions,
} from '@fallkit/core';
import { initialCaseState } from '@fallkit/core/internal';
import { EXAMPLE_CASES, ScopedSequentialIds, type ExampleCase } from '@fallkit/core/examples';

/** The guard pipeline with the process rules: domain invariants, then the cycle. */
export function processGuards(options: ProcessGuardOptions = {}): CommandGuard[] {
  return [domainInvariantGuard, createProcessGuard(options)];
}

/** The example with that key (`rahimi`, `wagner` …). */
export function example(key: string): ExampleCase {
  const found = EXAMPLE_CASES.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no example ${key}`);
  return found;
}

/** One step of a run: the command type, the stage after it, or the refusals. */
export interface StepOutcome {
  readonly type: string;
  readonly stage?: Stage;
  readonly errors?: readonly Refusal[];
}

/** A run of an example script through a service with the given guards, step by step. */
export interface ExampleRun {
  readonly steps: StepOutcome[];
  readonly state: CaseState | undefined;
  readonly service: CaseService;
  readonly clock: FixedClock;
  setActor(actor: Actor): void;
}

/**
 * Runs an example's steps (optionally only the first `upTo`, optionally with steps left out) and
 * records the stage after each; stops at the first refusal unless told to go on.
 */
export async function runExample(
  ex: ExampleCase,
  options: {
    readonly guards?: readonly CommandGuard[];
    readonly standard?: { id: string; version: string; [key: string]: unknown };
    readonly skip?: (type: string, index: number) => boolean;
    readonly upTo?: number;
    /** Go on after a refused step instead of stopping. */
    readonly continueOnRefusal?: boolean;
  } = {},
): Promise<ExampleRun> {
  const clock = new FixedClock(ex.steps[0]?.at ?? '2026-01-01T00:00:00.000Z');
  let actor: Actor = ex.actor;
  const service = createCaseService({
    store: new MemoryCaseStore(),
    clock,
    ids: new ScopedSequentialIds(ex.key),
    actor: { current: () => actor },
    guards: options.guards ?? processGuards(),
    ...(options.standard ? { standard: options.standard } : {}),
  });
  const steps: StepOutcome[] = [];
  let state: CaseState | undefined;
  for (const [index, step] of ex.steps.entries()) {
    if (options.upTo !== undefined && index >= options.upTo) break;
    if (options.skip?.(step.type, index)) continue;
    clock.set(step.at);
    actor = step.actor ?? ex.actor;
    const command: AnyCommand = {
      type: step.type,
      caseId: ex.caseId,
      input: step.input,
      ...(step.reason === undefined ? {} : { reason: step.reason }),
    };
    const result = await service.execute(command);
    if (!result.ok) {
      steps.push({ type: step.type, errors: result.errors });
      if (options.continueOnRefusal) continue;
      break;
    }
    state = result.value.state;
    steps.push({ type: step.type, stage: state.stage });
  }
  return { steps, state, service, clock, setActor: (next) => (actor = next) };
}

/** The distinct stages a run went through, in order. */
export function stagePath(steps: readonly StepOutcome[]): Stage[] {
  const path: Stage[] = [];
  for (const step of steps) if (step.stage !== undefined && path.at(-1) !== step.stage) path.push(step.stage);
  return path;
}

const META = {
  subjectIds: ['p-1'],
  categories: [],
  origin: 'client' as const,
  recordedBy: 'u-test',
  recordedAt: '2026-01-01T09:00:00.000Z',
};

/** Record meta for hand-built items, recorded at `at` (default 2026-01-01). */
export function meta(at = '2026-01-01T09:00:00.000Z'): typeof META {
  return { ...META, recordedAt: at };
}

/** An open case in stage `referral` with nothing recorded, under the default standard. */
export function bareCase(caseId: string, standard = { id: 'default', version: '1' }): CaseState {
  return initialCaseState(
    {
      caseId,
      label: caseId.toUpperCase(),
      openedOn: '2025-06-01',
      processStandard: standard,
      addressee: { id: 'p-1', roles: ['addressee'], givenName: 'Test', familyName: 'Person', ...META },
      leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt', from: '2025-06-01' },
      caseManager: { userId: 'u-test', agencyId: 'kim-musterstadt', role: 'primary', from: '2025-06-01' },
      legalDomains: [],
    },
    { seq: 1, at: '2025-06-01T09:00:00.000Z' },
  );
}
