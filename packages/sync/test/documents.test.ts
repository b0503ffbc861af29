/*
 * Documents' content over sync (issue 22): a document filed on a device offline waits with its command; after
 * the server applied the `attachDocument` its bytes go up once (a repeat after a lost answer stores nothing
 * twice); another device that lacks the bytes fetches them through the server's decision for its actor, checks
 * SHA-256 and size before use and keeps them; a withheld document's bytes never leave the server.
 */
import { expect } from 'chai';
import { FixedClock, createCaseViews, randomIds, type Actor } from '@fallkit/core';
import { sha256HexOfBytes } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { withCutViews } from '@fallkit/core/sync';
import { createSyncedDocuments, syncDatabaseName, type SyncStatus } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, openCaseCommand, rawText, rawValues } from './helpers.js';

const CASE = 'F-DOC-SYNC';
const SCAN = new TextEncoder().encode('%PDF-1.4 Bewilligungsbescheid, Zeynep Yılmaz-Hoffmann, 2. März 2026');
const HASH = sha256HexOfBytes(SCAN);
const DESCRIPTION = {
  title: 'Bewilligungsbescheid',
  fileName: 'bescheid.pdf',
  mediaType: 'application/pdf' as const,
  categories: ['identity' as const],
};

/** A device with the documents and views `openSyncedDevice` builds for it. */
async function documentDevice(server: FakeSyncServer, actor: Actor = ACTOR) {
  const transport = new FakeTransport(server, actor);
  const setup = await device(transport);
  const clock = new FixedClock('2026-03-02T10:00:00.000Z');
  const views = withCutViews({
    views: createCaseViews({ service: setup.client.service, store: setup.store, clock, ids: randomIds }),
    cuts: setup.client.cuts,
    store: setup.store,
    clock,
  });
  const documents = createSyncedDocuments({ service: setup.client.service, views, store: setup.store, transport });
  return { ...setup, transport, views, documents };
}

async function filedOffline(server: FakeSyncServer) {
  const a = await documentDevice(server);
  a.transport.faults.offline = true;
  expect((await a.client.service.execute(openCaseCommand(CASE))).ok).to.equal(true);
  const attached = await a.documents.attach(CASE, DESCRIPTION, SCAN);
  expect(attached.ok, JSON.stringify(!attached.ok && attached.errors)).to.equal(true);
  if (!attached.ok) throw new Error('attach');
  const documentId = attached.value.state.documents[0]!.id;
  return { a, documentId };
}

/** Filed offline on device A, synced; device B of the same person synced after it (the case, not the bytes). */
async function onSecondDevice(server: FakeSyncServer) {
  const { a, documentId } = await filedOffline(server);
  a.transport.faults.offline = false;
  expect((await a.client.syncNow()).ok).to.equal(true);
  const b = await documentDevice(server);
  expect((await b.client.syncNow()).ok).to.equal(true);
  return { b, documentId };
}

