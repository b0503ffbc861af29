import type { Refusal } from '@fallkit/core';

/** A refusal of a batch save, split into the command it concerns and the refusal as that command's own. */
export interface CommandRefusal {
  /** The command's index in the batch; `undefined` for a refusal of the batch as a whole (`STORE_CONFLICT`). */
  readonly index: number | undefined;
  /** The refusal with the path inside the command (`['input', 'on']`), as if the command had been sent alone. */
  readonly refusal: Refusal;
}

/**
 * Splits the refusals of a batch (`['commands', i, …rest]`) into their command index and the path
 * inside that command, so a form can point each at the field or list item it concerns.
 */
export function commandRefusals(errors: readonly Refusal[]): CommandRefusal[] {
  return errors.map((refusal) => {
    const path = refusal.path;
    if (path?.[0] !== 'commands' || typeof path[1] !== 'number') return { index: undefined, refusal };
    const rest = path.slice(2);
    const { path: _batchPath, ...withoutPath } = refusal;
    return { index: path[1], refusal: rest.length > 0 ? { ...withoutPath, path: rest } : withoutPath };
  });
}
