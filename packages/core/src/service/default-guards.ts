import type { CommandGuard } from './command-guard.js';
import { processGuard } from '../process/process-guard.js';
import { privacyContentGuard } from '../privacy/guard.js';
import { accessGuard } from '../access/access-guard.js';
import { boundaryGuard } from '../access/boundary.js';
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
 * The guards every case service runs by default, in order: the boundary (a valid actor, no reserved
 * stream id; DP-40), who may issue the command (DP-40..DP-42, `COMMAND_ACCESS`), the restriction of a
 * case (DP-31/DP-32), the input's happened-on dates (IN-06), then the domain invariants, the process
 * rules of the cycle and the content checks of data protection. Access comes before anything that looks
 * at the input, so an actor who may not act gets the same refusal whether or not an id inside exists
 * (no oracle).
 */
export const DEFAULT_GUARDS: readonly CommandGuard[] = [
  boundaryGuard,
  accessGuard,
  restrictionGuard,
  happenedDateGuard,
  domainInvariantGuard,
  processGuard,
  privacyContentGuard,
];
