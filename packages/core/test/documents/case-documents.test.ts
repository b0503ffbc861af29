/*
 * Documents of the case file (issue 22): the description in the journal, the bytes in the store under the
 * case; attach, open and removal through the core's decision point; erasure and retention take the bytes.
 */
import { expect } from 'chai';
import {
  ACTOR_ROLES,
  createCaseDocuments,
  createCaseService,
  createCaseViews,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
  type AttachDocumentRequest,
  type CaseStore,
} from '@fallkit/core';
import { sha256HexOfBytes } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';

const NOW = '2026-07-01T10:00:00.000Z';
const KIM = EXAMPLE_ACTORS.kimCaseManager;
const CASE = 'F-DOC-1';
const PDF = new TextEncoder().encode('%PDF-1.4 Ärztliche Stellungnahme: Frau M. ist arbeitsfähig.');
const SCAN = new TextEncoder().encode('%PDF-1.4 Einwilligung, unterschrieben am 01.07.2026');

function documentsFor(store: CaseStore, actor: Actor) {
  const clock = new FixedClock(NOW);
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return { service, views, documents: createCaseDocuments({ service, views, store }) };
}

async function openedCase() {
  const store = new MemoryCaseStore();
  const kim = documentsFor(store, KIM);
  const opened = await kim.service.execute({
    type: 'openCase',
    caseId: CASE,
    input: {
      caseId: CASE,
      addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
      leadAgency: { agencyId: KIM.agencyId, name: EXAMPLE_AGENCIES.kim.name, legalDomain: 'AsylbLG' },
    },
  } as never);
  expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).to.equal(true);
  return { store, kim };
}

const statement: AttachDocumentRequest = {
  title: 'Ärztliche Stellungnahme',
  fileName: 'stellungnahme.pdf',
  mediaType: 'application/pdf',
  categories: ['health'],
  professionalSecret: true,
  origin: 'secretHolder',
};

