import type * as z from 'zod/mini';
import type { PendingEvent } from '../journal/journal-event.js';
import type { Refusal } from '../result/refusal.js';
import type { CommandAccess } from '../access/command-access.js';
import { CASE_COMMAND_INPUTS, type CaseCommandType } from '../commands/command-catalog.js';
import { CASE_COMMAND_HANDLERS } from '../commands/handlers.js';
import type { HandlerContext } from '../commands/handler-context.js';
import { CASE_INVARIANTS } from '../commands/invariants.js';

/**
 * A command the service can execute: its input schema, whether it opens a new case, its domain
 * invariants and its handler. Other modules (consent, data-subject rights) define theirs the same way
 * and pass them to `createCaseService({ commands })`.
 */
export interface CommandDefinition<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly type: string;
  readonly input: S;
  /** The command starts a new case journal (only `openCase` in the core). */
  readonly opensCase?: boolean;
  /** Domain invariants; run by the default guard `domainInvariantGuard`. */
  readonly invariants?: (context: HandlerContext, input: z.infer<S>) => Refusal[];
  /**
   * Who may issue it (DP-40), for a command outside the core's catalogs; the core's own commands are
   * declared in `access/command-access.ts`. A command with neither is refused.
   */
  readonly access?: CommandAccess;
  /** Decides the events. Pure apart from the id port. */
  readonly handle: (context: HandlerContext, input: z.infer<S>) => PendingEvent[];
}

/** Command definitions by type. */
export type CommandCatalog = Readonly<Record<string, CommandDefinition>>;

function caseCommand<T extends CaseCommandType>(type: T): CommandDefinition {
  const invariants = CASE_INVARIANTS[type];
  const handle = CASE_COMMAND_HANDLERS[type];
  return {
    type,
    input: CASE_COMMAND_INPUTS[type],
    opensCase: type === 'openCase',
    invariants:
      invariants === undefined ? undefined : (context, input) => invariants(context.state, input as never, context),
    handle: (context, input) => handle(context, input as never),
  };
}

/** The case commands as {@link CommandDefinition}s. */
export const CASE_COMMANDS: CommandCatalog = Object.fromEntries(
  (Object.keys(CASE_COMMAND_INPUTS) as CaseCommandType[]).map((type) => [type, caseCommand(type)]),
);
