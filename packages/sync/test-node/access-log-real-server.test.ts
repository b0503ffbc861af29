/*
 * The device's access log against the real server (issue 15, DP-28, DP-40): @fallkit/server's handlers on
 * PGlite in this process, the client's fetch transport with a verified token, and the sync engine's upload step
 * over a device store in memory (its IndexedDB side runs in Chromium in ../test/access-log.test.ts). A repeated
 * upload (the answer lost on the way) stores each entry once; the events are the token's actor's, and a device
 * that claims to be someone else gets its entries refused, nothing recorded for the other person.
 */
import { expect } from 'chai';
import {
  createCaseService,
  createCaseViews,
  fixedActor,
  FixedClock,
  MemoryCaseStore,
  randomIds,
  verifyJournal,
  type AccessLogEntry,
  type Actor,
  type Result,
} from '@fallkit/core';
import { accessLogStreamId } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import type { PgCaseStore } from '@fallkit/store-pg';
import { SyncEngine, syncRefusal, type SyncTransport } from '../src/index.js';
import { openRealServer } from './real-server-world.js';

const ISSUER = 'http://127.0.0.1:7297/realms/fallkit-sync-access-log-test';
const JC = EXAMPLE_ACTORS.jobcenterCaseManager;
const KIM = EXAMPLE_ACTORS.kimCaseManager;
const CASE = 'F-REAL-LOG';
const clock = new FixedClock('2026-03-02T10:00:00.000Z');

/** A device of `actor` in memory: its own case, read twice through the core's views (each read logged locally). */
async function deviceWithReads(actor: Actor) {
  const store = new MemoryCaseStore();
  const service = createCaseService({ store, clock, ids: randomIds, actor });
  const opened = await service.execute({
    type: 'openCase',
    caseId: CASE,
    input: {
      caseId: CASE,
      addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
      leadAgency: { agencyId: actor.agencyId, name: 'Agentur', legalDomain: 'SGB_II' },
    },
  } as never);
  expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).to.equal(true);
  const views = createCaseViews({ service, store, clock, ids: randomIds });
  expect((await views.viewCase(CASE, 'caseManagement')).ok).to.equal(true);
  expect((await views.history(CASE, 'caseManagement')).ok).to.equal(true);
  return store;
}

/** The sync engine's access-log step alone: the device store, a meta table in memory, the transport. */
function engineOf(store: MemoryCaseStore, transport: SyncTransport, actor: Actor) {
  const meta = new Map<string, unknown>();
  const db = {
    meta: {
      get: async (key: string) => meta.get(key),
      put: async (row: { key: string }) => void meta.set(row.key, row),
    },
  };
  return new SyncEngine({
    store: store as never,
    db: db as never,
    outbox: {} as never,
    conflicts: {} as never,
    service: {} as never,
    transport,
    actor: fixedActor(actor),
    now: () => clock.now(),
    accessLog: store,
  });
}

/** A transport whose next `lose` access-log answers are lost after the server took the request. */
function lossy(transport: SyncTransport, lose: { count: number }): SyncTransport {
  return {
    ...transport,
    uploadAccessLog: async (entries) => {
      const answer = await transport.uploadAccessLog!(entries);
      if (lose.count > 0) {
        lose.count -= 1;
        return { ok: false, errors: [syncRefusal('SYNC_OFFLINE')] } as Result<never>;
      }
      return answer;
    },
  };
}

describe("@fallkit/sync: the device's access log against the real server (PGlite, in process, issue 15)", function () {
  this.timeout(60_000);
  let close: () => Promise<void> = async () => undefined;
  let server: PgCaseStore;
  let transports: ReadonlyMap<string, SyncTransport>;

  before(async () => {
    const real = await openRealServer([JC, KIM], { issuer: ISSUER });
    close = () => real.close();
    server = real.store;
    transports = real.transports;
  });
  after(() => close());

  const uploaded = async (agencyId: string) =>
    (await server.readJournal(accessLogStreamId(agencyId))).filter(
      (e) => (e.payload as AccessLogEntry).caseId === CASE,
    );

  it('DP-28: the answer lost, the engine sends the entries again; the server stores each once, in a verified chain', async () => {
    const device = await deviceWithReads(JC);
    const local = await device.readJournal(accessLogStreamId(JC.agencyId));
    expect(local.length).to.equal(2);
    const lose = { count: 1 };
    const engine = engineOf(device, lossy(transports.get(JC.id)!, lose), JC);
    const lost = await engine.uploadAccessLog();
    expect(!lost.ok && lost.errors[0]!.code).to.equal('SYNC_OFFLINE');
    expect(await uploaded(JC.agencyId), 'the server took the request before the answer was lost').to.have.length(2);
    const again = await engine.uploadAccessLog();
    expect(again.ok && again.value, 'replayed, not recorded again').to.deep.equal({ recorded: 0, refused: [] });
    const third = await engine.uploadAccessLog();
    expect(third.ok && third.value.recorded).to.equal(0);
    const stored = await uploaded(JC.agencyId);
    expect(stored.map((e) => (e.payload as AccessLogEntry).entryId)).to.deep.equal(
      local.map((e) => (e.payload as AccessLogEntry).entryId ?? e.id),
    );
    expect(stored.map((e) => (e.payload as AccessLogEntry).channel)).to.deep.equal(['view', 'history']);
    const verdict = await verifyJournal(await server.readJournal(accessLogStreamId(JC.agencyId)));
    expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
  });

  it("DP-40: the events are the verified token's actor's; a device claiming to be someone else has its entries refused, nothing recorded for them", async () => {
    for (const event of await uploaded(JC.agencyId))
      expect(event.actor).to.deep.equal({ id: JC.id, role: JC.role, agencyId: JC.agencyId });
    // A device of KIM's case manager whose requests carry the Jobcenter's token.
    const device = await deviceWithReads(KIM);
    const engine = engineOf(device, transports.get(JC.id)!, KIM);
    const round = await engine.uploadAccessLog();
    expect(round.ok && round.value.recorded).to.equal(0);
    expect(round.ok && round.value.refused.map((r) => r.code)).to.deep.equal([
      'ACCESS_LOG_UPLOAD_FOREIGN',
      'ACCESS_LOG_UPLOAD_FOREIGN',
    ]);
    expect(round.ok && round.value.refused[0]!.message.de).to.contain('angemeldeten Person');
    expect(await uploaded(KIM.agencyId)).to.deep.equal([]);
    expect(await uploaded(JC.agencyId)).to.have.length(2);
    // The same entries with KIM's own token are hers, recorded once.
    const own = await engineOf(device, transports.get(KIM.id)!, KIM).uploadAccessLog();
    expect(own.ok && own.value).to.deep.equal({ recorded: 2, refused: [] });
    for (const event of await uploaded(KIM.agencyId))
      expect(event.actor).to.deep.equal({ id: KIM.id, role: KIM.role, agencyId: KIM.agencyId });
  });
});
