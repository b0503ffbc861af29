import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  isRedactionMarker,
  type Actor,
  type CaseState,
  type CaseStore,
  type CaseView,
  type JournalEvent,
} from '@fallkit/core';
import { accessLogStreamId } from '@fallkit/core/internal';

/** "Now" of the read-channel tests: after every example step. */
export const NOW = '2026-11-02T09:00:00.000Z';
export const TODAY = NOW.slice(0, 10);

/** Kowalski: a Jobcenter case with an entrusted note; the tests add a child-protection note. */
export const KOWALSKI = 'jc-2026-0522';
/** Schulte: debts and addiction; the debt counselling service has a consent for debts only. */
export const SCHULTE = 'jc-2026-0417';
/** Rahimi: handed over from the KIM to the Jobcenter. */
export const RAHIMI = 'kim-2026-0001';
export const DEMIR: Actor = EXAMPLE_ACTORS.jobcenterCaseManager;
export const HOFFMANN: Actor = EXAMPLE_ACTORS.jobcenterCaseManager2;

/** The actor kinds every read channel is tried with (PRIVACY.md DP-23, DP-28, DP-40, DP-41). */
export const ACTOR_KINDS: Readonly<Record<string, Actor>> = {
  kimCaseManager: EXAMPLE_ACTORS.kimCaseManager,
  kimIntake: EXAMPLE_ACTORS.kimIntake,
  jobcenterCaseManager: DEMIR,
  jobcenterColleague: HOFFMANN,
  sozialamtCaseManager: EXAMPLE_ACTORS.sozialamtCaseManager,
  sameIdOtherAgency: { id: DEMIR.id, role: 'caseManager', agencyId: EXAMPLE_AGENCIES.sozialamt.agencyId },
  jobcenterDeputy: { id: 'u-jc-vertretung', role: 'deputy', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
  jobcenterTeamLead: { id: 'u-jc-lead', role: 'teamLead', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
  kimTeamLead: { id: 'u-kim-schmidt', role: 'teamLead', agencyId: EXAMPLE_AGENCIES.kim.agencyId },
  debtCounselling: { id: 'u-sb-ebert', role: 'partnerAgency', agencyId: EXAMPLE_AGENCIES.schuldnerberatung.agencyId },
  addictionCounselling: {
    id: 'u-sucht-vogt',
    role: 'partnerAgency',
    agencyId: EXAMPLE_AGENCIES.suchtberatung.agencyId,
  },
  youthOfficeProvider: { id: 'u-ja-kaya', role: 'provider', agencyId: EXAMPLE_AGENCIES.jugendamt.agencyId },
  immigrationOffice: {
    id: 'u-abh-neu',
    role: 'caseManager',
    agencyId: EXAMPLE_AGENCIES.auslaenderbehoerde.agencyId,
  },
  kimStatistics: { id: 'u-stat-becker', role: 'statistics', agencyId: EXAMPLE_AGENCIES.kim.agencyId },
  jobcenterStatistics: { id: 'u-jc-stat', role: 'statistics', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
  jobcenterDpo: { id: 'u-jc-dsb', role: 'dataProtectionOfficer', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
  kimDpo: { id: 'u-kim-dsb', role: 'dataProtectionOfficer', agencyId: EXAMPLE_AGENCIES.kim.agencyId },
  jobcenterAdmin: { id: 'u-jc-admin', role: 'admin', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
  jobcenterHr: { id: 'u-jc-hr', role: 'hr', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
  jobcenterSystem: { id: 'system-import', role: 'system', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
  dataSubject: { id: 'u-kowalski', role: 'dataSubject', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId },
};

/** Purposes the channels are asked for. */
export const PURPOSES = ['caseManagement', 'supervision', 'dataSubjectRequest', 'statistics'] as const;

/** A store that counts the reads of each stream (the access log must not be read whole on every append). */
export function countingStore(inner: CaseStore): CaseStore & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'reads') return reads;
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === 'readJournal' && typeof value === 'function') {
        return (caseId: string, options?: { afterSeq?: number }) => {
          const name = `${caseId}${options?.afterSeq ? '+tail' : ''}`;
          reads.set(name, (reads.get(name) ?? 0) + 1);
          return (value as CaseStore['readJournal']).call(target, caseId, options);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as CaseStore & { reads: Map<string, number> };
}

/**
 * The example cases in a memory store, plus a child-protection note and a supervision grant in
 * Kowalski's case, and the service and views over one switchable actor.
 */
export async function readWorld(options: { store?: CaseStore } = {}) {
  const store = options.store ?? new MemoryCaseStore();
  await runExampleCases({ store });
  let actor: Actor = DEMIR;
  const clock = new FixedClock(NOW);
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor: { current: () => actor } });
  const views = createCaseViews({ service, store, clock, ids });
  const run = async (type: string, caseId: string, input: unknown, as: Actor = DEMIR) => {
    const before = actor;
    actor = as;
    try {
      const result = await service.execute({ type, caseId, input } as never);
      if (!result.ok) throw new Error(`${type} refused: ${JSON.stringify(result.errors)}`);
      return result.value;
    } finally {
      actor = before;
    }
  };
  await run('recordNote', KOWALSKI, {
    text: 'Gefährdungseinschätzung nach § 8a: Hinweise der Schule auf Vernachlässigung, zweite Fachkraft beteiligt.',
    categories: ['notes'],
    childProtection: true,
  });
  // Consents as the demo's story has them, and one more per partner, recorded by each case's manager.
  const consent = async (caseId: string, categories: readonly string[], agency: { agencyId: string; name: string }) => {
    const loaded = await service.loadCaseUnchecked(caseId);
    if (!loaded.ok) throw new Error(caseId);
    const { state } = loaded.value;
    const manager = state.caseManagers.find((m) => m.to === undefined)!;
    const by: Actor = { id: manager.userId, role: 'caseManager', agencyId: manager.agencyId };
    await run(
      'recordConsent',
      caseId,
      {
        categories,
        recipients: [agency],
        purposes: ['caseManagement'],
        form: { kind: 'written', scanReference: `Scan ${caseId}/Einwilligung` },
        informationTextHash: 'ab'.repeat(32),
        givenBy: { personId: state.addresseeId, role: 'self' },
      },
      by,
    );
  };
  await consent(SCHULTE, ['identity', 'contact', 'debts', 'income'], EXAMPLE_AGENCIES.schuldnerberatung);
  await consent(SCHULTE, ['health', 'addiction', 'measures'], EXAMPLE_AGENCIES.suchtberatung);
  await consent(KOWALSKI, ['measures', 'helpPlan', 'household'], EXAMPLE_AGENCIES.jugendamt);
  await consent(RAHIMI, ['identity', 'benefits', 'employment', 'goals', 'measures'], EXAMPLE_AGENCIES.jobcenter);
  return {
    store,
    service,
    views,
    clock,
    run,
    as(next: Actor) {
      actor = next;
    },
    get actor() {
      return actor;
    },
    /** The full case (the test's trusted read, never a component's). */
    async full(caseId: string): Promise<{ state: CaseState; events: readonly JournalEvent[] }> {
      const loaded = await service.loadCaseUnchecked(caseId);
      if (!loaded.ok) throw new Error(`no case ${caseId}`);
      return loaded.value;
    },
    /** Every access-log event of every agency, for "nothing was logged" checks. */
    async accessLogSize(): Promise<number> {
      let total = 0;
      for (const agency of Object.values(EXAMPLE_AGENCIES)) {
        total += (await store.readJournal(accessLogStreamId(agency.agencyId))).length;
      }
      return total;
    },
  };
}

/** Every string in a value (keys not included), recursively. */
export function stringsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

/** Every string a view shows: markers are not content, their texts are the view's own. */
function shownStrings(value: unknown, out: Set<string>): Set<string> {
  if (isRedactionMarker(value)) return out;
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) shownStrings(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) shownStrings(item, out);
  return out;
}

/** Every `id` of an item in a value, recursively. */
function idsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsOf(item, out);
  else if (typeof value === 'object' && value !== null) {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') out.add(id);
    for (const item of Object.values(value)) idsOf(item, out);
  }
  return out;
}

/** The sections of a case state that hold content (not the header, lead agencies and case managers). */
const METADATA_KEYS = new Set([
  'caseId',
  'label',
  'status',
  'stage',
  'openedOn',
  'processStandard',
  'addresseeId',
  'lastSeq',
  'updatedAt',
]);

/**
 * What the actor's own view withholds from a case: ids of items it shows no part of and strings of
 * the case file it shows nowhere. The reference every channel is compared with (DP-23, DP-24).
 */
export interface Withheld {
  readonly ids: ReadonlySet<string>;
  readonly strings: ReadonlySet<string>;
  /** Strings the view shows, for substring checks on texts built from them. */
  readonly shown: ReadonlySet<string>;
}

/** Computes {@link Withheld} from the full case and the actor's view of it. */
export function withheldBy(full: CaseState, view: CaseView): Withheld {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) if (!METADATA_KEYS.has(key)) content[key] = value;
  const shown = shownStrings(view.case, new Set());
  const shownIds = idsOf(JSON.parse(JSON.stringify(view.case, (_k, v: unknown) => (isRedactionMarker(v) ? null : v))));
  // An id the view names anywhere (as an item's id or in a visible item's references) is not withheld.
  const ids = new Set([...idsOf(content)].filter((id) => !shownIds.has(id) && !shown.has(id)));
  // Short strings (enum values, small counts) say nothing by themselves; longer ones are content.
  const strings = new Set([...stringsOf(content)].filter((s) => s.length >= 4 && !shown.has(s)));
  return { ids, strings, shown };
}

/** Whether a text names an id as a whole token (`goal-1` is not named by `goal-10`). */
export function mentions(text: string, id: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(id, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + id.length] ?? '';
    if (!/[A-Za-z0-9_-]/.test(after) && !/[A-Za-z0-9_-]/.test(before)) return true;
    from = at + 1;
  }
}

/** The withheld ids and strings a channel's output reaches, empty when none. */
export function leaks(output: unknown, withheld: Withheld): string[] {
  const found: string[] = [];
  const strings = stringsOf(output);
  const all = [...strings].join('\n');
  for (const id of withheld.ids) if (mentions(all, id)) found.push(`id ${id}`);
  for (const s of strings) if (withheld.strings.has(s)) found.push(`string "${s}"`);
  return found;
}
