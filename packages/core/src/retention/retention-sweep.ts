import { localDate } from '../service/local-date.js';
import { text } from '../i18n/localized-text.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { sealEvents } from '../journal/chain.js';
import { sha256Hex } from '../journal/sha256.js';
import type { Actor } from '../ports/actor.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import { ok, refused, type Refusal, type Result } from '../result/refusal.js';
import type { CaseStore } from '../store/case-store.js';
import { foldCase } from '../fold/fold-case.js';
import type { CaseState } from '../model/case-state.js';
import { privacyRefusal } from '../privacy/reason-codes.js';
import { statisticalRecord, type ReportingConfig, type StatisticalRecord } from '../reporting/statistical-record.js';
import { foldRights } from '../rights/rights-state.js';
import { caseRetention, type DueCase } from './retention-deadlines.js';
import { RETENTION_EVENTS, RETENTION_LOG_STREAM, type DeletionLogEntry } from './retention-log.js';
import type { RetentionSchedule } from './retention-schedule.js';
import { anonymisedIndexEntry, RETENTION_CASE_EVENTS } from './retention-events.js';
import type { JournalSeal } from '../journal/journal-seal.js';
import type { JournalEvent } from '../journal/journal-event.js';
import { actorRefusals } from '../access/boundary.js';
import { NEVER_RIGHTS_DECIDERS } from '../access/roles.js';
import { createJournalVerifier } from '../journal/journal-verifier.js';
import { createStoredPayloadCheck, storedPayloadCheckOf } from '../events/stored-payload-check.js';
import type { PayloadCheck } from '../journal/verify-journal.js';

/** Step one of the sweep: the batch a person is asked to confirm (DP-36). Holds case ids: show it, do not publish it. */
export interface RetentionPlan {
  readonly planId: string;
  /** The day the plan was made for: cases due on or before it. */
  readonly date: string;
  readonly scheduleVersion: string;
  readonly createdAt: string;
  readonly entries: readonly DueCase[];
  /** Cases due but held back, with the reason (a pending claim or restriction keeps them). */
  readonly held: readonly { readonly caseId: string; readonly reason: string }[];
  /** Hash over the plan's content: the confirmation must name this plan, unchanged. */
  readonly planHash: string;
}

/** What the confirmed sweep did. */
export interface RetentionExecution {
  readonly batchId: string;
  readonly executed: readonly DeletionLogEntry[];
  /** Planned cases skipped because they were no longer due (changed since the plan). */
  readonly skipped: readonly { readonly caseId: string; readonly reason: string }[];
}

/** Options of the sweep. */
export interface RetentionSweepOptions {
  readonly store: CaseStore;
  readonly schedule: RetentionSchedule;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly config?: ReportingConfig;
  /**
   * Secret mixed into the case-id hash of the deletion log, so sequential case ids cannot be found
   * again by hashing guesses. Keep it with the controller.
   */
  readonly hashSalt?: string;
  /** The seal of the journals (DP-44): the host's, else the store's own. */
  readonly seal?: JournalSeal;
}

let storedCheck: PayloadCheck | undefined;

/** Appends one event to a stream, its payload checked, sealed when a seal is given; the index row only for cases. */
async function appendSealed(
  store: CaseStore,
  seal: JournalSeal | undefined,
  caseId: string,
  journal: readonly JournalEvent[],
  event: { type: string; schemaVersion: number; payload: unknown },
  context: { at: string; actor: Actor; newId: () => string },
  index?: Parameters<CaseStore['append']>[0]['index'],
): Promise<Result<JournalEvent>> {
  // Whoever signs a head vouches for its payloads: a sealed read does not parse them again (DP-38, issue 18).
  const check = storedPayloadCheckOf(caseId, (storedCheck ??= createStoredPayloadCheck()));
  if (check !== undefined && !check(event))
    return refused({
      code: 'EVENT_SCHEMA_VIOLATION',
      message: text(
        `Interner Fehler: Ereignis ${event.type} passt nicht zu seinem Schema; nichts wurde gespeichert.`,
        `Internal error: event ${event.type} does not match its schema; nothing was stored.`,
      ),
      path: [caseId],
    });
  const [sealed] = await sealEvents([event], { caseId, last: journal.at(-1), ...context });
  const head = sealed!;
  const headSeal = seal === undefined ? undefined : await seal.sign({ caseId, seq: head.seq, hash: head.hash });
  const appended = await store.append({
    caseId,
    expectedSeq: journal.at(-1)?.seq ?? 0,
    events: [head],
    ...(index === undefined ? {} : { index }),
    ...(headSeal === undefined ? {} : { seal: headSeal }),
  });
  return appended.ok ? ok(head) : appended;
}

