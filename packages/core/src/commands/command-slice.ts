import type { CaseEventType } from '../events/catalog.js';
import type { CaseCommandType } from './command-catalog.js';
import type { CommandHandler } from './handler-context.js';
import type { InvariantCheck } from './invariant-checks.js';

/**
 * The shape of a vertical slice: the commands of one stage of the cycle with everything they are made
 * of. `T` is the slice's command names. Modelled on Emmett's `businessLogic.ts`: one place to read a
 * command, its rules and the events it decides.
 */
export interface CommandSlice<T extends CaseCommandType> {
  /** The stage the slice is named after (its folder). */
  readonly stage: string;
  /** The input schema of each command. */
  readonly inputs: { readonly [K in T]: unknown };
  /** The domain invariants of each command that has some beyond its schema. */
  readonly invariants: { readonly [K in T]?: InvariantCheck<K> };
  /** The handler of each command. */
  readonly handlers: { readonly [K in T]: CommandHandler<K> };
  /** The event types each command may append. */
  readonly emits: { readonly [K in T]: readonly CaseEventType[] };
}
