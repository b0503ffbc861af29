import type { JournalEvent } from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { buildHandoverPackage } from '@fallkit/handover';
import { expect } from 'chai';
import { CONSENTED, handoverWorld, JOBCENTER_RECIPIENT, type HandoverWorld } from './handover-world.js';

/** Builds the world's package on a "synced device": `settle` stands for the push, `journal` for what it settled to. */
function build(world: HandoverWorld, settled: (journal: readonly JournalEvent[]) => readonly JournalEvent[]) {
  world.kim.as(EXAMPLE_ACTORS.kimCaseManager);
  let settles = 0;
  const result = buildHandoverPackage({
    service: world.kim.service,
    views: world.kim.views,
    clock: world.clock,
    caseId: world.caseId,
    sender: { agencyId: world.kim.agencyId, name: world.kim.name },
    recipient: JOBCENTER_RECIPIENT,
    legalBasis: `consent:${world.consentId}`,
    categories: [...CONSENTED],
    store: {
      readSeal: async () => undefined,
      readJournal: async (caseId: string) => settled(await world.kim.store.readJournal(caseId)),
    } as never,
    settle: async () => {
      settles += 1;
    },
  });
  return { result, settles: () => settles };
}

describe('handover package on a synced device (settle)', () => {
  it('DP-16, DP-28: after the push the package names the transfer and the head as the settled journal holds them', async () => {
    const world = await handoverWorld();
    const { result, settles } = build(world, (journal) => journal);
    const built = await result;
    if (!built.ok) expect.fail(built.errors.map((e) => e.code).join());
    expect(settles()).to.equal(1);
    const journal = await world.kim.store.readJournal(world.caseId);
    const transfer = journal.filter((event) => event.type === 'DataTransferred').at(-1)!;
    expect(built.value.package.manifest.transferId).to.equal((transfer.payload as { id: string }).id);
    // The head is the settled journal's last event before the `requested` status was recorded.
    expect(built.value.package.manifest.source.head.seq).to.equal(journal.at(-2)!.seq);
  });

  it('DP-16: a transfer the server did not keep is HANDOVER_DECISION_CHANGED, and no package is built', async () => {
    const world = await handoverWorld();
    const { result } = build(world, (journal) => journal.filter((event) => event.type !== 'DataTransferred'));
    const built = await result;
    expect(built.ok).to.equal(false);
    if (!built.ok) expect(built.errors[0]!.code).to.equal('HANDOVER_DECISION_CHANGED');
  });
});
