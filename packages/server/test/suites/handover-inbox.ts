/*
 * The handover inbox on a shared server (issue 16, "Delivery"; DP-16, DP-40, DP-28) on one engine: the
 * municipality's case manager delivers a signed package through the server to the Jobcenter, which fetches,
 * verifies and opens its own case from it and sends its signed answer back the same way. Who may deliver
 * and read is the core's decision; the server reads the address from the message and never trusts it: the
 * recipient verifies every token. Uses the handover package's own two-agency world for the case and keys.
 */
import { expect } from 'chai';
import { handoverCaseId } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import {
  answerHandover,
  receiveHandoverPackage,
  recordStatusAtSender,
  serverInbox,
  signMessage,
  statusMessage,
  verifyHandoverPackage,
  type ServerInbox,
} from '@fallkit/handover';
import type { Actor } from '@fallkit/core';
import type { SyncHandlers } from '@fallkit/server';
import { builtPackage, handoverWorld } from '../../../handover/test/handover-world.js';
import { json, makeWorld, request, USERS, type Backend, type World } from '../support/harness.js';

/** The inbox client of one user, talking to the handlers in process (as `fetch` would over loopback). */
function inboxOf(world: World, handlers: SyncHandlers, user: Actor | string): ServerInbox {
  return serverInbox({
    baseUrl: 'http://127.0.0.1:7100',
    token: () => world.token(user),
    fetch: (input, init) => handlers.handle(new Request(input, init)),
  });
}

const STATISTICS: Actor = { id: 'u-stat-1', role: 'statistics', agencyId: 'kim-musterstadt', name: 'Statistik' };

