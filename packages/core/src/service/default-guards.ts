import type { CommandGuard } from './command-guard.js';
import { processGuard } from '../process/process-guard.js';
import { privacyGuard } from '../privacy/guard.js';
import { restrictionGuard } from '../rights/restriction-guard.js';
import { happenedDateGuard } from './input-guards.js';

/**
 * Domain invariants of the command (unknown ids, dates in the wrong order, agreements without a
 * date …), as each command definition declares them.
 */
export const domainInvariantGuard: CommandGuard = ({
  command,
  definition,
  state,
  journal,
  actor,
  now,
  today,
  standard,
}) =>
  definition.invariants?.(
    { caseId: command.caseId, state, journal, actor, now, today, ids: NO_IDS, standard },
    command.input as never,
  ) ?? [];

/** Invariants must not make ids; a guard that tries is a programming error. */
const NO_IDS = {
  next(): string {
    throw new Error('Guards must not generate ids');
  },
};

/**
 * The guards every case service runs by default, in order: the input's happened-on dates (IN-06),
 * domain invariants, then the process rules of the cycle and the data-protection decision (their
 * modules add one line each here).
 */
export const DEFAULT_GUARDS: readonly CommandGuard[] = [
  happenedDateGuard,
  domainInvariantGuard,
  restrictionGuard,
  processGuard,
  privacyGuard,
];
