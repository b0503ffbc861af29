/*
 * The server's statements a device acts on without a journal to check (issue 15, DP-44): a `revoked` notice
 * (the device deletes the case) and a conflict's `theirs` (shown beside the person's own command) are signed
 * by the server's head key for this person, case and command. An unsigned, changed, re-addressed or stale one
 * is refused with a typed `SYNC_STATEMENT_*` refusal and changes nothing: the case stays, the command stays queued.
 */
import { expect } from 'chai';
import type { FeedChange, PushResult } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand } from './helpers.js';

async function twoCases() {
  const server = new FakeSyncServer();
  for (const caseId of ['F-S1', 'F-S2']) {
    await server.executeAs(ACTOR, { caseId, commands: [openCaseCommand(caseId)] });
    await server.executeAs(ACTOR, { caseId, commands: [noteCommand(caseId, 'Gesprächsnotiz')] });
  }
  const transport = new FakeTransport(server, ACTOR);
  const revoked: string[] = [];
  const dev = await device(transport, { onRevoked: (caseId) => revoked.push(caseId) });
  expect((await dev.client.syncNow()).ok).to.equal(true);
  return { server, transport, revoked, ...dev };
}

/** The refusal codes of a failed round, the first the sync's own, then the statement's. */
function codesOf(round: { ok: boolean; errors?: readonly { code: string; message: { de: string; en: string } }[] }) {
  expect(round.ok).to.equal(false);
  for (const e of round.errors!) expect(e.message.de.length > 0 && e.message.en.length > 0, e.code).to.equal(true);
  return round.errors!.map((e) => e.code);
}

