/*
 * Documents' content through the server (issue 22): filed and opened over HTTP, every read and write the
 * core's decision for the actor the verified token names (DP-40), the bytes checked against the journal's
 * SHA-256 (DP-44) and kept in the tenant's `case_content` rows; a worker without the case gets a refusal and
 * no byte (DP-23), a body naming an actor is refused whole.
 */
import { expect } from 'chai';
import { createCaseService, FixedClock, SequentialIds } from '@fallkit/core';
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
  });
}
