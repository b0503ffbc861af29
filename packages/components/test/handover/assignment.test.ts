import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { EXAMPLE_ACTORS, familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { connectCaseService } from '../../src/context/core-port.js';
import '../../src/define/fk-handover.js';
import '../../src/define/fk-case-provider.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import type { FkHandover } from '../../src/handover/handover.component.js';
import { answerConfirmation } from '../suites/confirm-dialog-helpers.js';
import type { FkConfirmDialog } from '../../src/dialogs/confirm-dialog.component.js';

const DEMIR = EXAMPLE_ACTORS.jobcenterCaseManager;
const HOFFMANN = EXAMPLE_ACTORS.jobcenterCaseManager2;
const assignees = [DEMIR, HOFFMANN, EXAMPLE_ACTORS.kimCaseManager].map((a) => ({
  userId: a.id,
  name: a.name,
  agencyId: a.agencyId,
}));

/** The Rahimi case on 10 June 2026: the Jobcenter leads since 1 June, Murat Demir is its case manager. */
async function mounted(actor: Actor = DEMIR, lang = 'de') {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store, cases: [familyDuldungToSgbII] });
  const caseId = results[0]!.state.caseId;
  const clock = new FixedClock('2026-06-10T08:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider lang=${lang} .service=${connectCaseService({ service, views, clock })} case-id=${caseId}
      ><fk-handover today="2026-06-10" .assignees=${assignees}></fk-handover
    ></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-handover')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="assignment"]'), 'the assignment section');
  await el.updateComplete;
  return { el, service, caseId };
}

function assignButton(el: FkHandover): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="assign"]')!;
}

describe('<fk-handover>: naming the case manager (issue 21)', function () {
  this.timeout(60_000);

  it('offers the lead agency’s staff only, without the case manager in force', async () => {
    const { el } = await mounted();
    const select = el.shadowRoot!.querySelector('[part~="assignment"] fk-select')!;
    const options = [...select.shadowRoot!.querySelectorAll('option')].map((o) => o.textContent!.trim());
    expect(options).to.include('Claudia Hoffmann');
    expect(options).to.not.include('Murat Demir');
    expect(options).to.not.include('Sabine Krüger');
    await expect(el).to.be.accessible();
  });

  it('DP-23: asks first, in words, who gets the case and who loses access when; going back records nothing', async () => {
    const { el, service, caseId } = await mounted();
    const asked = answerConfirmation(el, false);
    assignButton(el).click();
    const text = await asked;
    expect(text).to.contain('Fallverantwortung an Claudia Hoffmann übertragen?');
    expect(text).to.contain('Claudia Hoffmann übernimmt ab 10.06.2026 die Fallverantwortung');
    expect(text).to.contain(
      'Die Fallverantwortung von Murat Demir endet am 10.06.2026; ab dann hat Murat Demir keinen Zugang mehr zum Fall.',
    );
    expect(text).to.contain('lässt sich nicht zurücknehmen');
    await el.updateComplete;
    const loaded = await service.loadCase(caseId);
    if (!loaded.ok) throw new Error('load');
    expect(loaded.value.state.caseManagers.some((p) => p.userId === HOFFMANN.id)).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="assign-done"]')).to.equal(null);
  });

  it('DP-23, DP-40: confirmed, the core records the assignment; the confirmation shows where the user works', async () => {
    const { el, service, caseId } = await mounted();
    const asked = answerConfirmation(el, true);
    assignButton(el).click();
    await asked;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="assign-done"]'), 'the confirmation');
    const done = el.shadowRoot!.querySelector<HTMLElement>('[part~="assign-done"]')!;
    expect(done.textContent!.trim()).to.equal('Claudia Hoffmann ist jetzt fallverantwortlich.');
    expect(el.shadowRoot!.activeElement).to.equal(done);
    const loaded = await service.loadCase(caseId);
    if (!loaded.ok) throw new Error('load');
    const hoffmann = loaded.value.state.caseManagers.find((p) => p.userId === HOFFMANN.id)!;
    expect(hoffmann).to.include({ role: 'primary', from: '2026-06-10', agencyId: HOFFMANN.agencyId });
    expect(loaded.value.state.caseManagers.find((p) => p.userId === DEMIR.id && p.role === 'primary')!.to).to.equal(
      '2026-06-10',
    );
    await expect(el).to.be.accessible();
  });

  it('at 375 px the section and its dialog fit: no horizontal scroll, nothing cut off (looked at)', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const { el } = await mounted();
      el.shadowRoot!.querySelector('[part~="assignment"]')!.scrollIntoView();
      assignButton(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector<FkConfirmDialog>('fk-confirm-dialog')?.open, 'dialog open');
      const dialog = el.shadowRoot!.querySelector('fk-confirm-dialog')!.shadowRoot!.querySelector('dialog')!;
      const box = dialog.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(375);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      const shot = (await executeServerCommand('fk-screenshot', { name: 'fk-handover-assign-375' })) as {
        bytes: number;
      };
      expect(shot.bytes).to.be.greaterThan(1000);
      dialog.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('English words in the dialog; read-only, no assignment offered', async () => {
    const store = await mounted(DEMIR, 'en');
    const asked = answerConfirmation(store.el, false);
    assignButton(store.el).click();
    const text = await asked;
    expect(text).to.contain('Make Claudia Hoffmann the case manager?');
    expect(text).to.contain('from then on Murat Demir has no access to the case');
    store.el.readonly = true;
    await store.el.updateComplete;
    expect(store.el.shadowRoot!.querySelector('[part~="assign"]')).to.equal(null);
    expect(store.el.shadowRoot!.querySelector('[part~="assignment"]')).to.equal(null);
  });
});
