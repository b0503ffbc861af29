import { expect } from 'chai';
import {
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type CaseStore,
} from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { NOW, OPEN, openedCase, serviceOver, storedBytes } from '../write-path/write-fixtures.js';

/*
 * Red team, issue 14: idempotency and batches tried as an attacker would. A `commandId` is not a
 * secret (it is in every event envelope, so in the history channel), so replaying one must never be
 * a way to read a case or to act as someone else.
 */

function as(store: CaseStore, actor: Actor) {
  return createCaseService({ store, clock: new FixedClock(NOW), ids: new SequentialIds(), actor });
}

const NOTE = (text: string) => ({ type: 'recordNote', caseId: 'c-1', input: { text } }) as const;

describe('red team: issue 14 (write path)', function () {
  this.timeout(60_000);

  it('issue 14 / DP-40: replaying a commandId as another agency (same user id) returns no outcome and writes nothing', async () => {
    const { store, service } = await openedCase();
    const secret = 'Frau Muster berichtet von Gewalt in der Familie.';
    const first = await service.executeBatch({ caseId: 'c-1', commandId: 'cmd-known', commands: [NOTE(secret)] });
    expect(first.ok).to.equal(true);
    const before = await storedBytes(store);
    const attackers: Actor[] = [
      { ...EXAMPLE_ACTORS.kimCaseManager, agencyId: 'jobcenter-nachbarstadt' },
      { id: 'u-stat', role: 'statistics', agencyId: 'sozialamt-nachbarstadt' },
      EXAMPLE_ACTORS.jobcenterCaseManager,
    ];
    for (const attacker of attackers) {
      const replay = await as(store, attacker).executeBatch({
        caseId: 'c-1',
        commandId: 'cmd-known',
        commands: [NOTE('egal')],
      });
      expect(replay.ok, `${attacker.agencyId}/${attacker.id} must not get the outcome`).to.equal(false);
      if (!replay.ok) expect(JSON.stringify(replay.errors)).to.not.include(secret);
      const single = await as(store, attacker).execute({ ...NOTE('egal'), commandId: 'cmd-known' } as never);
      expect(single.ok, `${attacker.id}: execute with the same commandId`).to.equal(false);
    }
    expect(await storedBytes(store), 'nothing written').to.equal(before);
  });

  it('issue 14: the same commandId with a different command body by the same actor writes nothing new', async () => {
    const { store, service } = await openedCase();
    const first = await service.executeBatch({ caseId: 'c-1', commandId: 'cmd-1', commands: [NOTE('Erste Fassung.')] });
    expect(first.ok).to.equal(true);
    const before = await storedBytes(store);
    const second = await service.executeBatch({
      caseId: 'c-1',
      commandId: 'cmd-1',
      commands: [NOTE('Ganz andere Fassung.'), NOTE('Und noch eine.')],
    });
    // Either a refusal or the original outcome: never the new body stored under the old id.
    if (second.ok) {
      expect(second.value.replayed, 'an ok answer is the replay of the first outcome').to.equal(true);
      expect(JSON.stringify(second.value.events)).to.not.include('Ganz andere Fassung.');
    }
    expect(await storedBytes(store), 'nothing written').to.equal(before);
    // The same id on another case is refused, and writes nothing there either.
    const other = await service.execute({
      ...OPEN,
      input: { ...OPEN.input, caseId: 'c-2' },
      commandId: 'cmd-1',
    } as never);
    expect(other.ok).to.equal(false);
    expect(await store.readJournal('c-2')).to.deep.equal([]);
  });

  it('issue 14: a batch that opens a case and works on it is one decision; a bad command in it stores no case', async () => {
    const store = new MemoryCaseStore();
    const service = serviceOver(store);
    const bad = await service.executeBatch({
      caseId: 'c-1',
      commands: [OPEN, NOTE('Erstkontakt.'), { type: 'recordNote', caseId: 'c-1', input: { text: '' } }],
    });
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.errors[0]!.path?.slice(0, 2)).to.deep.equal(['commands', 2]);
    expect(await store.readJournal('c-1')).to.deep.equal([]);
    expect(await store.listCases()).to.deep.equal([]);
    // Two openings in one batch: refused whole.
    const twice = await service.executeBatch({ caseId: 'c-1', commands: [OPEN, OPEN] });
    expect(twice.ok).to.equal(false);
    expect(await store.readJournal('c-1')).to.deep.equal([]);
    const good = await service.executeBatch({ caseId: 'c-1', commands: [OPEN, NOTE('Erstkontakt.')] });
    expect(good.ok).to.equal(true);
    expect((await store.readJournal('c-1')).map((e) => e.type)).to.include('NoteRecorded');
  });

  it('issue 14: a batch over the command limit, and one naming another case inside, are refused before anything is read', async () => {
    const { store, service } = await openedCase();
    const before = await storedBytes(store, ['c-1', 'c-2']);
    const huge = await service.executeBatch({
      caseId: 'c-1',
      commands: Array.from({ length: 201 }, (_, i) => NOTE(`Notiz ${i}`)),
    });
    expect(huge.ok, '201 commands').to.equal(false);
    const giant = await service.executeBatch({
      caseId: 'c-1',
      commands: Array.from({ length: 1_000_000 }, () => NOTE('x')),
    });
    expect(giant.ok, '1,000,000 commands').to.equal(false);
    const mixed = await service.executeBatch({
      caseId: 'c-1',
      commands: [NOTE('hier'), { type: 'recordNote', caseId: 'c-2', input: { text: 'dort' } }],
    });
    expect(mixed.ok, 'a command for another case inside the batch').to.equal(false);
    const proto = await service.executeBatch({
      caseId: 'c-1',
      commands: [{ type: '__proto__', caseId: 'c-1' }],
    } as never);
    expect(proto.ok, 'prototype command type').to.equal(false);
    expect(await storedBytes(store, ['c-1', 'c-2']), 'nothing written').to.equal(before);
    expect(Object.prototype).to.not.have.property('caseId');
  });

  it('issue 14: a stale expectedSeq is refused for a batch and for a replay-free retry alike', async () => {
    const { store, service } = await openedCase();
    const head = (await store.readJournal('c-1')).length;
    const won = await service.executeBatch({ caseId: 'c-1', expectedSeq: head, commands: [NOTE('Tab A')] });
    expect(won.ok).to.equal(true);
    const before = await storedBytes(store);
    const lost = await service.executeBatch({ caseId: 'c-1', expectedSeq: head, commands: [NOTE('Tab B')] });
    expect(lost.ok).to.equal(false);
    if (!lost.ok) expect(lost.errors[0]!.code).to.equal('STORE_CONFLICT');
    expect(await storedBytes(store)).to.equal(before);
  });
});