export function describeHandoverInbox(engine: string, open: () => Promise<Backend>): void {
  describe(`handover inbox on the server (${engine})`, function () {
    this.timeout(60_000);
    let backend: Backend;
    let world: World;
    let handlers: SyncHandlers;

    before(async function () {
      this.timeout(120_000);
      backend = await open();
      world = await makeWorld(backend, { seedExamples: false });
      handlers = world.instance(undefined, {
        extraUsers: [
          {
            userId: STATISTICS.id,
            tenantId: world.tenantId,
            agencyId: STATISTICS.agencyId,
            roles: ['statistics'],
            name: 'Statistik',
          },
        ],
      });
    });
    after(async function () {
      this.timeout(60_000);
      await world?.drop();
      await backend?.close();
    });

    it('DP-16, DP-28: a package goes from the municipality to the Jobcenter through the inbox and back comes the signed answer; each side verifies and records it', async () => {
      const agencies = await handoverWorld();
      const { package: pkg } = await builtPackage(agencies);
      const signed = await signMessage('package', pkg, agencies.kim.signing);
      const kim = inboxOf(world, handlers, USERS.kim);
      const jobcenter = inboxOf(world, handlers, USERS.jobcenter);

      const sent = await kim.send('package', signed);
      if (!sent.ok) expect.fail(sent.errors.map((e) => e.code).join());
      expect(sent.value).to.deep.equal({ messageId: `package:${pkg.manifest.packageId}`, stored: true });
      // Exactly once: the same package again is not a second message.
      const again = await kim.send('package', signed);
      expect(again.ok && again.value.stored).to.equal(false);

      // The Jobcenter fetches it and verifies it with its own key directory before anything is opened.
      const listed = await jobcenter.list();
      if (!listed.ok) expect.fail(listed.errors.map((e) => e.code).join());
      expect(listed.value.map((m) => [m.kind, m.packageId, m.senderAgencyId])).to.deep.equal([
        ['package', pkg.manifest.packageId, agencies.kim.agencyId],
      ]);
      expect(listed.value[0]!.token).to.equal(signed);
      agencies.clock.set('2026-05-28T08:00:00.000Z');
      agencies.jobcenter.as(EXAMPLE_ACTORS.jobcenterCaseManager);
      const verified = await verifyHandoverPackage(listed.value[0]!.token, {
        recipientAgencyId: agencies.jobcenter.agencyId,
        keys: agencies.jobcenter.keys,
        register: agencies.jobcenter.register,
        now: agencies.clock.now(),
      });
      if (!verified.ok) expect.fail(verified.errors.map((e) => e.code).join());
      const opened = await receiveHandoverPackage(verified.value, {
        service: agencies.jobcenter.service,
        register: agencies.jobcenter.register,
        leadAgency: { agencyId: agencies.jobcenter.agencyId, name: agencies.jobcenter.name },
      });
      if (!opened.ok) expect.fail(opened.errors.map((e) => e.code).join());
      const acknowledged = await jobcenter.acknowledge(listed.value[0]!.messageId);
      expect(acknowledged.ok && acknowledged.value.deleted).to.equal(true);
      const empty = await jobcenter.list();
      expect(empty.ok && empty.value.length, 'acknowledged messages leave the server').to.equal(0);

      // The answer goes back through the inbox to the municipality, which verifies and records it.
      const answer = await answerHandover({
        service: agencies.jobcenter.service,
        caseId: handoverCaseId(pkg.manifest.packageId),
        manifest: pkg.manifest,
        status: 'accepted',
        key: agencies.jobcenter.signing,
        at: agencies.clock.now(),
      });
      if (!answer.ok) expect.fail(answer.errors.map((e) => e.code).join());
      const back = await jobcenter.send('status', answer.value);
      expect(back.ok && back.value.messageId).to.equal(`status:${pkg.manifest.packageId}:accepted`);
      const atKim = await kim.list();
      if (!atKim.ok) expect.fail(atKim.errors.map((e) => e.code).join());
      expect(atKim.value.map((m) => m.kind)).to.deep.equal(['status']);
      agencies.kim.as(EXAMPLE_ACTORS.kimCaseManager);
      const recorded = await recordStatusAtSender(atKim.value[0]!.token, {
        service: agencies.kim.service,
        caseId: agencies.caseId,
        senderAgencyId: agencies.kim.agencyId,
        keys: agencies.kim.keys,
      });
      expect(recorded.ok, recorded.ok ? '' : recorded.errors.map((e) => e.code).join()).to.equal(true);
      // The Jobcenter's inbox never held its own answer, nor the municipality's its own package.
      expect((await jobcenter.list()).ok && (await jobcenter.list())).to.deep.include({ value: [] });
    });

    it('DP-40, DP-16: nobody sends in another agency’s name, reads another agency’s inbox or uses the inbox outside case work', async () => {
      const agencies = await handoverWorld();
      const { package: pkg } = await builtPackage(agencies);
      const signed = await signMessage('package', pkg, agencies.kim.signing);

      // The Jobcenter cannot deliver a package that names the municipality as its sender.
      const forgedSender = await inboxOf(world, handlers, USERS.jobcenter).send('package', signed);
      expect(!forgedSender.ok && forgedSender.errors[0]!.code).to.equal('DENY_HANDOVER_INBOX');
      // A statistics user of the municipality may not deliver it either, nor read the inbox.
      const statistics = inboxOf(world, handlers, STATISTICS);
      const byStatistics = await statistics.send('package', signed);
      expect(!byStatistics.ok && byStatistics.errors[0]!.code).to.equal('DENY_HANDOVER_INBOX');
      const statisticsList = await statistics.list();
      expect(!statisticsList.ok && statisticsList.errors[0]!.code).to.equal('DENY_HANDOVER_INBOX');

      // Delivered by the municipality: the Jobcenter sees it, the Sozialamt (same tenant) does not.
      expect((await inboxOf(world, handlers, USERS.kim).send('package', signed)).ok).to.equal(true);
      const sozialamt = await inboxOf(world, handlers, USERS.sozialamt).list();
      expect(sozialamt.ok && sozialamt.value.length).to.equal(0);
      const foreignAck = await inboxOf(world, handlers, USERS.sozialamt).acknowledge(
        `package:${pkg.manifest.packageId}`,
      );
      expect(foreignAck.ok).to.equal(false);
      const stillThere = await inboxOf(world, handlers, USERS.jobcenter2).list();
      expect(stillThere.ok && stillThere.value.map((m) => m.packageId)).to.deep.equal([pkg.manifest.packageId]);

      // Without a token nothing is answered.
      const anonymous = await handlers.handle(request('/fallkit/v1/handover/inbox'));
      expect(anonymous.status).to.equal(401);
      await json(anonymous);
    });

    it('bad input gets typed refusals and changes nothing: unsigned, the wrong kind, a changed byte, an actor in the body, an oversized or malformed body', async () => {
      const agencies = await handoverWorld();
      const { package: pkg } = await builtPackage(agencies);
      const signed = await signMessage('package', pkg, agencies.kim.signing);
      const kim = inboxOf(world, handlers, USERS.kim);
      const token = await world.token(USERS.kim);
      const post = async (body: unknown) => {
        const response = await handlers.handle(request('/fallkit/v1/handover/inbox', { token, body }));
        const { status, body: answer } = await json<{
          errors?: { code: string; message: { de: string; en: string } }[];
        }>(response);
        const first = answer.errors?.[0];
        if (first !== undefined) {
          expect(first.message.de.length).to.be.greaterThan(0);
          expect(first.message.en.length).to.be.greaterThan(0);
        }
        return { status, code: first?.code };
      };

      expect(await post({ kind: 'package', token: JSON.stringify(pkg) })).to.deep.equal({
        status: 400,
        code: 'HANDOVER_UNSIGNED',
      });
      // A package presented as a status message (its typ says otherwise).
      expect(await post({ kind: 'status', token: signed })).to.deep.equal({ status: 400, code: 'HANDOVER_MALFORMED' });
      expect(await post({ kind: 'package', token: signed, actor: USERS.jobcenter })).to.deep.equal({
        status: 400,
        code: 'SYNC_ACTOR_IN_BODY',
      });
      expect((await post({ kind: 'package', token: signed, to: 'someone' })).code).to.equal('SYNC_BODY_INVALID');
      expect((await post({ kind: 'letter', token: signed })).code).to.equal('SYNC_BODY_INVALID');
      expect((await post([])).code).to.equal('SYNC_BODY_INVALID');
      const huge = await handlers.handle(
        request('/fallkit/v1/handover/inbox', {
          token,
          rawBody: JSON.stringify({ kind: 'package', token: 'x'.repeat(5_000_000) }),
        }),
      );
      expect(huge.status).to.equal(413);

      // A changed byte in the signature keeps the address: the first delivery wins, the changed one is a conflict.
      expect((await kim.send('package', signed)).ok).to.equal(true);
      const [head, payload, signature] = signed.split('.');
      const changed = `${head}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
      const conflict = await kim.send('package', changed);
      expect(!conflict.ok && conflict.errors[0]!.code).to.equal('STORE_INBOX_CONFLICT');
      const held = await inboxOf(world, handlers, USERS.jobcenter).list();
      expect(
        held.ok && held.value.filter((m) => m.packageId === pkg.manifest.packageId).map((m) => m.token),
      ).to.deep.equal([signed]);
      // And had the changed one come first, the recipient refuses it: the server carries, the recipient verifies.
      const refused = await verifyHandoverPackage(changed, {
        recipientAgencyId: agencies.jobcenter.agencyId,
        keys: agencies.jobcenter.keys,
        register: agencies.jobcenter.register,
        now: '2026-05-28T08:00:00.000Z',
      });
      expect(!refused.ok && refused.errors[0]!.code).to.equal('HANDOVER_SIGNATURE_INVALID');
      // A status message signed by the municipality cannot be sent as the Jobcenter's answer by the municipality.
      const forgedStatus = await statusMessage(
        pkg.manifest,
        'accepted',
        agencies.kim.signing,
        '2026-05-28T09:00:00.000Z',
      );
      const sentForged = await kim.send('status', forgedStatus);
      expect(!sentForged.ok && sentForged.errors[0]!.code).to.equal('DENY_HANDOVER_INBOX');
    });
  });
}
