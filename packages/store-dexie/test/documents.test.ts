/*
 * Documents in the Dexie store (issue 22): the bytes are sealed under the case's data key (DP-37), gone
 * with the event that filed them (DP-32) and with the case (DP-36); the rest moves to the new key when an
 * erasure rotates it.
 */
import { expect } from '@open-wc/testing';
import {
  createCaseDocuments,
  createCaseService,
  createCaseViews,
  FixedClock,
  SequentialIds,
  type AttachDocumentRequest,
} from '@fallkit/core';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { cleanUp, freshName, openStore, rawText, rawValues } from './helpers.js';

const KIM = EXAMPLE_ACTORS.kimCaseManager;
const SECRET = 'Befund der Psychiatrie: Depression, Behandlung seit 2025';
const OTHER = 'Mietvertrag Wohnung Lindenstraße 4';
const fast = {};

const request = (title: string): AttachDocumentRequest => ({
  title,
  fileName: `${title.toLowerCase().replace(/\W+/g, '-')}.pdf`,
  mediaType: 'application/pdf',
  categories: ['health'],
  professionalSecret: true,
});

async function caseWithDocuments(encrypted: boolean) {
  const name = freshName();
  const store = await openStore({
    name,
    ...(encrypted ? { encryption: { passphrase: 'Büro 3, Schrank links' }, ...fast } : {}),
  });
  const clock = new FixedClock('2026-07-01T10:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor: KIM });
  const views = createCaseViews({ service, store, clock, ids });
  const documents = createCaseDocuments({ service, views, store });
  const opened = await service.execute({
    type: 'openCase',
    caseId: 'F-DEXIE-DOC',
    input: {
      caseId: 'F-DEXIE-DOC',
      addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
      leadAgency: { agencyId: KIM.agencyId, name: EXAMPLE_AGENCIES.kim.name, legalDomain: 'AsylbLG' },
    },
  } as never);
  expect(opened.ok).to.equal(true);
  const a = await documents.attach('F-DEXIE-DOC', request('Befund'), new TextEncoder().encode(SECRET));
  const b = await documents.attach('F-DEXIE-DOC', request('Mietvertrag'), new TextEncoder().encode(OTHER));
  expect(a.ok && b.ok, JSON.stringify([!a.ok && a.errors, !b.ok && b.errors])).to.equal(true);
  const state = b.ok ? b.value.state : undefined;
  return { name, store, documents, state: state! };
}

describe('documents in the Dexie store (issue 22)', () => {
  afterEach(cleanUp);

  it('DP-37: with encryption the content rows hold no plaintext, and the store opens them with the key', async () => {
    const { name, store, documents, state } = await caseWithDocuments(true);
    const raw = rawText(await rawValues(name, 'contents'));
    expect(raw).to.not.contain('Psychiatrie');
    expect(raw).to.not.contain('Lindenstraße');
    const opened = await documents.open('F-DEXIE-DOC', state.documents[0]!.id);
    expect(opened.ok && new TextDecoder().decode(opened.value.bytes)).to.equal(SECRET);
    expect(store.encrypted).to.equal(true);
  });

  for (const encrypted of [true, false]) {
    it(`DP-32, DP-36 (${encrypted ? 'encrypted' : 'unencrypted'}): erasing the filing event deletes that content and keeps the other readable under the new key; deleting the case leaves no content row`, async () => {
      const { name, store, documents, state } = await caseWithDocuments(encrypted);
      const journal = await store.readJournal('F-DEXIE-DOC');
      const filed = journal.find((e) => e.type === 'DocumentAttached')!;
      const erased = await store.erasePayloads('F-DEXIE-DOC', [filed.seq], '2026-07-02T10:00:00.000Z', 'DP-32');
      expect(erased.ok).to.equal(true);
      expect(await store.readContent('F-DEXIE-DOC', state.documents[0]!.contentHash)).to.equal(undefined);
      const other = await documents.open('F-DEXIE-DOC', state.documents[1]!.id);
      expect(
        other.ok && new TextDecoder().decode(other.value.bytes),
        JSON.stringify(!other.ok && other.errors),
      ).to.equal(OTHER);
      expect(rawText(await rawValues(name, 'contents'))).to.not.contain('Psychiatrie');
      await store.deleteStream('F-DEXIE-DOC');
      expect(await rawValues(name, 'contents')).to.deep.equal([]);
    });
  }
});
