import {
  createCaseService,
  FixedClock,
  localDate,
  MemoryCaseStore,
  type Actor,
  type AnyCommand,
  type CaseService,
  type CaseState,
  type CaseStore,
  type JournalEvent,
  type Result,
  type CommandOutcome,
} from '@fallkit/core';
import {
  canonicalJson,
  caseIndexEntry,
  CASE_COMMANDS,
  foldCase,
  HANDOVER_PACKAGE_COMMANDS,
  PRIVACY_COMMANDS,
} from '@fallkit/core/internal';
import {
  EXAMPLE_CASES,
  runExampleCases,
  ScopedSequentialIds,
  type ExampleCase,
  type ExampleStep,
} from '@fallkit/core/examples';
import { RIGHTS_COMMANDS } from '@fallkit/core/rights';

/**
 * Worlds for the access tests: an example case replayed up to the step a command is taken from, with
 * three extra assignments recorded right after opening (a deputy in force, an assignment that starts
 * the day after the command, one that ended on the command's day), so every kind of actor the tests
 * name exists in the case. Inputs come from the example scripts themselves, so an allowed actor's
 * command is really carried out, not only "not refused for access".
 */

/** The family case: the longest script, through a handover from the KIM to the Jobcenter on 1 June. */
export const FAMILY = EXAMPLE_CASES.find((example) => example.caseId === 'kim-2026-0001')!;

/** Every command type the service registers by default. */
export const ALL_COMMAND_TYPES: readonly string[] = [
  ...Object.keys(CASE_COMMANDS),
  ...Object.keys(PRIVACY_COMMANDS),
  ...Object.keys(RIGHTS_COMMANDS),
  ...Object.keys(HANDOVER_PACKAGE_COMMANDS),
];

/** The users the world adds to each case. */
export const EXTRA = {
  deputy: 'u-prop-deputy',
  future: { id: 'u-prop-future', agencyId: 'diakonie-jugendhilfe-musterstadt' },
  ended: { id: 'u-prop-ended', agencyId: 'skf-sozialdienst-musterstadt' },
  emergency: 'u-prop-emergency',
} as const;

/** The day after an ISO date. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

function openingOf(example: ExampleCase): { openedOn: string; lead: string; at: string } {
  const open = example.steps[0]!;
  const input = open.input as { openedOn?: string; leadAgency: { agencyId: string } };
  return { openedOn: input.openedOn ?? localDate(open.at), lead: input.leadAgency.agencyId, at: open.at };
}

/** The three assignments added after opening, recorded by a team lead of the lead agency. */
function extraAssignments(example: ExampleCase, day: string): ExampleStep[] {
  const { openedOn, lead, at } = openingOf(example);
  const teamLead: Actor = { id: 'u-prop-teamlead', role: 'teamLead', agencyId: lead, name: 'Teamleitung' };
  const assign = (userId: string, agencyId: string, from: string): ExampleStep => ({
    at,
    actor: teamLead,
    type: 'assignCaseManager',
    input: { userId, agencyId, role: 'deputy', from },
  });
  return [
    assign(EXTRA.deputy, lead, openedOn),
    assign(EXTRA.future.id, EXTRA.future.agencyId, nextDay(day)),
    assign(EXTRA.ended.id, EXTRA.ended.agencyId, openedOn),
    // Ended on the command's day: `to` is exclusive, so it no longer counts that day.
    { at, actor: teamLead, type: 'endCaseManagerAssignment', input: { userId: EXTRA.ended.id, to: day } },
  ];
}

const prefixCache = new Map<string, Promise<JournalEvent[]>>();

/** The journal of `example` replayed up to (not including) step `upTo`, with the extra assignments. */
export function prefixJournal(example: ExampleCase, upTo: number, day: string): Promise<JournalEvent[]> {
  const key = `${example.key}|${upTo}|${day}`;
  let cached = prefixCache.get(key);
  if (cached === undefined) {
    cached = (async () => {
      if (upTo === 0) return [];
      const steps = [example.steps[0]!, ...extraAssignments(example, day), ...example.steps.slice(1, upTo)];
      const { store } = await runExampleCases({ store: new MemoryCaseStore(), cases: [{ ...example, steps }] });
      return store.readJournal(example.caseId);
    })();
    prefixCache.set(key, cached);
  }
  return cached;
}

/** A fresh store holding one case journal (and its index row as the service computes it). */
export async function storeWith(caseId: string, journal: readonly JournalEvent[], day: string): Promise<CaseStore> {
  const store = new MemoryCaseStore();
  if (journal.length === 0) return store;
  const state = foldCase(journal)!;
  const appended = await store.append({ caseId, expectedSeq: 0, events: journal, index: caseIndexEntry(state, day) });
  if (!appended.ok) throw new Error(`copy failed: ${appended.errors[0]?.code}`);
  return store;
}

/** The bytes a store holds for a case: journal and index row. */
export async function bytesOf(store: CaseStore, caseId: string): Promise<string> {
  return canonicalJson([await store.readJournal(caseId), (await store.getCase(caseId)) ?? null]);
}

/** Runs one command as an actor at an instant; the actor is passed as given (malformed ones included). */
export async function runAs(
  store: CaseStore,
  actor: unknown,
  at: string,
  command: AnyCommand,
  ids = new ScopedSequentialIds('prop'),
): Promise<Result<CommandOutcome>> {
  const service: CaseService = createCaseService({
    store,
    clock: new FixedClock(at),
    ids,
    actor: { current: () => actor as Actor },
  });
  return service.execute(command);
}

/** The state of a case in a store. */
export async function stateIn(store: CaseStore, caseId: string): Promise<CaseState | undefined> {
  return foldCase(await store.readJournal(caseId));
}