describe('documents of the case file (issue 22)', () => {
  it('DP-01, DP-37: a document is filed with its size and SHA-256 from the bytes, its classification, and opens with the same bytes', async () => {
    const { store, kim } = await openedCase();
    const attached = await kim.documents.attach(CASE, statement, PDF);
    expect(attached.ok, JSON.stringify(!attached.ok && attached.errors)).to.equal(true);
    if (!attached.ok) return;
    const document = attached.value.state.documents[0]!;
    expect(document).to.deep.include({
      title: 'Ärztliche Stellungnahme',
      size: PDF.byteLength,
      contentHash: sha256HexOfBytes(PDF),
      professionalSecret: true,
      receivedOn: '2026-07-01',
      recordedBy: KIM.id,
    });
    expect(document.categories).to.deep.equal(['health']);
    const opened = await kim.documents.open(CASE, document.id);
    expect(opened.ok && [...opened.value.bytes]).to.deep.equal([...PDF]);
    expect(await store.readContent!(CASE, document.contentHash)).to.deep.equal(PDF);
  });

  it('DP-23, DP-40 (every kind of actor): a document opens exactly for those whose own view shows it; for the others its bytes are never read', async () => {
    const { store, kim } = await openedCase();
    const attached = await kim.documents.attach(CASE, statement, PDF);
    if (!attached.ok) throw new Error('attach');
    const documentId = attached.value.state.documents[0]!.id;
    const agencies = Object.values(EXAMPLE_AGENCIES).map((a) => a.agencyId);
    const actors: Actor[] = [
      ...(Object.values(EXAMPLE_ACTORS) as Actor[]),
      ...ACTOR_ROLES.flatMap((role) =>
        agencies.flatMap((agencyId) => [KIM.id, 'u-x'].map((id) => ({ id, role, agencyId }) as Actor)),
      ),
    ];
    const seen = { opened: 0, refused: 0 };
    for (const actor of actors) {
      let reads = 0;
      // The same store, counting the reads of content (a proxy: the store's fields are private).
      const counting = new Proxy(store, {
        get(target, property) {
          if (property === 'readContent')
            return (caseId: string, hash: string) => {
              reads += 1;
              return target.readContent!(caseId, hash);
            };
          const value = Reflect.get(target, property, target) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      }) as CaseStore;
      const { views, documents } = documentsFor(counting, actor);
      const view = await views.viewCase(CASE, 'caseManagement');
      const entry = view.ok ? (view.value.case.documents as unknown as Record<string, unknown>[])[0] : undefined;
      const visible = entry !== undefined && entry['redacted'] !== true;
      const opened = await documents.open(CASE, documentId);
      expect(opened.ok, `${actor.role}@${actor.agencyId}/${actor.id}`).to.equal(visible);
      if (opened.ok) seen.opened += 1;
      else {
        seen.refused += 1;
        expect(reads, `${actor.role}@${actor.agencyId}: bytes read although refused`).to.equal(0);
        expect(opened.errors[0]!.message.de).to.be.a('string').and.not.equal('');
        expect(opened.errors[0]!.message.en).to.be.a('string').and.not.equal('');
      }
    }
    expect(seen.opened, 'actors who opened it').to.be.greaterThan(0);
    expect(seen.refused, 'actors refused').to.be.greaterThan(0);
  });

  it('bad input is refused with a typed code, the journal and the content store unchanged', async () => {
    const { store, kim } = await openedCase();
    const before = await store.readJournal(CASE);
    const cases: [Parameters<typeof kim.documents.attach>[1], Uint8Array, string][] = [
      [{ ...statement, fileName: '../../etc/passwd' }, PDF, 'INVALID_INPUT'],
      [{ ...statement, mediaType: 'application/x-msdownload' as never }, PDF, 'INVALID_INPUT'],
      [{ ...statement, title: '' }, PDF, 'INVALID_INPUT'],
      [{ ...statement, receivedOn: '2027-01-01' }, PDF, 'DATE_IN_FUTURE'],
      [statement, new Uint8Array(0), 'DOCUMENT_CONTENT_MISMATCH'],
      [statement, 'not bytes' as never, 'DOCUMENT_CONTENT_MISMATCH'],
    ];
    for (const [request, bytes, code] of cases) {
      const result = await kim.documents.attach(CASE, request, bytes);
      expect(result.ok, code).to.equal(false);
      if (result.ok) continue;
      expect(result.errors.map((e) => e.code)).to.include(code);
    }
    expect(await store.readJournal(CASE)).to.deep.equal(before);
    expect(await store.readContent!(CASE, sha256HexOfBytes(PDF))).to.equal(undefined);
  });

  it('DP-23: a stranger cannot file a document: refused by the core, nothing stored', async () => {
    const { store } = await openedCase();
    const stranger = documentsFor(store, { id: 'u-x', role: 'caseManager', agencyId: 'jobcenter-musterstadt' });
    const result = await stranger.documents.attach(CASE, statement, PDF);
    expect(result.ok).to.equal(false);
    expect(await store.readContent!(CASE, sha256HexOfBytes(PDF))).to.equal(undefined);
    expect((await store.readJournal(CASE)).some((e) => e.type === 'DocumentAttached')).to.equal(false);
  });

  it('DP-44: content changed in the store is not handed out', async () => {
    const { store, kim } = await openedCase();
    const attached = await kim.documents.attach(CASE, statement, PDF);
    if (!attached.ok) throw new Error('attach');
    const document = attached.value.state.documents[0]!;
    const forged = PDF.slice();
    forged[10] = 0x21;
    await store.putContent!(CASE, document.contentHash, forged);
    const opened = await kim.documents.open(CASE, document.id);
    expect(!opened.ok && opened.errors[0]!.code).to.equal('DOCUMENT_CONTENT_TAMPERED');
  });

  it('DP-32: a removed document keeps its description in the history, loses its bytes, and no longer opens; the same bytes filed twice stay while one copy is filed', async () => {
    const { store, kim } = await openedCase();
    const first = await kim.documents.attach(CASE, { ...statement, title: 'Scan 1' }, SCAN);
    const second = await kim.documents.attach(CASE, { ...statement, title: 'Scan 2' }, SCAN);
    if (!first.ok || !second.ok) throw new Error('attach');
    const [one, two] = second.value.state.documents;
    const removed = await kim.documents.remove(CASE, one!.id, 'Versehentlich doppelt abgelegt.');
    expect(removed.ok).to.equal(true);
    expect(await store.readContent!(CASE, one!.contentHash), 'still filed as Scan 2').to.not.equal(undefined);
    const gone = await kim.documents.remove(CASE, two!.id, 'Falsche Akte.');
    expect(gone.ok && gone.value.state.documents.every((d) => d.removed !== undefined)).to.equal(true);
    expect(await store.readContent!(CASE, two!.contentHash)).to.equal(undefined);
    const opened = await kim.documents.open(CASE, two!.id);
    expect(!opened.ok && opened.errors[0]!.code).to.equal('DOCUMENT_REMOVED');
    const again = await kim.documents.remove(CASE, two!.id, 'Nochmal.');
    expect(!again.ok && again.errors[0]!.code).to.equal('DOCUMENT_ALREADY_REMOVED');
  });

  it('DP-32, DP-36: erasing the event that filed a document deletes its bytes; deleting the case (retention) deletes all of them', async () => {
    const { store, kim } = await openedCase();
    const a = await kim.documents.attach(CASE, statement, PDF);
    const b = await kim.documents.attach(CASE, { ...statement, title: 'Einwilligung' }, SCAN);
    if (!a.ok || !b.ok) throw new Error('attach');
    const filed = (await store.readJournal(CASE)).find((e) => e.type === 'DocumentAttached')!;
    await store.erasePayloads(CASE, [filed.seq], NOW, 'DP-32');
    expect(await store.readContent!(CASE, sha256HexOfBytes(PDF))).to.equal(undefined);
    expect(await store.readContent!(CASE, sha256HexOfBytes(SCAN))).to.not.equal(undefined);
    await store.deleteStream(CASE);
    expect(await store.readContent!(CASE, sha256HexOfBytes(SCAN))).to.equal(undefined);
  });

  describe('storeContent: the bytes of a document filed elsewhere (a synced device uploads them, issue 22)', () => {
    /** Files the description only, as the server does when it applies a pushed `attachDocument`. */
    async function filedWithoutContent(bytes = PDF) {
      const { store, kim } = await openedCase();
      const filed = await kim.service.execute({
        type: 'attachDocument',
        caseId: CASE,
        input: { ...statement, size: bytes.byteLength, contentHash: sha256HexOfBytes(bytes) },
      } as never);
      expect(filed.ok, JSON.stringify(!filed.ok && filed.errors)).to.equal(true);
      if (!filed.ok) throw new Error('attach');
      return { store, kim, document: filed.value.state.documents[0]! };
    }

    it('DP-44: the bytes the journal names are taken once and then open; a repeat changes nothing and says so', async () => {
      const { store, kim, document } = await filedWithoutContent();
      const missing = await kim.documents.open(CASE, document.id);
      expect(!missing.ok && missing.errors[0]!.code).to.equal('DOCUMENT_CONTENT_MISSING');
      const first = await kim.documents.storeContent(CASE, document.contentHash, PDF);
      expect(first.ok && first.value).to.deep.equal({
        contentHash: document.contentHash,
        size: PDF.byteLength,
        stored: true,
      });
      const again = await kim.documents.storeContent(CASE, document.contentHash, PDF);
      expect(again.ok && again.value.stored).to.equal(false);
      const opened = await kim.documents.open(CASE, document.id);
      expect(opened.ok && [...opened.value.bytes]).to.deep.equal([...PDF]);
      expect(await store.readContent!(CASE, document.contentHash)).to.deep.equal(PDF);
    });

    it('DP-44: bytes that do not match the hash or the size, a hash no document names, and bad input are typed refusals that store nothing', async () => {
      const { store, kim, document } = await filedWithoutContent();
      const forged = PDF.slice();
      forged[5] = 0x21;
      const cases: [string, Uint8Array, string][] = [
        [document.contentHash, forged, 'DOCUMENT_CONTENT_MISMATCH'],
        [document.contentHash, PDF.slice(0, 10), 'DOCUMENT_CONTENT_MISMATCH'],
        [document.contentHash, new Uint8Array(0), 'DOCUMENT_CONTENT_MISMATCH'],
        [document.contentHash, 'not bytes' as never, 'DOCUMENT_CONTENT_MISMATCH'],
        ['not-a-hash', PDF, 'DOCUMENT_CONTENT_MISMATCH'],
        [sha256HexOfBytes(SCAN), SCAN, 'UNKNOWN_DOCUMENT'],
      ];
      for (const [hash, bytes, code] of cases) {
        const result = await kim.documents.storeContent(CASE, hash, bytes);
        expect(!result.ok && result.errors[0]!.code, code).to.equal(code);
        if (!result.ok) expect(result.errors[0]!.message.de).to.not.equal('');
      }
      expect(await store.readContent!(CASE, document.contentHash)).to.equal(undefined);
      expect(await store.readContent!(CASE, sha256HexOfBytes(SCAN))).to.equal(undefined);
    });

    it('DP-23, DP-40 (every kind of actor): only an actor whose own view shows the document gets its bytes stored', async () => {
      const { store, document } = await filedWithoutContent();
      const agencies = Object.values(EXAMPLE_AGENCIES).map((a) => a.agencyId);
      const actors: Actor[] = [
        ...(Object.values(EXAMPLE_ACTORS) as Actor[]),
        ...ACTOR_ROLES.flatMap((role) => agencies.map((agencyId) => ({ id: 'u-x', role, agencyId }) as Actor)),
      ];
      const seen = { stored: 0, refused: 0 };
      for (const actor of actors) {
        await store.deleteContent!(CASE, document.contentHash);
        const { views, documents } = documentsFor(store, actor);
        const view = await views.viewCase(CASE, 'caseManagement');
        const entry = view.ok ? (view.value.case.documents as unknown as Record<string, unknown>[])[0] : undefined;
        const visible = entry !== undefined && entry['redacted'] !== true;
        const result = await documents.storeContent(CASE, document.contentHash, PDF);
        expect(result.ok, `${actor.role}@${actor.agencyId}`).to.equal(visible);
        const kept = await store.readContent!(CASE, document.contentHash);
        expect(kept !== undefined, `${actor.role}@${actor.agencyId}: stored`).to.equal(visible);
        if (result.ok) seen.stored += 1;
        else seen.refused += 1;
      }
      expect(seen.stored).to.be.greaterThan(0);
      expect(seen.refused).to.be.greaterThan(0);
    });

    it('DP-32: the bytes of a removed document are never taken again', async () => {
      const { store, kim, document } = await filedWithoutContent();
      const removed = await kim.documents.remove(CASE, document.id, 'Falsche Akte.');
      expect(removed.ok).to.equal(true);
      const result = await kim.documents.storeContent(CASE, document.contentHash, PDF);
      expect(!result.ok && result.errors[0]!.code).to.equal('DOCUMENT_REMOVED');
      expect(await store.readContent!(CASE, document.contentHash)).to.equal(undefined);
    });
  });
});