function planContent(plan: Omit<RetentionPlan, 'planHash'>): string {
  const { planId, date, scheduleVersion, createdAt, entries, held } = plan;
  return canonicalJson({ planId, date, scheduleVersion, createdAt, entries, held });
}

async function loadClosed(store: CaseStore): Promise<{ state: CaseState; held?: string }[]> {
  const rows = await store.listCases({ status: ['closed', 'restricted'] });
  const out: { state: CaseState; held?: string }[] = [];
  for (const row of rows) {
    const journal = await store.readJournal(row.caseId);
    const state = foldCase(journal);
    if (state === undefined || state.status !== 'closed') continue;
    const rights = foldRights(journal);
    const hold = rights.restrictions.find((r) => r.liftedOn === undefined && r.code === 'RESTRICTED_PENDING_CLAIM');
    out.push(hold === undefined ? { state } : { state, held: hold.code });
  }
  return out;
}

/**
 * Step one (DP-36): lists the closed cases whose retention ended by `date`. Nothing is changed; a
 * person reviews the plan and confirms it with {@link executeRetentionSweep}. Cases under a pending
 * claim are held back and listed as such.
 */
export async function planRetentionSweep(options: RetentionSweepOptions & { date: string }): Promise<RetentionPlan> {
  const { schedule, date } = options;
  const entries: DueCase[] = [];
  const held: { caseId: string; reason: string }[] = [];
  for (const { state, held: hold } of await loadClosed(options.store)) {
    const retention = caseRetention(state, schedule);
    if (retention.dueOn === null || retention.dueOn > date || retention.action === null || retention.ruleId === null)
      continue;
    if (hold !== undefined) held.push({ caseId: state.caseId, reason: hold });
    else
      entries.push({
        caseId: state.caseId,
        dueOn: retention.dueOn,
        ruleId: retention.ruleId,
        action: retention.action,
      });
  }
  entries.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  const base = {
    planId: options.ids.next('retention-plan'),
    date,
    scheduleVersion: schedule.version,
    createdAt: options.clock.now(),
    entries,
    held,
  };
  return { ...base, planHash: await sha256Hex(planContent(base)) };
}

function sweepRefusal(code: string, de: string, en: string): Refusal {
  return { code, rule: 'DP-36', message: text(de, en) };
}

/**
 * Step two (DP-36): carries out a plan a person confirmed. Refused for the `system` actor (a person
 * confirms the batch), for an altered plan and for a plan made under another retention table. Each
 * case is checked again; one no longer due is skipped. A case to `delete` loses its stream and index
 * row; a case to `anonymise` keeps envelopes and hashes with every payload erased. Either way its
 * statistical skeleton goes into the `RetentionExecuted` event of the retention log, with a deletion
 * log of case-id hash, date and rule only, so published aggregates stay reproducible.
 */
