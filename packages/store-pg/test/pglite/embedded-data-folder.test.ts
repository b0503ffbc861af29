/*
 * The embedded default keeps its data in a folder: what was written is there after closing and opening again,
 * and opening again migrates nothing.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDatabase, openPgCaseStore, provisionTenant } from '@fallkit/store-pg';
import { expectOk, indexRow, sealed } from '../support/events.js';

describe('PgCaseStore on PGlite: the embedded database in a data folder', function () {
  this.timeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'fallkit-pglite-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps journals, index and feed across closing and opening again; the second opening migrates nothing', async () => {
    const first = expectOk(await openEmbeddedDatabase({ dataDir: folder })).value;
    expect(first.migration.applied.length).to.be.greaterThan(0);
    expectOk(await provisionTenant(first.owner, 'musterstadt'));
    const store = expectOk(await openPgCaseStore({ database: first.app, tenantId: 'musterstadt' })).value;
    const events = await sealed('case-a', 3);
    expectOk(await store.append({ caseId: 'case-a', expectedSeq: 0, events, index: indexRow('case-a', 3) }));
    await first.close();

    const again = expectOk(await openEmbeddedDatabase({ dataDir: folder })).value;
    try {
      expect(again.migration.applied).to.deep.equal([]);
      const reopened = expectOk(await openPgCaseStore({ database: again.app, tenantId: 'musterstadt' })).value;
      expect(await reopened.readJournal('case-a')).to.deep.equal(events);
      expect((await reopened.getCase('case-a'))?.lastSeq).to.equal(3);
      expect(await reopened.feedHead()).to.equal(3);
    } finally {
      await again.close();
    }
  });
});
