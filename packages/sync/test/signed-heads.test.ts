import { expect } from 'chai';
import { SERVER_KEYS_KEY, type FeedChange, type JournalChange } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, openCaseCommand } from './helpers.js';

/*
 * The device checks the server's signature of every journal it receives, full or cut (issue 15, DP-44), against
 * the server's published Ed25519 keys, before it stores anything: a tampered journal is refused with a typed
 * code, and the case, its decided view and its head stay absent.
 */

const RAHIMI = 'kim-2026-0001';

type Setup = Awaited<ReturnType<typeof device>>;

async function nothingStored(setup: Setup, caseId: string): Promise<void> {
  expect(await setup.store.readJournal(caseId)).to.deep.equal([]);
  expect(await setup.client.cuts.has(caseId)).to.equal(false);
  expect(await setup.client.database.heads.get(caseId)).to.equal(undefined);
}

/** A server that changes the Rahimi journal as `edit` says after signing it. */
async function tampering(
  edit: (change: JournalChange) => FeedChange,
): Promise<{ server: FakeSyncServer; setup: Setup }> {
  const server = new FakeSyncServer();
  server.cutFor = ACTOR;
  await server.seedExamples();
  server.tamper = (change) => (change.kind === 'journal' && change.caseId === RAHIMI ? edit(change) : change);
  return { server, setup: await device(new FakeTransport(server, ACTOR)) };
}

async function refusedWith(setup: Setup, code: string): Promise<void> {
  const round = await setup.client.syncNow();
  expect(round.ok).to.equal(false);
  if (round.ok) return;
  const codes = round.errors.map((e) => e.code);
  expect(codes, JSON.stringify(codes)).to.include.members(['SYNC_JOURNAL_REFUSED', code]);
  await nothingStored(setup, RAHIMI);
}

describe('@fallkit/sync: every received journal ends at a head the server signed (issue 15, DP-44)', () => {
  afterEach(cleanUp);

  it("DP-44: the device fetches the server's keys, takes the signed cut and keeps the signed head with the server head", async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    const setup = await device(new FakeTransport(server, ACTOR));
    const round = await setup.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    const head = await setup.client.database.heads.get(RAHIMI);
    expect(head?.signedHead).to.include({ caseId: RAHIMI, alg: 'EdDSA', kid: 'fake-1', seq: head?.seq });
    const kept = (await setup.client.database.meta.get(SERVER_KEYS_KEY)) as { jwks?: { keys: unknown[] } } | undefined;
    expect(kept?.jwks?.keys).to.have.length(1);
  });

  it('DP-38, DP-44: a changed byte in a kept envelope is refused and nothing of the case is stored', async () => {
    const { setup } = await tampering((change) => {
      const events = structuredClone(change.events) as Record<string, unknown>[];
      const index = events.findIndex((e) => e['hidden'] !== true && (e['seq'] as number) > 1);
      events[index] = { ...events[index], at: '2026-01-01T00:00:00.000Z' };
      return { ...change, events: events as never };
    });
    await refusedWith(setup, 'JOURNAL_HASH_MISMATCH');
  });

  it('DP-38, DP-44: a removed kept event (the tail cut off, so the chain itself still holds) is refused with SYNC_HEAD_MISMATCH', async () => {
    const { setup } = await tampering((change) => {
      const events = change.events.slice(0, -1);
      const view =
        change.view === undefined
          ? {}
          : { view: { ...change.view, case: { ...change.view.case, lastSeq: events.length } } };
      return { ...change, events, ...view };
    });
    await refusedWith(setup, 'SYNC_HEAD_MISMATCH');
  });

  it('DP-44: a forged signature is refused with SYNC_HEAD_SIGNATURE_INVALID, a missing one with SYNC_HEAD_UNSIGNED', async () => {
    const forged = await tampering((change) => {
      const sig = change.signedHead!.signature;
      return {
        ...change,
        signedHead: { ...change.signedHead!, signature: `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}` },
      };
    });
    await refusedWith(forged.setup, 'SYNC_HEAD_SIGNATURE_INVALID');
    const unsigned = await tampering(({ signedHead: _dropped, ...change }) => change);
    await refusedWith(unsigned.setup, 'SYNC_HEAD_UNSIGNED');
  });

  it('DP-44: an unknown kid fetches the keys again: after a rotation the new key verifies; a kid the server does not publish is SYNC_HEAD_KEY_UNKNOWN', async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    const setup = await device(new FakeTransport(server, ACTOR));
    expect((await setup.client.syncNow()).ok).to.equal(true);
    await server.rotateKey('fake-2');
    // A case opened on the server after the rotation reaches the device signed with the new key, which the
    // device did not know: it fetches the keys again and takes it.
    const opened = await server.executeAs(ACTOR, { caseId: 'F-ROT', commands: [openCaseCommand('F-ROT')] });
    expect(opened.ok, JSON.stringify(opened)).to.equal(true);
    const rotated = await setup.client.syncNow();
    expect(rotated.ok, JSON.stringify(rotated)).to.equal(true);
    expect((await setup.client.database.heads.get('F-ROT'))?.signedHead).to.include({ kid: 'fake-2' });
    // A signature under a key id nobody publishes: refused, and the case stays as it was.
    const fresh = await device(new FakeTransport(server, ACTOR));
    server.tamper = (change) =>
      change.kind === 'journal' && change.caseId === RAHIMI
        ? { ...change, signedHead: { ...change.signedHead!, kid: 'nobody' } }
        : change;
    const round = await fresh.client.syncNow();
    expect(!round.ok && round.errors.map((e) => e.code)).to.include('SYNC_HEAD_KEY_UNKNOWN');
    await nothingStored(fresh, RAHIMI);
  });
});
