import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  FixedClock,
  LEGAL_PROFILES,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { PROFILE_EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import '../../src/define/fk-connected-plan-document.js';
import '../../src/define/fk-case-provider.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';
import { deepText } from '../suites/form-control-suite.js';

/** A profile's example case up to its plan, on a memory store, and its case manager. */
async function caseWithPlan() {
  const example = PROFILE_EXAMPLE_CASES[0]!;
  const cut = example.steps.findIndex((s) => s.type === 'recordPlan');
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store, cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
  const state = results[0]!.state;
  const cm = state.caseManagers.filter((m) => !m.to).at(-1)!;
  const standard = LEGAL_PROFILES.find((p) => p.id === state.processStandard.id)!;
  return {
    store,
    state,
    standard,
    caseManager: { id: cm.userId, role: 'caseManager', agencyId: cm.agencyId } as Actor,
  };
}

async function mount(store: MemoryCaseStore, actor: Actor, caseId: string) {
  const clock = new FixedClock('2026-07-01T10:00:00.000Z');
  const ids = new SequentialIds();
  const core = createCaseService({ store, clock, ids, actor });
  const port = connectCaseService({
    service: core,
    views: createCaseViews({ service: core, store, clock, ids }),
    clock,
  });
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} case-id=${caseId} lang="de"
      ><fk-connected-plan-document></fk-connected-plan-document
    ></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-connected-plan-document')!;
  await waitUntil(
    () => el.shadowRoot!.querySelector('fk-plan-document, [role="alert"], p:not([role])') !== null,
    'decided',
  );
  const doc = el.shadowRoot!.querySelector('fk-plan-document');
  if (doc) await (doc as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

describe('<fk-connected-plan-document> (issue 20: a connected mode for the plan document)', () => {
  it("prints the plan of the provider's case from its decided view under the case's own standard (PR-00)", async () => {
    const { store, state, standard, caseManager } = await caseWithPlan();
    const el = await mount(store, caseManager, state.caseId);
    expect(el.standard?.id).to.equal(state.processStandard.id);
    const text = deepText(el);
    expect(text).to.contain(standard.plan!.title.de);
    const words = state.plans[0]!.personsOwnWords;
    if (words) expect(text).to.contain(words.slice(0, 20));
    await expect(el).to.be.accessible();
  });

  it('DP-23/DP-24: a team lead whose view withholds the plan gets no document, only the reason', async () => {
    const { store, state, caseManager } = await caseWithPlan();
    const lead: Actor = { id: 'u-lead', role: 'teamLead', agencyId: caseManager.agencyId, name: 'Teamleitung' };
    const el = await mount(store, lead, state.caseId);
    const text = deepText(el);
    const words = state.plans[0]!.personsOwnWords;
    expect(words, "the example has the person's own words").to.be.a('string');
    expect(text).not.to.contain(words!.slice(0, 20));
    expect(el.withheld?.rule).to.be.a('string');
    expect(el.shadowRoot!.querySelector('fk-plan-document')).to.equal(null);
    expect(text).to.contain('Der Plan ist für Sie ausgeblendet');
  });
});
