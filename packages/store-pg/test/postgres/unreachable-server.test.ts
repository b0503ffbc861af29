/*
 * A server that cannot be reached (a closed port on loopback): every call answers with a typed refusal, the
 * result methods never throw, and live observers receive the refusal in `error`.
 */
import { expect } from 'chai';
import { PgCaseStore, PgStoreError, openPgCaseStore, pgDatabase } from '@fallkit/store-pg';
import { refusalCode, sealed } from '../support/events.js';

describe('PgCaseStore on PostgreSQL: a server that cannot be reached', function () {
  this.timeout(20_000);
  // Port 9 (discard) on loopback: nothing listens there on a test machine, the connection is refused at once.
  const database = pgDatabase({
    connectionString: 'postgresql://nobody:nothing@127.0.0.1:9/none',
    connectTimeoutMs: 2000,
  });
  after(() => database.close());

  it('opening, appending and erasing answer STORE_UNAVAILABLE without throwing', async () => {
    expect(refusalCode(await openPgCaseStore({ database, tenantId: 'tenant-a' }))).to.equal('STORE_UNAVAILABLE');
    const store = new PgCaseStore(database, 'tenant-a');
    const appended = await store.append({ caseId: 'case-a', expectedSeq: 0, events: await sealed('case-a', 1) });
    expect(refusalCode(appended)).to.equal('STORE_UNAVAILABLE');
    expect(!appended.ok && appended.errors[0]?.message.de).to.match(/nicht erreichbar/);
    expect(refusalCode(await store.erasePayloads('case-a', [1], '2026-03-03T00:00:00.000Z', 'DP-32'))).to.equal(
      'STORE_UNAVAILABLE',
    );
  });

  it('reads throw a PgStoreError with the refusal, and observers get it as their error', async () => {
    const store = new PgCaseStore(database, 'tenant-a');
    for (const read of [() => store.readJournal('case-a'), () => store.listCases(), () => store.getCase('case-a')]) {
      const failure = await read().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).to.be.instanceOf(PgStoreError);
      expect((failure as PgStoreError).code).to.equal('STORE_UNAVAILABLE');
    }
    const observed = await new Promise<unknown>((resolve) => {
      const subscription = store.observeJournal('case-a').subscribe({
        next: () => resolve('a value'),
        error: (error) => {
          subscription.unsubscribe();
          resolve(error);
        },
      });
    });
    expect((observed as PgStoreError).code).to.equal('STORE_UNAVAILABLE');
  });
});
