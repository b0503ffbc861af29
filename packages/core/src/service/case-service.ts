import { text } from '../i18n/localized-text.js';
import type { JournalEvent } from '../journal/journal-event.js';
import { sealEvents } from '../journal/chain.js';
import { createJournalVerifier, journalRefusal } from '../journal/journal-verifier.js';
import type { JournalSeal } from '../journal/journal-seal.js';
import { refusalOfError } from '../journal/unreadable-event.js';
import type { Actor, ActorSource } from '../ports/actor.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import { ok, refused, type Notice, type Refusal, type Result } from '../result/refusal.js';
import type {
  CaseIndexEntry,
  CaseQuery,
  CaseStore,
  Observer,
  Subscribable,
  Unsubscribable,
} from '../store/case-store.js';
import { conflictRefusal } from '../store/store-errors.js';
import { CASE_EVENTS } from '../events/catalog.js';
import { PRIVACY_COMMANDS } from '../privacy/commands/index.js';
import { PRIVACY_EVENTS } from '../privacy/events.js';
import type { EventCatalog } from '../events/event-definition.js';
import { createPayloadCheck, upcastEvent } from '../events/upcast.js';
import { applyEvents, foldCase } from '../fold/fold-case.js';
import type { CaseState } from '../model/case-state.js';
import type { AnyCommand, CaseCommand } from '../commands/command-catalog.js';
import type { CaseServiceStandard, HandlerContext } from '../commands/handler-context.js';
import { caseIndexEntry } from './case-index.js';
import { CASE_COMMANDS, type CommandCatalog } from './command-definition.js';
import type { CommandGuard, ValidatedCommand } from './command-guard.js';
import { DEFAULT_GUARDS } from './default-guards.js';
import { commandEnvelopeSchema } from '../commands/command-catalog.js';
import { refusalsFromIssues } from './zod-refusals.js';
import { DEFAULT_TIME_ZONE, localDate } from './local-date.js';
import { RIGHTS_COMMANDS } from '../rights/rights-commands.js';
import { RIGHTS_EVENTS } from '../rights/rights-events.js';
import { projectRightsIndex } from '../rights/rights-index.js';
import { RETENTION_CASE_EVENTS } from '../retention/retention-events.js';

