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
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES, ScopedSequentialIds } from '@fallkit/core/examples';
import { completeErasures } from '@fallkit/core/rights';
import { sealEvents } from '@fallkit/core/internal';
import { cleanUp, freshName, openStore, rawText, rawValues } from './helpers.js';

const KIM = EXAMPLE_ACTORS.kimCaseManager;
const SECRET = 'Befund der Psychiatrie: Depression, Behandlung seit 2025';
const OTHER = 'Mietvertrag Wohnung Lindenstraße 4';
const fast = {};

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

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

  it('DP-37, DP-32, DP-44: an encrypted backup carries the documents sealed; restored into another database, a document opens byte-equal, an erased one has no bytes anywhere', async function () {
    this.timeout(120_000);
    const { store, state } = await caseWithDocuments(true);
    const journal = await store.readJournal('F-DEXIE-DOC');
    const filed = journal.find((e) => e.type === 'DocumentAttached')!;
    // A decided erasure (DP-32): the decision in the journal, sealed, then carried out by the core.
    const sealed = await sealEvents(
      [
        {
          type: 'DataErased',
          schemaVersion: 1,
          payload: {
            erasureId: 'erasure-befund',
            subjectId: state.addresseeId,
            scope: 'subject',
            seqs: [filed.seq],
            erasedOn: '2026-07-02',
            rule: 'DP-32',
          },
        },
      ],
      {
        caseId: 'F-DEXIE-DOC',
        last: journal.at(-1)!,
        at: '2026-07-02T09:00:00.000Z',
        actor: KIM,
        newId: () => 'event-erasure-befund',
      },
    );
    const decision = sealed[0]!;
    const seal = await store.journalSeal?.sign({ caseId: 'F-DEXIE-DOC', seq: decision.seq, hash: decision.hash });
    const appended = await store.append({
      caseId: 'F-DEXIE-DOC',
      expectedSeq: journal.length,
      events: [decision],
      ...(seal ? { seal } : {}),
    });
    expect(appended.ok).to.equal(true);
    unwrap(await completeErasures(store, 'F-DEXIE-DOC', new FixedClock('2026-07-02T10:00:00.000Z')));
    expect(await store.readContent('F-DEXIE-DOC', state.documents[0]!.contentHash)).to.equal(undefined);
    const passphrase = 'Sicherung 2026, Keller-Regal 4';
    const backup = { value: unwrap(await store.exportBackup({ passphrase, createdAt: '2026-07-03T10:00:00.000Z' })) };
    // Sealed as a whole (AES-GCM): no plaintext and no plain base64 of the bytes in the file.
    const base64Of = (t: string) => btoa(String.fromCharCode(...new TextEncoder().encode(t)));
    expect(backup.value).to.not.contain('Lindenstraße').and.to.not.contain(base64Of(OTHER).slice(0, 24));
    const target = await openStore({ encryption: { passphrase: 'Ziel-Datenbank 2026 Süd!' } });
    const report = { value: unwrap(await target.importBackup(backup.value, { passphrase })) };
    expect(report.value.imported).to.include('F-DEXIE-DOC');
    expect(report.value.contents).to.deep.equal([`F-DEXIE-DOC/${state.documents[1]!.contentHash}`]);
    expect(await target.readContent('F-DEXIE-DOC', state.documents[0]!.contentHash)).to.equal(undefined);
    // Opened through the core on the restored database: decided, checked against its hash, byte-equal.
    const clock = new FixedClock('2026-07-03T11:00:00.000Z');
    // Ids of their own: the restored access log already holds the source's sequential event ids.
    const ids = new ScopedSequentialIds('restored');
    const service = createCaseService({ store: target, clock, ids, actor: KIM });
    const views = createCaseViews({ service, store: target, clock, ids });
    const documents = createCaseDocuments({ service, views, store: target });
    const opened = unwrap(await documents.open('F-DEXIE-DOC', state.documents[1]!.id));
    expect([...opened.bytes]).to.deep.equal([...new TextEncoder().encode(OTHER)]);
  });

  it('DP-44: a backup whose document bytes were changed, or that carries content no readable event names, is refused whole and writes nothing', async () => {
    const { store, state } = await caseWithDocuments(false);
    const plain = unwrap(await store.exportBackup({ createdAt: '2026-07-03T10:00:00.000Z' }));
    const lines = plain.trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as { contents: number; formatVersion: number };
    expect([header.formatVersion, header.contents]).to.deep.equal([3, 2]);
    const at = lines.findIndex((l) => l.includes('"kind":"content"'));
    const line = JSON.parse(lines[at]!) as { bytes: string; contentHash: string };
    const changed = [...lines];
    changed[at] = JSON.stringify({ ...line, bytes: btoa('a forged scan') });
    const stranger = [...lines];
    stranger[at] = JSON.stringify({ ...line, contentHash: 'f'.repeat(64) });
    for (const file of [changed, stranger]) {
      const target = await openStore();
      const result = await target.importBackup(file.join('\n') + '\n');
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors.map((e) => e.code)).to.include('STORE_BACKUP_TAMPERED');
      expect(await target.streamIds()).to.deep.equal([]);
      expect(await target.readContent('F-DEXIE-DOC', state.documents[0]!.contentHash)).to.equal(undefined);
    }
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
