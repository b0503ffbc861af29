import type { Actor, CaseService, CommandBatch, JournalEvent, Result } from '@fallkit/core';
import {
  commandsOf,
  conflictStatement,
  cutJournalFor,
  decideMerge,
  type CommandResult,
  type PushEntry,
  type ServerStatement,
  type SignedStatement,
  type SyncCommand,
  syncConflictSchema,
} from '@fallkit/core/sync';
import { wireRefusal } from '../errors/sync-refusal.js';

/** The conflict as the device reads it: through JSON and the protocol's schema (the digest is over that, DP-44). */
function asParsed(conflict: unknown): unknown {
  const parsed = syncConflictSchema.safeParse(JSON.parse(JSON.stringify(conflict)));
  return parsed.success ? parsed.data : conflict;
}

/** How often a push entry is decided again when another writer appended between the read and the append. */
const RACE_RETRIES = 5;

/** The case a queued command or batch is about: its `caseId`, or the one an `openCase` names. */
function caseIdOf(command: SyncCommand): string | undefined {
  if (command.caseId !== undefined) return command.caseId;
  for (const c of commandsOf(command)) {
    if ('caseId' in c && typeof c.caseId === 'string') return c.caseId;
    const input = c.input as { caseId?: unknown } | null;
    if (c.type === 'openCase' && typeof input?.caseId === 'string') return input.caseId;
  }
  return undefined;
}

/** The core's batch for a pushed entry: the device's command id, pinned to `expectedSeq` when given. */
function batchOf(entry: PushEntry, expectedSeq: number | undefined): CommandBatch {
  const { command } = entry;
  const caseId = caseIdOf(command);
  const commands = 'commands' in command ? command.commands : [command];
  return {
    ...(caseId === undefined ? {} : { caseId }),
    commandId: entry.commandId,
    ...(expectedSeq === undefined ? {} : { expectedSeq }),
    commands: commands as CommandBatch['commands'],
  };
}

function applied(
  entry: PushEntry,
  status: 'applied' | 'replayed',
  outcome: {
    readonly caseId: string;
    readonly events: readonly JournalEvent[];
    readonly notices?: readonly { code: string; rule?: string; message: { de: string; en: string } }[];
  },
): CommandResult {
  const first = outcome.events[0];
  const last = outcome.events.at(-1);
  return {
    commandId: entry.commandId,
    status,
    ...(last === undefined ? {} : { seq: last.seq }),
    outcome: {
      caseId: outcome.caseId,
      fromSeq: first?.seq ?? 0,
      toSeq: last?.seq ?? 0,
      eventIds: outcome.events.map((e) => e.id),
      ...(outcome.notices === undefined || outcome.notices.length === 0
        ? {}
        : { notices: outcome.notices.map(wireRefusal) }),
    },
  };
}

function refusedResult(entry: PushEntry, result: Extract<Result<unknown>, { ok: false }>): CommandResult {
  return { commandId: entry.commandId, status: 'refused', errors: result.errors.slice(0, 200).map(wireRefusal) };
}

/**
 * Executes one pushed entry as the verified actor (DP-40) through the core, exactly once:
 *
 * 1. a command id the store holds already answers its stored outcome (`replayed`), whatever the base;
 * 2. the case's journal is read verified (DP-44), and `decideMerge` (core policy, `SYNC_MERGE`) says
 *    whether to execute pinned to the head, re-decide on the current state, or answer a conflict whose
 *    `theirs` is the actor's own cut of the other writers' events (DP-24: never more than it may see);
 * 3. the core decides and appends (guards, invariants, seal, the store's unique command id); another
 *    writer between the read and the append makes the pinned append fail with `STORE_CONFLICT`, and the
 *    entry is decided again on the new head.
 */
export async function pushEntry(
  service: CaseService,
  actor: Actor,
  entry: PushEntry,
  now: () => string,
  /** The organisation's local date now (the handlers' time zone); the core's default zone if absent. */
  today?: () => string,
  /** Signs a conflict's statement (the server's head keys, DP-44); a conflict goes out unsigned without it. */
  signStatement?: (statement: ServerStatement) => Promise<SignedStatement>,
): Promise<CommandResult> {
  const caseId = caseIdOf(entry.command);
  for (let attempt = 0; ; attempt += 1) {
    let journal: readonly JournalEvent[] = [];
    if (caseId !== undefined) {
      const read = await service.readVerifiedJournal(caseId);
      if (!read.ok && read.errors[0]?.code !== 'CASE_NOT_FOUND') return refusedResult(entry, read);
      journal = read.ok ? read.value : [];
      // A command id stored before (a retry, a response that was lost) answers its stored outcome.
      if (journal.some((event) => event.commandId === entry.commandId)) {
        const replay = await service.executeBatch(batchOf(entry, undefined));
        if (!replay.ok) return refusedResult(entry, replay);
        return applied(entry, 'replayed', replay.value);
      }
    }
    const head = journal.at(-1)?.seq ?? 0;
    const decision = decideMerge(entry.command, entry.baseSeq, journal, actor, entry.after);
    if (decision.action === 'conflict') {
      const cut = cutJournalFor(actor, journal, { now: now(), ...(today === undefined ? {} : { today: today() }) });
      if (cut.scope === 'revoked') return refusedResult(entry, { ok: false, errors: cut.reasons });
      const theirSeqs = new Set(decision.theirs.map((e) => e.seq));
      const conflict = {
        mine: entry.command,
        theirs: cut.events.filter((e) => theirSeqs.has(e.seq)),
        targets: [...decision.targets],
        baseSeq: entry.baseSeq,
        headSeq: head,
      };
      // Signed (DP-44): the device shows `theirs` beside the person's command only when the server signed it.
      const signed =
        signStatement === undefined || caseId === undefined
          ? undefined
          : await signStatement(conflictStatement(caseId, entry.commandId, actor, asParsed(conflict)));
      return {
        commandId: entry.commandId,
        status: 'conflict',
        conflict: { ...conflict, ...(signed === undefined ? {} : { signed }) } as never,
      };
    }
    // Rebase-class commands are re-decided by the core on whatever head it reads; the others stay pinned to
    // the head this decision saw, so a writer in between sends them round again.
    const pinned = decision.action === 'redecide' && decision.merge === 'rebase' ? undefined : head;
    const outcome = await service.executeBatch(batchOf(entry, caseId === undefined ? undefined : pinned));
    if (outcome.ok)
      return applied(entry, outcome.value.replayed === true ? 'replayed' : 'applied', {
        caseId: outcome.value.caseId,
        events: outcome.value.events,
        ...(outcome.notices === undefined ? {} : { notices: outcome.notices }),
      });
    const code = outcome.errors[0]?.code;
    if (code === 'STORE_CONFLICT' && attempt < RACE_RETRIES) continue;
    return refusedResult(entry, outcome);
  }
}
