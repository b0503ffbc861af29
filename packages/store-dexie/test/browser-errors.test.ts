import { expect } from 'chai';
import Dexie, { type Transaction } from 'dexie';
import { verifyJournal } from '@fallkit/core';
import { openDexieCaseStore, SCHEMA_V1 } from '../src/index.js';
import { cleanUp, freshName, indexRow, makeEvents, openStore } from './helpers.js';

/** Opens a plain IndexedDB connection at a native version and keeps it open, ignoring version changes (an old tab). */
function openRaw(name: string, version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('DexieCaseStore and the errors real browsers throw', () => {
  afterEach(cleanUp);

  it('turns a transaction aborted midway into STORE_ABORTED and leaves nothing written', async () => {
    const store = await openStore();
    const base = await makeEvents('case-1', 2);
    await store.append({ caseId: 'case-1', expectedSeq: 0, events: base, index: indexRow('case-1', 2) });
    const more = await makeEvents('case-1', 3, base[1]);
    const cases = store.database.table('cases');
    // The events are already added when the index row is written; aborting there must roll them back.
    const abortOnIndex = function (
      this: unknown,
      _changes: object,
      _key: unknown,
      _obj: unknown,
      transaction: Transaction,
    ) {
      transaction.abort();
    };
    cases.hook('updating', abortOnIndex);
    const result = await store.append({
      caseId: 'case-1',
      expectedSeq: 2,
      events: more,
      index: indexRow('case-1', 5, { stage: 'planning' }),
    });
    cases.hook('updating').unsubscribe(abortOnIndex);
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors[0]?.code).to.equal('STORE_ABORTED');
      expect(result.errors[0]?.message.de).to.match(/nichts gespeichert/);
      expect(result.errors[0]?.message.en).to.match(/nothing was saved/);
    }
    expect((await store.readJournal('case-1')).map((e) => e.seq)).to.deep.equal([1, 2]);
    expect((await store.getCase('case-1'))?.stage).to.equal('assessment');
    const retry = await store.append({ caseId: 'case-1', expectedSeq: 2, events: more, index: indexRow('case-1', 5) });
    expect(retry.ok).to.equal(true);
    const journal = await store.readJournal('case-1');
    expect(journal.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5]);
    expect((await verifyJournal(journal)).ok).to.equal(true);
  });

  it('turns QuotaExceededError into STORE_QUOTA_EXCEEDED; no event is lost or duplicated', async () => {
    const store = await openStore({ encryption: { passphrase: 'Probe-Kennwort 7 Tage!' } });
    const first = await makeEvents('case-1', 1);
    await store.append({ caseId: 'case-1', expectedSeq: 0, events: first, index: indexRow('case-1', 1) });
    const events = store.database.table('events');
    let calls = 0;
    // Fail on the third event of the batch, as a full disk would.
    const quota = () => {
      calls += 1;
      if (calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    events.hook('creating', quota);
    const batch = await makeEvents('case-1', 4, first[0]);
    const result = await store.append({
      caseId: 'case-1',
      expectedSeq: 1,
      events: batch,
      index: indexRow('case-1', 5),
    });
    events.hook('creating').unsubscribe(quota);
    expect(!result.ok && result.errors[0]?.code).to.equal('STORE_QUOTA_EXCEEDED');
    expect(!result.ok && result.errors[0]?.message.de).to.match(/Speicherplatz/);
    expect(await store.readJournal('case-1')).to.have.length(1);
    expect((await store.getCase('case-1'))?.lastSeq).to.equal(1);
    expect(
      (await store.append({ caseId: 'case-1', expectedSeq: 1, events: batch, index: indexRow('case-1', 5) })).ok,
    ).to.equal(true);
    const journal = await store.readJournal('case-1');
    expect(new Set(journal.map((e) => e.id)).size).to.equal(5);
    expect((await verifyJournal(journal)).ok).to.equal(true);
  });

  it('answers STORE_UNAVAILABLE when there is no IndexedDB or it refuses to open (private mode)', async () => {
    const none = await openDexieCaseStore({ name: freshName(), encryption: 'off', indexedDB: null });
    expect(!none.ok && none.errors[0]?.code).to.equal('STORE_UNAVAILABLE');
    for (const name of ['InvalidStateError', 'SecurityError']) {
      const throwing = {
        open: () => {
          throw new DOMException(
            'A mutation operation was attempted on a database that did not allow mutations.',
            name,
          );
        },
        deleteDatabase: () => undefined,
        cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
        databases: async () => [],
      } as unknown as IDBFactory;
      const refused = await openDexieCaseStore({ name: freshName(), encryption: 'off', indexedDB: throwing });
      expect(refused.ok).to.equal(false);
      if (!refused.ok) {
        expect(refused.errors[0]?.code).to.equal('STORE_UNAVAILABLE');
        expect(refused.errors[0]?.message.de).to.match(/privaten Modus/);
      }
    }
  });

  it('answers STORE_BLOCKED while another tab holds an old version open, and opens once it lets go', async () => {
    const name = freshName();
    const oldTab = await openRaw(name, 10, (db) => {
      db.createObjectStore('events', { keyPath: ['caseId', 'seq'] });
      db.createObjectStore('cases', { keyPath: 'caseId' });
      db.createObjectStore('meta', { keyPath: 'key' });
    });
    const blocked = await openDexieCaseStore({ name, encryption: 'off', blockedTimeoutMs: 150 });
    expect(!blocked.ok && blocked.errors[0]?.code).to.equal('STORE_BLOCKED');
    expect(!blocked.ok && blocked.errors[0]?.hint?.de).to.match(/Tabs/);
    oldTab.close();
    const store = await openStore({ name });
    expect(
      (
        await store.append({
          caseId: 'case-1',
          expectedSeq: 0,
          events: await makeEvents('case-1', 1),
          index: indexRow('case-1', 1),
        })
      ).ok,
    ).to.equal(true);
  });

  it('lets go of its connection when another tab upgrades, so that tab is not blocked, and carries on without losing events', async () => {
    const name = freshName();
    const store = await openStore({ name });
    const first = await makeEvents('case-1', 1);
    await store.append({ caseId: 'case-1', expectedSeq: 0, events: first, index: indexRow('case-1', 1) });
    // A newer version in another tab: this open would hang if our connection did not close on versionchange.
    const newerTab = await openRaw(name, 990);
    newerTab.close();
    // Dexie 4 reopens on next use and accepts the higher native version; older engines answer VersionError (STORE_OUTDATED).
    const second = await makeEvents('case-1', 1, first[0]);
    expect(
      (await store.append({ caseId: 'case-1', expectedSeq: 1, events: second, index: indexRow('case-1', 2) })).ok,
    ).to.equal(true);
    expect((await store.readJournal('case-1')).map((e) => e.id)).to.deep.equal([...first, ...second].map((e) => e.id));
  });

  it('keeps the historical version-1 schema definition unchanged', () => {
    expect(SCHEMA_V1).to.deep.equal({
      events: '[caseId+seq]',
      cases: 'caseId, status, stage, leadAgencyId, *caseManagerIds, *legalDomains, nextDueDate',
      meta: 'key',
    });
    expect(Dexie.semVer.startsWith('4.')).to.equal(true);
  });
});
