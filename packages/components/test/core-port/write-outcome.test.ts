import { expect } from '@open-wc/testing';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { runExampleCases } from '@fallkit/core/examples';
import { connectCaseService } from '../../src/context/core-port.js';

/** Rahimi: handed over from the KIM to the Jobcenter; the VHS is one of its providers. */
const RAHIMI = 'kim-2026-0001';

/** Every string inside a value. */
function stringsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

/** The example cases in a memory store; service and views over one switchable actor. */
async function readWorld() {
  const store = new MemoryCaseStore();
  await runExampleCases({ store });
  let actor: Actor = EXAMPLE_ACTORS.jobcenterCaseManager;
  const clock = new FixedClock('2026-11-02T09:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor: { current: () => actor } });
  const views = createCaseViews({ service, store, clock, ids });
  return {
    service,
    views,
    clock,
    get actor() {
      return actor;
    },
    as(next: Actor) {
      actor = next;
    },
    /** The full case (the test's trusted read, never a component's). */
    async full(caseId: string) {
      const loaded = await service.loadCaseUnchecked(caseId);
      if (!loaded.ok) throw new Error(`no case ${caseId}`);
      return loaded.value;
    },
  };
}

/*
 * Red team, issue 12 (found on the merged main, fixed in the port): the service's outcome of a write
 * carries the unfiltered case, which is for trusted host code only. Through `connectCaseService` a
 * writer gets back no more than its own decided view shows.
 */
describe('connectCaseService: what a write hands back (issue 12)', () => {
  it('DP-23 / DP-40: a provider that may update its own referral gets back only what its own view shows', async () => {
    const world = await readWorld();
    const port = connectCaseService({ service: world.service, views: world.views, clock: world.clock });
    const vhs: Actor = { id: 'u-vhs-albers', role: 'provider', agencyId: EXAMPLE_AGENCIES.vhs.agencyId };
    const full = await world.full(RAHIMI);
    const referral = full.state.providerReferrals.find((r) => r.provider.agencyId === vhs.agencyId);
    expect(referral, 'the example case refers the person to the VHS').to.not.equal(undefined);
    world.as(vhs);
    const view = await world.views.viewCase(RAHIMI, 'caseManagement');
    const visible = view.ok ? stringsOf(view.value.case) : new Set<string>();

    const result = await port.execute(
      {
        type: 'updateReferralStatus',
        caseId: RAHIMI,
        input: { providerReferralId: referral!.id, status: 'completed' },
      },
      { actor: vhs, purpose: 'caseManagement' },
    );
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
    if (!result.ok) return;
    const handedBack = stringsOf(result.value);
    // Strings of the full case the provider's view withholds: none of them may come back from the write.
    const withheld = [...stringsOf(full.state)].filter((s) => s.length > 12 && !visible.has(s) && handedBack.has(s));
    expect(withheld.slice(0, 5), 'strings the provider may not see, handed back by the write').to.deep.equal([]);
    // The unfiltered outcome did carry them: the test would catch a port that passes it through.
    const raw = [...stringsOf(full.state)].filter((s) => s.length > 12 && !visible.has(s));
    expect(raw.length, 'the full case holds data the provider may not see').to.be.greaterThan(0);
  });

  it('DP-40: the case manager gets its decided view and the stored events without payloads', async () => {
    const world = await readWorld();
    const port = connectCaseService({ service: world.service, views: world.views, clock: world.clock });
    const result = await port.execute(
      { type: 'recordNote', caseId: RAHIMI, input: { text: 'Rückruf vereinbart.', categories: ['notes'] } },
      { actor: world.actor, purpose: 'caseManagement' },
    );
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
    if (!result.ok) return;
    const value = result.value as { state?: { lastSeq?: number }; events: readonly Record<string, unknown>[] };
    expect(value.events.length).to.equal(1);
    expect(value.events[0]).to.not.have.property('payload');
    expect(value.state?.lastSeq, 'the view is at the new head').to.equal(value.events[0]?.['seq']);
  });
});
