/*
 * Documents' content in PostgreSQL (issue 22): filed and opened through the core (every read and write
 * decided by it, the bytes checked against their SHA-256 on open, DP-44), isolated per tenant by row level
 * security, and gone with the erasure of the filing event (DP-32), with the document's removal and with the
 * stream (DP-36). Runs on PostgreSQL 15 and on PGlite.
 */
import { expect } from 'chai';
import {
  createCaseDocuments,
  createCaseService,
  createCaseViews,
  FixedClock,
  SequentialIds,
  type AttachDocumentRequest,
} from '@fallkit/core';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import type { PgCaseStore } from '@fallkit/store-pg';
import { useBackend, type Backend } from '../support/backends.js';
import { probe } from '../support/raw-sql.js';

const KIM = EXAMPLE_ACTORS.kimCaseManager;
const SCAN = 'Einwilligung, unterschrieben am 1. Juli 2026';
const request: AttachDocumentRequest = {
  title: 'Einwilligung',
  fileName: 'einwilligung.pdf',
  mediaType: 'application/pdf',
  categories: ['identity'],
};

async function caseWithDocument(store: PgCaseStore) {
  const clock = new FixedClock('2026-07-01T10:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor: KIM });
  const views = createCaseViews({ service, store, clock, ids });
  const documents = createCaseDocuments({ service, views, store });
  const opened = await service.execute({
    type: 'openCase',
    caseId: 'F-PG-DOC',
    input: {
      caseId: 'F-PG-DOC',
      addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
      leadAgency: { agencyId: KIM.agencyId, name: EXAMPLE_AGENCIES.kim.name, legalDomain: 'SGB_XII' },
    },
  } as never);
  expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).to.equal(true);
  const bytes = new TextEncoder().encode(SCAN);
  const attached = await documents.attach('F-PG-DOC', request, bytes);
  if (!attached.ok) throw new Error(JSON.stringify(attached.errors));
  const document = attached.value.state.documents[0]!;
  return { service, documents, document, bytes };
}

export function describeCaseContent(open: () => Promise<Backend>): void {
  describe('documents content (issue 22)', function () {
    this.timeout(60_000);
    const db = useBackend(open);

    it('DP-44: a document filed through the core opens byte-equal from case_content', async () => {
      const store = await db.freshStore();
      const { documents, document, bytes } = await caseWithDocument(store);
      const opened = await documents.open('F-PG-DOC', document.id);
      if (!opened.ok) expect.fail(JSON.stringify(opened.errors));
      expect([...opened.value.bytes]).to.deep.equal([...bytes]);
    });

    it('row level security: another tenant reads no content, not even by case and hash', async () => {
      const store = await db.freshStore();
      const { document } = await caseWithDocument(store);
      const other = await db.freshStore();
      expect(await other.readContent('F-PG-DOC', document.contentHash)).to.equal(undefined);
      const asOther = await probe(
        db.backend.app,
        other.tenantId,
        'select count(*)::int as n from fallkit.case_content where tenant_id = $1',
        [store.tenantId],
      );
      expect(asOther.ok && asOther.rows[0]?.n).to.equal(0);
    });

    it('DP-32: erasing the filing event deletes its content in the same transaction', async () => {
      const store = await db.freshStore();
      const { document } = await caseWithDocument(store);
      const filed = (await store.readJournal('F-PG-DOC')).find((e) => e.type === 'DocumentAttached')!;
      const erased = await store.erasePayloads('F-PG-DOC', [filed.seq], '2026-07-02T10:00:00.000Z', 'DP-32');
      expect(erased.ok).to.equal(true);
      expect(await store.readContent('F-PG-DOC', document.contentHash)).to.equal(undefined);
    });

    it('removing the document deletes its content; deleting the stream deletes every content row of the case (DP-36)', async () => {
      const store = await db.freshStore();
      const { documents, document } = await caseWithDocument(store);
      const removed = await documents.remove('F-PG-DOC', document.id, 'Falsch zugeordnet');
      expect(removed.ok, JSON.stringify(!removed.ok && removed.errors)).to.equal(true);
      expect(await store.readContent('F-PG-DOC', document.contentHash)).to.equal(undefined);
      await store.putContent('F-PG-DOC', 'e'.repeat(64), new TextEncoder().encode('another scan'));
      await store.deleteStream('F-PG-DOC');
      expect(await store.readContent('F-PG-DOC', 'e'.repeat(64))).to.equal(undefined);
    });
  });
}
