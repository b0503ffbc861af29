/*
 * Documents' content through the server (issue 22): filed and opened over HTTP, every read and write the
 * core's decision for the actor the verified token names (DP-40), the bytes checked against the journal's
 * SHA-256 (DP-44) and kept in the tenant's `case_content` rows; a worker without the case gets a refusal and
 * no byte (DP-23), a body naming an actor is refused whole.
 */
import { expect } from 'chai';
import { createCaseService, FixedClock, SequentialIds, type CaseService } from '@fallkit/core';
import { sha256HexOfBytes } from '@fallkit/core/internal';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import {
  createContentHandlers,
  createJwtVerifier,
  createTenantStores,
  memoryDirectory,
  syncApp,
  type ContentHandlers,
} from '@fallkit/server';
import { AUDIENCE, ISSUER, json, makeWorld, request, USERS, type Backend, type World } from '../support/harness.js';

const SCAN = 'Ärztliche Bescheinigung, Praxis Dr. Weber, 3. Juli 2026';
const CASE = 'F-SRV-DOC';

function base64(text: string): string {
  return Buffer.from(new TextEncoder().encode(text)).toString('base64');
}

const document = {
  title: 'Ärztliche Bescheinigung',
  fileName: 'bescheinigung.pdf',
  mediaType: 'application/pdf',
  categories: ['health'],
};

