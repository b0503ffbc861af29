import * as z from 'zod/mini';
import { idSchema } from '../model/primitives.js';
import type { AnyCommand, CaseCommand } from '../commands/command-catalog.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { CaseState } from '../model/case-state.js';

/** The most commands one batch may hold (a form save is a handful; an import goes in several batches). */
export const MAX_BATCH_COMMANDS = 200;

/**
 * A command id: a bounded token, in practice a random id from the id port (`command-<uuid>`).
 * Letters, digits and `._:-`, starting with a letter or digit, at most 128 characters.
 */
export const commandIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/));

/**
 * The envelope of a batch, validated before its commands: strict, so a misspelt `expectedSeq` is a
 * refusal instead of a batch without a concurrency check.
 */
export const batchEnvelopeSchema = z.strictObject({
  caseId: z.optional(idSchema),
  expectedSeq: z.optional(z.int().check(z.nonnegative())),
  commandId: z.optional(commandIdSchema),
  commands: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_COMMANDS)),
});

/**
 * Several commands to one case, decided together and stored in one atomic append: each command is
 * validated, guarded and handled against the state the previous ones produced, and any refusal
 * refuses the whole batch (its path starts with `['commands', i]`). `caseId`, `expectedSeq` and
 * `commandId` belong to the batch; a command inside may repeat the batch's `caseId` but carries no
 * `expectedSeq` or `commandId` of its own. A batch that opens a case has `openCase` first.
 */
export interface CommandBatch {
  readonly caseId?: string;
  /** The journal position the caller's view is based on; stale → `STORE_CONFLICT`, nothing written. */
  readonly expectedSeq?: number;
  /** Idempotency key: the same id again returns the original outcome and writes nothing. */
  readonly commandId?: string;
  readonly commands: readonly (CaseCommand | AnyCommand)[];
}

/** The outcome of a command or batch that was carried out. */
export interface CommandOutcome {
  readonly caseId: string;
  /** The events appended, as stored. */
  readonly events: readonly JournalEvent[];
  /** The case after them. */
  readonly state: CaseState;
  /**
   * `true` when the `commandId` had been carried out before: nothing was written, `events` and
   * `state` are the original outcome's (notices of the first run are not repeated).
   */
  readonly replayed?: boolean;
}

/** The outcome of a batch: the same as a single command's. */
export type BatchOutcome = CommandOutcome;
