import {
  createCaseService,
  JournalRefusedError,
  text,
  type CaseState,
  type Observer,
  type Refusal,
  type Refused,
  type Subscribable,
  type AnyCommand,
  type BatchOutcome,
  type CaseCommand,
  type CaseService,
  type CaseServiceOptions,
  type CommandBatch,
  type CommandOutcome,
  type Result,
} from '@fallkit/core';
import { storeFailure } from '@fallkit/core/internal';
import type { Outbox } from '../outbox/outbox.js';
import type { CutViews } from '../cuts/cut-views.js';
import { cutCaseState, SYNC_AFTER_MAX } from '@fallkit/core/sync';

/** How often a local decision is taken again when another tab wrote to the case in between. */
const LOCAL_RETRIES = 3;

/** Options of {@link createSyncedCaseService}: the core's service options plus the outbox commands are queued in. */
export interface SyncedCaseServiceOptions extends CaseServiceOptions {
  readonly outbox: Outbox;
  /** Called after a command was queued (the sync client pushes then). */
  readonly onQueued?: (commandId: string) => void;
  /**
   * The decided views of the cases held as journal cuts (issue 15). A write to such a case is not decided
   * on the device, which cannot fold it: it is queued for the server, which decides it (offline it waits
   * as pending), and answered with `pending: true`, no events and the decided view's state.
   */
  readonly cuts?: CutViews;
}

/** What a write answers: the core's outcome; `pending` when it was queued for the server undecided (a cut case). */
export type SyncedOutcome = BatchOutcome & { readonly pending?: true };

/**
 * The case service of a synced device: the core's service over the local store, so every command is
 * decided here by the same guards and rules, offline too, and then queued for the server, which
 * decides it again with the verified actor. Reads go to the local store.
 */
export interface SyncedCaseService extends CaseService {
  /** Decides a batch locally only, without queuing it (the sync client re-decides pending commands with it). */
  executeLocally(batch: CommandBatch): Promise<Result<BatchOutcome>>;
  /** Drops what the service holds in memory, after the sync client replaced a case's journal with the server's. */
  renew(): void;
}

/** The case id a batch is about, or `undefined` when a command opens a case without naming one. */
function caseIdOf(batch: CommandBatch): string | undefined {
  if (batch.caseId !== undefined) return batch.caseId;
  const first = batch.commands[0] as { caseId?: unknown; input?: { caseId?: unknown } } | undefined;
  if (typeof first?.caseId === 'string') return first.caseId;
  return typeof first?.input?.caseId === 'string' ? first.input.caseId : undefined;
}

function queueFailed(): Refusal {
  return {
    code: 'SYNC_QUEUE_FAILED',
    rule: 'SYNC',
    message: text(
      'Die Änderung konnte nicht für den Abgleich vorgemerkt werden; es wurde nichts gespeichert.',
      'The change could not be queued for sync; nothing was stored.',
    ),
  };
}

/** The fields of a command that belong to its batch when it is executed alone. */
const BATCH_FIELDS = ['caseId', 'expectedSeq', 'commandId'] as const;

/**
 * Creates the synced case service. A batch is queued in the outbox (sealed) before it is decided
 * locally, so a crash between the two loses nothing: if the local decision refuses it, it is taken out
 * again and the refusal returned, as without sync. The queued command keeps its `commandId` and its
 * `baseSeq`, the local journal position the decision was pinned to.
 *
 * @example
 * const synced = createSyncedCaseService({ store, clock, ids, actor, outbox });
 * const views = createCaseViews({ service: synced, store, clock, ids });
 * provider.service = connectCaseService({ service: synced, views });
 */
