/*
 * The sync client's transport against the real server (issue 15): @fallkit/server's handlers on PGlite in
 * this process, tokens signed by a test issuer whose public key is the verifier's JWKS. The client's fetch is
 * the handlers' own `handle(Request)`, so nothing leaves the process (no port, no network). Runs in Node with
 * the server's tests (scripts/test.mjs); the browser side (IndexedDB, outbox) runs in Chromium in ../test, and
 * two browsers against the started server are s15-start's end-to-end test (scripts/e2e-sync.mjs).
 */
import { expect } from 'chai';
import type { JournalEvent } from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { acceptCut, createHeadVerifier, SYNC_PURPOSE, withCutViews, type JournalChange } from '@fallkit/core/sync';
import { verifyReceivedJournal, type SyncTransport } from '../src/index.js';
import { openRealServer, TENANT } from './real-server-world.js';

const ISSUER = 'http://127.0.0.1:7299/realms/fallkit-sync-client-test';
const ACTOR = EXAMPLE_ACTORS.jobcenterCaseManager;

describe('@fallkit/sync transport against the real server (PGlite, in process)', function () {
  this.timeout(60_000);
  let close: () => Promise<void> = async () => undefined;
  let transport: SyncTransport;
  let anonymous: SyncTransport;

  before(async () => {
    const server = await openRealServer([ACTOR], { issuer: ISSUER });
    close = () => server.close();
    transport = server.transports.get(ACTOR.id)!;
    anonymous = server.anonymous;
  });
  after(() => close());

  it('DP-40: /me is the actor from the token and the directory', async () => {
    const me = await transport.me!();
    expect(me.ok, JSON.stringify(me)).to.equal(true);
    expect(me.ok && me.value).to.deep.include({ tenantId: TENANT });
    expect(me.ok && me.value.actor).to.deep.include({ id: ACTOR.id, role: ACTOR.role, agencyId: ACTOR.agencyId });
  });

  it('pushes a command and a batch the way the outbox sends them; a repeat is replayed; the feed and bootstrap parse and verify', async () => {
    const open = {
      commandId: 'command-real-1',
      baseSeq: 0,
      command: {
        type: 'openCase',
        caseId: 'F-REAL-1',
        input: {
          caseId: 'F-REAL-1',
          addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
          leadAgency: { agencyId: ACTOR.agencyId, name: 'Jobcenter Musterstadt', legalDomain: 'SGB_II' },
        },
      },
    };
    const batch = {
      commandId: 'command-real-2',
      baseSeq: 1,
      command: {
        caseId: 'F-REAL-1',
        commands: [
          { type: 'recordNote', input: { text: 'Erstes Gespräch' } },
          { type: 'recordNote', input: { text: 'Zweites Gespräch' } },
        ],
      },
    };
    const pushed = await transport.push({ commands: [open, batch] as never });
    expect(pushed.ok, JSON.stringify(pushed)).to.equal(true);
    if (!pushed.ok) return;
    expect(pushed.value.results.map((r) => r.status)).to.deep.equal(['applied', 'applied']);
    const again = await transport.push({ commands: [batch] as never });
    expect(again.ok && again.value.results.map((r) => r.status)).to.deep.equal(['replayed']);

    const page = await transport.feed(0, 1000);
    expect(page.ok, JSON.stringify(page)).to.equal(true);
    if (!page.ok) return;
    const change = page.value.changes.find((c) => c.caseId === 'F-REAL-1');
    expect(change?.kind).to.equal('journal');
    if (change?.kind !== 'journal') return;
    const events = change.events as JournalEvent[];
    expect(events.filter((e) => e.type === 'NoteRecorded')).to.have.length(2);
    expect(await verifyReceivedJournal('F-REAL-1', change.events)).to.equal(undefined);
    expect(page.value.position).to.be.at.least(2);
    const whole = await transport.bootstrap('F-REAL-1');
    expect(whole.ok && whole.value.kind).to.equal('journal');
  });

  it("issue 15, DP-24: the Jobcenter receives the Rahimi case as a cut it can open: acceptCut takes it against the server's signed head (its published keys), and the device's views show the server's decided view and list it", async () => {
    const page = await transport.feed(0, 1000);
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    const change = page.value.changes.find((c) => c.caseId === 'kim-2026-0001') as JournalChange | undefined;
    expect(change?.kind).to.equal('journal');
    expect(change?.scope).to.equal('cut');
    if (change === undefined) return;
    expect(change.view?.purpose).to.equal(SYNC_PURPOSE);
    expect(JSON.stringify(change)).not.to.contain('Rückenschmerzen');
    expect(JSON.stringify(change)).not.to.contain('"health"');
    // The device holds no server key: it checks the head the server signed against the published keys (DP-44).
    const jwks = await transport.keys!();
    if (!jwks.ok) throw new Error(JSON.stringify(jwks.errors));
    const accepted = await acceptCut(change, { actor: ACTOR, keys: await createHeadVerifier(jwks.value) });
    expect(accepted.ok, JSON.stringify(accepted.ok ? '' : accepted.errors)).to.equal(true);
    if (!accepted.ok) return;
    // Its frame (CaseOpened) is hidden from the Jobcenter: the whole events make no case, the view is what it opens.
    expect(accepted.value.frame).to.equal('hidden');
    const held = accepted.value.view!;
    const views = withCutViews({
      views: {
        viewCase: async () => ({
          ok: false,
          errors: [{ code: 'CASE_NOT_FOUND', rule: 'SERVICE', message: { de: '-', en: '-' } }],
        }),
        caseList: async () => ({ ok: true, value: [] }),
      } as never,
      cuts: { view: async (id) => (id === held.caseId ? held : undefined), list: async () => [held] },
      store: { observeJournal: () => ({ subscribe: () => ({ unsubscribe: () => undefined }) }) },
      clock: { now: () => new Date().toISOString() },
    });
    const opened = await views.viewCase('kim-2026-0001', SYNC_PURPOSE);
    expect(opened.ok && opened.value.caseId).to.equal('kim-2026-0001');
    expect(opened.ok && opened.value.mayIssue).to.include('recordContact');
    const list = await views.caseList();
    expect(list.ok && list.value.map((r) => r.caseId)).to.include('kim-2026-0001');
    // The bootstrap of the case is the same cut with the same view.
    const whole = await transport.bootstrap('kim-2026-0001');
    expect(whole.ok && whole.value.kind === 'journal' && whole.value.view?.caseId).to.equal('kim-2026-0001');
  });

  it("a request without a token is refused with the server's typed code, in German and English", async () => {
    const refused = await anonymous.feed(0, 10);
    expect(refused.ok).to.equal(false);
    if (refused.ok) return;
    expect(refused.errors[0]!.code).to.equal('SYNC_TOKEN_MISSING');
    expect(refused.errors[0]!.message.de).to.be.a('string').and.not.equal('');
    expect(refused.errors[0]!.message.en).to.be.a('string').and.not.equal('');
  });
});