/** What the case service is made of. */
export interface CaseServiceOptions {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
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

/** The outcome of a command that was carried out. */
export interface CommandOutcome {
  readonly caseId: string;
  /** The events appended, as stored. */
  readonly events: readonly JournalEvent[];
  /** The case after them. */
  readonly state: CaseState;
}

/** A loaded case: its state and its events (upcast to current versions). */
export interface LoadedCase {
  readonly state: CaseState;
  readonly events: readonly JournalEvent[];
}

/** Options of {@link CaseService.loadCase}. */
export interface LoadOptions {
  /**
   * Kept for compatibility: every read is verified now (DP-38, DP-44), cheaply from the last head
   * verified in this process, whatever this says.
   */
  readonly verify?: boolean;
}

/**
 * The command API of the core: commands in, events appended, state out. Every command runs the
 * pipeline validate → guards (domain invariants, process rules, data protection) → handler → seal →
 * atomic append. A refused command never writes and never throws.
 */
export interface CaseService {
  /** Executes one command. */
  execute(command: CaseCommand | AnyCommand): Promise<Result<CommandOutcome>>;
  /** Loads a case (`CASE_NOT_FOUND` if there is none; a `JOURNAL_*` code if verification fails). */
  loadCase(caseId: string, options?: LoadOptions): Promise<Result<LoadedCase>>;
  /** The live state of one case: emits on subscribe and after every change, also from other tabs. */
  observeCase(caseId: string): Subscribable<CaseState | undefined>;
  /** Index rows of the caseload. */
  listCases(query?: CaseQuery): Promise<CaseIndexEntry[]>;
  /** The actor commands are executed as right now. */
  currentActor(): Actor;
  /**
   * A case's journal, verified against its chain, its erasure decisions and its seal (DP-44); a
   * tampered journal is refused with a `JOURNAL_*` code and the path `[caseId, seq]` of the first bad
   * event. Views read through this.
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

/** Creates the case service over a store and the ports. */
export function createCaseService(options: CaseServiceOptions): CaseService {
  const { store, clock, ids, standard } = options;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const actors = actorSource(options.actor);
  const guards = options.guards ?? DEFAULT_GUARDS;
  const commands: CommandCatalog = {
    ...CASE_COMMANDS,
    ...PRIVACY_COMMANDS,
    ...RIGHTS_COMMANDS,
    ...(options.commands ?? {}),
  };
  const checkPayload = createPayloadCheck({
    ...CASE_EVENTS,
    ...PRIVACY_EVENTS,
    ...RIGHTS_EVENTS,
    ...RETENTION_CASE_EVENTS,
    ...(options.events ?? {}),
  });
  const seal = options.seal ?? store.journalSeal;
  const verifier = createJournalVerifier({ checkPayload, ...(seal === undefined ? {} : { seal }) });

  /** Reads and verifies a journal (DP-44): never hands out, and never extends, a tampered one. */
  async function readVerifiedJournal(caseId: string): Promise<Result<JournalEvent[]>> {
    let journal: JournalEvent[];
    let sealRecord;
    try {
      [journal, sealRecord] = await Promise.all([store.readJournal(caseId), store.readSeal(caseId)]);
    } catch (error) {
      const carried = refusalOfError(error);
      if (carried !== undefined) return refused(carried);
      throw error;
    }
    const verdict = await verifier.verify(caseId, journal, sealRecord);
    if (!verdict.ok) return refused(journalRefusal(caseId, verdict.problem));
    return ok(journal);
  }

  async function execute(raw: CaseCommand | AnyCommand): Promise<Result<CommandOutcome>> {
    const envelope = commandEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return { ok: false, errors: refusalsFromIssues(envelope.error.issues, raw) };
    const definition = commands[envelope.data.type];
    if (definition === undefined) {
      return refused(
        refusal(
          'UNKNOWN_COMMAND',
          `Unbekannter Befehl „${envelope.data.type}“.`,
          `Unknown command "${envelope.data.type}".`,
          ['type'],
        ),
      );
    }
    const parsed = definition.input.safeParse(envelope.data.input);
    if (!parsed.success)
      return { ok: false, errors: refusalsFromIssues(parsed.error.issues, envelope.data.input, ['input']) };
    const input = parsed.data as Record<string, unknown>;

    let caseId = envelope.data.caseId;
    if (definition.opensCase) {
      const chosen = typeof input['caseId'] === 'string' ? (input['caseId'] as string) : undefined;
      caseId ??= chosen ?? ids.next('case');
    } else if (caseId === undefined) {
      return refused(
        refusal('INVALID_INPUT', 'Pflichtfeld „caseId“ fehlt.', 'Required field "caseId" is missing.', ['caseId']),
      );
    }

    const read = await readVerifiedJournal(caseId);
    if (!read.ok) return read;
    const journal = read.value;
    const last = journal.at(-1);
    const lastSeq = last?.seq ?? 0;
    if (envelope.data.expectedSeq !== undefined && envelope.data.expectedSeq !== lastSeq) {
      return conflictRefusal(caseId, envelope.data.expectedSeq, lastSeq);
    }
    const state = foldCase(journal);
    if (definition.opensCase && journal.length > 0) {
      return refused(
        refusal('CASE_ALREADY_EXISTS', `Die Akte „${caseId}“ gibt es schon.`, `Case "${caseId}" already exists.`, [
          'caseId',
        ]),
      );
    }
    if (!definition.opensCase && state === undefined) {
      return refused(
        refusal('CASE_NOT_FOUND', `Die Akte „${caseId}“ gibt es nicht.`, `There is no case "${caseId}".`, ['caseId']),
      );
    }

    const now = clock.now();
    const today = localDate(now, timeZone);
    const actor = actors.current();
    const command: ValidatedCommand = { ...envelope.data, caseId, input };
    const notices: Notice[] = [];
    for (const guard of guards) {
      const refusals = guard({
        command,
        definition,
        state,
        journal,
        actor,
        now,
        today,
        standard,
        addNotice: (notice) => notices.push(notice),
      });
      if (refusals.length > 0) return { ok: false, errors: refusals };
    }

    const context: HandlerContext = { caseId, state, journal, actor, now, today, ids, standard };
    const pending = definition
      .handle(context, input)
      // The caller's explicit reason for the envelope wins over the one a handler derives from the input.
      .map((event) => (envelope.data.reason === undefined ? event : { ...event, reason: envelope.data.reason }));
    // A handler that decides a payload its own schema rejects is a bug; refusing keeps the journal clean.
    const invalid = pending.find((event) => !checkPayload(event));
    if (invalid !== undefined) {
      return refused(
        refusal(
          'EVENT_SCHEMA_VIOLATION',
          `Interner Fehler: Ereignis ${invalid.type} passt nicht zu seinem Schema; nichts wurde gespeichert.`,
          `Internal error: event ${invalid.type} does not match its schema; nothing was stored.`,
        ),
      );
    }
    const sealed = await sealEvents(pending, { caseId, last, at: now, actor, newId: () => ids.next('event') });
    const next = applyEvents(state, sealed);
    if (next === undefined) {
      return refused(
        refusal('CASE_NOT_FOUND', `Die Akte „${caseId}“ gibt es nicht.`, `There is no case "${caseId}".`, ['caseId']),
      );
    }
    // The rights projection keeps a restricted or erased case off the lists (DP-31, DP-32).
    const index = projectRightsIndex(caseIndexEntry(next), [...journal, ...sealed]);
    const head = sealed.at(-1)!;
    const headSeal = seal === undefined ? undefined : await seal.sign({ caseId, seq: head.seq, hash: head.hash });
    const appended = await store.append({
      caseId,
      expectedSeq: lastSeq,
      events: sealed,
      index,
      ...(headSeal === undefined ? {} : { seal: headSeal }),
    });
    if (!appended.ok) return appended;
    return ok({ caseId, events: sealed, state: next }, notices);
  }

  async function loadCase(caseId: string, _loadOptions: LoadOptions = {}): Promise<Result<LoadedCase>> {
    const read = await readVerifiedJournal(caseId);
    if (!read.ok) return read;
    const journal = read.value;
    const state = foldCase(journal);
    if (state === undefined) {
      return refused(
        refusal('CASE_NOT_FOUND', `Die Akte „${caseId}“ gibt es nicht.`, `There is no case "${caseId}".`, ['caseId']),
      );
    }
    return ok({ state, events: journal.map((event) => upcastEvent(event)) });
  }

  function observeCase(caseId: string): Subscribable<CaseState | undefined> {
    return {
      subscribe(observer: Observer<CaseState | undefined> | ((value: CaseState | undefined) => void)): Unsubscribable {
        const target = typeof observer === 'function' ? { next: observer } : observer;
        // Each emission is verified first; a tampered journal is reported as an error, never folded.
        let chain = Promise.resolve();
        return store.observeJournal(caseId).subscribe({
          next: () => {
            chain = chain.then(async () => {
              const read = await readVerifiedJournal(caseId).catch((error: unknown) => error);
              if (read instanceof Error || !(read as Result<JournalEvent[]>).ok)
                target.error?.(
                  read instanceof Error
                    ? read
                    : new JournalRefusedError((read as { errors: readonly Refusal[] }).errors[0]!),
                );
              else target.next(foldCase((read as { value: JournalEvent[] }).value));
            });
          },
          error: (error) => target.error?.(error),
        });
      },
    };
  }

  return {
    execute,
    loadCase,
    observeCase,
    listCases: (query) => store.listCases(query),
    currentActor: () => actors.current(),
    readVerifiedJournal,
  };
}
