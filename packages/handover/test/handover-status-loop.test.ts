import { foldHandoverPackages, handoverCaseId } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import {
  answerHandover,
  buildHandoverPackage,
  receiveHandoverPackage,
  receiveWithdrawalNotice,
  recordStatusAtSender,
  signMessage,
  statusMessage,
  verifyHandoverPackage,
  withdrawalNotices,
  type HandoverPackage,
} from '@fallkit/handover';
import { expect } from 'chai';
import { builtPackage, handoverWorld, JOBCENTER_RECIPIENT, type HandoverWorld } from './handover-world.js';

/** Sends the package and opens the Jobcenter's case; returns the package and the new case id. */
async function handedOver(world: HandoverWorld): Promise<{ pkg: HandoverPackage; caseId: string }> {
  const { package: pkg } = await builtPackage(world);
  const signed = await signMessage('package', pkg, world.kim.signing);
  world.clock.set('2026-05-28T08:00:00.000Z');
  world.jobcenter.as(EXAMPLE_ACTORS.jobcenterCaseManager);
  const verified = await verifyHandoverPackage(signed, {
    recipientAgencyId: world.jobcenter.agencyId,
    keys: world.jobcenter.keys,
    register: world.jobcenter.register,
    now: world.clock.now(),
  });
  if (!verified.ok) expect.fail(verified.errors[0]!.code);
  const opened = await receiveHandoverPackage(verified.value, {
    service: world.jobcenter.service,
    register: world.jobcenter.register,
    leadAgency: { agencyId: world.jobcenter.agencyId, name: world.jobcenter.name },
  });
  if (!opened.ok) expect.fail(opened.errors[0]!.code);
  return { pkg, caseId: handoverCaseId(pkg.manifest.packageId) };
}

async function senderLoop(world: HandoverWorld, packageId: string) {
  return foldHandoverPackages(await world.kim.store.readJournal(world.caseId)).loops.find(
    (loop) => loop.packageId === packageId && loop.side === 'sent',
  );
}

