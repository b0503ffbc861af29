import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { sendKeys } from '@web/test-runner-commands';
import type { CaseCommand, CaseState } from '@fallkit/core';
import '../../src/define/fk-confirm-dialog.js';
import '../../src/define/fk-case-closure.js';
import '../../src/define/fk-handover.js';
import type { FkConfirmDialog } from '../../src/dialogs/confirm-dialog.component.js';
import type { FkHandover } from '../../src/handover/handover.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import { answerConfirmation } from '../suites/confirm-dialog-helpers.js';
import {
  caseManager,
  exampleState,
  fakeServiceFor,
  mountConnected,
  pickRadio,
  typeInto,
} from '../suites/stage-test-helpers.js';

const request = {
  heading: 'Fall wirklich abschließen?',
  body: 'Der Abschluss lässt sich nicht rückgängig machen.',
  confirmLabel: 'Fall abschließen',
  cancelLabel: 'Zurück zum Formular',
};

describe('<fk-confirm-dialog>', () => {
  beforeEach(() => pageDrafts.clear());

  it('opens modal with the cancel button focused; Escape goes back; confirm resolves true; accessible', async () => {
    const el = await fixture<FkConfirmDialog>(html`<fk-confirm-dialog></fk-confirm-dialog>`);
    const first = el.ask(request);
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('cancel');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(await first).to.equal(false);
    expect(dialog.open).to.equal(false);
    const second = el.ask(request);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm"]')!.click();
    expect(await second).to.equal(true);
  });

  it('closure: no outcome is preselected, and going back in the dialog saves nothing', async () => {
    const state = await exampleState();
    const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
    service.setView(state.caseId, state);
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${service} case-id=${state.caseId}>
        <fk-case-closure today="2026-06-30"></fk-case-closure>
      </fk-case-provider>`,
    );
    const el = provider.querySelector('fk-case-closure')!;
    await waitUntil(() => el.caseLoaded, 'closure loaded');
    await el.updateComplete;
    expect(el.value.closure.reason).to.equal(undefined);
    const reason = el.shadowRoot!.querySelector<HTMLElement>('[data-path="closure.reason"]')!;
    expect([...reason.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].some((i) => i.checked)).to.equal(false);
    // Without a reason nothing is asked and nothing is sent.
    expect(await el.requestSubmit()).to.equal(false);
    expect(el.shadowRoot!.querySelector<FkConfirmDialog>('fk-confirm-dialog')!.open).to.equal(false);
    await pickRadio(el, 'closure.reason', 'goalsReached');
    for (const g of state.goals.filter((x) => x.level === 'case'))
      await pickRadio(el, `closure.goalAttainment.${g.id}`, 'achieved');
    el.shadowRoot!.querySelector<HTMLElement>('[data-path="decisionConfirmed"]')!
      .shadowRoot!.querySelector<HTMLInputElement>('input')!
      .click();
    await el.updateComplete;
    expect(
      el.feedback.filter((f) => f.type === 'error'),
      JSON.stringify(el.feedback),
    ).to.deep.equal([]);
    const asked = answerConfirmation(el, false);
    expect(await el.requestSubmit()).to.equal(false);
    expect(await asked).to.contain('lässt sich nicht rückgängig machen');
    expect(service.commands).to.have.length(0);
  });

  it('handover: asks before the lead agency changes, naming the agency and what the own agency keeps doing', async () => {
    const state = await exampleState();
    const service = fakeServiceFor(state);
    const el = await mountConnected<FkHandover>('fk-handover', service, state.caseId, (e) => e.leadAgencies.length > 0);
    await pickRadio(el, 'variant', 'municipalityCoversFurtherNeeds');
    await typeInto(el, 'continuingRole', 'Schuldnerberatung nach § 16a SGB II');
    await typeInto(el, 'to.name', 'Jobcenter Musterstadt');
    await typeInto(el, 'reason', 'Aufenthaltserlaubnis erteilt');
    const back = answerConfirmation(el, false);
    expect(await el.requestSubmit()).to.equal(false);
    const text = await back;
    expect(text).to.contain('Jobcenter Musterstadt');
    expect(text).to.contain('Ihre Stelle bleibt beteiligt: Schuldnerberatung nach § 16a SGB II');
    expect(service.commands).to.have.length(0);
    const saved = oneEvent(el, 'fk-saved');
    const yes = answerConfirmation(el, true);
    void el.requestSubmit();
    await yes;
    await saved;
    expect(service.commands.map((c) => c.command.type)).to.deep.equal(['changeLeadAgency']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.fk-feedback--error').length, 'emptied form without errors').to.equal(0);
  });
});
