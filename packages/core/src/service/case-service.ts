import { text } from '../i18n/localized-text.js';
import type { JournalEvent } from '../journal/journal-event.js';
import { sealEvents } from '../journal/chain.js';
import type { JournalSeal } from '../journal/journal-seal.js';
import { sameActor, type Actor, type ActorSource } from '../ports/actor.js';
import type { Clock } from '../ports/clock.js';
import { commandScopedIds, type IdGenerator } from '../ports/id-generator.js';
import {
  ok,
  refused,
  type IssuePath,
  type Notice,
  type Refusal,
  type Refused,
  type Result,
} from '../result/refusal.js';
import type {
  CaseIndexEntry,
  CaseQuery,
  CaseStore,
  Observer,
  Subscribable,
  Unsubscribable,
} from '../store/case-store.js';
import { conflictRefusal } from '../store/store-errors.js';
import { PRIVACY_COMMANDS } from '../privacy/commands/index.js';
import type { EventCatalog } from '../events/event-definition.js';
import { upcastEvent } from '../events/upcast.js';
import { createSealedReadPayloadCheck, createStoredPayloadCheck } from '../events/stored-payload-check.js';
import { applyEvents, foldCase } from '../fold/fold-case.js';
import type { CaseState } from '../model/case-state.js';
import type { AnyCommand, CaseCommand } from '../commands/command-catalog.js';
import type { CaseServiceStandard, HandlerContext } from '../commands/handler-context.js';
import { caseIndexEntry } from './case-index.js';
import { boundaryRefusals } from '../access/boundary.js';
import { CASE_COMMANDS, type CommandCatalog } from './command-definition.js';
import type { CommandGuard, ValidatedCommand } from './command-guard.js';
import { DEFAULT_GUARDS } from './default-guards.js';
import { commandEnvelopeSchema } from '../commands/command-catalog.js';
import { admitCommand } from './input-budget.js';
import { refusalsFromIssues } from './zod-refusals.js';
import { DEFAULT_TIME_ZONE, localDate } from './local-date.js';
import { RIGHTS_COMMANDS } from '../rights/rights-commands.js';
import { HANDOVER_PACKAGE_COMMANDS } from '../handover-package/index.js';
import { projectRightsIndex } from '../rights/rights-index.js';
import { batchEnvelopeSchema, type BatchOutcome, type CommandBatch, type CommandOutcome } from './command-batch.js';
import { createCaseReader, extendHead, type CaseHead } from './case-reader.js';
import { internalFailure, storeFailure } from './service-failures.js';
import type { CommandDefinition } from './command-definition.js';

/** What the case service is made of. */
export interface CaseServiceOptions {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /**
   * Ids of what a command with a `commandId` creates (a case, a person, a consent, a goal …) are derived from
   * that command id (`commandScopedIds`) instead of taken from `ids`. A synced device and the sync server set
   * it, so that the server, deciding a pushed command again, names the same items as the device did, and a
   * command queued behind it offline that names one of them means the same item on both sides. Event ids and
   * commands without a `commandId` still come from `ids`.
   */
  readonly itemIdsFromCommand?: boolean;
  /** The acting user: a fixed actor or a source the host switches on login. */
  readonly actor: Actor | ActorSource;
  /** The process standard new cases are opened under. */
  readonly standard?: CaseServiceStandard;
  /** The guard pipeline; {@link DEFAULT_GUARDS} if absent. */
  readonly guards?: readonly CommandGuard[];
  /** Further commands (consent, data-subject rights …), added to the case commands. */
  readonly commands?: CommandCatalog;
  /** The organisation's time zone, for "today" (default `Europe/Berlin`). */
  readonly timeZone?: string;
  /** Further event types, for journal verification on load. */
  readonly events?: EventCatalog;
  /**
   * The seal that anchors every journal (DP-44): the host's key on a host or server; the store's own
   * (`store.journalSeal`, derived from the unlock secret) if absent. With neither, chains and erasure
   * markers are still verified on every read, but a consistent re-hash or a cut-off tail is not detected.
   */
  readonly seal?: JournalSeal;
}

