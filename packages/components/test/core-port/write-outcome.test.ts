import { expect } from '@open-wc/testing';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { type Actor } from '@fallkit/core';
import { connectCaseService } from '../../src/context/core-port.js';
import { RAHIMI, readWorld, stringsOf } from '../../../core/test/privacy/read-channels-fixtures.js';

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
