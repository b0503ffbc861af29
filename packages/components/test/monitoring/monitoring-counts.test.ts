import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CaseCommand, CaseState, RedactionMarker } from '@fallkit/core';
import '../../src/define/fk-monitoring.js';
import '../../src/define/fk-case-provider.js';
import type { FkMonitoring } from '../../src/monitoring/monitoring.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import { caseManager, exampleState } from '../suites/stage-test-helpers.js';

/** A withheld entry as the core's decided view gives it (no consent for the receiving agency, DP-10). */
const marker: RedactionMarker = {
  redacted: true as const,
  code: 'REDACT_NO_CONSENT',
  rule: 'DP-10',
  message: { de: 'keine Einwilligung für Ihre Stelle', en: 'no consent for your agency' },
};

async function mount(view: CaseState, lang = 'de'): Promise<FkMonitoring> {
  const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
  service.setView(view.caseId, view);
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider lang=${lang} .service=${service} case-id=${view.caseId}>
      <fk-monitoring today="2026-05-04"></fk-monitoring>
    </fk-case-provider>`,
  );
  const el = provider.querySelector('fk-monitoring')!;
  await waitUntil(() => deepQueryAll(el.shadowRoot!, 'fk-redacted').length > 0, 'the decided view shown');
  await el.updateComplete;
  return el;
}

const header = (el: FkMonitoring) =>
  el.shadowRoot!.querySelector('[part~="header"] .meta')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<fk-monitoring> counts what it lists (issue 21)', function () {
  this.timeout(60_000);

  it('DP-24: the Jobcenter’s view withholds every contact and follow-up: the header counts them, never "Kontakte: 0"', async () => {
    const state = await exampleState();
    // The receiving agency's decided view: the entries exist, their content is withheld (markers).
    const view = {
      ...state,
      contacts: [marker, marker],
      followUps: [marker],
      deviations: [],
    } as unknown as CaseState;
    const el = await mount(view);
    const contacts = el.shadowRoot!.querySelector('[part~="contacts"]')!;
    expect(deepQueryAll(contacts, 'fk-redacted')).to.have.length(2);
    const text = header(el);
    expect(text).to.contain('Kontakte: 2, davon 2 nicht einsehbar');
    expect(text).to.contain('offene Wiedervorlagen: 0, dazu 1 nicht einsehbare');
    expect(text).to.contain('Abweichungen: 0');
    expect(text).to.not.contain('Kontakte: 0');
    expect(deepText(contacts)).to.not.contain('Noch keine Kontakte');
    await expect(el).to.be.accessible();
  });

  it('DP-24: shown and withheld entries add up to what is listed; English', async () => {
    const state = await exampleState();
    const shown = state.contacts.filter((c) => c.id).length;
    expect(shown).to.be.greaterThan(0);
    const view = { ...state, contacts: [...state.contacts, marker] } as unknown as CaseState;
    const el = await mount(view, 'en');
    const listed = el.shadowRoot!.querySelectorAll('[part~="contacts"] [part~="history"] > li').length;
    const withheld = deepQueryAll(el.shadowRoot!.querySelector('[part~="contacts"]')!, 'fk-redacted').length;
    expect(listed).to.equal(shown);
    expect(withheld).to.equal(1);
    expect(header(el)).to.contain(`Contacts: ${listed + withheld}, 1 of them withheld`);
  });

  it('without withheld entries the header stays as it was: plain figures', async () => {
    const state = await exampleState();
    const el = await fixture<FkMonitoring>(html`<fk-monitoring today="2026-05-04"></fk-monitoring>`);
    el.value = {
      contacts: state.contacts.map((c) => ({
        id: c.id,
        on: c.on,
        mode: c.mode,
        withInterpreter: false,
        reached: true,
        note: c.note,
      })),
      followUps: [],
      progress: [],
      deviations: [],
    };
    await el.updateComplete;
    expect(header(el)).to.equal(`Kontakte: ${state.contacts.length} · offene Wiedervorlagen: 0 · Abweichungen: 0`);
  });
});
