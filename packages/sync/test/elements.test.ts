import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@fallkit/components/define/fk-sync-status';
import '@fallkit/components/define/fk-sync-conflicts';
import type { FkSyncConflicts, FkSyncStatus, SyncConflictsSource, SyncStatusSource } from '@fallkit/components';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand } from './helpers.js';

describe('@fallkit/sync with the sync elements: the client fits their ports', () => {
  afterEach(cleanUp);

  it('<fk-sync-status> shows the pending count of a real client, offline, then synced', async () => {
    const server = new FakeSyncServer();
    const transport = new FakeTransport(server, ACTOR);
    transport.faults.offline = true;
    const { client } = await device(transport);
    const source: SyncStatusSource = client;
    const el = await fixture<FkSyncStatus>(html`<fk-sync-status lang="de" .source=${source}></fk-sync-status>`);
    await client.service.execute(openCaseCommand('F-E1'));
    await client.service.execute(noteCommand('F-E1', 'Noch nicht gesendet'));
    await client.syncNow();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('2 Änderungen warten auf den Abgleich.'));
    expect(el.shadowRoot!.textContent).to.include('Offline');
    expect(el.shadowRoot!.textContent).to.include('Keine Verbindung zum Server.');
    transport.faults.offline = false;
    await client.syncNow();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Alle Änderungen sind beim Server.'));
    expect(el.shadowRoot!.textContent).to.include('Verbunden');
    expect(el.shadowRoot!.textContent).to.include('Zuletzt abgeglichen');
  });

  it('<fk-sync-conflicts> lists a real conflict and a discard with a reason through it is recorded', async () => {
    const server = new FakeSyncServer();
    server.conflictTypes = new Set(['recordNote']);
    await server.executeAs(ACTOR, { caseId: 'F-E2', commands: [openCaseCommand('F-E2')] });
    const transport = new FakeTransport(server, ACTOR);
    const { client } = await device(transport);
    await client.syncNow();
    transport.faults.offline = true;
    await client.service.execute(noteCommand('F-E2', 'Meine Notiz'));
    await server.executeAs(ACTOR, { caseId: 'F-E2', commands: [noteCommand('F-E2', 'Ihre Notiz')] });
    transport.faults.offline = false;
    await client.syncNow();
    const source: SyncConflictsSource = client;
    const el = await fixture<FkSyncConflicts>(
      html`<fk-sync-conflicts lang="de" .source=${source}></fk-sync-conflicts>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === 1);
    const text = el.shadowRoot!.textContent!;
    expect(text).to.include('Meine Notiz');
    expect(text).to.include('Ihre Notiz');
    const [conflict] = await client.listConflicts();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-discard]')!.click();
    await el.updateComplete;
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Die Notiz des anderen Geräts genügt.';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === 0);
    const [record] = await client.listConflicts({ all: true });
    expect(record!.id).to.equal(conflict!.id);
    expect(record!.resolution).to.deep.include({ status: 'discarded', reason: 'Die Notiz des anderen Geräts genügt.' });
  });
});
