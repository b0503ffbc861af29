/*
 * Documents' content over sync against the real server (issue 22): @fallkit/server's sync and content handlers
 * on PGlite in this process, the client's fetch transport, the upload pass and the synced documents. The
 * browser side (outbox, uploads table, IndexedDB) runs in Chromium in ../test/documents.test.ts.
 */
import { expect } from 'chai';
import { createCaseService, createCaseViews, MemoryCaseStore, randomIds, systemClock } from '@fallkit/core';
import { sha256HexOfBytes } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import type { PgCaseStore } from '@fallkit/store-pg';
import { openRealServer } from './real-server-world.js';
import {
  createSyncedDocuments,
  uploadContents,
  type ContentUploads,
  type PendingUpload,
  type SyncTransport,
} from '../src/index.js';

const ISSUER = 'http://127.0.0.1:7298/realms/fallkit-sync-documents-test';
const JC = EXAMPLE_ACTORS.jobcenterCaseManager;
const JA = EXAMPLE_ACTORS.jugendamtCaseManager;
const CASE = 'F-REAL-DOC';
const SCAN = new TextEncoder().encode('%PDF-1.4 Bescheid, offline abgelegt am 2. März');
const HASH = sha256HexOfBytes(SCAN);

/** The commands a device queued: the case, then the document (its size and hash from the bytes). */
const COMMANDS = [
  {
    commandId: 'command-doc-1',
    baseSeq: 0,
    command: {
      type: 'openCase',
      caseId: CASE,
      input: {
        caseId: CASE,
        addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
        leadAgency: { agencyId: JC.agencyId, name: 'Jobcenter Musterstadt', legalDomain: 'SGB_II' },
      },
    },
  },
  {
    commandId: 'command-doc-2',
    baseSeq: 1,
    command: {
      type: 'attachDocument',
      caseId: CASE,
      input: {
        title: 'Bescheid',
        fileName: 'bescheid.pdf',
        mediaType: 'application/pdf',
        categories: ['identity'],
        size: SCAN.byteLength,
        contentHash: HASH,
      },
    },
  },
];