describe("@fallkit/sync: the server's signed statements (revoked, a conflict's theirs; issue 15)", () => {
  afterEach(cleanUp);

  it('DP-44, DP-36: a signed revoked notice deletes the case; the notice carries the journal length and the signature', async () => {
    const { server, client, revoked } = await twoCases();
    const seen: FeedChange[] = [];
    server.tamperStatement = (value) => (seen.push(value as FeedChange), value);
    server.revoke('F-S1');
    const round = await client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(revoked).to.deep.equal(['F-S1']);
    expect(seen[0]).to.deep.include({ caseId: 'F-S1', kind: 'revoked', seq: 2 });
    expect((seen[0] as { signed?: { alg: string } }).signed?.alg).to.equal('EdDSA');
  });

  it('DP-44: an unsigned, re-addressed or changed revoked notice is refused and deletes nothing', async () => {
    const tampers: [string, (notice: Record<string, unknown>) => Record<string, unknown>, string][] = [
      ['unsigned', ({ signed: _signed, ...rest }) => rest, 'SYNC_STATEMENT_UNSIGNED'],
      ['no seq', ({ seq: _seq, ...rest }) => rest, 'SYNC_STATEMENT_UNSIGNED'],
      // The signature of F-S1's notice, put on one for F-S2.
      ['another case', (notice) => ({ ...notice, caseId: 'F-S2' }), 'SYNC_STATEMENT_SIGNATURE_INVALID'],
      ['another length', (notice) => ({ ...notice, seq: 7 }), 'SYNC_STATEMENT_SIGNATURE_INVALID'],
      [
        'a forged signature',
        (notice) => ({ ...notice, signed: { ...(notice['signed'] as object), signature: 'A'.repeat(86) } }),
        'SYNC_STATEMENT_SIGNATURE_INVALID',
      ],
      [
        'an unknown key',
        (notice) => ({ ...notice, signed: { ...(notice['signed'] as object), kid: 'forged-1' } }),
        'SYNC_STATEMENT_KEY_UNKNOWN',
      ],
    ];
    for (const [what, tamper, code] of tampers) {
      const { server, client, store, revoked } = await twoCases();
      server.tamperStatement = (value) => tamper(value as never) as never;
      server.revoke('F-S1');
      const round = await client.syncNow();
      expect(codesOf(round as never), what).to.deep.equal(['SYNC_JOURNAL_REFUSED', code]);
      expect(revoked, what).to.deep.equal([]);
      for (const caseId of ['F-S1', 'F-S2'])
        expect((await store.readJournal(caseId)).length, `${what}: ${caseId} kept`).to.equal(2);
    }
  });

  it('DP-44: a notice for another person does not verify, and an old notice replayed after access came back is stale', async () => {
    const { server, client, store, revoked } = await twoCases();
    // Signed for another person of the same agency: the device rebuilds the statement with its own actor.
    const other = { ...ACTOR, id: 'u-jobcenter-other' };
    const foreign = await server.change('F-S1', true, other);
    server.tamperStatement = () => foreign as never;
    server.revoke('F-S1');
    expect(codesOf((await client.syncNow()) as never)).to.deep.equal([
      'SYNC_JOURNAL_REFUSED',
      'SYNC_STATEMENT_SIGNATURE_INVALID',
    ]);
    // A genuine notice signed at seq 2, kept by someone and replayed after the case moved on to seq 3.
    server.tamperStatement = undefined;
    const old = await server.change('F-S2', true, ACTOR);
    server.revoked.delete('F-S1');
    await server.executeAs(ACTOR, { caseId: 'F-S2', commands: [noteCommand('F-S2', 'Später')] });
    // The device first takes F-S1's revocation for real (signed), and F-S2's new note.
    const caught = await client.syncNow();
    expect(caught.ok, JSON.stringify(caught)).to.equal(true);
    expect((await store.readJournal('F-S2')).length).to.equal(3);
    server.tamperStatement = () => old as never;
    server.revoke('F-S2');
    expect(codesOf((await client.syncNow()) as never)).to.deep.equal(['SYNC_JOURNAL_REFUSED', 'SYNC_STATEMENT_STALE']);
    expect((await store.readJournal('F-S2')).length).to.equal(3);
    expect(revoked).to.not.include('F-S2');
  });

  it("DP-44: a conflict's theirs changed on the way or unsigned is refused: no conflict kept, the command stays queued; signed, it is kept", async () => {
    const setup = async () => {
      const server = new FakeSyncServer();
      server.conflictTypes = new Set(['recordNote']);
      await server.executeAs(ACTOR, { caseId: 'F-C1', commands: [openCaseCommand('F-C1')] });
      const transport = new FakeTransport(server, ACTOR);
      const dev = await device(transport);
      expect((await dev.client.syncNow()).ok).to.equal(true);
      transport.faults.offline = true;
      expect((await dev.client.service.execute(noteCommand('F-C1', 'Meine Fassung'))).ok).to.equal(true);
      await server.executeAs(ACTOR, { caseId: 'F-C1', commands: [noteCommand('F-C1', 'Ihre Fassung')] });
      transport.faults.offline = false;
      return { server, ...dev };
    };
    const changed = (result: PushResult): PushResult => {
      const theirs = JSON.parse(JSON.stringify(result.conflict!.theirs).replace('Ihre Fassung', 'Gefälscht'));
      return { ...result, conflict: { ...result.conflict!, theirs } };
    };
    const unsigned = (result: PushResult): PushResult => {
      const { signed: _signed, ...conflict } = result.conflict! as PushResult['conflict'] & { signed?: unknown };
      return { ...result, conflict } as PushResult;
    };
    for (const [tamper, code] of [
      [changed, 'SYNC_STATEMENT_SIGNATURE_INVALID'],
      [unsigned, 'SYNC_STATEMENT_UNSIGNED'],
    ] as const) {
      const { server, client } = await setup();
      server.tamperStatement = (value) => tamper(value as never) as never;
      const round = await client.syncNow();
      expect(codesOf(round as never)).to.deep.equal(['SYNC_ANSWER_MALFORMED', code]);
      expect(await client.listConflicts()).to.deep.equal([]);
      expect(await client.database.outbox.count()).to.equal(1);
      // The server signs again: the conflict is kept with the server's theirs.
      server.tamperStatement = undefined;
      server.outcomes.clear();
      const again = await client.syncNow();
      expect(again.ok, JSON.stringify(again)).to.equal(true);
      const [conflict] = await client.listConflicts();
      expect(JSON.stringify(conflict!.theirs)).to.include('Ihre Fassung');
      expect(await client.database.outbox.count()).to.equal(0);
    }
  });
});
