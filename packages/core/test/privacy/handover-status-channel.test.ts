/*
 * The decided read channel of the handover status loop (issue 16; DP-23, DP-28, DP-40): `handoverStatus`
 * shows the loop of a package the case sent only to whoever may read the case, from the events that actor's
 * history shows, with the other agency's note only where the actor's view allows notes, and every read is
 * logged under its channel. Swept over every kind of actor and purpose of the read-channel suite.
 */
import { expect } from 'chai';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import type { Actor } from '@fallkit/core';
import { accessLogStreamId } from '@fallkit/core/internal';
import { ACTOR_KINDS, DEMIR, PURPOSES, RAHIMI, readWorld, stringsOf } from './read-channels-fixtures.js';

const NOTE = 'Grundsicherung nach SGB XII übernimmt ab 1. Dezember; Bescheid folgt.';
/** A plain note by the same worker: the oracle of who may read notes (the same unit kind as a status note). */
const ORACLE = 'Vermerk: Rückruf beim Sozialamt wegen Grundsicherung vereinbart.';
const SOZIALAMT = { agencyId: EXAMPLE_AGENCIES.sozialamt.agencyId, name: EXAMPLE_AGENCIES.sozialamt.name };

/** The Rahimi case at the Jobcenter sends a package to the Sozialamt, which receives and accepts it with a note. */
async function worldWithLoop() {
  const world = await readWorld();
  await world.run('recordNote', RAHIMI, { text: ORACLE, categories: ['notes'] }, DEMIR);
  const transfer = await world.run(
    'transferData',
    RAHIMI,
    {
      recipient: { ...SOZIALAMT, kind: 'statutoryAgency' },
      legalBasis: { kind: 'sgb10_69', taskReference: 'Grundsicherung (§ 41 SGB XII)' },
      purpose: 'caseManagement',
      categories: ['identity'],
    },
    DEMIR,
  );
  const transferId = (transfer.events.find((e) => e.type === 'DataTransferred')!.payload as { id: string }).id;
  for (const [status, note] of [
    ['requested', undefined],
    ['received', undefined],
    ['accepted', NOTE],
  ] as const)
    await world.run(
      'recordHandoverStatus',
      RAHIMI,
      {
        packageId: 'pkg-rahimi-sozialamt',
        transferId,
        status,
        side: 'sent',
        counterpart: SOZIALAMT,
        ...(note === undefined ? {} : { note }),
      },
      DEMIR,
    );
  return world;
}

describe('handover status: the decided read channel of the status loop (issue 16)', function () {
  this.timeout(60_000);

  it('DP-23, DP-28: the assigned case manager sees the loop with the note; the read is logged as handoverStatus', async () => {
    const world = await worldWithLoop();
    world.as(DEMIR);
    const read = await world.views.handoverStatus(RAHIMI, 'caseManagement');
    if (!read.ok) expect.fail(read.errors.map((e) => e.code).join());
    expect(read.value.caseId).to.equal(RAHIMI);
    const loop = read.value.loops.find((l) => l.packageId === 'pkg-rahimi-sozialamt')!;
    expect(loop.side).to.equal('sent');
    expect(loop.status).to.equal('accepted');
    expect(loop.steps.map((s) => s.status)).to.deep.equal(['requested', 'received', 'accepted']);
    expect(loop.steps.at(-1)!.note).to.equal(NOTE);
    const log = await world.store.readJournal(accessLogStreamId(DEMIR.agencyId));
    const last = log.at(-1)!.payload as { channel?: string; caseId: string; categories: string[]; outcome: string };
    expect([last.channel, last.caseId, last.outcome]).to.deep.equal(['handoverStatus', RAHIMI, 'allow']);
    expect(last.categories).to.deep.equal(['notes']);
  });

  it('DP-23, DP-40: every actor kind × purpose: answered exactly when the history is, with the status events that history shows, the note exactly where the view shows a note of the same worker; every read logged', async () => {
    const world = await worldWithLoop();
    let answered = 0;
    let refused = 0;
    let withNote = 0;
    let withoutNote = 0;
    for (const [kind, actor] of Object.entries(ACTOR_KINDS) as [string, Actor][])
      for (const purpose of PURPOSES) {
        world.as(actor);
        const history = await world.views.history(RAHIMI, purpose);
        const view = await world.views.viewCase(RAHIMI, purpose);
        const before = await world.accessLogSize();
        const read = await world.views.handoverStatus(RAHIMI, purpose);
        const logged = (await world.accessLogSize()) - before;
        expect(read.ok, `${kind} ${purpose}: like the history`).to.equal(history.ok);
        if (!read.ok) {
          refused += 1;
          if (!history.ok) expect(read.errors[0]!.code, `${kind} ${purpose}`).to.equal(history.errors[0]!.code);
          expect(JSON.stringify(read)).to.not.contain(NOTE);
          continue;
        }
        answered += 1;
        expect(logged, `${kind} ${purpose}: one log entry`).to.equal(1);
        const steps = read.value.loops.find((l) => l.packageId === 'pkg-rahimi-sozialamt')?.steps ?? [];
        const historySteps = history.ok ? history.value.entries.filter((e) => e.type === 'HandoverStatusRecorded') : [];
        expect(steps.length, `${kind} ${purpose}: the history's status entries`).to.equal(historySteps.length);
        const shownNote = steps.some((s) => s.note === NOTE);
        const viewShowsOracle = view.ok && stringsOf(view.value).has(ORACLE);
        expect(shownNote, `${kind} ${purpose}: the note exactly where a note is shown`).to.equal(
          viewShowsOracle && steps.length === 3,
        );
        if (shownNote) withNote += 1;
        else withoutNote += 1;
      }
    // The sweep met every kind of answer: refused, answered with the note, answered without it.
    expect(refused, 'refused').to.be.greaterThan(0);
    expect(withNote, 'with the note').to.be.greaterThan(0);
    expect(withoutNote, 'without the note').to.be.greaterThan(0);
    expect(answered).to.equal(withNote + withoutNote);
  });
});
