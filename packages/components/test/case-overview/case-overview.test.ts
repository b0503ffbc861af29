import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EXAMPLE_ACTORS, familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  describeJournal,
  type CaseState,
  type JournalEvent,
} from '@fallkit/core';
import '../../src/define/fk-case-overview.js';
import type { FkCaseOverview } from '../../src/case-overview/case-overview.component.js';
import { connectCaseService } from '../../src/context/core-port.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { deepActiveElement, deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { FakeCaseService } from '../suites/fake-case-service.js';

async function example(): Promise<{ state: CaseState; journal: JournalEvent[]; store: MemoryCaseStore }> {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store, cases: [familyDuldungToSgbII] });
  const state = results[0]!.state;
  return { state, journal: await store.readJournal(state.caseId), store };
}

const jobcenter = EXAMPLE_ACTORS.jobcenterCaseManager;

describe('<fk-case-overview>', () => {
  describe('standalone', () => {
    it('shows the stage in the stepper, the allowed next steps and why others are not possible', async () => {
      const { state, journal } = await example();
      const el = await fixture<FkCaseOverview>(
        html`<fk-case-overview .state=${state} .journal=${journal} .actor=${jobcenter}></fk-case-overview>`,
      );
      const stepper = el.shadowRoot!.querySelector('fk-process-stepper')!;
      await stepper.updateComplete;
      expect(stepper.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.contain('Monitoring');
      const next = el.shadowRoot!.querySelector('[part~="next"]')!;
      expect(next.querySelector('[data-command="recordContact"]')).to.not.equal(null);
      const blocked = el.shadowRoot!.querySelector('[part~="blocked"]')!;
      const referral = blocked.querySelector('[data-command="recordFirstCounselling"]')!;
      // The rule id only in the administrators' details, not in the sentence (issue 21 item 5).
      expect(referral.querySelector('details.fk-admin-details')!.textContent).to.match(/PR-\d+/);
      expect(referral.querySelector('.why')!.textContent).to.not.match(/PR-\d+/);
      expect(referral.querySelector('.why')!.textContent!.trim().length).to.be.greaterThan(10);
      await expect(el).to.be.accessible();
    });

    it('shows lead agency and legal domains over time', async () => {
      const { state, journal } = await example();
      const el = await fixture<FkCaseOverview>(
        html`<fk-case-overview .state=${state} .journal=${journal}></fk-case-overview>`,
      );
      const section = el.shadowRoot!.querySelector('[part~="responsibility"]')!;
      const text = section.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Jobcenter Musterstadt');
      expect(text).to.contain('Kommunales Integrationsmanagement Musterstadt');
      expect(text).to.contain('AsylbLG');
      expect(text).to.contain('SGB II (Jobcenter)');
      expect(text).to.match(/seit \d\d\.\d\d\.\d{4}/);
      expect(text).to.match(/\d\d\.\d\d\.\d{4} bis \d\d\.\d\d\.\d{4}/);
    });

    it('tells the journal as German sentences with actor name and date, newest first', async () => {
      const { state, journal } = await example();
      const el = await fixture<FkCaseOverview>(
        html`<fk-case-overview .state=${state} .journal=${journal} history-limit="500"></fk-case-overview>`,
      );
      const items = [...el.shadowRoot!.querySelectorAll('[part~="history"] li')];
      expect(items).to.have.length(journal.length);
      expect(Number(items[0]!.getAttribute('data-seq'))).to.equal(journal.at(-1)!.seq);
      const last = items.at(-1)!.textContent!.replace(/\s+/g, ' ');
      expect(last).to.contain(`${journal[0]!.note?.actorName} hat den Fall eröffnet.`);
      expect(items.at(-1)!.querySelector('time')!.textContent).to.match(/\d\d\.\d\d\.\d{4}/);
      expect(deepText(el)).to.contain('hat die Federführung gewechselt (Rechtskreiswechsel).');
      expect(deepText(el)).to.contain('Begründung: Rechtskreiswechsel AsylbLG → SGB II');
    });

    it('limits the history and shows older entries on request', async () => {
      const { state, journal } = await example();
      const el = await fixture<FkCaseOverview>(
        html`<fk-case-overview
          .state=${state}
          .history=${describeJournal(journal)}
          history-limit="5"
        ></fk-case-overview>`,
      );
      expect(el.shadowRoot!.querySelectorAll('[part~="history"] li')).to.have.length(5);
      const more = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /Ältere Einträge/.test(b.textContent!))!;
      more.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="history"] li')).to.have.length(journal.length);
    });

    it('choosing a next step by keyboard fires fk-action for the host', async () => {
      const { state } = await example();
      const el = await fixture<FkCaseOverview>(html`<fk-case-overview .state=${state}></fk-case-overview>`);
      const first = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="action"]')!;
      first.focus();
      expect(deepActiveElement()).to.equal(first);
      const chosen = oneEvent(el, 'fk-action');
      await sendKeys({ press: 'Enter' });
      const detail = (await chosen).detail;
      expect(detail).to.deep.equal({ command: first.dataset['command'], caseId: state.caseId });
    });

    it('speaks English', async () => {
      const { state, journal } = await example();
      const el = await fixture<FkCaseOverview>(
        html`<fk-case-overview lang="en" .state=${state} .journal=${journal}></fk-case-overview>`,
      );
      const text = deepText(el);
      expect(text).to.contain('What is possible now');
      expect(text).to.contain('Lead agency and legal domains over time');
      expect(text).to.contain('scheduled a follow-up.');
      expect(text).not.to.contain('hat den Fall eröffnet');
    });
  });

  describe('connected', () => {
    it("loads the case and its decided history through the core's port and updates live after a write", async () => {
      const { store, state } = await example();
      const clock = new FixedClock('2026-06-01T09:00:00.000Z');
      const ids = new SequentialIds();
      const service = createCaseService({ store, clock, ids, actor: jobcenter });
      const port = connectCaseService({ service, views: createCaseViews({ service, store, clock, ids }), clock });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${port} case-id=${state.caseId}>
          <fk-case-overview></fk-case-overview>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-case-overview')!;
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="history"] li').length > 0, 'history loaded');
      const written = await service.execute({
        type: 'recordContact',
        caseId: state.caseId,
        input: { mode: 'phone', note: 'Telefonat' },
      });
      expect(written.ok, JSON.stringify(written)).to.equal(true);
      await waitUntil(
        () =>
          el
            .shadowRoot!.querySelector('[part~="history"] li')!
            .textContent!.includes('Murat Demir hat einen Kontakt dokumentiert.'),
        'new entry on top',
      );
      await expect(el).to.be.accessible();
    });

    it('releases its live subscription when removed (100 connect/disconnect cycles)', async () => {
      const { state } = await example();
      const service = new FakeCaseService<CaseState>(jobcenter);
      service.setView(state.caseId, state);
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${service} case-id=${state.caseId}></fk-case-provider>`,
      );
      const el = document.createElement('fk-case-overview');
      for (let i = 0; i < 100; i++) {
        provider.appendChild(el);
        await el.updateComplete;
        el.remove();
      }
      expect(service.activeSubscriptions).to.equal(0);
      provider.appendChild(el);
      await waitUntil(() => deepText(el).includes('Fallübersicht'), 'shows the case after re-attaching');
      expect(service.activeSubscriptions).to.equal(1);
    });

    it('DP-24: with a redacted view the free-text reasons of the history are withheld too, and say so', async () => {
      const { state, journal } = await example();
      const marker = {
        redacted: true as const,
        code: 'REDACT_NO_CONSENT',
        rule: 'DP-10',
        message: { de: 'keine Einwilligung', en: 'no consent' },
      };
      const service = Object.assign(new FakeCaseService<CaseState>(jobcenter), {
        loadHistory: async () => ({ ok: true as const, value: { entries: describeJournal(journal) } }),
      });
      service.setView(state.caseId, { ...state, goals: [...state.goals, marker] } as unknown as CaseState);
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${service} case-id=${state.caseId}>
          <fk-case-overview history-limit="500"></fk-case-overview>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-case-overview')!;
      await waitUntil(
        () => el.shadowRoot!.querySelectorAll('[part~="history"] li').length === journal.length,
        'history loaded',
      );
      const history = el.shadowRoot!.querySelector('[part~="history"]')!;
      expect(history.textContent).to.contain('hat die Federführung gewechselt');
      expect(history.textContent).not.to.contain('Begründung:');
      expect(history.querySelector('fk-redacted')).to.not.equal(null);
      const markerText = history.querySelector('fk-redacted')!.shadowRoot!.textContent!;
      expect(markerText).to.contain('Begründungen');
      expect(markerText).to.contain('DP-24');
    });

    it('DP-24: a withheld legal domain says why; a refused view says so with its rule', async () => {
      const { state } = await example();
      const marker = {
        redacted: true as const,
        code: 'REDACT_NOT_TRANSFERRED',
        rule: 'DP-14',
        message: { de: 'nicht übermittelt', en: 'not transferred' },
      };
      const service = new FakeCaseService<CaseState>(jobcenter);
      service.setView(state.caseId, {
        ...state,
        legalDomains: [...state.legalDomains, marker],
      } as unknown as CaseState);
      service.setView('secret', {
        ok: false,
        errors: [
          {
            code: 'DENY_NOT_ASSIGNED',
            rule: 'DP-23',
            message: { de: 'Sie sind nicht zuständig.', en: 'Not assigned.' },
          },
        ],
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${service}>
          <fk-case-overview case-id=${state.caseId}></fk-case-overview>
          <fk-case-overview case-id="secret"></fk-case-overview>
        </fk-case-provider>`,
      );
      const [el, denied] = [...provider.querySelectorAll('fk-case-overview')];
      await waitUntil(() => el!.shadowRoot!.querySelector('fk-redacted') !== null, 'marker shown');
      expect(deepText(el!)).to.contain('nicht an Ihre Stelle übermittelt');
      expect(deepText(el!)).to.contain('Der Verlauf ist hier nicht verfügbar.');
      await waitUntil(() => deepText(denied!).includes('Sie dürfen diesen Fall nicht sehen.'), 'denied shown');
      const notice = denied!.shadowRoot!.querySelector('.notice')!;
      expect(notice.textContent).to.not.contain('DP-23');
      expect(denied!.shadowRoot!.querySelector('details.fk-admin-details')!.textContent).to.contain('DP-23');
      expect(deepQueryAll(el!.shadowRoot!, 'fk-redacted')).to.have.length(1);
      await expect(el!).to.be.accessible();
    });
  });
});
