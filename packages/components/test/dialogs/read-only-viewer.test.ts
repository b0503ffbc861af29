import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { EXAMPLE_AGENCIES, runExampleCases } from '@fallkit/core/examples';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';
import '../../src/define/fk-case-provider.js';
import '../../src/define/fk-consent-manager.js';
import '../../src/define/fk-referrals.js';
import '../../src/define/fk-handover.js';
import '../../src/define/fk-case-closure.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';

const CASE = 'jc-2026-0417';
const TAGS = ['fk-consent-manager', 'fk-referrals', 'fk-handover', 'fk-case-closure'] as const;

/** The example cases, read through the core's decided channels for a switchable actor. */
async function world() {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store });
  const state = results.find((r) => r.caseId === CASE)!.state;
  const clock = new FixedClock(new Date().toISOString());
  const day = clock.now().slice(0, 10);
  const m =
    state.caseManagers.find((x) => x.from <= day && (x.to === undefined || day < x.to)) ?? state.caseManagers.at(-1)!;
  const manager: Actor = { id: m.userId, role: 'caseManager', agencyId: m.agencyId };
  let actor = manager;
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor: { current: () => actor } });
  const views = createCaseViews({ service, store, clock, ids });
  return {
    manager,
    port: connectCaseService({ service, views, clock }),
    as(next: Actor) {
      actor = next;
    },
  };
}

async function mountAll(port: unknown, actor: Actor, purpose: string) {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} .actor=${actor} purpose=${purpose} case-id=${CASE} lang="de">
      ${TAGS.map((tag) => document.createElement(tag))}
    </fk-case-provider>`,
  );
  const els = TAGS.map((tag) => provider.querySelector(tag)! as HTMLElement & { updateComplete: Promise<unknown> });
  await waitUntil(
    () => els.every((el) => (el as unknown as { connection: { status: string } }).connection.status !== 'loading'),
    'views arrived',
  );
  await Promise.all(els.map((el) => el.updateComplete));
  return els;
}

function offered(el: HTMLElement): string[] {
  const root = el.shadowRoot!;
  return [
    ...(root.querySelector('[part~="draft"]') ? ['draft'] : []),
    ...(root.querySelector('[part~="withdraw"]') ? ['withdraw'] : []),
    ...(root.querySelector('[part~="submit"]') ? ['submit'] : []),
  ];
}

describe('read-only viewers are offered no action the core would refuse (DP-40)', () => {
  beforeEach(() => pageDrafts.clear());

  it('DP-40: the case manager gets the forms; an unassigned team lead of the agency gets none, only a sentence', async () => {
    const w = await world();
    const mine = await mountAll(w.port, w.manager, 'caseManagement');
    for (const el of mine) expect(offered(el), `${el.localName} for the case manager`).to.not.deep.equal([]);

    const lead: Actor = { id: 'u-jc-lead', role: 'teamLead', agencyId: EXAMPLE_AGENCIES.jobcenter.agencyId };
    w.as(lead);
    const theirs = await mountAll(w.port, lead, 'supervision');
    for (const el of theirs) {
      const status = (el as unknown as { connection: { status: string } }).connection.status;
      if (status !== 'ready') continue;
      expect(offered(el), `${el.localName} for the team lead`).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[part~="view-only"]'), `${el.localName} says why`).to.not.equal(null);
      await expect(el).to.be.accessible();
    }
    expect(
      theirs.some((el) => (el as unknown as { connection: { status: string } }).connection.status === 'ready'),
      'the team lead sees the case at all',
    ).to.equal(true);
  });
});
