import type { Actor } from '../ports/actor.js';
import type { AnyCommand, CaseCommand } from '../commands/command-catalog.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { Notice, Refusal } from '../result/refusal.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { createCaseService, type CaseServiceOptions } from '../service/case-service.js';
import type { CommandGuard } from '../service/command-guard.js';
import { indexEntryFromJournal } from '../service/index-from-journal.js';
import { MemoryCaseStore } from '../store/memory-store.js';
import { FixedClock } from '../ports/clock.js';
import { SequentialIds } from '../ports/id-generator.js';

/**
 * What happened before the command: journal events of one case (sealed, as a store or the examples
 * hold them: they are stored as they are) or commands (decided through the case service, so they go
 * through every rule like a user's).
 */
export type GivenStep = JournalEvent | CaseCommand | AnyCommand;

/** An event the command must append: its type and, if given, the payload keys it must carry. */
export interface ExpectedEvent {
  readonly type: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** The refusal the command must get: its code (and rule id, if given); the journal stays unchanged. */
export interface ExpectedRefusal {
  readonly refused: string;
  readonly rule?: string;
}

/**
 * Who acts, when, with which guards and process standard (defaults: the given actor,
 * `2026-07-01T12:00:00.000Z`, the service's guards and standard).
 */
export interface ScenarioOptions {
  readonly actor: Actor;
  readonly now?: string;
  readonly guards?: readonly CommandGuard[];
  readonly standard?: CaseServiceOptions['standard'];
}

/**
 * The outcome a `then` checked, for further assertions: the events appended (empty on a refusal), the
 * case's whole journal after the command, the refusals (empty when stored) and the notices.
 */
export interface ScenarioOutcome {
  readonly appended: readonly JournalEvent[];
  readonly journal: readonly JournalEvent[];
  readonly refusals: readonly Refusal[];
  readonly notices: readonly Notice[];
}

/** `given(...).when(command)`: the command under test, waiting for its expected outcome. */
export interface WhenStep {
  /**
   * Runs the scenario and checks the outcome: the events appended, in order (type, and the payload
   * keys named), or the refusal (code, rule) with the journal unchanged. Rejects with a message that
   * says what differed.
   */
  then(expected: readonly ExpectedEvent[] | ExpectedRefusal): Promise<ScenarioOutcome>;
}

/** `given(...)`: the history, waiting for the command. */
export interface GivenStage {
  when(command: CaseCommand | AnyCommand): WhenStep;
}

function isJournalEvent(step: GivenStep): step is JournalEvent {
  return 'hash' in step && 'seq' in step && 'prevHash' in step;
}

function fail(message: string): never {
  throw new Error(`given/when/then: ${message}`);
}

function caseOf(step: GivenStep): string | undefined {
  return 'caseId' in step && typeof step.caseId === 'string' ? step.caseId : undefined;
}

/**
 * The core's scenario helper (Emmett's `DeciderSpecification` is the model): a fresh in-memory store,
 * the history written into it, the command decided by the real case service (the one decision point:
 * input schema, access, process rules, invariants, handler, events), and the outcome compared.
 *
 * ```ts
 * await given(journal, { actor: kim })
 *   .when({ type: 'recordNote', caseId, input: { text: '' } })
 *   .then({ refused: 'INVALID_INPUT', rule: 'SCHEMA' });
 * await given(journal, { actor: kim })
 *   .when({ type: 'recordContact', caseId, input: contact })
 *   .then([{ type: 'ContactRecorded', payload: { mode: 'phone' } }]);
 * ```
 */
export function given(history: readonly GivenStep[], options: ScenarioOptions): GivenStage {
  return {
    when(command) {
      return {
        async then(expected) {
          const store = new MemoryCaseStore();
          const serviceOptions: CaseServiceOptions = {
            store,
            clock: new FixedClock(options.now ?? '2026-07-01T12:00:00.000Z'),
            ids: new SequentialIds(),
            actor: options.actor,
            ...(options.guards ? { guards: options.guards } : {}),
            ...(options.standard ? { standard: options.standard } : {}),
          };
          const service = createCaseService(serviceOptions);
          const journals = new Map<string, JournalEvent[]>();
          for (const step of history) {
            if (isJournalEvent(step)) {
              const journal = [...(journals.get(step.caseId) ?? (await store.readJournal(step.caseId))), step];
              journals.set(step.caseId, journal);
              const index = indexEntryFromJournal(journal);
              const stored = await store.append({
                caseId: step.caseId,
                expectedSeq: step.seq - 1,
                events: [step],
                ...(index ? { index } : {}),
              });
              if (!stored.ok)
                fail(`the given event ${step.type} #${step.seq} could not be stored: ${stored.errors[0]?.code}`);
            } else {
              const result = await service.execute(step);
              if (!result.ok)
                fail(`the given command ${step.type} was refused: ${result.errors.map((e) => e.code).join(', ')}`);
              const caseId = caseOf(step);
              if (caseId) journals.set(caseId, await store.readJournal(caseId));
            }
          }
          const named = caseOf(command);
          const before = named ? await store.readJournal(named) : [];
          const result = await service.execute(command);
          // An `openCase` without a case id gets one from the id port: its journal is the new stream.
          const caseId = named ?? (result.ok ? result.value.caseId : undefined);
          const after = caseId ? await store.readJournal(caseId) : [];
          if (!Array.isArray(expected)) {
            const refusal = expected as ExpectedRefusal;
            if (result.ok)
              fail(`${command.type} was expected to be refused with ${refusal.refused}, but it was stored`);
            const match = result.errors.find((e) => e.code === refusal.refused);
            if (!match)
              fail(
                `${command.type} was refused with ${result.errors.map((e) => e.code).join(', ')}, not ${refusal.refused}`,
              );
            if (refusal.rule !== undefined && match.rule !== refusal.rule)
              fail(`${refusal.refused} came with rule ${String(match.rule)}, not ${refusal.rule}`);
            if (canonicalJson(after) !== canonicalJson(before))
              fail(`${command.type} was refused but the journal changed`);
            return { appended: [], journal: after, refusals: result.errors, notices: [] };
          }
          if (!result.ok)
            fail(`${command.type} was refused: ${result.errors.map((e) => `${e.code} (${e.message.en})`).join('; ')}`);
          const appended = after.slice(before.length);
          const types = appended.map((e) => e.type);
          const wanted = expected.map((e) => e.type);
          if (canonicalJson(types) !== canonicalJson(wanted))
            fail(`${command.type} appended [${types.join(', ')}], expected [${wanted.join(', ')}]`);
          expected.forEach((want, i) => {
            const payload = (appended[i]?.payload ?? {}) as Record<string, unknown>;
            for (const [key, value] of Object.entries(want.payload ?? {}))
              if (canonicalJson(payload[key] ?? null) !== canonicalJson(value ?? null))
                fail(
                  `${want.type}.${key} is ${canonicalJson(payload[key] ?? null)}, expected ${canonicalJson(value ?? null)}`,
                );
          });
          return { appended, journal: after, refusals: [], notices: result.notices ?? [] };
        },
      };
    },
  };
}
