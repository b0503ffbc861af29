import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  type Actor,
  type CaseCommand,
  type CaseState,
} from '@fallkit/core';
import { runExampleCases, youngAdultDebtsAddiction } from '@fallkit/core/examples';
import '../../src/define/fk-monitoring.js';
import type { FkMonitoring, MonitoringData, MonitoringValue } from '../../src/monitoring/monitoring.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { deepQueryAll, deepText, runFormControlSuite } from '../suites/form-control-suite.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';

const caseManager: Actor = {
  id: 'u-kim-krueger',
  role: 'caseManager',
  agencyId: 'kim-musterstadt',
  name: 'Sabine Krüger',
};

const validValue: MonitoringValue = {
  contacts: [
    {
      on: '2026-05-04',
      mode: 'phone',
      withInterpreter: false,
      reached: true,
      note: 'Termin bei der Schuldnerberatung steht.',
    },
  ],
  followUps: [],
  progress: [],
  deviations: [],
};
const invalidValue: MonitoringValue = { ...validValue, followUps: [{ dueOn: '2026-06-01', subject: '' }] };

const stored: MonitoringValue = {
  contacts: [
    {
      id: 'c-1',
      on: '2026-04-20',
      mode: 'homeVisit',
      withInterpreter: true,
      reached: true,
      note: 'Hausbesuch mit Sprachmittlerin.',
    },
  ],
  followUps: [
    { id: 'f-1', dueOn: '2026-04-01', subject: 'Kita-Platz nachfragen', done: false },
    { id: 'f-2', dueOn: '2026-03-01', subject: 'Antrag abgegeben?', done: true, doneOn: '2026-03-02', outcome: 'ja' },
  ],
  progress: [
    {
      id: 'p-1',
      on: '2026-04-20',
      target: { kind: 'goal', id: 'g-1' },
      judgement: 'stalled',
      note: 'Noch keine Wohnung.',
    },
  ],
  deviations: [
    {
      id: 'd-1',
      on: '2026-04-20',
      kind: 'situationChanged',
      description: 'Trennung vom Partner',
      triggersReassessment: true,
    },
  ],
};

async function exampleState(): Promise<CaseState> {
  const { results } = await runExampleCases({ cases: [youngAdultDebtsAddiction] });
  return results[0]!.state;
}

