import type { CommandGuard } from '../service/command-guard.js';
import { foldPrivacy } from '../privacy/privacy-state.js';
import { authoriseCommand } from './authorise.js';

/**
 * The access part of the data-protection decision as a guard (DP-40): who may issue the command, from
 * the declarations in `COMMAND_ACCESS` (or the command definition's own `access`). It runs before the
 * domain invariants, the restriction and the process rules, so an actor who may not act on a case gets
 * the same refusal whatever the input names (no oracle: `UNKNOWN_PERSON` is only ever said to someone
 * who may work on the case).
 */
export const accessGuard: CommandGuard = (context) => {
  const { command, definition, state, journal, actor, now, today, standard } = context;
  return authoriseCommand({
    type: command.type,
    input: command.input,
    actor,
    state,
    privacy: context.privacy ?? foldPrivacy(journal),
    now,
    today,
    standard,
    declared: definition.access,
  });
};
