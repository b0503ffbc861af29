import { expect } from 'chai';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type CaseStore,
  type JournalEvent,
} from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { executeRetentionSweep, planRetentionSweep, type RetentionSchedule } from '@fallkit/core/retention';
import { requestErasure } from '@fallkit/core/rights';
import { runExampleCases } from '@fallkit/core/examples';
import { EXAMPLE_GUARDS, JOBCENTER, JOBCENTER_DPO, KIM_DPO, rightsWorld } from '../rights/rights-fixtures.js';
import { createCaseService } from '@fallkit/core';

/*
 * Red team, issue 13: erasure that must leave no personal text anywhere, erasure markers that must
 * match a decision, and the retention sweep as one more writer of the journal.
 */

/** Free text of a stored journal: strings with a space in them (codes, ids and times have none). */
function freeTexts(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (/\s/.test(value.trim()) && value.trim().length >= 8) out.add(value);
  } else if (Array.isArray(value)) for (const item of value) freeTexts(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) freeTexts(item, out);
  return out;
}

const SCHEDULE: RetentionSchedule = {
  version: 'red-1',
  rules: [
    {
      id: 'caseManagement-3y',
      purpose: 'caseManagement',
      yearsAfterClosure: 3,
      basis: 'recordsSchedule',
      action: 'anonymise',
      reference: 'Test',
      verified: false,
    },
  ],
};

describe('red team: issue 13 (journal, erasure, sweep)', function () {
  this.timeout(120_000);

  it('issue 13 / DP-43: after a granted erasure no free text of any event type, payload, note or envelope remains', async () => {
    const { store, clock, as } = await rightsWorld();
    const caseId = 'kim-2026-0007';
    const before = await store.readJournal(caseId);
    const texts = freeTexts(before.map((event) => ({ ...event })));
    expect(texts.size, 'the example holds free text').to.be.greaterThan(10);
    const answer = await requestErasure(as(KIM_DPO), store, clock, caseId, {
      subjectId: 'yildiz-person-1',
      scope: 'case',
    });
    expect(answer.ok && answer.value.outcome).to.equal('granted');
    const after = canonicalJson([
      await store.readJournal(caseId),
      await store.getCase(caseId),
      await store.listCases(),
    ]);
    const left = [...texts].filter((text) => after.includes(JSON.stringify(text).slice(1, -1)));
    expect(left, 'free text left in the store after erasure').to.deep.equal([]);
  });

  it('issue 13 / DP-44: a forged erasure marker next to a genuine partial erasure is refused and named', async () => {
    const { store, clock, as } = await rightsWorld();
    const caseId = 'kim-2026-0001';
    const note = await as(JOBCENTER).execute({
      type: 'recordNote',
      caseId,
      input: { text: 'Partner hat Termin verpasst.', subjectIds: ['rahimi-person-4'], thirdParty: true },
    });
    expect(note.ok).to.equal(true);
    const erased = await requestErasure(as(JOBCENTER_DPO), store, clock, caseId, {
      subjectId: 'rahimi-person-4',
      scope: 'subject',
    });
    expect(erased.ok).to.equal(true);
    // The attacker writes the store: a withdrawn consent or any other event "erased" without a decision.
    const genuine = await store.readJournal(caseId);
    const victim = genuine.find((event) => event.seq > 1 && !(event.payload as { erased?: boolean }).erased)!;
    const forged = tampered(store, caseId, (events) =>
      events.map((event) =>
        event.seq === victim.seq
          ? { ...event, payload: { erased: true, erasedAt: clock.now(), rule: 'DP-32' } as never }
          : event,
      ),
    );
    const service = createCaseService({ store: forged, clock, ids: new SequentialIds(), actor: JOBCENTER });
    const loaded = await service.loadCase(caseId);
    expect(loaded.ok, 'loadCase refuses').to.equal(false);
    if (!loaded.ok) expect(JSON.stringify(loaded.errors)).to.include(String(victim.seq));
    const write = await service.execute({ type: 'recordNote', caseId, input: { text: 'Nachtrag' } });
    expect(write.ok, 'a tampered journal is never extended').to.equal(false);
  });

  it('issue 13 / DP-40 / DP-36: the retention sweep refuses a malformed or non-deciding confirmer and deletes nothing', async () => {
    const { store } = await runExampleCases({ store: new MemoryCaseStore(), guards: EXAMPLE_GUARDS });
    const clock = new FixedClock('2030-01-15T09:00:00.000Z');
    const ids = new SequentialIds();
    const plan = await planRetentionSweep({ store, schedule: SCHEDULE, clock, ids, date: '2030-01-15' });
    expect(plan.entries.length).to.be.greaterThan(0);
    const caseIds = plan.entries.map((entry) => entry.caseId);
    const bytes = async () => canonicalJson(await Promise.all(caseIds.map((id) => store.readJournal(id))));
    const before = await bytes();
    const confirmers: unknown[] = [
      { id: 'u-x', role: 'superuser', agencyId: 'kim-musterstadt' },
      { id: 'u-x', role: 'caseManager' },
      { id: 'u-x', role: 'caseManager', agencyId: 'kim-musterstadt', name: { evil: true } },
      { id: 'u-stat', role: 'statistics', agencyId: 'kim-musterstadt' },
      { id: 'u-sb', role: 'partnerAgency', agencyId: 'caritas-schuldnerberatung' },
      { id: 'u-p', role: 'provider', agencyId: 'vhs-musterstadt' },
      { id: 'u-ds', role: 'dataSubject', agencyId: 'kim-musterstadt' },
    ];
    for (const confirmedBy of confirmers) {
      const done = await executeRetentionSweep({
        store,
        schedule: SCHEDULE,
        clock,
        ids,
        plan,
        confirmedBy: confirmedBy as Actor,
      });
      expect(done.ok, `sweep confirmed by ${JSON.stringify(confirmedBy)}`).to.equal(false);
    }
    expect(await bytes(), 'nothing deleted or anonymised').to.equal(before);
  });
});

/** A view of `store` whose journal of `caseId` an attacker rewrote (what a raw write to the store does). */
function tampered(
  store: CaseStore,
  caseId: string,
  change: (events: readonly JournalEvent[]) => JournalEvent[],
): CaseStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === 'readJournal')
        return async (id: string, options?: { afterSeq?: number }) => {
          const events = await target.readJournal(id);
          const out = id === caseId ? change(events) : events;
          return options?.afterSeq ? out.filter((event) => event.seq > options.afterSeq!) : out;
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
