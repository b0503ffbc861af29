import { expect } from 'chai';
import fc from 'fast-check';
import { buildWorklist, followUpHolders, type CaseCommandInput } from '@fallkit/core';
import {
  accessNotices,
  followUpHandover,
  senderInvolvement,
  WARM_HANDOVER_TRANSITION_DAYS,
} from '@fallkit/core/internal';
import { addDays } from '../../src/process/dates.js';
import { consentInput, openBasicCase, privacyWorld, R, U, type PrivacyWorld } from '../privacy/privacy-fixtures.js';

type HandoverInput = CaseCommandInput<'changeLeadAgency'>;

/** Given a case led by KIM (Sabine Krüger), with one open follow-up of hers and one done. */
async function givenCaseWithFollowUps(world: PrivacyWorld): Promise<void> {
  await openBasicCase(world);
  await world.run('scheduleFollowUp', { dueOn: '2026-05-10', subject: 'Nachweise Deutschkurs', assignedTo: U.kim.id });
  await world.run('scheduleFollowUp', { dueOn: '2026-05-20', subject: 'Termin Ausländerbehörde' });
}

/** When KIM hands over to the Jobcenter on 1 April, and Murat Demir of the Jobcenter takes over on 2 April. */
async function whenHandedOver(world: PrivacyWorld, input: Partial<HandoverInput>, withConsent = false): Promise<void> {
  let consentRef: string | undefined;
  if (withConsent) {
    const consent = await world.run('recordConsent', consentInput({ categories: ['employment', 'identity'] }));
    consentRef = (consent.events[0]!.payload as { id: string }).id;
  }
  world.clock.advance(3_600_000);
  await world.run('changeLeadAgency', {
    variant: 'warmHandover',
    to: { agencyId: R.jobcenter.agencyId, name: R.jobcenter.name },
    legalDomain: 'SGB_II',
    endsLegalDomain: 'AsylbLG',
    effectiveFrom: '2026-04-01',
    reason: 'Aufenthaltserlaubnis erteilt.',
    ...(consentRef === undefined ? {} : { consentRef }),
    ...input,
  });
  world.clock.set('2026-04-02T08:00:00.000Z');
  // The sender names the receiver's case manager (DP-40: the assigned case manager may, at handover).
  await world.runAs(U.kim, 'assignCaseManager', {
    userId: U.jobcenter.id,
    name: U.jobcenter.name,
    agencyId: U.jobcenter.agencyId,
    role: 'primary',
    from: '2026-04-02',
    replaces: U.kim.id,
  });
}

