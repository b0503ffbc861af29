import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FixedClock, MemoryCaseStore, SequentialIds, createCaseService, type Actor } from '@fallkit/core';
import { CaseConnectionController } from '../../src/controllers/case-connection-controller.js';
import type { CaseServicePort } from '../../src/context/case-service-port.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import './fixtures/sample-form.js';
import type { FkSampleForm, SampleCommand, SampleView } from './fixtures/sample-form.js';

const caseManager: Actor = { id: 'u-1', role: 'caseManager', agencyId: 'kommune', name: 'Frau Berater' };

/** A plain consumer, as a non-form component (overview, worklist) would use the controller. */
class ConnectionProbe extends LitElement {
  readonly connection = new CaseConnectionController<SampleView>(this);
  override render() {
    return html`${this.connection.status}:${this.connection.view?.concern ?? ''}`;
  }
}
customElements.define('fk-connection-probe', ConnectionProbe);

class NestedShell extends LitElement {
  override render() {
    return html`<fk-connection-probe></fk-connection-probe>`;
  }
}
customElements.define('fk-nested-shell', NestedShell);

async function settle(el: LitElement) {
  await aTimeout(0);
  await el.updateComplete;
}

async function typeInto(form: FkSampleForm, text: string) {
  const ta = form.shadowRoot!.querySelector('fk-textarea')!.shadowRoot!.querySelector('textarea')!;
  ta.value = text;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

describe('connected mode: <fk-case-provider> and CaseConnectionController', () => {
  beforeEach(() => pageDrafts.clear());

  it('hands service, actor, purpose and case down to a nested element, also through shadow roots', async () => {
    const service = new FakeCaseService<SampleView>();
    service.setView('c-1', { caseId: 'c-1', concern: 'Wohnung' });
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${service} .actor=${caseManager} purpose="caseManagement" case-id="c-1"
        ><fk-nested-shell></fk-nested-shell
      ></fk-case-provider>`,
    );
    const shell = provider.querySelector<NestedShell>('fk-nested-shell')!;
    await shell.updateComplete;
    const probe = shell.shadowRoot!.querySelector<ConnectionProbe>('fk-connection-probe')!;
    await settle(probe);
    expect(probe.connection.context?.actor).to.equal(caseManager);
    expect(probe.connection.context?.purpose).to.equal('caseManagement');
    expect(probe.shadowRoot!.textContent).to.contain('ready:Wohnung');
    expect(service.reads[0]).to.deep.equal({
      caseId: 'c-1',
      request: { actor: caseManager, purpose: 'caseManagement' },
    });
  });

  it('lets a nested provider override only the case id', async () => {
    const service = new FakeCaseService<SampleView>();
    service.setView('c-2', { caseId: 'c-2', concern: 'Arbeit' });
    const outer = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${service} .actor=${caseManager} case-id="c-1">
        <fk-case-provider case-id="c-2"><fk-connection-probe></fk-connection-probe></fk-case-provider>
      </fk-case-provider>`,
    );
    const probe = outer.querySelector<ConnectionProbe>('fk-connection-probe')!;
    await settle(probe);
    expect(probe.connection.caseId).to.equal('c-2');
    expect(probe.connection.context?.service).to.equal(service);
    expect(probe.shadowRoot!.textContent).to.contain('ready:Arbeit');
  });

  it('is standalone without a provider and refuses to execute', async () => {
    const probe = await fixture<ConnectionProbe>(html`<fk-connection-probe></fk-connection-probe>`);
    expect(probe.connection.status).to.equal('standalone');
    const result = await probe.connection.execute({});
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.errors[0]!.code).to.equal('COMPONENT_NOT_CONNECTED');
  });

  it('shows a refused read (DENY_…) as status denied with the refusal', async () => {
    const service = new FakeCaseService<SampleView>();
    service.setView('c-9', refusedWith('DENY_STAFF_CASE', 'Personalfall', 'Staff case'));
    const provider = await fixture(
      html`<fk-case-provider .service=${service} .actor=${caseManager} case-id="c-9"
        ><fk-connection-probe></fk-connection-probe
      ></fk-case-provider>`,
    );
    const probe = provider.querySelector<ConnectionProbe>('fk-connection-probe')!;
    await settle(probe);
    expect(probe.connection.status).to.equal('denied');
    expect(probe.connection.refusals[0]!.code).to.equal('DENY_STAFF_CASE');
  });

  it('loads the form value from the case and saves through commands, announcing "Gespeichert"', async () => {
    const service = new FakeCaseService<SampleView, SampleCommand>();
    service.setView('c-1', { caseId: 'c-1', concern: 'Schulden' });
    const provider = await fixture(
      html`<fk-case-provider .service=${service} .actor=${caseManager} case-id="c-1"
        ><fk-sample-form></fk-sample-form
      ></fk-case-provider>`,
    );
    const form = provider.querySelector('fk-sample-form')!;
    await settle(form);
    expect(form.value).to.deep.equal({ concern: 'Schulden' });
    await typeInto(form, 'Schulden und Miete');
    const saved = oneEvent(form, 'fk-saved');
    expect(await form.requestSubmit()).to.equal(true);
    await saved;
    expect(service.commands).to.have.length(1);
    expect(service.commands[0]!.command).to.deep.equal({
      type: 'recordConcern',
      caseId: 'c-1',
      input: { concern: 'Schulden und Miete' },
    });
    await waitUntil(() => form.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('Gespeichert'));
  });

  it('shows a refusal in place, keeps the typed text and fires fk-refused', async () => {
    const service = new FakeCaseService<SampleView, SampleCommand>();
    service.setView('c-1', { caseId: 'c-1', concern: '' });
    service.respond = () =>
      refusedWith('DENY_CONSENT_WITHDRAWN', 'Einwilligung widerrufen.', 'Consent withdrawn.', {
        path: ['concern'],
        rule: 'DP-14',
      });
    const provider = await fixture(
      html`<fk-case-provider .service=${service} .actor=${caseManager} case-id="c-1"
        ><fk-sample-form></fk-sample-form
      ></fk-case-provider>`,
    );
    const form = provider.querySelector('fk-sample-form')!;
    await settle(form);
    await typeInto(form, 'Ein langer Text aus dem Gespräch');
    const refused = oneEvent(form, 'fk-refused');
    expect(await form.requestSubmit()).to.equal(false);
    const event = await refused;
    expect(event.detail.errors[0].code).to.equal('DENY_CONSENT_WITHDRAWN');
    await form.updateComplete;
    expect(form.value.concern).to.equal('Ein langer Text aus dem Gespräch');
    expect(form.shadowRoot!.querySelector('fk-textarea')!.error).to.equal('Einwilligung widerrufen.');
    // The rule id only in the administrators' details, not in the sentence (issue 21 item 5).
    const details = form.shadowRoot!.querySelector('.fk-refusals details.fk-admin-details')!;
    expect(details.textContent).to.contain('DP-14').and.to.contain('DENY_CONSENT_WITHDRAWN');
    expect(form.shadowRoot!.querySelector('.fk-refusals li')!.textContent).to.not.contain('DP-14');
    await waitUntil(() =>
      form.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('Abgelehnt: Einwilligung widerrufen.'),
    );
    await expect(form).to.be.accessible();
  });

  it('keeps the typed text as a draft across re-creation of the element after a refused save', async () => {
    const service = new FakeCaseService<SampleView, SampleCommand>();
    service.setView('c-1', { caseId: 'c-1', concern: 'alt' });
    service.respond = () => refusedWith('STORE_CONFLICT', 'Konflikt', 'Conflict');
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${service} .actor=${caseManager} case-id="c-1"
        ><fk-sample-form></fk-sample-form
      ></fk-case-provider>`,
    );
    let form = provider.querySelector('fk-sample-form')!;
    await settle(form);
    await typeInto(form, 'neu getippt');
    await form.requestSubmit();
    form.remove();
    form = document.createElement('fk-sample-form');
    provider.append(form);
    await settle(form);
    await settle(form);
    expect(form.value.concern).to.equal('neu getippt');
  });

  it('updates live from a second writer, but never overwrites unsaved typing', async () => {
    const service = new FakeCaseService<SampleView, SampleCommand>();
    service.setView('c-1', { caseId: 'c-1', concern: 'eins' });
    const provider = await fixture(
      html`<fk-case-provider .service=${service} .actor=${caseManager} case-id="c-1"
        ><fk-sample-form></fk-sample-form
      ></fk-case-provider>`,
    );
    const form = provider.querySelector('fk-sample-form')!;
    await settle(form);
    service.push('c-1', { caseId: 'c-1', concern: 'zwei (von Kollegin)' });
    await settle(form);
    expect(form.value.concern).to.equal('zwei (von Kollegin)');
    await typeInto(form, 'meine Eingabe');
    service.push('c-1', { caseId: 'c-1', concern: 'drei' });
    await settle(form);
    expect(form.value.concern).to.equal('meine Eingabe');
    await waitUntil(() => form.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('inzwischen'));
    form.adoptRemote();
    await form.updateComplete;
    expect(form.value.concern).to.equal('drei');
  });

  it('takes a draft back after a reload without calling it a change elsewhere, but names a case that moved on', async () => {
    const service = new FakeCaseService<SampleView, SampleCommand>();
    const at = (concern: string, lastSeq: number) => ({ caseId: 'c-1', concern, lastSeq }) as SampleView;
    service.setView('c-1', at('eins', 4));
    const mount = async () => {
      const provider = await fixture(
        html`<fk-case-provider .service=${service} .actor=${caseManager} case-id="c-1"
          ><fk-sample-form></fk-sample-form
        ></fk-case-provider>`,
      );
      const form = provider.querySelector('fk-sample-form')!;
      await settle(form);
      await settle(form);
      return form;
    };
    let form = await mount();
    await typeInto(form, 'vor dem Neuladen getippt');
    form.parentElement!.remove();
    // The reload: the draft (typed on version 4) comes back; the case is still at version 4.
    form = await mount();
    expect(form.value.concern).to.equal('vor dem Neuladen getippt');
    service.push('c-1', at('eins', 4));
    await settle(form);
    // The state behind the element's "changed elsewhere" notice (the sample form renders no notice of its own).
    const notice = () => (form as unknown as { remoteChanged: boolean }).remoteChanged;
    expect(notice()).to.equal(false);
    // Another tab saves another part of the case (this form's field unchanged): the edits move onto it.
    service.push('c-1', at('eins', 5));
    await settle(form);
    expect(notice()).to.equal(false);
    // A colleague changes this form's field: now it is a change elsewhere.
    service.push('c-1', at('zwei', 6));
    await settle(form);
    expect(notice()).to.equal(true);
    expect(form.value.concern).to.equal('vor dem Neuladen getippt');
    // Reloaded again with the case at 6 and a draft typed on 5 over 'eins': named at once.
    form.parentElement!.remove();
    form = await mount();
    expect(form.value.concern).to.equal('vor dem Neuladen getippt');
    expect(notice()).to.equal(true);
  });

  it("fits the core's createCaseService structurally and reads a real case", async () => {
    const core = createCaseService({
      store: new MemoryCaseStore(),
      clock: new FixedClock('2026-11-23T10:00:00.000Z'),
      ids: new SequentialIds(),
      actor: caseManager,
    });
    const port: CaseServicePort = core;
    const opened = await core.execute({
      type: 'openCase',
      input: {
        addressee: { roles: ['addressee'], givenName: 'Aylin', familyName: 'K.' },
        leadAgency: { agencyId: 'kommune', name: 'Kommune Musterstadt', legalDomain: 'SGB_XII' },
      },
    } as never);
    expect(opened.ok, JSON.stringify(opened)).to.equal(true);
    const caseId = (opened as { value: { caseId: string } }).value.caseId;
    const provider = await fixture(
      html`<fk-case-provider .service=${port} case-id=${caseId}
        ><fk-connection-probe></fk-connection-probe
      ></fk-case-provider>`,
    );
    const probe = provider.querySelector<ConnectionProbe>('fk-connection-probe')!;
    await waitUntil(() => probe.connection.status === 'ready');
    expect((probe.connection.view as unknown as { caseId: string }).caseId).to.equal(caseId);
  });
});
