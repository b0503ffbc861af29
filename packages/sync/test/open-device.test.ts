import { expect } from 'chai';
import Dexie from 'dexie';
import { openSyncedDevice, syncDatabaseName } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, masterKey, noteCommand, openCaseCommand } from './helpers.js';

describe('@fallkit/sync openSyncedDevice: the one call of a host page', () => {
  const name = `fallkit-open-device-${Date.now()}`;
  after(async () => {
    await Dexie.delete(name);
    await Dexie.delete(syncDatabaseName(name));
  });

  it('DP-40: takes the actor from the server (/me), opens the encrypted store, syncs what is decided on it', async () => {
    const server = new FakeSyncServer();
    const transport = new FakeTransport(server, ACTOR);
    const opened = await openSyncedDevice({
      baseUrl: 'http://127.0.0.1:7200',
      token: () => 'unused',
      transport,
      name,
      encryption: { key: await masterKey() },
      sync: { intervalMs: 0 },
    });
    expect(opened.ok, opened.ok ? '' : JSON.stringify(opened.errors)).to.equal(true);
    if (!opened.ok) return;
    const device = opened.value;
    expect(device.actor).to.deep.equal(ACTOR);
    expect(device.store.encrypted).to.equal(true);
    expect((await device.service.execute(openCaseCommand('F-O1'))).ok).to.equal(true);
    expect((await device.service.execute(noteCommand('F-O1', 'Über die Seite'))).ok).to.equal(true);
    expect((await device.sync.syncNow()).ok).to.equal(true);
    expect((await server.store.readJournal('F-O1')).map((e) => e.type)).to.include('NoteRecorded');
    const view = await device.views.viewCase('F-O1', 'caseManagement');
    expect(view.ok && view.value.case.notes.length).to.equal(1);
    device.close();
  });

  it('refuses when the server does not answer who is signed in (no store is opened)', async () => {
    const transport = new FakeTransport(new FakeSyncServer(), ACTOR);
    transport.faults.offline = true;
    const opened = await openSyncedDevice({
      baseUrl: 'http://127.0.0.1:7200',
      token: () => undefined,
      transport,
      name: `${name}-never`,
      encryption: { key: await masterKey() },
    });
    expect(!opened.ok && opened.errors[0]!.code).to.equal('SYNC_OFFLINE');
    expect((await Dexie.getDatabaseNames()).includes(`${name}-never`)).to.equal(false);
  });
});
