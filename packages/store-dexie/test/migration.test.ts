import { expect } from 'chai';
import Dexie from 'dexie';
import { verifyJournal, type CaseIndexEntry, type JournalEvent } from '@fallkit/core';
import { sealEvents } from '@fallkit/core/internal';
import { openDexieCaseStore, SCHEMA_V1, SCHEMA_V2, STORE_SCHEMA_VERSION } from '../src/index.js';
import { cleanUp, freshName, makeEvents, openStore } from './helpers.js';

/** What version 1 of the store wrote: plain events and index rows without flags, no crypto record. */
async function createVersion1Database(name: string, journals: Record<string, JournalEvent[]>): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  for (const [caseId, events] of Object.entries(journals)) {
    await v1.table('events').bulkAdd(events);
    await v1.table('cases').put({
      caseId,
      lastSeq: events.length,
      updatedAt: events.at(-1)!.at,
      status: 'open',
      stage: 'intake',
      leadAgencyId: null,
      caseManagerIds: ['user-anna'],
      legalDomains: ['SGB_II'],
      nextDueDate: null,
    });
  }
  v1.close();
}

/** A host projection: the store does not know the domain, so the host says how a journal becomes an index row. */
function project(events: readonly JournalEvent[]): CaseIndexEntry | undefined {
  const last = events.at(-1);
  if (!last || last.caseId === 'access-log') return undefined;
  return {
    caseId: last.caseId,
    lastSeq: last.seq,
    updatedAt: last.at,
    status: 'open',
    stage: events.length > 2 ? 'planning' : 'assessment',
    leadAgencyId: 'agency-nord',
    caseManagerIds: ['user-anna'],
    legalDomains: ['SGB_II'],
    nextDueDate: null,
    flags: events.length > 2 ? ['staff-case'] : [],
  };
}

describe('DexieCaseStore schema migration', () => {
  afterEach(cleanUp);

  it(`upgrades a database created by schema version 1 to version ${STORE_SCHEMA_VERSION} without losing events`, async () => {
    const name = freshName();
    const journals = {
      'case-1': await makeEvents('case-1', 3),
      'case-2': await makeEvents('case-2', 1),
      'access-log': await makeEvents('access-log', 2),
    };
    await createVersion1Database(name, journals);
    const store = await openStore({ name, encryption: 'off' });
    expect(store.database.verno).to.equal(STORE_SCHEMA_VERSION);
    expect(store.database.tables.map((table) => table.name).sort()).to.deep.equal([
      'cases',
      'contents',
      'events',
      'keys',
      'meta',
      'seals',
    ]);
    for (const [caseId, events] of Object.entries(journals)) {
      const read = await store.readJournal(caseId);
      expect(read).to.deep.equal(events);
      expect((await verifyJournal(read)).ok).to.equal(true);
    }
    expect((await store.getCase('case-1'))?.flags).to.deep.equal([]);
    expect(await store.streamIds()).to.deep.equal(['access-log', 'case-1', 'case-2']);
    // v2 added a unique index on event ids: a duplicate id is refused.
    const duplicate = { ...journals['case-2'][0]!, caseId: 'case-9', seq: 1 };
    let refusedDuplicate = false;
    await store.database
      .table('events')
      .add(duplicate)
      .catch(() => (refusedDuplicate = true));
    expect(refusedDuplicate).to.equal(true);
  });

  it('asks for an index rebuild after the upgrade and rebuilds the projections from the journals', async () => {
    const name = freshName();
    await createVersion1Database(name, {
      'case-1': await makeEvents('case-1', 3),
      'case-2': await makeEvents('case-2', 1),
      'access-log': await makeEvents('access-log', 2),
    });
    const store = await openStore({ name });
    expect(store.indexRebuildNeeded).to.equal(true);
    // The v1 helper indexed every stream, the access log too; the host projection says it is not a case.
    expect((await store.listCases()).map((row) => row.caseId)).to.deep.equal(['access-log', 'case-1', 'case-2']);
    const rebuilt = await store.rebuildIndex(project);
    expect(rebuilt.ok && rebuilt.value.rebuilt).to.equal(2);
    expect(store.indexRebuildNeeded).to.equal(false);
    const rows = await store.listCases();
    expect(rows.map((row) => [row.caseId, row.stage, row.flags])).to.deep.equal([
      ['case-1', 'planning', ['staff-case']],
      ['case-2', 'assessment', []],
    ]);
    const flagged = await store.database.table('cases').where('flags').equals('staff-case').primaryKeys();
    expect(flagged).to.deep.equal(['case-1']);
    store.close();
    const reopened = await openStore({ name });
    expect(reopened.indexRebuildNeeded).to.equal(false);
  });

  it('refuses to encrypt over version-1 data that was stored in clear (STORE_ENCRYPTION_MISMATCH)', async () => {
    const name = freshName();
    await createVersion1Database(name, { 'case-1': await makeEvents('case-1', 1) });
    const result = await openDexieCaseStore({ name, encryption: { passphrase: 'Neue Datenbank 2026, v3!' } });
    expect(!result.ok && result.errors[0]?.code).to.equal('STORE_ENCRYPTION_MISMATCH');
    await Dexie.delete(name);
  });

  it('upgrades a version 2 database to the current version: events kept, the commandId index finds new commands', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const old = await makeEvents('case-1', 2);
    await v2.table('events').bulkAdd(old);
    await v2.table('meta').put({ key: 'crypto', mode: 'off' });
    v2.close();
    const store = await openStore({ name, encryption: 'off' });
    expect(store.database.verno).to.equal(STORE_SCHEMA_VERSION);
    expect(await store.readJournal('case-1')).to.deep.equal(old);
    // DP-44: journals from before the seals table have no seal; nothing seals them silently.
    expect(await store.readSeal('case-1')).to.equal(undefined);
    expect(await store.readJournal('case-1', { afterSeq: 1 })).to.deep.equal(old.slice(1));
    const [sealed] = await sealEvents([{ type: 'NoteRecorded', schemaVersion: 1, payload: { n: 3 } }], {
      caseId: 'case-1',
      last: old.at(-1),
      at: '2026-03-03T09:00:00.000Z',
      actor: old[0]!.actor,
      newId: () => 'case-1-after-upgrade',
      commandId: 'command-after-upgrade',
    });
    expect((await store.append({ caseId: 'case-1', expectedSeq: 2, events: [sealed!] })).ok).to.equal(true);
    expect((await store.findCommand('command-after-upgrade'))?.events.map((e) => e.seq)).to.deep.equal([3]);
    expect(await store.findCommand('command-never-sent')).to.equal(undefined);
  });
});
