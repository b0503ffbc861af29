import { expect } from 'chai';
import {
  createCaseService,
  createCaseViews,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type JournalEvent,
} from '@fallkit/core';
import { accessLogStreamId } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import { cutConsents, cutJournalFor, SYNC_PURPOSE, withCutViews, type CutViewSource } from '@fallkit/core/sync';
import { ACTOR_KINDS, NOW, readWorld } from '../privacy/read-channels-fixtures.js';

/*
 * The consents, search and worklist of a case a device holds as a journal cut (issue 15) come from the
 * server's decision, as the history does (cutHistory): the consents the cut's whole events fold to are the
 * consents channel's own answer for the actor (DP-23, DP-24, DP-40), and every read of a cut case is logged as
 * the actor's own (DP-28).
 */

const RAHIMI = 'kim-2026-0001';

let journals: Map<string, JournalEvent[]>;
/** The example cases with the consents of the read-channel tests (one per partner, recorded by each case's manager). */
let consented: Map<string, JournalEvent[]>;

before(async () => {
  const { store, results } = await runExampleCases();
  journals = new Map();
  for (const r of results) journals.set(r.caseId, await store.readJournal(r.caseId));
  const world = await readWorld();
  consented = new Map();
  for (const row of await world.store.listCases()) consented.set(row.caseId, await world.store.readJournal(row.caseId));
});

/** The server's own consents channel for the actor, at `at`. */
async function onlineConsents(actor: Actor, caseId: string, journal: readonly JournalEvent[], at = journal.at(-1)!.at) {
  const store = new MemoryCaseStore();
  await store.append({ caseId, expectedSeq: 0, events: journal });
  const clock = new FixedClock(at);
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  return createCaseViews({ service, store, clock, ids }).consents(caseId, SYNC_PURPOSE);
}

describe("a cut case's consents, search and worklist on the device (issue 15)", () => {
  it('DP-23, DP-24, DP-40: for every example case and actor that receives a cut, the consents folded from the cut are exactly the consents channel of the server for that actor', async () => {
    let compared = 0;
    let withConsents = 0;
    for (const [caseId, journal] of consented) {
      for (const actor of Object.values(ACTOR_KINDS)) {
        const cut = cutJournalFor(actor, journal, { now: NOW });
        if (cut.scope !== 'cut' || cut.view === undefined) continue;
        const online = await onlineConsents(actor, caseId, journal, NOW);
        if (!online.ok) continue;
        const onDevice = cutConsents(cut.view, cut.events);
        expect(onDevice, `${caseId} for ${actor.id}`).to.deep.equal(online.value);
        compared += 1;
        if (onDevice.consents.length > 0) withConsents += 1;
      }
    }
    expect(compared, 'at least one cut case compared').to.be.greaterThan(0);
    expect(withConsents, 'at least one with consents the actor may see').to.be.greaterThan(0);
  });

  it("DP-24, DP-28: through withCutViews a cut case answers consents, search and worklist from the cut, refuses another purpose, and logs each read as the actor's own", async () => {
    const journal = journals.get(RAHIMI)!;
    const actor = EXAMPLE_ACTORS.jobcenterCaseManager as Actor;
    const now = journal.at(-1)!.at;
    const cut = cutJournalFor(actor, journal, { now });
    if (cut.scope !== 'cut' || cut.view === undefined) throw new Error('expected a cut');
    const view = cut.view;
    // The device's store holds the cut as it is, and an access log.
    const device = new MemoryCaseStore();
    const clock = new FixedClock(now);
    const ids = new SequentialIds();
    const cuts: CutViewSource = { view: async (id) => (id === RAHIMI ? view : undefined), list: async () => [view] };
    const service = createCaseService({ store: device, clock, ids, actor });
    const views = withCutViews({
      views: createCaseViews({ service, store: device, clock, ids }),
      cuts,
      store: {
        observeJournal: device.observeJournal.bind(device),
        readJournal: async (id) => (id === RAHIMI ? (cut.events as JournalEvent[]) : []),
      },
      clock,
      accessLog: { store: device, ids, actor: () => actor },
    });
    const consents = await views.consents(RAHIMI, SYNC_PURPOSE);
    expect(consents.ok, JSON.stringify(consents)).to.equal(true);
    const online = await onlineConsents(actor, RAHIMI, journal);
    expect(consents.ok && consents.value).to.deep.equal(online.ok && online.value);
    const other = await views.consents(RAHIMI, 'statistics');
    expect(!other.ok && other.errors[0]!.code).to.equal('SYNC_CUT_PURPOSE');
    const hits = await views.searchCases({ query: {} });
    expect(hits.ok && hits.value.map((h) => h.row.caseId)).to.deep.equal([RAHIMI]);
    expect(JSON.stringify(hits)).not.to.contain('Rückenschmerzen');
    const invalid = await views.searchCases({ query: { nope: 1 } });
    expect(!invalid.ok && invalid.errors[0]!.code).to.equal('SEARCH_QUERY_INVALID');
    const worklist = await views.worklistInput();
    expect(worklist.ok && worklist.value.cases.map((c) => c.caseId)).to.deep.equal([RAHIMI]);
    expect(worklist.ok && worklist.value.consents[RAHIMI]).to.be.an('array');
    const viewed = await views.viewCase(RAHIMI, SYNC_PURPOSE);
    expect(viewed.ok).to.equal(true);
    // DP-28: every read of the cut case is in the agency's log on the device, the actor's own.
    const log = await device.readJournal(accessLogStreamId(actor.agencyId));
    const entries = log.map((e) => e.payload as { caseId: string; channel: string; actorId: string; outcome: string });
    expect(entries.map((e) => e.channel)).to.deep.equal(['consents', 'search', 'worklist', 'view']);
    for (const e of entries) expect(e).to.include({ caseId: RAHIMI, actorId: actor.id });
    expect(entries.find((e) => e.channel === 'view')!.outcome).to.equal(view.decision.outcome);
    // Issue 15: each entry carries an id of its own, by which the server records an uploaded entry once.
    const entryIds = log.map((e) => (e.payload as { entryId?: string }).entryId);
    expect(entryIds.every((id) => typeof id === 'string' && id.length > 0)).to.equal(true);
    expect(new Set(entryIds).size).to.equal(entryIds.length);
  });
});