describe('handover continuity (issue 21 item 4; HO-1 to HO-4; DP-23, DP-40)', function () {
  this.timeout(30_000);

  it('HO-1, DP-40: after a warm handover the sender stays deputy until the named date, then is refused (DP-23)', async () => {
    const world = privacyWorld('2026-03-01T09:00:00.000Z');
    await givenCaseWithFollowUps(world);
    await whenHandedOver(world, { involvedUntil: '2026-04-15' });

    const { state } = await world.load();
    const kim = state.caseManagers.filter((p) => p.userId === U.kim.id);
    expect(kim.map((p) => [p.role, p.from, p.to])).to.deep.equal([
      ['primary', '2026-03-01', '2026-04-02'],
      ['deputy', '2026-04-02', '2026-04-16'],
    ]);

    // Then the sender still reads and records during the transition (DP-23: assigned worker or deputy).
    world.as(U.kim);
    const during = await world.views.viewCase('kim-2026-0100', 'caseManagement');
    expect(during.ok, JSON.stringify(!during.ok && during.errors)).to.equal(true);
    if (!during.ok) return;
    expect(during.value.mayIssue).to.include('recordContact');
    expect(during.value.accessNotices?.map((n) => [n.code, n.lastDay])).to.deep.equal([
      ['ACCESS_ENDS_SOON', '2026-04-15'],
    ]);
    expect(during.value.accessNotices?.[0]?.message.de).to.contain('15.04.2026');
    expect(during.value.accessNotices?.[0]?.message.en).to.contain('15 Apr');

    // And on the day the transition ends the sender may no longer record (DP-40: relation in force that day).
    world.clock.set('2026-04-16T08:00:00.000Z');
    const after = await world.try('recordContact', {
      on: '2026-04-16',
      mode: 'phone',
      note: 'Nachfrage nach dem Ende der Übergangszeit.',
    });
    expect(after.ok).to.equal(false);
    if (!after.ok) expect(after.errors.map((e) => e.code)).to.include('DENY_NOT_ASSIGNED');
  });

  it('HO-1: a warm handover without a named end keeps the sender for the default transition period', async () => {
    const world = privacyWorld();
    await givenCaseWithFollowUps(world);
    await whenHandedOver(world, {});
    const { state } = await world.load();
    const deputy = state.caseManagers.find((p) => p.userId === U.kim.id && p.role === 'deputy');
    expect(deputy?.to).to.equal(addDays('2026-04-02', WARM_HANDOVER_TRANSITION_DAYS));
    // HO-4: the sender is told from the handover on, though the end is more than 14 days away.
    const [notice] = accessNotices(state, U.kim, '2026-04-02');
    expect(notice?.code).to.equal('ACCESS_ENDS_SOON');
    expect(notice?.daysLeft).to.equal(WARM_HANDOVER_TRANSITION_DAYS);
    // A colleague at the same agency whose assignment simply ends in 30 days is not told yet (no handover from there).
    const ending = {
      ...state,
      handovers: [],
      caseManagers: [
        { userId: 'u-x', agencyId: 'a-x', role: 'primary' as const, from: '2026-01-01', to: '2026-05-10' },
      ],
    };
    expect(accessNotices(ending, { id: 'u-x', agencyId: 'a-x' }, '2026-04-02')).to.deep.equal([]);
    expect(accessNotices(ending, { id: 'u-x', agencyId: 'a-x' }, '2026-04-30').map((n) => n.daysLeft)).to.deep.equal([
      10,
    ]);
  });

  it('HO-2: variant 3 (further needs) keeps the sender involved with no end, and says so (HO-4)', async () => {
    const world = privacyWorld();
    await givenCaseWithFollowUps(world);
    await whenHandedOver(world, {
      variant: 'municipalityCoversFurtherNeeds',
      continuingRole: 'Psychosoziale Begleitung nach § 16a SGB II.',
    });
    const { state } = await world.load();
    const deputy = state.caseManagers.find((p) => p.userId === U.kim.id && p.role === 'deputy');
    expect(deputy).to.include({ from: '2026-04-02', agencyId: U.kim.agencyId });
    expect(deputy?.to).to.equal(undefined);
    expect(accessNotices(state, U.kim, '2026-06-01').map((n) => n.code)).to.deep.equal(['INVOLVED_AFTER_HANDOVER']);
    // The receiver, who leads, gets no notice.
    expect(accessNotices(state, U.jobcenter, '2026-04-03')).to.deep.equal([]);
    expect(accessNotices(state, U.jobcenter, '2026-06-01')).to.deep.equal([]);
  });

  it('HO-3: with a consent named by the handover the open follow-ups go to the receiver; without, they stay', async () => {
    const withConsent = privacyWorld();
    await givenCaseWithFollowUps(withConsent);
    await whenHandedOver(withConsent, {}, true);
    const a = (await withConsent.load()).state;
    const handed = followUpHandover(a, '2026-04-03');
    expect(handed?.holder).to.equal(U.jobcenter.id);
    expect(handed?.handedOver).to.have.length(2);
    const items = buildWorklist([a], '2026-04-03', undefined, { horizonDays: 60 }).filter((i) => i.kind === 'followUp');
    expect(items.map((i) => i.assignedTo)).to.deep.equal([U.jobcenter.id, U.jobcenter.id]);

    const without = privacyWorld();
    await givenCaseWithFollowUps(without);
    await whenHandedOver(without, {});
    const b = (await without.load()).state;
    expect(followUpHandover(b, '2026-04-03')?.staying).to.have.length(2);
    const kept = buildWorklist([b], '2026-04-03', undefined, { horizonDays: 60 }).filter((i) => i.kind === 'followUp');
    expect(kept.map((i) => i.assignedTo)).to.deep.equal([U.kim.id, undefined]);
  });

  it('HO-3: followUpHolders gives the worklist’s holder of every open follow-up (the elements show it), also from a view’s case with withheld items', async () => {
    const world = privacyWorld();
    await givenCaseWithFollowUps(world);
    await whenHandedOver(world, {}, true);
    const state = (await world.load()).state;
    const holders = followUpHolders(state, '2026-04-03');
    const items = buildWorklist([state], '2026-04-03', undefined, { horizonDays: 60 }).filter(
      (i) => i.kind === 'followUp',
    );
    expect(items).to.have.length(2);
    for (const item of items) expect(holders.get(item.ref!.id), item.ref!.id).to.equal(item.assignedTo);
    expect([...holders.values()]).to.deep.equal([U.jobcenter.id, U.jobcenter.id]);
    // Before the receiver names its case manager, the stored assignee holds it (the second has none).
    expect([...followUpHolders(state, '2026-03-15').values()]).to.deep.equal([U.kim.id]);
    // A view's case: a withheld follow-up is a marker without an id and is left out, never guessed.
    const marker = { redacted: true, code: 'REDACT_NOT_NEEDED', rule: 'DP-23', message: { de: '', en: '' } };
    const view = { ...state, followUps: [marker, ...state.followUps.slice(1)] } as unknown as typeof state;
    expect([...followUpHolders(view, '2026-04-03').keys()]).to.deep.equal([state.followUps[1]!.id]);
  });

  it('HO-1: a transition that ends before the handover takes effect is refused and the journal is unchanged', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const before = (await world.store.readJournal('kim-2026-0100')).length;
    const result = await world.try('changeLeadAgency', {
      variant: 'warmHandover',
      to: { agencyId: R.jobcenter.agencyId, name: R.jobcenter.name },
      legalDomain: 'SGB_II',
      effectiveFrom: '2026-04-01',
      involvedUntil: '2026-03-20',
      reason: 'Aufenthaltserlaubnis erteilt.',
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      const refusal = result.errors.find((e) => e.code === 'TRANSITION_BEFORE_HANDOVER');
      expect(refusal?.message.de).to.contain('Übergangszeit');
      expect(refusal?.message.en).to.contain('transition period');
    }
    expect((await world.store.readJournal('kim-2026-0100')).length).to.equal(before);
  });

  it('HO-1, HO-2 (property): the sender is kept at least until the named end or the default, never before `from`', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(
        fc.constantFrom('warmHandover', 'municipalityAsContractor', 'municipalityCoversFurtherNeeds' as const),
        day,
        fc.option(day, { nil: undefined }),
        fc.boolean(),
        (variant, from, involvedUntil, role) => {
          const kept = senderInvolvement(
            {
              variant,
              involvedUntil,
              ...(role ? { continuingRole: 'Begleitung' } : {}),
            },
            from,
          );
          const continuing = variant !== 'warmHandover' || role;
          if (kept.until !== undefined) expect(kept.until > from).to.equal(true);
          if (!continuing) {
            expect(kept.rule).to.equal('HO-1');
            expect(kept.until).to.equal(
              involvedUntil !== undefined && involvedUntil >= from
                ? addDays(involvedUntil, 1)
                : addDays(from, WARM_HANDOVER_TRANSITION_DAYS),
            );
          } else {
            expect(kept.rule).to.equal('HO-2');
            expect(kept.until).to.equal(
              involvedUntil !== undefined && involvedUntil >= from ? addDays(involvedUntil, 1) : undefined,
            );
          }
        },
      ),
    );
  });

  it('DP-40: an ordinary change of case manager inside one agency keeps no deputy', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    await world.run('assignCaseManager', {
      userId: U.kimOther.id,
      name: U.kimOther.name,
      agencyId: U.kimOther.agencyId,
      role: 'primary',
      replaces: U.kim.id,
    });
    const { state } = await world.load();
    expect(state.caseManagers.filter((p) => p.userId === U.kim.id).map((p) => p.role)).to.deep.equal(['primary']);
  });
});