export function createSyncedCaseService(options: SyncedCaseServiceOptions): SyncedCaseService {
  const { outbox, store, clock, ids } = options;
  // Items are named from the command id, as the server names them when it decides the pushed command again.
  let inner = createCaseService({ ...options, itemIdsFromCommand: true });

  async function executeBatch(batch: CommandBatch): Promise<Result<SyncedOutcome>> {
    const commandId = batch.commandId ?? ids.next('command');
    // A case opened without an id gets it here, so the queued command names the case it opened.
    const caseId = caseIdOf(batch) ?? ids.next('case');
    for (let attempt = 0; ; attempt += 1) {
      // A case held as a cut: its head is the one its decided view was decided at (the cut's index row is none).
      const held = await options.cuts?.view(caseId);
      if (held !== undefined)
        return queueForServer(held, commandId, caseId, batch.expectedSeq ?? cutCaseState(held).lastSeq, batch);
      const baseSeq = batch.expectedSeq ?? (await localHead(caseId));
      if (typeof baseSeq !== 'number') return baseSeq;
      let added: boolean;
      try {
        added = await outbox.add({
          commandId,
          ...(await wirePosition(caseId, baseSeq)),
          batch: { caseId, commands: batch.commands },
          queuedAt: clock.now(),
        });
      } catch (error) {
        // Not queued, so not decided either (a locked store says STORE_LOCKED): nothing was stored.
        const failed = storeFailure(error, caseId);
        return { ok: false, errors: [queueFailed(), ...failed.errors] };
      }
      const result = await inner.executeBatch({ ...batch, caseId, commandId, expectedSeq: baseSeq });
      const stored = result.ok && result.value.replayed !== true && result.value.events.length > 0;
      // Only an entry this call put in is taken out: one queued before (a retry) stays for the server.
      if (added && !stored && !(result.ok && result.value.replayed === true)) await outbox.remove(commandId);
      if (stored) options.onQueued?.(commandId);
      const raced = !result.ok && result.errors[0]?.code === 'STORE_CONFLICT' && batch.expectedSeq === undefined;
      if (raced && attempt < LOCAL_RETRIES) continue;
      return result;
    }
  }

  /**
   * A write to a case held as a cut: queued as it is, never decided or applied here (the device holds no
   * fold of the case); the server decides it with the verified actor, and its answer (applied, refused,
   * conflict) comes back through the sync like any other.
   */
  async function queueForServer(
    view: NonNullable<Awaited<ReturnType<CutViews['view']>>>,
    commandId: string,
    caseId: string,
    baseSeq: number,
    batch: CommandBatch,
  ): Promise<Result<SyncedOutcome>> {
    try {
      // Decided on the cut's head plus this device's own writes to it that the cut does not hold yet: those
      // the server applied, then those still queued (issue 15: never a conflict between a device's own writes).
      const own = [...(await options.cuts!.appliedSince(caseId)), ...(await outbox.pendingIds(caseId))];
      const after = [...new Set(own)].filter((id) => id !== commandId).slice(-SYNC_AFTER_MAX);
      await outbox.add({
        commandId,
        baseSeq,
        after,
        batch: { caseId, commands: batch.commands },
        queuedAt: clock.now(),
      });
    } catch (error) {
      const failed = storeFailure(error, caseId);
      return { ok: false, errors: [queueFailed(), ...failed.errors] };
    }
    options.onQueued?.(commandId);
    return { ok: true, value: { caseId, events: [], state: cutCaseState(view), pending: true } };
  }

  /**
   * The position a command decided locally at `localSeq` goes to the server with (issue 15): the local journal
   * is the server's up to the head the device holds from it, then this device's own commands decided locally
   * and not yet pulled back. So `baseSeq` is the server position (at most that head) and `after` the own
   * commands between it and `localSeq`, whose events the server counts as the command's base.
   */
  async function wirePosition(caseId: string, localSeq: number): Promise<{ baseSeq: number; after: string[] }> {
    const serverSeq = await outbox.serverSeq(caseId);
    if (localSeq <= serverSeq) return { baseSeq: localSeq, after: [] };
    const tail = await store.readJournal(caseId, { afterSeq: serverSeq });
    const ids = tail.filter((e) => e.seq <= localSeq).flatMap((e) => (e.commandId === undefined ? [] : [e.commandId]));
    return { baseSeq: serverSeq, after: [...new Set(ids)].slice(-SYNC_AFTER_MAX) };
  }

  /** The local head of a case from its index row (0 for a new case), or the store's refusal. */
  async function localHead(caseId: string): Promise<number | Refused> {
    try {
      return (await store.getCase(caseId))?.lastSeq ?? 0;
    } catch (error) {
      return storeFailure(error, caseId);
    }
  }

  function observeCase(caseId: string): Subscribable<CaseState | undefined> {
    return {
      subscribe(observer: Observer<CaseState | undefined> | ((value: CaseState | undefined) => void)) {
        const target = typeof observer === 'function' ? { next: observer } : observer;
        // Each change is read through the service of the moment, so a journal the sync replaced with
        // the server's is read afresh and not taken for a rewritten one (DP-44 holds per service).
        let chain = Promise.resolve();
        return store.observeJournal(caseId).subscribe({
          next: () => {
            chain = chain.then(async () => {
              const loaded = await inner.loadCaseUnchecked(caseId);
              if (loaded.ok) target.next(loaded.value.state);
              else if (loaded.errors.every((e) => e.code === 'CASE_NOT_FOUND')) target.next(undefined);
              else target.error?.(new JournalRefusedError(loaded.errors[0]!));
            });
          },
          error: (error) => target.error?.(error),
        });
      },
    };
  }

  async function execute(raw: CaseCommand | AnyCommand): Promise<Result<CommandOutcome>> {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return inner.execute(raw);
    const { ...command } = raw as unknown as Record<string, unknown>;
    const batch: Record<string, unknown> = {};
    for (const field of BATCH_FIELDS) {
      if (command[field] !== undefined) batch[field] = command[field];
      delete command[field];
    }
    if (typeof batch['caseId'] === 'string') command['caseId'] = batch['caseId'];
    const result = await executeBatch({ ...batch, commands: [command] } as unknown as CommandBatch);
    if (result.ok) return result;
    // As the core's execute: a lone command's refusals keep their paths without `['commands', 0]`.
    return {
      ok: false,
      errors: result.errors.map((r) => {
        const path = r.path;
        if (path?.[0] !== 'commands' || path[1] !== 0) return r;
        const rest = path.slice(2);
        if (rest.length > 0) return { ...r, path: rest };
        const { path: _dropped, ...withoutPath } = r;
        return withoutPath;
      }),
    };
  }

  return {
    execute,
    executeBatch,
    executeLocally: (batch) => inner.executeBatch(batch),
    renew() {
      inner = createCaseService({ ...options, itemIdsFromCommand: true });
    },
    loadCaseUnchecked: (caseId, loadOptions) => inner.loadCaseUnchecked(caseId, loadOptions),
    loadCase: (caseId, loadOptions) => inner.loadCaseUnchecked(caseId, loadOptions),
    observeCase,
    listCases: (query) => inner.listCases(query),
    currentActor: () => inner.currentActor(),
    newCommandId: () => inner.newCommandId(),
    readVerifiedJournal: (caseId) => inner.readVerifiedJournal(caseId),
  };
}
