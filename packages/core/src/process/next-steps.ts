import type { LocalizedText } from '../i18n/localized-text.js';
import type { Actor } from '../ports/actor.js';
import type { CaseState } from '../model/case-state.js';
import { CASE_COMMAND_TYPES, type CaseCommandType } from '../commands/command-catalog.js';
import { stateRefusal } from './decide.js';
import type { ProcessStandard } from './standard/schema.js';

/** Whether one command is allowed now, and if not, which rule stops it and what would help. */
export interface ActionAvailability {
  readonly command: CaseCommandType;
  readonly allowed: boolean;
  readonly ruleId?: string;
  readonly reason?: LocalizedText;
  readonly hint?: LocalizedText;
}

/**
 * For the process stepper: which case commands the cycle allows now, and why the others are not.
 * Judges what the state alone decides (closure, stage, preconditions, and with an actor the
 * human-decision rule); rules about a command's content (indicators, goal attainment …) are applied
 * when the command is sent. `openCase` is left out: it needs no case.
 */
export function allowedActions(
  state: CaseState,
  standard: ProcessStandard,
  options: { readonly actor?: Actor } = {},
): ActionAvailability[] {
  return CASE_COMMAND_TYPES.filter((type) => type !== 'openCase').map((command) => {
    const refusal = stateRefusal(command, state, standard, options.actor);
    return refusal === undefined
      ? { command, allowed: true }
      : {
          command,
          allowed: false,
          ...(refusal.rule === undefined ? {} : { ruleId: refusal.rule }),
          reason: refusal.message,
          ...(refusal.hint === undefined ? {} : { hint: refusal.hint }),
        };
  });
}
