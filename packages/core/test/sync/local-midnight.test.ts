/*
 * "Today" is the organisation's local date everywhere (Europe/Berlin unless configured). Between 22:00 and
 * 24:00 UTC the Berlin date is already the next day: the case service writes an assignment from that day,
 * and a decision that took the UTC date as "today" found the case manager not yet assigned. The server's
 * feed then sent a `revoked` change for the case its own case manager had just opened (found by the clean
 * checkout's `npm test` at 23:00 UTC). These tests act at 23:30 UTC and must hold at any hour.
 */
import { expect } from 'chai';
import { createCaseService, FixedClock, localDate, MemoryCaseStore, SequentialIds } from '@fallkit/core';
import { caseRelation, consentWindowGap, decisionDay, foldCase, foldPrivacy } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { cutJournalFor } from '@fallkit/core/sync';

const LATE_EVENING_UTC = '2026-12-01T23:30:00.000Z';
const ACTOR = EXAMPLE_ACTORS.jobcenterCaseManager;

async function openedAt(now: string) {
  const store = new MemoryCaseStore();
  const service = createCaseService({ store, clock: new FixedClock(now), ids: new SequentialIds(), actor: ACTOR });
  const opened = await service.execute({
    type: 'openCase',
    caseId: 'F-MIDNIGHT',
    input: {
      caseId: 'F-MIDNIGHT',
      addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
      leadAgency: { agencyId: ACTOR.agencyId, name: EXAMPLE_AGENCIES.jobcenter.name, legalDomain: 'SGB_II' },
    },
  } as never);
  expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).to.equal(true);
  return store.readJournal('F-MIDNIGHT');
}

describe('today is the local date of the organisation, in every decision', () => {
  it('the default decision day is the Berlin date, not the UTC date', () => {
    expect(localDate(LATE_EVENING_UTC)).to.equal('2026-12-02');
    expect(decisionDay({ now: LATE_EVENING_UTC })).to.equal('2026-12-02');
    expect(decisionDay({ now: LATE_EVENING_UTC, today: '2026-12-01' })).to.equal('2026-12-01');
  });

  it('DP-40: the case manager who opened a case at 23:30 UTC is assigned to it by the default day', async () => {
    const journal = await openedAt(LATE_EVENING_UTC);
    const state = foldCase(journal)!;
    expect(state.caseManagers[0]?.from).to.equal('2026-12-02');
    expect(caseRelation(ACTOR, state, foldPrivacy(journal), LATE_EVENING_UTC)).to.equal('assigned');
  });

  it("DP-24: the server's cut of that case for its case manager is the whole journal, not a revocation", async () => {
    const journal = await openedAt(LATE_EVENING_UTC);
    const cut = cutJournalFor(ACTOR, journal, { now: LATE_EVENING_UTC });
    expect(cut.scope, JSON.stringify(cut.scope === 'revoked' ? cut.reasons : cut.scope)).to.equal('full');
  });
});

describe('DP-11: the consent window counts local days', () => {
  it('a consent valid from the Berlin date is in force at 23:30 UTC of the day before; one valid until the UTC date has ended', () => {
    expect(consentWindowGap({ validFrom: '2026-12-02', validUntil: '2027-12-01' }, LATE_EVENING_UTC)).to.equal(
      undefined,
    );
    expect(consentWindowGap({ validFrom: '2026-11-01', validUntil: '2026-12-01' }, LATE_EVENING_UTC)).to.equal(
      'DENY_CONSENT_EXPIRED',
    );
    expect(consentWindowGap({ validFrom: '2026-12-03', validUntil: '2027-12-01' }, LATE_EVENING_UTC)).to.equal(
      'DENY_NO_CONSENT',
    );
    expect(consentWindowGap({ validFrom: '2026-12-02', validUntil: '2026-12-02' }, '2026-12-02')).to.equal(undefined);
  });
});