function control<T extends HTMLElement>(el: FkMonitoring, path: string, selector = 'input, textarea, select'): T {
  const field = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="${path}"]`);
  if (!field) throw new Error(`no field ${path}`);
  return field.shadowRoot!.querySelector<T>(selector)!;
}

async function typeInto(el: FkMonitoring, path: string, text: string) {
  const input = control<HTMLInputElement>(el, path);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function check(el: FkMonitoring, path: string, on = true) {
  const input = control<HTMLInputElement>(el, path, 'input');
  if (input.checked !== on) input.click();
  await el.updateComplete;
}

function button(el: FkMonitoring, text: RegExp): HTMLButtonElement {
  const b = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((x) =>
    text.test(x.getAttribute('aria-label') ?? x.textContent ?? ''),
  );
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

describe('<fk-monitoring>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkMonitoring>('fk-monitoring', {
    create: () => {
      const el = document.createElement('fk-monitoring');
      el.today = '2026-05-04';
      return el;
    },
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    async fillByKeyboard(el) {
      for (let i = 0; i < 10; i++) {
        const active = el.shadowRoot!.activeElement;
        if (active instanceof HTMLButtonElement && /Kontakt dokumentieren/.test(active.textContent ?? '')) break;
        await sendKeys({ press: 'Tab' });
      }
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      await sendKeys({ type: 'Telefonat: Termin steht' });
    },
    expectAfterKeyboard(value) {
      const v = value as MonitoringValue;
      expect(v.contacts).to.have.length(1);
      expect(v.contacts[0]).to.include({ note: 'Telefonat: Termin steht', mode: 'inPerson', on: '2026-05-04' });
    },
  });

  describe('standalone', () => {
    it('shows the contact log, follow-ups with overdue marks, progress per goal and the re-assessment trigger', async () => {
      const el = await fixture<FkMonitoring>(
        html`<fk-monitoring
          today="2026-05-04"
          .targets=${[
            { kind: 'goal', id: 'g-1', title: 'Eigene Wohnung' },
            { kind: 'measure', id: 'm-1', title: 'Wohnungslotsen' },
          ]}
          .value=${stored}
        ></fk-monitoring>`,
      );
      const text = deepText(el);
      expect(text).to.contain('Hausbesuch');
      expect(text).to.contain('mit Sprachmittlung');
      expect(text).to.contain('überfällig seit 01.04.2026');
      expect(text).to.contain('erledigt am 02.03.2026');
      expect(text).to.contain('stockt');
      expect(text).to.contain('noch nicht eingeschätzt');
      const trigger = el.shadowRoot!.querySelector('[part~="trigger"]')!;
      expect(trigger.textContent).to.contain('Re-Assessment angezeigt');
      expect(trigger.textContent).to.contain('Trennung vom Partner');
      const requested = oneEvent(el, 'fk-reassessment-requested');
      button(el, /Re-Assessment beginnen/).click();
      const event = await requested;
      expect(event.detail.deviationIds).to.deep.equal(['d-1']);
      expect(event.detail.reason).to.contain('Trennung vom Partner');
      await expect(el).to.be.accessible();
    });

    it('records progress, a deviation with a service gap and completes a follow-up (fk-submit carries command inputs)', async () => {
      const el = await fixture<FkMonitoring>(
        html`<fk-monitoring
          today="2026-05-04"
          .targets=${[{ kind: 'goal', id: 'g-1', title: 'Eigene Wohnung' }]}
          .value=${stored}
        ></fk-monitoring>`,
      );
      button(el, /Fortschritt von „Eigene Wohnung“ einschätzen/).click();
      await el.updateComplete;
      await typeInto(el, 'progress.1.note', 'Besichtigung nächste Woche');
      button(el, /Abweichung dokumentieren/).click();
      await el.updateComplete;
      await typeInto(el, 'deviations.1.description', 'Kein Platz im Sprachkurs mit Kinderbetreuung');
      await check(el, 'deviations.1.missingService');
      await typeInto(el, 'deviations.1.missingService.description', 'Sprachkurs mit Kinderbetreuung');
      await typeInto(el, 'deviations.1.missingService.serviceKind', 'Sprachkurs');
      await check(el, 'followUps.0.done');
      await typeInto(el, 'followUps.0.outcome', 'Platz ab August');
      const submitted = oneEvent(el, 'fk-submit');
      await el.requestSubmit();
      const data = (await submitted).detail as MonitoringData;
      expect(data.progress).to.have.length(1);
      expect(data.progress[0]).to.deep.include({
        judgement: 'onTrack',
        note: 'Besichtigung nächste Woche',
        target: { kind: 'goal', id: 'g-1' },
      });
      expect(data.deviations[0]!.missingService).to.deep.equal({
        description: 'Sprachkurs mit Kinderbetreuung',
        serviceKind: 'Sprachkurs',
      });
      expect(data.completions).to.deep.equal([{ followUpId: 'f-1', doneOn: '2026-05-04', outcome: 'Platz ab August' }]);
      expect(data.contacts).to.deep.equal([]);
    });

    it('records observed Ballew/Mink readiness signs in their three groups; an empty observation is refused', async () => {
      const el = await fixture<FkMonitoring>(html`<fk-monitoring today="2026-05-04"></fk-monitoring>`);
      button(el, /Beobachtung festhalten/).click();
      await el.updateComplete;
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="readiness"]')!.textContent).to.contain(
        'Bitte mindestens 1 Einträge angeben.',
      );
      const pick = async (group: string, value: string) => {
        el.shadowRoot!.querySelector(`[data-path="readiness.0.signs.${group}"]`)!
          .shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!
          .click();
        await el.updateComplete;
      };
      await pick('networkUse', 'makesAppointmentsAlone');
      await pick('selfHelp', 'reportsSuccesses');
      await typeInto(el, 'readiness.0.note', 'Hat den Termin beim Jobcenter selbst verschoben.');
      const submitted = oneEvent(el, 'fk-submit');
      expect(await el.requestSubmit()).to.equal(true);
      const data = (await submitted).detail as MonitoringData;
      expect(data.readiness).to.deep.equal([
        {
          on: '2026-05-04',
          signs: ['reportsSuccesses', 'makesAppointmentsAlone'],
          note: 'Hat den Termin beim Jobcenter selbst verschoben.',
        },
      ]);
      await expect(el).to.be.accessible();
    });

    it('blocks a new follow-up without subject and date, with the errors at the fields', async () => {
      const el = await fixture<FkMonitoring>(html`<fk-monitoring today="2026-05-04"></fk-monitoring>`);
      button(el, /Wiedervorlage anlegen/).click();
      await el.updateComplete;
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      const subject = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(
        '[data-path="followUps.0.subject"]',
      )!;
      const due = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>('[data-path="followUps.0.dueOn"]')!;
      expect(subject.error).to.equal('Bitte füllen Sie dieses Feld aus.');
      expect(due.error).to.be.a('string');
      await expect(el).to.be.accessible();
    });

    it('speaks English', async () => {
      const el = await fixture<FkMonitoring>(
        html`<fk-monitoring lang="en" today="2026-05-04" .value=${stored}></fk-monitoring>`,
      );
      const text = deepText(el);
      expect(text).to.contain('Contacts');
      expect(text).to.contain('Follow-ups');
      expect(text).to.contain('Re-assessment indicated');
      expect(text).to.contain('home visit');
      expect(text).not.to.contain('Wiedervorlage anlegen');
    });
  });

  describe('connected', () => {
    async function mount(service: FakeCaseService<CaseState, CaseCommand>, caseId: string) {
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${service} case-id=${caseId}>
          <fk-monitoring today="2026-05-04"></fk-monitoring>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-monitoring')!;
      await waitUntil(() => el.value.contacts.length + el.value.followUps.length > 0, 'monitoring loaded');
      await el.updateComplete;
      return el;
    }

    it('loads the case, records a contact and completes a follow-up through the commands', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      const el = await mount(service, state.caseId);
      expect(deepText(el)).to.contain('Schuldenregulierung beginnen, Wohnung sichern');
      expect(deepText(el)).to.contain('Zwei Termine der Suchtberatung im April versäumt.');
      button(el, /Kontakt dokumentieren/).click();
      await el.updateComplete;
      await typeInto(
        el,
        'contacts.' + (el.value.contacts.length - 1) + '.note',
        'Telefonat, Termin Schuldnerberatung am 12.5.',
      );
      const followUpIndex = el.value.followUps.findIndex((f) => !f.done);
      await check(el, `followUps.${followUpIndex}.done`);
      const saved = oneEvent(el, 'fk-saved');
      await el.requestSubmit();
      await saved;
      const sent = service.commands.map((c) => c.command);
      expect(sent.map((c) => c.type)).to.deep.equal(['recordContact', 'completeFollowUp']);
      expect(sent[0]!.input).to.deep.include({
        note: 'Telefonat, Termin Schuldnerberatung am 12.5.',
        mode: 'inPerson',
      });
      expect(sent[1]!.input).to.deep.include({ followUpId: el.value.followUps[followUpIndex]!.id });
      expect(sent.every((c) => c.caseId === state.caseId)).to.equal(true);
    });

    it('shows a refusal at the entry and keeps the typed text', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      service.respond = () =>
        refusedWith('PR_CLOSED', 'Der Fall ist abgeschlossen.', 'The case is closed.', {
          rule: 'PR-01',
          path: ['input', 'note'],
        });
      const el = await mount(service, state.caseId);
      button(el, /Kontakt dokumentieren/).click();
      await el.updateComplete;
      const index = el.value.contacts.length - 1;
      await typeInto(el, `contacts.${index}.note`, 'Mein getippter Text');
      const refused = oneEvent(el, 'fk-refused');
      await el.requestSubmit();
      await refused;
      await el.updateComplete;
      expect(control<HTMLTextAreaElement>(el, `contacts.${index}.note`).value).to.equal('Mein getippter Text');
      const field = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(
        `[data-path="contacts.${index}.note"]`,
      )!;
      expect(field.error).to.contain('abgeschlossen');
      expect(deepText(el)).to.contain('PR-01');
      await expect(el).to.be.accessible();
    });

    it('puts a refusal at the entry it concerns by its place among the new ones, not by its text (two equal notes)', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      let calls = 0;
      service.respond = async () =>
        calls++ === 1
          ? refusedWith('DOMAIN', 'Der zweite Kontakt wurde abgelehnt.', 'The second contact was refused.', {
              path: ['input', 'note'],
            })
          : { ok: true, value: undefined };
      const el = await mount(service, state.caseId);
      button(el, /Kontakt dokumentieren/).click();
      await el.updateComplete;
      button(el, /Kontakt dokumentieren/).click();
      await el.updateComplete;
      const second = el.value.contacts.length - 1;
      const first = second - 1;
      await typeInto(el, `contacts.${first}.note`, 'Gleicher Text');
      await typeInto(el, `contacts.${second}.note`, 'Gleicher Text');
      const refused = oneEvent(el, 'fk-refused');
      await el.requestSubmit();
      await refused;
      await el.updateComplete;
      const errorOf = (index: number) =>
        el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(`[data-path="contacts.${index}.note"]`)!.error;
      expect(errorOf(second)).to.contain('zweite Kontakt');
      expect(errorOf(first)).to.equal(undefined);
    });

    it('updates live from a second writer', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      const el = await mount(service, state.caseId);
      const contact = { ...state.contacts[0]!, id: 'other-contact', note: 'Kollegin hat angerufen.' };
      service.push(state.caseId, { ...state, contacts: [...state.contacts, contact] });
      await waitUntil(() => deepText(el).includes('Kollegin hat angerufen.'), 'second writer shown');
    });

    it('DP-24: withheld entries say why', async () => {
      const state = await exampleState();
      const marker = {
        redacted: true as const,
        code: 'REDACT_NO_CONSENT',
        rule: 'DP-10',
        message: { de: 'keine Einwilligung', en: 'no consent' },
      };
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, contacts: [...state.contacts, marker] } as unknown as CaseState);
      const el = await mount(service, state.caseId);
      expect(deepQueryAll(el.shadowRoot!, 'fk-redacted')).to.have.length(1);
      expect(deepText(el)).to.contain('ausgeblendet');
      expect(deepText(el)).to.contain('REDACT_NO_CONSENT');
      await expect(el).to.be.accessible();
    });

    it("saves through the core's real case service and sees its own write live", async () => {
      const store = new MemoryCaseStore();
      await runExampleCases({ store, cases: [youngAdultDebtsAddiction] });
      const core = createCaseService({
        store,
        clock: new FixedClock('2026-05-04T10:00:00.000Z'),
        ids: new SequentialIds(),
        actor: youngAdultDebtsAddiction.actor,
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${core} case-id=${youngAdultDebtsAddiction.caseId}>
          <fk-monitoring today="2026-05-04"></fk-monitoring>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-monitoring')!;
      await waitUntil(() => el.value.followUps.length > 0, 'real case loaded');
      const before = el.value.contacts.length;
      button(el, /Kontakt dokumentieren/).click();
      await el.updateComplete;
      await typeInto(el, `contacts.${before}.note`, 'Persönliches Gespräch, alles im Plan.');
      const saved = oneEvent(el, 'fk-saved');
      await el.requestSubmit();
      await saved;
      await waitUntil(() => el.value.contacts.filter((c) => c.id).length === before + 1, 'stored contact comes back');
      const loaded = await core.loadCase(youngAdultDebtsAddiction.caseId);
      expect(loaded.ok && loaded.value.state.contacts.at(-1)!.note).to.equal('Persönliches Gespräch, alles im Plan.');
    });
  });
});