describe("@fallkit/sync: documents' content against the real server (PGlite, in process)", function () {
  this.timeout(60_000);
  let close: () => Promise<void> = async () => undefined;
  let server: PgCaseStore;
  let transports: ReadonlyMap<string, SyncTransport>;

  before(async () => {
    const real = await openRealServer([JC, JA], { issuer: ISSUER, content: true });
    close = () => real.close();
    server = real.store;
    transports = real.transports;
  });
  after(() => close());

  /** An upload queue of the given contents, as `ContentUploads` answers (its IndexedDB part runs in the browser). */
  function queueOf(pending: PendingUpload[]) {
    const removed: string[] = [];
    const attempts: string[] = [];
    const uploads = {
      list: async () => pending.filter((p) => !removed.includes(p.id)),
      remove: async (id: string) => void removed.push(id),
      countAttempt: async (id: string) => void attempts.push(id),
    } as unknown as ContentUploads;
    return { uploads, removed, attempts };
  }

  it('DP-40, DP-44: the pushed attachDocument is applied, then the upload pass puts the bytes once; a repeat stores nothing twice', async () => {
    const jc = transports.get(JC.id)!;
    // Before the command is applied the server takes no bytes for the hash: no command of the case names it.
    const early = await jc.putContent!(CASE, HASH, SCAN);
    expect(early.ok).to.equal(false);
    const pushed = await jc.push({ commands: COMMANDS as never });
    expect(pushed.ok && pushed.value.results.map((r) => r.status)).to.deep.equal(['applied', 'applied']);
    const upload: PendingUpload = {
      id: 'command-doc-2#0',
      caseId: CASE,
      commandId: 'command-doc-2',
      contentHash: HASH,
      size: SCAN.byteLength,
      attempts: 0,
    };
    const local = new MemoryCaseStore();
    await local.putContent(CASE, HASH, SCAN);
    const queue = queueOf([upload]);
    const pass = await uploadContents({
      uploads: queue.uploads,
      transport: jc,
      store: local,
      stillFiled: async () => true,
    });
    expect(pass.ok && pass.value).to.deep.equal({ uploaded: 1, refused: [], waiting: 0 });
    expect(queue.removed).to.deep.equal(['command-doc-2#0']);
    expect([...((await server.readContent(CASE, HASH)) ?? [])]).to.deep.equal([...SCAN]);
    // The answer was lost: the device sends again, the server says it has them.
    const again = await jc.putContent!(CASE, HASH, SCAN);
    expect(again.ok && again.value).to.deep.equal({ stored: false });
    const forged = SCAN.slice();
    forged[2] = 0x21;
    const wrong = await jc.putContent!(CASE, HASH, forged);
    expect(!wrong.ok && wrong.errors[0]!.code).to.equal('DOCUMENT_CONTENT_MISMATCH');
    expect(!wrong.ok && wrong.errors[0]!.message.de)
      .to.be.a('string')
      .and.not.equal('');
    expect([...((await server.readContent(CASE, HASH)) ?? [])]).to.deep.equal([...SCAN]);
  });

  it('DP-40, DP-44: another device opens the document: fetched through the server, checked, kept locally', async () => {
    // The second device holds the case's journal (decided from the same commands) but not the bytes.
    const local = new MemoryCaseStore();
    const service = createCaseService({
      store: local,
      clock: systemClock,
      ids: randomIds,
      actor: JC,
      itemIdsFromCommand: true,
    });
    for (const { commandId, command } of COMMANDS) {
      const decided = await service.execute({ ...command, commandId } as never);
      expect(decided.ok, JSON.stringify(!decided.ok && decided.errors)).to.equal(true);
    }
    const state = await service.loadCase(CASE);
    const documentId = state.ok ? state.value.state.documents[0]!.id : '';
    const views = createCaseViews({ service, store: local, clock: systemClock, ids: randomIds });
    const documents = createSyncedDocuments({ service, views, store: local, transport: transports.get(JC.id)! });
    const opened = await documents.open(CASE, documentId);
    expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).to.equal(true);
    expect(opened.ok && [...opened.value.bytes]).to.deep.equal([...SCAN]);
    expect([...((await local.readContent(CASE, HASH)) ?? [])]).to.deep.equal([...SCAN]);
  });

  it('DP-24, DP-40: a document withheld from the actor: the server sends no byte of it and takes none for it', async () => {
    const caseId = 'jc-2026-0522';
    const ja = transports.get(JA.id)! as SyncTransport &
      Required<Pick<SyncTransport, 'documentContent' | 'putContent'>>;
    const withheld = await ja.documentContent(caseId, 'kowalski-document-1');
    expect(withheld.ok).to.equal(false);
    expect(!withheld.ok && withheld.errors[0]!.message.en)
      .to.be.a('string')
      .and.not.equal('');
    const jc = transports.get(JC.id)! as typeof ja;
    const theirs = await jc.documentContent(caseId, 'kowalski-document-1');
    expect(theirs.ok, JSON.stringify(!theirs.ok && theirs.errors)).to.equal(true);
    if (!theirs.ok) return;
    const hash = sha256HexOfBytes(theirs.value);
    const before = await server.readContent(caseId, hash);
    const forged = await ja.putContent(caseId, hash, theirs.value);
    expect(forged.ok).to.equal(false);
    expect(await server.readContent(caseId, hash)).to.deep.equal(before);
  });

  it('bad input to the content routes never throws: typed refusals in German and English', async () => {
    const jc = transports.get(JC.id)! as SyncTransport &
      Required<Pick<SyncTransport, 'documentContent' | 'putContent'>>;
    for (const answer of [
      await jc.putContent(CASE, 'nicht-hex', SCAN),
      await jc.putContent('F-UNKNOWN', HASH, SCAN),
      await jc.documentContent(CASE, 'no-such-document'),
      await jc.documentContent('F-UNKNOWN', 'x'),
    ]) {
      expect(answer.ok).to.equal(false);
      if (answer.ok) continue;
      expect(answer.errors[0]!.code).to.be.a('string').and.not.equal('');
      expect(answer.errors[0]!.message.de).to.be.a('string').and.not.equal('');
      expect(answer.errors[0]!.message.en).to.be.a('string').and.not.equal('');
    }
  });
});
