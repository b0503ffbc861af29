import { expect } from 'chai';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand, rawValues } from './helpers.js';
import { syncDatabaseName } from '../src/index.js';

describe('@fallkit/sync revoked: access ended, the device keeps nothing of the case', () => {
  afterEach(cleanUp);

  it('DP-36: a revoked case is deleted with its key, its seal, its index row, its queue and its conflicts (raw IndexedDB)', async () => {
    const server = new FakeSyncServer();
    for (const caseId of ['F-R1', 'F-R2']) {
      await server.executeAs(ACTOR, { caseId, commands: [openCaseCommand(caseId)] });
      await server.executeAs(ACTOR, { caseId, commands: [noteCommand(caseId, 'Gesprächsnotiz')] });
    }
    const transport = new FakeTransport(server, ACTOR);
    const revokedCases: string[] = [];
    const { client, name } = await device(transport, { onRevoked: (caseId) => revokedCases.push(caseId) });
    expect((await client.syncNow()).ok).to.equal(true);
    const caseIds = (values: unknown[]) => new Set(values.map((v) => (v as { caseId: string }).caseId));
    expect(caseIds(await rawValues(name, 'keys'))).to.deep.equal(new Set(['F-R1', 'F-R2']));

    // A command queued offline on the case, and a kept conflict of it.
    transport.faults.offline = true;
    await client.service.execute(noteCommand('F-R1', 'Offline geschrieben'));
    expect(await client.database.table('outbox').where('caseId').equals('F-R1').count()).to.equal(1);
    transport.faults.offline = false;

    server.revoke('F-R1');
    server.outcomes.clear();
    // The server refuses the queued note now (access ended); the round then applies the revocation.
    const round = await client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(round.ok && round.value.conflicts).to.equal(1);
    expect(revokedCases).to.deep.equal(['F-R1']);
    for (const table of ['events', 'cases', 'keys', 'seals']) {
      expect(caseIds(await rawValues(name, table)).has('F-R1'), table).to.equal(false);
      expect(caseIds(await rawValues(name, table)).has('F-R2'), table).to.equal(true);
    }
    for (const table of ['outbox', 'conflicts', 'heads']) {
      expect(caseIds(await rawValues(syncDatabaseName(name), table)).has('F-R1'), table).to.equal(false);
    }
    const gone = await client.service.loadCaseUnchecked('F-R1');
    expect(!gone.ok && gone.errors[0]!.code).to.equal('CASE_NOT_FOUND');
  });
});