export async function executeRetentionSweep(
  options: RetentionSweepOptions & { plan: RetentionPlan; confirmedBy: Actor },
): Promise<Result<RetentionExecution>> {
  const { store, plan, confirmedBy, schedule, clock } = options;
  const seal = options.seal ?? store.journalSeal;
  const verifier = createJournalVerifier(seal === undefined ? {} : { seal });
  // DP-40: a malformed confirmer is refused before anything is deleted or written into the log.
  const invalid = actorRefusals(confirmedBy);
  if (invalid.length > 0) return refused(invalid[0]!, ...invalid.slice(1));
  if (confirmedBy.role === 'system') return refused(privacyRefusal('DENY_AUTOMATED_DECISION', { rule: 'DP-36' }));
  // DP-36/DP-41: deleting case files is a decision; the roles that never decide one cannot confirm it.
  if (NEVER_RIGHTS_DECIDERS.includes(confirmedBy.role))
    return refused(privacyRefusal('DENY_NOT_ASSIGNED', { rule: 'DP-36', path: ['confirmedBy', 'role'] }));
  if ((await sha256Hex(planContent(plan))) !== plan.planHash) {
    return refused(
      sweepRefusal(
        'RETENTION_PLAN_ALTERED',
        'Der Löschplan wurde nach seiner Erstellung verändert; bitte neu planen.',
        'The retention plan was changed after it was made; plan again.',
      ),
    );
  }
  if (plan.scheduleVersion !== schedule.version) {
    return refused(
      sweepRefusal(
        'RETENTION_SCHEDULE_CHANGED',
        'Die Aufbewahrungstabelle hat sich seit dem Plan geändert; bitte neu planen.',
        'The retention table changed since the plan was made; plan again.',
      ),
    );
  }
  const now = clock.now();
  const today = localDate(now); // the organisation's day, as the service writes periods
  const executed: DeletionLogEntry[] = [];
  const records: StatisticalRecord[] = [];
  const skipped: { caseId: string; reason: string }[] = [];
  for (const entry of plan.entries) {
    const journal = await store.readJournal(entry.caseId);
    // A journal that does not verify is not acted on: the sweep must not launder a forgery (DP-44).
    const verdict = await verifier.verify(entry.caseId, journal, await store.readSeal?.(entry.caseId));
    if (!verdict.ok) {
      skipped.push({ caseId: entry.caseId, reason: verdict.problem.code });
      continue;
    }
    const state = foldCase(journal);
    const retention = state === undefined ? undefined : caseRetention(state, schedule);
    const hold = foldRights(journal).restrictions.some(
      (r) => r.liftedOn === undefined && r.code === 'RESTRICTED_PENDING_CLAIM',
    );
    if (state === undefined || retention?.dueOn == null || retention.dueOn > plan.date || hold) {
      skipped.push({ caseId: entry.caseId, reason: hold ? 'RESTRICTED_PENDING_CLAIM' : 'NOT_DUE' });
      continue;
    }
    records.push(statisticalRecord(state, options.config));
    if (entry.action === 'delete') {
      await store.deleteStream(entry.caseId);
    } else {
      // First the decision in the case's own journal, then the erasure it authorises (DP-44): every
      // marker of the sweep is backed by this `RetentionApplied` event, which itself stays.
      const rule = `DP-36:${entry.ruleId}`;
      const anonymisedIndex = anonymisedIndexEntry(entry.caseId, (journal.at(-1)?.seq ?? 0) + 1, now);
      const decided = await appendSealed(
        store,
        seal,
        entry.caseId,
        journal,
        {
          type: 'RetentionApplied',
          schemaVersion: RETENTION_CASE_EVENTS.RetentionApplied.version,
          payload: { rule, ruleId: entry.ruleId, planHash: plan.planHash, appliedOn: today },
        },
        { at: now, actor: confirmedBy, newId: () => options.ids.next('event') },
        anonymisedIndex,
      );
      if (!decided.ok) return decided;
      const erased = await store.erasePayloads(
        entry.caseId,
        journal.map((e) => e.seq),
        now,
        rule,
      );
      if (!erased.ok) return erased;
    }
    executed.push({
      caseIdHash: await sha256Hex(`${options.hashSalt ?? ''}${entry.caseId}`),
      date: today,
      ruleId: entry.ruleId,
      action: entry.action,
    });
  }
  const batchId = options.ids.next('retention-batch');
  const log = await store.readJournal(RETENTION_LOG_STREAM);
  const appended = await appendSealed(
    store,
    seal,
    RETENTION_LOG_STREAM,
    log,
    {
      type: 'RetentionExecuted',
      schemaVersion: RETENTION_EVENTS.RetentionExecuted.version,
      payload: {
        batchId,
        planHash: plan.planHash,
        scheduleVersion: plan.scheduleVersion,
        planDate: plan.date,
        entries: executed,
        statisticalRecords: records,
      },
    },
    { at: now, actor: confirmedBy, newId: () => options.ids.next('event') },
  );
  if (!appended.ok) return appended;
  return ok({ batchId, executed, skipped });
}