/** A loaded case: its state and its events (upcast to current versions). */
export interface LoadedCase {
  readonly state: CaseState;
  readonly events: readonly JournalEvent[];
}

/** Options of {@link CaseService.loadCase}. */
export interface LoadOptions {
  /**
   * Kept for compatibility: every read is verified now (DP-38, DP-44), cheaply from the head the
   * service verified before, whatever this says.
   */
  readonly verify?: boolean;
}

/**
 * The command API of the core: commands in, events appended, state out. Every command runs the
 * pipeline validate → guards (domain invariants, process rules, data protection) → handler → seal →
 * atomic append; a batch runs it for each of its commands against the state the previous ones
 * produced and appends all their events at once. Nothing here throws: a refused command or batch,
 * a failing store, unreadable stored data and a bug in a handler all come back as typed refusals,
 * and then nothing was written.
 */
export interface CaseService {
  /** Executes one command: a batch of one (`caseId`, `expectedSeq` and `commandId` are the batch's). */
  execute(command: CaseCommand | AnyCommand): Promise<Result<CommandOutcome>>;
  /**
   * Executes several commands to one case as one decision and one append: all of them or none. A
   * refusal's path starts with `['commands', i]`, naming the command it concerns.
   */
  executeBatch(batch: CommandBatch): Promise<Result<BatchOutcome>>;
  /**
   * Loads a case unfiltered, for trusted host code and the core's own modules only: no decision, no
   * access log (`CASE_NOT_FOUND` if there is none; a `JOURNAL_*` code if verification fails). A UI
   * reads through the decided channels of `createCaseViews` instead.
   */
  loadCaseUnchecked(caseId: string, options?: LoadOptions): Promise<Result<LoadedCase>>;
  /** @deprecated The old name of {@link CaseService.loadCaseUnchecked}, kept for host code; same function. */
  loadCase(caseId: string, options?: LoadOptions): Promise<Result<LoadedCase>>;
  /** The live state of one case: emits on subscribe and after every change, also from other tabs. */
  observeCase(caseId: string): Subscribable<CaseState | undefined>;
  /** Index rows of the caseload. */
  listCases(query?: CaseQuery): Promise<CaseIndexEntry[]>;
  /** The actor commands are executed as right now. */
  currentActor(): Actor;
  /** A fresh command id from the id port, for a save that may be retried (idempotency). */
  newCommandId(): string;
  /**
   * A case's journal, verified against its chain, its erasure decisions and its seal (DP-44); a
   * tampered journal is refused with a `JOURNAL_*` code and the path `[caseId, seq]` of the first bad
   * event. The views read through this.
   */
  readVerifiedJournal(caseId: string): Promise<Result<JournalEvent[]>>;
}

/** The error a live case emits when its journal fails verification (DP-44); it carries the refusal. */
export class JournalRefusedError extends Error {
  readonly refusal: Refusal;

  constructor(refusal: Refusal) {
    super(`${refusal.code}: ${refusal.message.en}`);
    this.name = 'JournalRefusedError';
    this.refusal = refusal;
  }
}

function refusal(code: string, de: string, en: string, path?: readonly (string | number)[]): Refusal {
  return path === undefined
    ? { code, rule: 'SERVICE', message: text(de, en) }
    : { code, rule: 'SERVICE', path, message: text(de, en) };
}

function actorSource(actor: Actor | ActorSource): ActorSource {
  return 'current' in actor ? actor : { current: () => actor };
}

/** Puts refusals under a prefix (`['commands', i]`), so a batch's refusal names the command. */
function under(prefix: IssuePath, refusals: readonly Refusal[]): Refused {
  return { ok: false, errors: refusals.map((r) => ({ ...r, path: [...prefix, ...(r.path ?? [])] })) };
}

/** The fields of a command that belong to its batch when it is executed alone. */
const BATCH_FIELDS = ['caseId', 'expectedSeq', 'commandId'] as const;

/** How often a batch without `expectedSeq` is re-decided when another writer appended in between. */
const CONFLICT_RETRIES = 3;

/** One command of a batch after validation. */
interface PreparedCommand {
  readonly definition: CommandDefinition;
  readonly command: ValidatedCommand;
  readonly reason: string | undefined;
}