describe('handover package: the status loop back to the sender', function () {
  this.timeout(20_000);

  it('DP-16, DP-28: received and accepted go back to the sender as signed messages and are recorded in its journal', async () => {
    const world = await handoverWorld();
    const { pkg, caseId } = await handedOver(world);
    const toSender = {
      service: world.kim.service,
      caseId: world.caseId,
      senderAgencyId: world.kim.agencyId,
      keys: world.kim.keys,
    };
    world.kim.as(EXAMPLE_ACTORS.kimCaseManager);
    const received = await recordStatusAtSender(
      await statusMessage(pkg.manifest, 'received', world.jobcenter.signing, world.clock.now()),
      toSender,
    );
    expect(received.ok).to.equal(true);
    expect((await senderLoop(world, pkg.manifest.packageId))?.status).to.equal('received');

    world.clock.set('2026-05-29T09:00:00.000Z');
    const answer = await answerHandover({
      service: world.jobcenter.service,
      caseId,
      manifest: pkg.manifest,
      status: 'accepted',
      key: world.jobcenter.signing,
      at: world.clock.now(),
      note: 'Fallmanagement SGB II übernimmt ab 1. Juni.',
    });
    if (!answer.ok) expect.fail(answer.errors[0]!.code);
    expect(foldHandoverPackages(await world.jobcenter.store.readJournal(caseId)).loops[0]!.status).to.equal('accepted');
    const accepted = await recordStatusAtSender(answer.value, toSender);
    expect(accepted.ok).to.equal(true);
    const loop = await senderLoop(world, pkg.manifest.packageId);
    expect(loop?.steps.map((s) => s.status)).to.deep.equal(['requested', 'received', 'accepted']);
    expect(loop?.steps.at(-1)?.note).to.equal('Fallmanagement SGB II übernimmt ab 1. Juni.');
    expect(loop?.steps.at(-1)?.messageHash).to.match(/^[0-9a-f]{64}$/);
  });

  it('DP-16: a declined package is recorded at the sender; a status not signed by the recipient, or for a transfer the sender never made, is refused', async () => {
    const world = await handoverWorld();
    const { pkg, caseId } = await handedOver(world);
    const answer = await answerHandover({
      service: world.jobcenter.service,
      caseId,
      manifest: pkg.manifest,
      status: 'declined',
      key: world.jobcenter.signing,
      at: world.clock.now(),
      note: 'Nicht zuständig: kein Leistungsbezug nach SGB II.',
    });
    if (!answer.ok) expect.fail(answer.errors[0]!.code);
    world.kim.as(EXAMPLE_ACTORS.kimCaseManager);
    const toSender = {
      service: world.kim.service,
      caseId: world.caseId,
      senderAgencyId: world.kim.agencyId,
      keys: world.kim.keys,
    };
    expect((await recordStatusAtSender(answer.value, toSender)).ok).to.equal(true);
    expect((await senderLoop(world, pkg.manifest.packageId))?.status).to.equal('declined');

    // Signed by the municipality itself (not a key the sender knows as the Jobcenter's).
    const forged = await statusMessage(pkg.manifest, 'accepted', world.kim.signing, world.clock.now());
    const refusedForged = await recordStatusAtSender(forged, toSender);
    expect(refusedForged.ok).to.equal(false);
    if (!refusedForged.ok) expect(refusedForged.errors[0]!.code).to.equal('HANDOVER_UNKNOWN_SENDER_KEY');
    // A status for a transfer this case never made.
    const unknown = await statusMessage(
      { ...pkg.manifest, transferId: 'transfer-never' },
      'accepted',
      world.jobcenter.signing,
      world.clock.now(),
    );
    const refusedUnknown = await recordStatusAtSender(unknown, toSender);
    expect(refusedUnknown.ok).to.equal(false);
    if (!refusedUnknown.ok) expect(refusedUnknown.errors[0]!.code).to.equal('HANDOVER_UNKNOWN_PACKAGE');
    expect((await senderLoop(world, pkg.manifest.packageId))?.status).to.equal('declined');
  });

  it('DP-14: a consent withdrawn later notifies the recipient (RecipientNotified), the Jobcenter records withdrawn, and a new package is refused', async () => {
    const world = await handoverWorld();
    const { pkg, caseId } = await handedOver(world);
    world.clock.set('2026-06-10T10:00:00.000Z');
    world.kim.as(EXAMPLE_ACTORS.kimCaseManager);
    const withdrawn = await world.kim.run(
      'withdrawConsent',
      { consentId: world.consentId, note: 'Herr Rahimi widerruft schriftlich.' },
      world.caseId,
    );
    const notified = withdrawn.events.filter((e) => e.type === 'RecipientNotified');
    expect(notified.map((e) => (e.payload as { recipientAgencyId: string }).recipientAgencyId)).to.include(
      world.jobcenter.agencyId,
    );
    const notices = await withdrawalNotices(withdrawn, {
      sender: { agencyId: world.kim.agencyId, name: world.kim.name },
      key: world.kim.signing,
      names: { [world.jobcenter.agencyId]: world.jobcenter.name },
    });
    const notice = notices.find((n) => n.recipientAgencyId === world.jobcenter.agencyId);
    expect(notice, 'a notice for the Jobcenter').to.not.equal(undefined);

    const received = await receiveWithdrawalNotice(notice!.notice, {
      service: world.jobcenter.service,
      recipientAgencyId: world.jobcenter.agencyId,
      keys: world.jobcenter.keys,
      register: world.jobcenter.register,
    });
    if (!received.ok) expect.fail(received.errors.map((e) => `${e.code} ${e.message.en}`).join());
    const loop = foldHandoverPackages(await world.jobcenter.store.readJournal(caseId)).loops[0]!;
    expect(loop.packageId).to.equal(pkg.manifest.packageId);
    expect(loop.status).to.equal('withdrawn');
    expect(loop.steps.at(-1)!.at).to.equal('2026-06-10T10:00:00.000Z');

    // A notice meant for another agency is refused there.
    const elsewhere = await receiveWithdrawalNotice(notice!.notice, {
      service: world.jobcenter.service,
      recipientAgencyId: 'sozialamt-musterstadt',
      keys: world.jobcenter.keys,
      register: world.jobcenter.register,
    });
    expect(elsewhere.ok).to.equal(false);

    // From the withdrawal on, no new package under that consent (DP-14).
    const again = await buildHandoverPackage({
      service: world.kim.service,
      views: world.kim.views,
      clock: world.clock,
      caseId: world.caseId,
      sender: { agencyId: world.kim.agencyId, name: world.kim.name },
      recipient: JOBCENTER_RECIPIENT,
      legalBasis: `consent:${world.consentId}`,
    });
    expect(again.ok).to.equal(false);
    if (!again.ok) expect(again.errors.map((e) => e.code)).to.include('DENY_CONSENT_WITHDRAWN');
  });
});
