import type { Refusal, Result } from '@fallkit/core';
import { commandRefusals } from '../base/batch-refusals.js';

/** The commands the edit of one list item needs, and where in the list that item stands. */
export interface ItemCommands<Command> {
  readonly commands: readonly Command[];
  /** The item's index in the form's list (negative when it cannot be found any more). */
  readonly index: () => number;
}

/** What saving a list needs from the form: its batch save and where refusals are shown. */
export interface BatchSaving<Command> {
  /** Saves the commands as one decision (`FkFormElement.saveBatch`). */
  saveBatch(commands: readonly Command[]): Promise<Result<unknown>>;
  /** Shows refusals in place (the connection's `refusals`). */
  showRefusals(errors: readonly Refusal[]): void;
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
 * Saves a list edit (a command per changed item; the core has no command per list) as one batch:
 * every item is stored or none. A refusal is pointed at the item its command belongs to
 * (`[listKey, index, ...]`), so the form shows it in place; a refusal of the batch as a whole
 * (`STORE_CONFLICT`) stays as it is.
 */
export async function saveItemCommands<Command>(
  saving: BatchSaving<Command>,
  listKey: string,
  idKey: string,
  items: Iterable<ItemCommands<Command>>,
): Promise<Result<unknown>> {
  const commands: Command[] = [];
  const itemOf: ItemCommands<Command>[] = [];
  for (const item of items) {
    for (const command of item.commands) {
      commands.push(command);
      itemOf.push(item);
    }
  }
  if (commands.length === 0) return { ok: true, value: undefined };
  const result = await saving.saveBatch(commands);
  if (result.ok) return result;
  const errors = commandRefusals(result.errors).map(({ index, refusal }) => {
    const at = index === undefined ? -1 : (itemOf[index]?.index() ?? -1);
    return at < 0 ? refusal : { ...refusal, path: [listKey, at, ...pathInItem(refusal.path, idKey)] };
  });
  saving.showRefusals(errors);
  return { ok: false, errors };
}