/** Creates the case service over a store and the ports. */
export function createCaseService(options: CaseServiceOptions): CaseService {
  const { store, clock, ids, standard } = options;
  /** Where the items one command creates get their ids (see `itemIdsFromCommand`). */
  const itemIdsOf = (commandId: string | undefined): IdGenerator =>
    options.itemIdsFromCommand === true && commandId !== undefined ? commandScopedIds(commandId) : ids;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const actors = actorSource(options.actor);
  const guards = options.guards ?? DEFAULT_GUARDS;
  const commands: CommandCatalog = {
    ...CASE_COMMANDS,
    ...PRIVACY_COMMANDS,
    ...RIGHTS_COMMANDS,
    ...HANDOVER_PACKAGE_COMMANDS,
    ...(options.commands ?? {}),
  };
  // The same check a backup import and a sync device run before storing what they received (one list of events).
  const checkPayload = createStoredPayloadCheck(options.events ?? {});
  const seal = options.seal ?? store.journalSeal;
  // Every read verifies what it has not verified before (DP-44); see case-reader.ts.
  const reader = createCaseReader(store, {
    checkPayload,
    ...(seal === undefined ? {} : { seal, checkSealedPayload: createSealedReadPayloadCheck(options.events ?? {}) }),
  });

  /** Validates the batch envelope and every command; the first invalid command refuses the batch. */
  function prepare(raw: unknown): Result<{
    caseId: string;
    generatedCaseId: boolean;
    expectedSeq?: number;
    commandId?: string;
    prepared: PreparedCommand[];
  }> {
    const admitted = admitCommand(raw); // IN-08: size, depth and plain data checked before any schema walks it
    if (!admitted.ok) return admitted;
    const envelope = batchEnvelopeSchema.safeParse(admitted.value);
    if (!envelope.success) return { ok: false, errors: refusalsFromIssues(envelope.error.issues, admitted.value) };
    const batch = envelope.data;
    const prepared: PreparedCommand[] = [];
    let caseId = batch.caseId;
    // A case id the service made up names no case the caller meant (a retried openCase gets a new one).
    let generatedCaseId = false;
    for (const [index, rawCommand] of batch.commands.entries()) {
      const at: IssuePath = ['commands', index];
      const parsed = commandEnvelopeSchema.safeParse(rawCommand);
      // Messages name the field within the command; the path says which command it is.
      if (!parsed.success) return under(at, refusalsFromIssues(parsed.error.issues, rawCommand));
      const data = parsed.data;
      for (const field of ['expectedSeq', 'commandId'] as const) {
        if ((data as { [key: string]: unknown })[field] !== undefined)
          return refused(
            refusal(
              'INVALID_INPUT',
              `„${field}“ gehört zum Stapel, nicht zu einem Befehl darin.`,
              `"${field}" belongs to the batch, not to a command in it.`,
              [...at, field],
            ),
          );
      }
      if (data.caseId !== undefined && caseId !== undefined && data.caseId !== caseId)
        return refused(
          refusal(
            'INVALID_INPUT',
            `Alle Befehle eines Stapels betreffen dieselbe Akte („${caseId}“).`,
            `All commands of a batch concern the same case ("${caseId}").`,
            [...at, 'caseId'],
          ),
        );
      caseId ??= data.caseId;
      const definition = Object.hasOwn(commands, data.type) ? commands[data.type] : undefined;
      if (definition === undefined)
        return refused(
          refusal('UNKNOWN_COMMAND', `Unbekannter Befehl „${data.type}“.`, `Unknown command "${data.type}".`, [
            ...at,
            'type',
          ]),
        );
      if (definition.opensCase && index > 0)
        return refused(
          refusal(
            'INVALID_INPUT',
            'Ein Befehl, der eine Akte eröffnet, steht am Anfang des Stapels.',
            'A command that opens a case comes first in its batch.',
            [...at, 'type'],
          ),
        );
      const input = definition.input.safeParse(data.input);
      if (!input.success) return under(at, refusalsFromIssues(input.error.issues, data.input, ['input']));
      const parsedInput = input.data as Record<string, unknown>;
      if (definition.opensCase) {
        const chosen = typeof parsedInput['caseId'] === 'string' ? (parsedInput['caseId'] as string) : undefined;
        caseId ??= chosen;
        if (caseId === undefined) {
          caseId = itemIdsOf(batch.commandId).next('case');
          generatedCaseId = true;
        }
      }
      prepared.push({
        definition,
        reason: data.reason,
        command: {
          type: data.type,
          caseId: '',
          input: parsedInput,
          ...(data.reason === undefined ? {} : { reason: data.reason }),
        },
      });
    }
    if (caseId === undefined)
      return refused(
        refusal('INVALID_INPUT', 'Pflichtfeld „caseId“ fehlt.', 'Required field "caseId" is missing.', ['caseId']),
      );
    const known = caseId;
    return ok({
      caseId: known,
      generatedCaseId,
      ...(batch.expectedSeq === undefined ? {} : { expectedSeq: batch.expectedSeq }),
      ...(batch.commandId === undefined ? {} : { commandId: batch.commandId }),
      prepared: prepared.map((p) => ({
        ...p,
        command: {
          ...p.command,
          caseId: known,
          ...(batch.expectedSeq === undefined ? {} : { expectedSeq: batch.expectedSeq }),
          ...(batch.commandId === undefined ? {} : { commandId: batch.commandId }),
        },
      })),
    });
  }

  /**
   * The original outcome of a command id that was carried out before: its events as stored and the
   * case right after them. Nothing is written.
   */
  async function replay(caseId: string | undefined, commandId: string): Promise<Result<BatchOutcome> | undefined> {
    let recorded;
    try {
      recorded = await store.findCommand(commandId);
    } catch (error) {
      return storeFailure(error, caseId);
    }
    if (recorded === undefined) return undefined;
    if (caseId !== undefined && recorded.caseId !== caseId)
      return refused(
        refusal(
          'COMMAND_ID_REUSED',
          `Die Befehls-ID „${commandId}“ wurde schon für eine andere Akte verwendet.`,
          `Command id "${commandId}" was already used for another case.`,
          ['commandId'],
        ),
      );
    // A command id is no secret (every envelope and the history carry it): only the person who issued
    // the command gets its outcome back, never someone replaying the id to read the case (DP-40).
    const actor = actors.current();
    if (!recorded.events.every((event) => sameActor(event.actor, actor)))
      return refused(
        refusal(
          'COMMAND_ID_REUSED',
          `Die Befehls-ID „${commandId}“ wurde schon von jemand anderem verwendet.`,
          `Command id "${commandId}" was already used by someone else.`,
          ['commandId'],
        ),
      );
    const lastSeq = recorded.events.at(-1)?.seq ?? 0;
    const head = await reader.read(recorded.caseId);
    if (!head.ok) return head;
    // The case right after the command: the held state when nothing came since, else a fold up to it.
    const state = head.value.lastSeq === lastSeq ? head.value.state : foldCase(head.value.journal.slice(0, lastSeq));
    if (state === undefined) return undefined;
    return ok({ caseId: recorded.caseId, events: recorded.events, state, replayed: true });
  }

  /** Runs every command against the state the previous ones produced; seals, but writes nothing. */
  async function decide(
    head: CaseHead,
    prepared: readonly PreparedCommand[],
    commandId: string | undefined,
  ): Promise<Result<{ head: CaseHead; events: JournalEvent[]; notices: Notice[]; today: string }>> {
    const now = clock.now();
    const today = localDate(now, timeZone);
    const actor = actors.current();
    const itemIds = itemIdsOf(commandId);
    const notices: Notice[] = [];
    const events: JournalEvent[] = [];
    let current = head;
    for (const [index, { definition, command, reason }] of prepared.entries()) {
      const at: IssuePath = ['commands', index];
      const { state, journal, privacy, rights } = current;
      if (definition.opensCase && current.lastSeq > 0)
        return refused(
          refusal(
            'CASE_ALREADY_EXISTS',
            `Die Akte „${command.caseId}“ gibt es schon.`,
            `Case "${command.caseId}" already exists.`,
            ['caseId'],
          ),
        );
      if (!definition.opensCase && state === undefined)
        return refused(
          refusal(
            'CASE_NOT_FOUND',
            `Die Akte „${command.caseId}“ gibt es nicht.`,
            `There is no case "${command.caseId}".`,
            ['caseId'],
          ),
        );
      for (const guard of guards) {
        const refusals = guard({
          command,
          definition,
          state,
          journal,
          privacy,
          rights,
          actor,
          now,
          today,
          standard,
          addNotice: (notice) => notices.push({ ...notice, path: [...at, ...(notice.path ?? [])] }),
        });
        if (refusals.length > 0) return under(at, refusals);
      }
      const context: HandlerContext = {
        caseId: command.caseId,
        state,
        journal,
        privacy,
        rights,
        actor,
        now,
        today,
        ids: itemIds,
        standard,
      };
      const pending = definition
        .handle(context, command.input as never)
        // The caller's explicit reason for the envelope wins over the one a handler derives from the input.
        .map((event) => (reason === undefined ? event : { ...event, reason }));
      // A handler that decides a payload its own schema rejects is a bug; refusing keeps the journal clean.
      const invalid = pending.find((event) => !checkPayload(event));
      if (invalid !== undefined)
        return refused(
          refusal(
            'EVENT_SCHEMA_VIOLATION',
            `Interner Fehler: Ereignis ${invalid.type} passt nicht zu seinem Schema; nichts wurde gespeichert.`,
            `Internal error: event ${invalid.type} does not match its schema; nothing was stored.`,
            at,
          ),
        );
      const sealed = await sealEvents(pending, {
        caseId: command.caseId,
        last: current.last,
        at: now,
        actor,
        newId: () => ids.next('event'),
        ...(commandId === undefined ? {} : { commandId }),
      });
      const next = applyEvents(state, sealed);
      if (next === undefined)
        return refused(
          refusal(
            'CASE_NOT_FOUND',
            `Die Akte „${command.caseId}“ gibt es nicht.`,
            `There is no case "${command.caseId}".`,
            ['caseId'],
          ),
        );
      current = extendHead(current, sealed, next);
      events.push(...sealed);
    }
    return ok({ head: current, events, notices, today });
  }

  async function runBatch(raw: unknown): Promise<Result<BatchOutcome>> {
    const batch = prepare(raw);
    if (!batch.ok) return batch;
    const { caseId, generatedCaseId, expectedSeq, commandId, prepared } = batch.value;
    // DP-40: a malformed actor or a reserved stream id is refused before anything is read or replayed.
    const boundary = boundaryRefusals(actors.current(), caseId);
    if (boundary.length > 0) return { ok: false, errors: boundary };
    if (commandId !== undefined) {
      const earlier = await replay(generatedCaseId ? undefined : caseId, commandId);
      if (earlier !== undefined) return earlier;
    }
    for (let attempt = 0; ; attempt += 1) {
      const read = await reader.read(caseId);
      if (!read.ok) return read;
      const head = read.value;
      if (expectedSeq !== undefined && expectedSeq !== head.lastSeq)
        return conflictRefusal(caseId, expectedSeq, head.lastSeq);
      const decided = await decide(head, prepared, commandId);
      if (!decided.ok) return decided;
      const { head: after, events, notices, today } = decided.value;
      const state = after.state;
      if (state === undefined)
        return refused(refusal('CASE_NOT_FOUND', 'Die Akte gibt es nicht.', 'There is no case.'));
      if (events.length === 0) return ok({ caseId, events, state }, notices);
      // The rights projection keeps a restricted or erased case off the lists (DP-31, DP-32).
      const index = projectRightsIndex(caseIndexEntry(state, today), after.protective);
      let appended;
      try {
        // The new head is sealed in the same append (DP-44).
        const last = events.at(-1)!;
        const headSeal = seal === undefined ? undefined : await seal.sign({ caseId, seq: last.seq, hash: last.hash });
        appended = await store.append({
          caseId,
          expectedSeq: head.lastSeq,
          events,
          index,
          ...(headSeal === undefined ? {} : { seal: headSeal }),
        });
      } catch (error) {
        reader.forget(caseId);
        return storeFailure(error, caseId);
      }
      if (appended.ok) {
        reader.remember(after);
        return ok({ caseId, events, state }, notices);
      }
      const code = appended.errors[0]?.code;
      if (code === 'STORE_DUPLICATE_COMMAND' && commandId !== undefined) {
        // Another tab or a retry stored the same command between our lookup and our append.
        const earlier = await replay(caseId, commandId);
        if (earlier !== undefined) return earlier;
      }
      // Someone else appended since the read: decide again on the new head, unless the caller's
      // view was pinned by `expectedSeq` (then the conflict is theirs to see).
      if (code === 'STORE_CONFLICT' && expectedSeq === undefined && attempt < CONFLICT_RETRIES) continue;
      return appended;
    }
  }

  async function executeBatch(raw: CommandBatch): Promise<Result<BatchOutcome>> {
    try {
      return await runBatch(raw);
    } catch (error) {
      return internalFailure(error);
    }
  }

  async function execute(raw: CaseCommand | AnyCommand): Promise<Result<CommandOutcome>> {
    // A command alone is a batch of one; its refusals keep the paths they had before batches
    // existed (`['input', …]`, not `['commands', 0, 'input', …]`).
    const batch: Record<string, unknown> = { commands: [raw] };
    // A proxy or throwing getter must not escape as an exception: read the raw command like any other input.
    const admitted = admitCommand(raw);
    if (!admitted.ok) return admitted;
    raw = admitted.value as typeof raw;
    batch['commands'] = [raw];
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const { ...command } = raw as unknown as Record<string, unknown>;
      for (const field of BATCH_FIELDS) {
        if (command[field] !== undefined) batch[field] = command[field];
        delete command[field];
      }
      if (typeof batch['caseId'] === 'string') command['caseId'] = batch['caseId'];
      batch['commands'] = [command];
    }
    const result = await executeBatch(batch as unknown as CommandBatch);
    if (result.ok) return result;
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

  async function loadCase(caseId: string, _loadOptions: LoadOptions = {}): Promise<Result<LoadedCase>> {
    try {
      // The reader verified the journal (DP-38, DP-44): a tampered one is refused naming the first bad event.
      const read = await reader.read(caseId);
      if (!read.ok) return read;
      const { journal, state } = read.value;
      if (state === undefined) {
        return refused(
          refusal('CASE_NOT_FOUND', `Die Akte „${caseId}“ gibt es nicht.`, `There is no case "${caseId}".`, ['caseId']),
        );
      }
      return ok({ state, events: journal.map((event) => upcastEvent(event)) });
    } catch (error) {
      return internalFailure(error, [caseId]);
    }
  }

  function observeCase(caseId: string): Subscribable<CaseState | undefined> {
    return {
      subscribe(observer: Observer<CaseState | undefined> | ((value: CaseState | undefined) => void)): Unsubscribable {
        const target = typeof observer === 'function' ? { next: observer } : observer;
        // Each change is read through the verifying reader (DP-44): a tampered journal is reported as an
        // error carrying the refusal, never folded and shown.
        let chain = Promise.resolve();
        return store.observeJournal(caseId).subscribe({
          next: () => {
            chain = chain.then(async () => {
              const read = await reader.read(caseId).catch((error: unknown) => storeFailure(error, caseId));
              if (read.ok) target.next(read.value.state);
              else target.error?.(new JournalRefusedError(read.errors[0]!));
            });
          },
          error: (error) => target.error?.(error),
        });
      },
    };
  }

  return {
    execute,
    executeBatch,
    loadCaseUnchecked: loadCase,
    loadCase,
    observeCase,
    listCases: (query) => store.listCases(query),
    currentActor: () => actors.current(),
    newCommandId: () => ids.next('command'),
    async readVerifiedJournal(caseId) {
      try {
        const read = await reader.read(caseId);
        return read.ok ? ok([...read.value.journal]) : read;
      } catch (error) {
        return internalFailure(error, [caseId]);
      }
    },
  };
}