describe("@fallkit/sync: documents' content (issue 22)", () => {
  afterEach(cleanUp);

  it('DP-40, DP-44: filed offline, the content waits with its command; online, the command is applied and the bytes go up once; the server opens them', async () => {
    const server = new FakeSyncServer();
    const { a, documentId } = await filedOffline(server);
    const offline = await a.client.syncNow();
    expect(offline.ok).to.equal(false);
    expect(a.transport.putContentCalls).to.equal(0);
    expect(await a.client.database.outbox.count()).to.equal(2);
    a.transport.faults.offline = false;
    const round = await a.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(round.ok && [round.value.applied, round.value.uploaded]).to.deep.equal([2, 1]);
    expect(server.contentWrites).to.equal(1);
    expect([...((await server.store.readContent(CASE, HASH)) ?? [])]).to.deep.equal([...SCAN]);
    const opened = await server.documents(ACTOR).open(CASE, documentId);
    expect(opened.ok && [...opened.value.bytes]).to.deep.equal([...SCAN]);
    expect(await a.client.database.uploads.count()).to.equal(0);
    const again = await a.client.syncNow();
    expect(again.ok && again.value.uploaded).to.equal(0);
    expect(a.transport.putContentCalls).to.equal(1);
  });

  it('DP-37: a waiting upload keeps the SHA-256 sealed in the raw sync database; it counts as pending', async () => {
    const server = new FakeSyncServer();
    const { a } = await filedOffline(server);
    a.transport.faults.offline = false;
    // The push goes through, the upload does not: the transport cannot upload yet.
    const put = a.transport.putContent.bind(a.transport);
    a.transport.putContent = () =>
      Promise.resolve({ ok: false, errors: [{ code: 'SYNC_OFFLINE', rule: 'SYNC', message: { de: 'x', en: 'x' } }] });
    const round = await a.client.syncNow();
    expect(round.ok).to.equal(false);
    expect(await a.client.database.uploads.count()).to.equal(1);
    expect(await a.client.database.outbox.count()).to.equal(0);
    const raw = rawText(await rawValues(syncDatabaseName(a.name), 'uploads'));
    expect(raw).to.include(CASE);
    expect(raw).to.not.include(HASH);
    await a.client.syncNow().catch(() => undefined);
    let pending = -1;
    a.client.status.subscribe((s) => (pending = s.pending)).unsubscribe();
    expect(pending).to.equal(1);
    a.transport.putContent = put;
    const later = await a.client.syncNow();
    expect(later.ok && later.value.uploaded).to.equal(1);
    expect(server.contentWrites).to.equal(1);
  });

  it('DP-44: an upload answer lost on the way back, and a push answer lost: the repeat is taken once, never a second copy', async () => {
    const server = new FakeSyncServer();
    const { a } = await filedOffline(server);
    a.transport.faults.offline = false;
    a.transport.faults.dropPushAnswers = 1;
    a.transport.faults.dropContentAnswers = 1;
    expect((await a.client.syncNow()).ok, 'push answer lost').to.equal(false);
    expect((await a.client.syncNow()).ok, 'content answer lost').to.equal(false);
    expect(server.contentWrites).to.equal(1);
    const round = await a.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(a.transport.putContentCalls).to.equal(2);
    expect(server.contentWrites).to.equal(1);
    expect([...server.appliedCount.values()]).to.deep.equal([1, 1]);
    expect(await a.client.database.uploads.count()).to.equal(0);
  });

  it('DP-32: a document removed before its bytes went up: removed on the device, nothing is sent; removed on the server, the upload is refused and dropped', async () => {
    const server = new FakeSyncServer();
    const { a, documentId } = await filedOffline(server);
    const removed = await a.documents.remove(CASE, documentId, 'Falsche Akte.');
    expect(removed.ok, JSON.stringify(!removed.ok && removed.errors)).to.equal(true);
    a.transport.faults.offline = false;
    const round = await a.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(a.transport.putContentCalls).to.equal(0);
    expect(await a.client.database.uploads.count()).to.equal(0);
    expect(await server.store.readContent(CASE, HASH)).to.equal(undefined);

    // Filed again; the server takes it out (another device of the same person) before the bytes arrive.
    const filed = await a.documents.attach(CASE, { ...DESCRIPTION, title: 'Bescheid (2)' }, SCAN);
    if (!filed.ok) throw new Error('attach');
    const second = filed.value.state.documents.find((d) => d.title === 'Bescheid (2)')!.id;
    const put = a.transport.putContent.bind(a.transport);
    a.transport.putContent = () =>
      Promise.resolve({ ok: false, errors: [{ code: 'SYNC_OFFLINE', rule: 'SYNC', message: { de: 'x', en: 'x' } }] });
    await a.client.syncNow();
    const gone = await server.executeAs(ACTOR, {
      caseId: CASE,
      commands: [{ type: 'removeDocument', input: { documentId: second, reason: 'Doppelt.' } }] as never,
    });
    expect(gone.ok).to.equal(true);
    a.transport.putContent = put;
    const late = await a.client.syncNow();
    expect(late.ok, JSON.stringify(late)).to.equal(true);
    expect(late.ok && late.value.uploadRefusals.map((r) => r.code)).to.deep.equal(['DOCUMENT_REMOVED']);
    expect(late.ok && late.value.uploadRefusals[0]!.message.de)
      .to.be.a('string')
      .and.not.equal('');
    expect(await a.client.database.uploads.count()).to.equal(0);
    expect(await server.store.readContent(CASE, HASH)).to.equal(undefined);
    const statusOf = (client: typeof a.client): SyncStatus => {
      let value: SyncStatus | undefined;
      client.status.subscribe((s) => (value = s)).unsubscribe();
      return value!;
    };
    // Dropped, but not silently: the status keeps the refusal for a person until it is marked read.
    expect(statusOf(a.client).setAside?.map((r) => r.code)).to.deep.equal(['DOCUMENT_REMOVED']);
    const quiet = await a.client.syncNow();
    expect(quiet.ok && quiet.value.uploadRefusals).to.deep.equal([]);
    expect(statusOf(a.client).setAside?.map((r) => r.code)).to.deep.equal(['DOCUMENT_REMOVED']);
    a.client.acknowledgeSetAside();
    expect(statusOf(a.client).setAside).to.equal(undefined);
  });

  it('DP-40, DP-44: another device without the bytes fetches them through the server, checks and keeps them; the next open reads them locally', async () => {
    const server = new FakeSyncServer();
    const { b, documentId } = await onSecondDevice(server);
    expect(await b.store.readContent(CASE, HASH)).to.equal(undefined);
    const opened = await b.documents.open(CASE, documentId);
    expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).to.equal(true);
    expect(opened.ok && [...opened.value.bytes]).to.deep.equal([...SCAN]);
    expect([...((await b.store.readContent(CASE, HASH)) ?? [])]).to.deep.equal([...SCAN]);
    const again = await b.documents.open(CASE, documentId);
    expect(again.ok).to.equal(true);
    expect(b.transport.documentContentCalls).to.equal(1);
  });

  it('DP-44: bytes changed on the way are refused and not kept; offline the refusal says the content is missing and why', async () => {
    const server = new FakeSyncServer();
    const { b, documentId } = await onSecondDevice(server);
    b.transport.faults.tamperContent = (bytes) => {
      const forged = bytes.slice();
      forged[3] = 0x21;
      return forged;
    };
    const tampered = await b.documents.open(CASE, documentId);
    expect(!tampered.ok && tampered.errors[0]!.code).to.equal('DOCUMENT_CONTENT_TAMPERED');
    expect(await b.store.readContent(CASE, HASH)).to.equal(undefined);
    b.transport.faults.tamperContent = (bytes) => bytes.slice(1);
    const cut = await b.documents.open(CASE, documentId);
    expect(!cut.ok && cut.errors[0]!.code).to.equal('DOCUMENT_CONTENT_TAMPERED');
    b.transport.faults.tamperContent = undefined;
    b.transport.faults.offline = true;
    const offline = await b.documents.open(CASE, documentId);
    expect(!offline.ok && offline.errors.map((e) => e.code)).to.deep.equal([
      'DOCUMENT_CONTENT_MISSING',
      'SYNC_OFFLINE',
    ]);
    expect(!offline.ok && offline.errors[0]!.message.en)
      .to.be.a('string')
      .and.not.equal('');
  });

  it("DP-24, DP-40: a document withheld from the actor: the device's cut view refuses it before asking, and the server sends no byte of it when asked", async () => {
    const server = new FakeSyncServer();
    const actor = EXAMPLE_ACTORS.jugendamtCaseManager;
    server.cutFor = actor;
    await server.seedExamples();
    const caseId = 'jc-2026-0522';
    // The server decides on the day of the case's last entry (the example's assignments hold then).
    server.clock.set((await server.store.readJournal(caseId)).at(-1)!.at);
    const j = await documentDevice(server, actor);
    const round = await j.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(await j.client.cuts.has(caseId)).to.equal(true);
    const opened = await j.documents.open(caseId, 'kowalski-document-1');
    expect(!opened.ok && opened.errors[0]!.code).to.be.oneOf(['DOCUMENT_WITHHELD', 'UNKNOWN_DOCUMENT']);
    expect(j.transport.documentContentCalls).to.equal(0);
    const asked = await j.transport.documentContent(caseId, 'kowalski-document-1');
    expect(asked.ok).to.equal(false);
    expect(JSON.stringify(asked)).to.not.include('Suchtberatung');
    // The Jobcenter case manager, whose view on the server shows it, gets it from the same server (the fake
    // cuts every feed for one actor, so the control asks the server's decision directly).
    const theirs = await new FakeTransport(server, EXAMPLE_ACTORS.jobcenterCaseManager).documentContent(
      caseId,
      'kowalski-document-1',
    );
    expect(theirs.ok, JSON.stringify(!theirs.ok && theirs.errors)).to.equal(true);
    expect(theirs.ok && new TextDecoder().decode(theirs.value)).to.not.equal('');
  });
});
