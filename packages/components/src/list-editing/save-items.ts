import type { Refusal, Result } from '@fallkit/core';

/** The commands the edit of one list item needs, and where in the list that item stands. */
export interface ItemCommands<Command> {
  readonly commands: readonly Command[];
  /** The item's index in the form's list (negative when it cannot be found any more). */
  readonly index: () => number;
}

/** The slice of the case connection saving needs. */
export interface SavingConnection<Command> {
  execute(command: Command): Promise<Result<unknown>>;
  refusals: readonly Refusal[];
}

/**
 * A refusal's path inside an item command (`['input', 'changes', 'title']`) as a path inside the
 * item; a refusal of the item as a whole (its id, or no path) points at its title.
 */
export function pathInItem(path: readonly (string | number)[] | undefined, idKey: string): (string | number)[] {
  const rest = [...(path ?? [])];
  if (rest[0] === 'input') rest.shift();
  if (rest[0] === 'changes') rest.shift();
  if (rest[0] === idKey || rest.length === 0) return ['title'];
  return rest;
}

/**
 * Saves a list edit as one command after another (the core has a command per item, not per list) and
 * stops at the first refusal. That refusal is pointed at the item it concerns
 * (`[listKey, index, ...]`), so the form shows it in place, and kept in the connection's refusals.
 */
export async function saveItemCommands<Command>(
  connection: SavingConnection<Command>,
  listKey: string,
  idKey: string,
  items: Iterable<ItemCommands<Command>>,
): Promise<Result<unknown>> {
  let last: Result<unknown> = { ok: true, value: undefined };
  for (const item of items) {
    for (const command of item.commands) {
      last = await connection.execute(command);
      if (last.ok) continue;
      const index = item.index();
      if (index < 0) return last;
      const errors = last.errors.map((e) => ({ ...e, path: [listKey, index, ...pathInItem(e.path, idKey)] }));
      connection.refusals = errors;
      return { ok: false, errors };
    }
  }
  return last;
}
