import type { Actor, Result, Subscribable } from '@fallkit/core';

/** Who asks and why: handed to the case service with every read and command. */
export interface CaseRequestContext {
  readonly actor: Actor;
  /** Purpose of processing (purpose binding, DP rules), e.g. `caseManagement`. */
  readonly purpose?: string;
}

/**
 * Several commands saved as one decision: all stored in one append or none (the core's
 * `executeBatch`). `expectedSeq` is the journal position the form's value was based on (stale →
 * `STORE_CONFLICT`); `commandId` makes a retry of the same save harmless (the same id again writes
 * nothing and answers the original outcome).
 */
export interface CaseBatchRequest<Command = unknown> {
  readonly caseId?: string;
  readonly expectedSeq?: number;
  readonly commandId?: string;
  readonly commands: readonly Command[];
}

/**
 * What the components need from the core's case service, stated structurally so any object with these
 * methods fits: the core's `createCaseService(...)` (whose `execute(command)` / `observeCase(caseId)`
 * take the actor from its own actor source and simply ignore the second argument), a host's remote
 * adapter, a test fake.
 *
 * `observeCase` pushes the case as the actor may see it on subscribe and after every change, also from
 * other writers. It may push the view itself, `undefined` (no such case), or a {@link Result} wrapping
 * the view (a refused read such as `DENY_STAFF_CASE`).
 */
export interface CaseServicePort<View = unknown, Command = unknown> {
  /** Validates a command, checks process and data-protection rules, appends its events. */
  execute(command: Command, request: CaseRequestContext): Promise<Result<unknown>>;
  /**
   * Saves several commands as one decision (all or nothing). Forms save through it; a port without it
   * can save one command at a time only, and a form save of several is refused
   * (`COMPONENT_BATCH_UNSUPPORTED`), never stored half.
   */
  executeBatch?(batch: CaseBatchRequest<Command>, request: CaseRequestContext): Promise<Result<unknown>>;
  /** A fresh command id for a save (the core's id port); a random UUID is used if absent. */
  newCommandId?(): string;

  /** The live view of one case for the requesting actor and purpose. */
  observeCase(caseId: string, request: CaseRequestContext): Subscribable<View | Result<View> | undefined>;
  /** The actor the service acts as, used when the provider names none (the core's service has it). */
  currentActor?(): Actor;
}

/** Tells a {@link Result} apart from a bare view pushed by {@link CaseServicePort.observeCase}. */
export function isResult<T>(value: unknown): value is Result<T> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const okFlag = (value as { ok: unknown }).ok;
  return (okFlag === true && 'value' in value) || (okFlag === false && 'errors' in value);
}