export function describeDocumentContent(engine: string, open: () => Promise<Backend>): void {
  describe(`documents' content on the server (${engine})`, function () {
    this.timeout(60_000);
    let backend: Backend;
    let world: World;
    let handlers: ContentHandlers;
    let kimService: CaseService;

    before(async function () {
      this.timeout(120_000);
      backend = await open();
      world = await makeWorld(backend, { seedExamples: false });
      const service = createCaseService({
        store: world.store,
        clock: new FixedClock(new Date().toISOString()),
        ids: new SequentialIds(),
        actor: USERS.kim,
        seal: world.seal,
      });
      kimService = service;
      const opened = await service.execute({
        type: 'openCase',
        caseId: CASE,
        input: {
          caseId: CASE,
          addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
          leadAgency: { agencyId: USERS.kim.agencyId, name: EXAMPLE_AGENCIES.kim.name, legalDomain: 'SGB_XII' },
        },
      } as never);
      expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).to.equal(true);
      handlers = createContentHandlers({
        tenants: createTenantStores({ database: backend.app, seal: world.seal }),
        directory: memoryDirectory(world.users),
        verifier: createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: world.issuer.jwks }),
        onError: (error) => console.error('server failure in test:', error),
      });
    });
    after(async function () {
      this.timeout(60_000);
      await world?.drop();
      await backend?.close();
    });

    it('DP-40, DP-44: the case manager files a document over HTTP and opens it byte-equal; the bytes are in case_content', async () => {
      const token = await world.token(USERS.kim);
      const filed = await json<{ documentId: string; contentHash: string }>(
        await handlers.handle(
          request(`/fallkit/v1/cases/${CASE}/documents`, { token, body: { document, bytes: base64(SCAN) } }),
        ),
      );
      expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
      expect(filed.body.contentHash).to.match(/^[0-9a-f]{64}$/);
      const stored = await world.store.readContent(CASE, filed.body.contentHash);
      expect(stored && new TextDecoder().decode(stored)).to.equal(SCAN);
      // Through the Hono app as a host mounts it.
      const app = syncApp({ handle: () => Promise.resolve(new Response(null, { status: 404 })) }, handlers);
      const opened = await app.fetch(
        request(`/fallkit/v1/cases/${CASE}/documents/${encodeURIComponent(filed.body.documentId)}/content`, {
          token,
        }),
      );
      expect(opened.status).to.equal(200);
      expect(opened.headers.get('content-type')).to.equal('application/pdf');
      expect(new TextDecoder().decode(new Uint8Array(await opened.arrayBuffer()))).to.equal(SCAN);
    });

    it('DP-23, DP-40: a worker of another agency gets a refusal and no byte; no token is 401; a body naming an actor is refused whole', async () => {
      const kim = await world.token(USERS.kim);
      const filed = await json<{ documentId: string }>(
        await handlers.handle(
          request(`/fallkit/v1/cases/${CASE}/documents`, { token: kim, body: { document, bytes: base64(SCAN) } }),
        ),
      );
      expect(filed.status).to.equal(201);
      const path = `/fallkit/v1/cases/${CASE}/documents/${encodeURIComponent(filed.body.documentId)}/content`;
      const other = await handlers.handle(request(path, { token: await world.token(USERS.jobcenter) }));
      expect(other.status).to.equal(403);
      const text = await other.text();
      expect(text).to.not.contain('Praxis Dr. Weber');
      expect(text).to.not.contain(base64(SCAN).slice(0, 16));
      const anonymous = await handlers.handle(request(path));
      expect(anonymous.status).to.equal(401);
      const forged = await json<{ errors: { code: string }[] }>(
        await handlers.handle(
          request(`/fallkit/v1/cases/${CASE}/documents`, {
            token: await world.token(USERS.jobcenter),
            body: { document, bytes: base64(SCAN), actor: USERS.kim },
          }),
        ),
      );
      expect([forged.status, forged.body.errors[0]?.code]).to.deep.equal([400, 'SYNC_ACTOR_IN_BODY']);
      const notAssigned = await handlers.handle(
        request(`/fallkit/v1/cases/${CASE}/documents`, {
          token: await world.token(USERS.jobcenter),
          body: { document, bytes: base64('Fremdes Dokument') },
        }),
      );
      expect(notAssigned.status).to.equal(403);
      const broken = await handlers.handle(
        request(`/fallkit/v1/cases/${CASE}/documents`, { token: kim, body: { document, bytes: '%%%' } }),
      );
      expect(broken.status).to.equal(400);
    });

    /** A raw-bytes PUT of a document's content, as the sync client uploads it. */
    function put(hash: string, bytes: Uint8Array, token?: string): Request {
      return new Request(`http://127.0.0.1:7100/fallkit/v1/cases/${CASE}/documents/content/${hash}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        body: Uint8Array.from(bytes),
      });
    }

    /** Files a document's description only, as the server does when it applies a pushed `attachDocument`. */
    async function fileDescription(text: string): Promise<{ documentId: string; hash: string; bytes: Uint8Array }> {
      const bytes = new TextEncoder().encode(text);
      const hash = sha256HexOfBytes(bytes);
      const filed = await kimService.execute({
        type: 'attachDocument',
        caseId: CASE,
        input: { ...document, size: bytes.byteLength, contentHash: hash },
      } as never);
      if (!filed.ok) throw new Error(JSON.stringify(filed.errors));
      const documentId = filed.value.state.documents.find((d) => d.contentHash === hash && !d.removed)!.id;
      return { documentId, hash, bytes };
    }

    it('issue 22, DP-40, DP-44: PUT …/documents/content/:sha256 takes the bytes a filed document names once (201), a repeat is 200 and changes nothing; then the document opens', async () => {
      const kim = await world.token(USERS.kim);
      const { documentId, hash, bytes } = await fileDescription('Bescheid vom Sozialamt, offline abgelegt');
      expect(await world.store.readContent(CASE, hash)).to.equal(undefined);
      const first = await json<{ contentHash: string; size: number; stored: boolean }>(
        await handlers.handle(put(hash, bytes, kim)),
      );
      expect([first.status, first.body]).to.deep.equal([
        201,
        { contentHash: hash, size: bytes.byteLength, stored: true },
      ]);
      const again = await json<{ stored: boolean }>(await handlers.handle(put(hash, bytes, kim)));
      expect([again.status, again.body.stored]).to.deep.equal([200, false]);
      const opened = await handlers.handle(
        request(`/fallkit/v1/cases/${CASE}/documents/${encodeURIComponent(documentId)}/content`, { token: kim }),
      );
      expect(opened.status).to.equal(200);
      expect([...new Uint8Array(await opened.arrayBuffer())]).to.deep.equal([...bytes]);
    });

    it('DP-23, DP-32, DP-40, DP-44: wrong bytes, a hash no document names, a removed document, another agency, no token: typed refusals, no byte stored', async () => {
      const kim = await world.token(USERS.kim);
      const { documentId, hash, bytes } = await fileDescription('Stellungnahme, noch nicht hochgeladen');
      const forged = bytes.slice();
      forged[0] = 0x21;
      const refusals: [Request, number, string][] = [
        [put(hash, forged, kim), 400, 'DOCUMENT_CONTENT_MISMATCH'],
        [put(hash, bytes.slice(1), kim), 400, 'DOCUMENT_CONTENT_MISMATCH'],
        [put(sha256HexOfBytes(forged), forged, kim), 403, 'UNKNOWN_DOCUMENT'],
        [put('zz', bytes, kim), 400, 'DOCUMENT_CONTENT_MISMATCH'],
        [put(hash, bytes, await world.token(USERS.jobcenter)), 403, 'DENY_NOT_ASSIGNED'],
        [put(hash, bytes), 401, 'SYNC_UNAUTHENTICATED'],
      ];
      for (const [req, status, code] of refusals) {
        const answer = await json<{ errors: { code: string; message: { de: string; en: string } }[] }>(
          await handlers.handle(req),
        );
        expect(answer.status, code).to.equal(status);
        if (code !== 'DENY_NOT_ASSIGNED' && code !== 'SYNC_UNAUTHENTICATED')
          expect(answer.body.errors[0]?.code).to.equal(code);
        expect(answer.body.errors[0]?.message.de).to.be.a('string').and.not.equal('');
        expect(answer.body.errors[0]?.message.en).to.be.a('string').and.not.equal('');
      }
      expect(await world.store.readContent(CASE, hash)).to.equal(undefined);
      const wrongMethod = await handlers.handle(
        new Request(`http://127.0.0.1:7100/fallkit/v1/cases/${CASE}/documents/content/${hash}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${kim}` },
        }),
      );
      expect(wrongMethod.status).to.equal(405);
      // DP-32: once the document is taken out of the file its bytes never come back.
      const removed = await kimService.execute({
        type: 'removeDocument',
        caseId: CASE,
        input: { documentId, reason: 'Falsche Akte.' },
      } as never);
      expect(removed.ok).to.equal(true);
      const late = await json<{ errors: { code: string }[] }>(await handlers.handle(put(hash, bytes, kim)));
      expect([late.status, late.body.errors[0]?.code]).to.deep.equal([404, 'DOCUMENT_REMOVED']);
      expect(await world.store.readContent(CASE, hash)).to.equal(undefined);
    });
  });
}
