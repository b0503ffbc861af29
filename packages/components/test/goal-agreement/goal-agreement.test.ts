import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { familyDuldungToSgbII } from '@fallkit/core/examples';
import { type CaseCommand, type CaseState } from '@fallkit/core';
import '../../src/define/fk-goal-agreement.js';
import type {
  FkGoalAgreement,
  GoalAgreementValue,
  GoalEntry,
} from '../../src/goal-agreement/goal-agreement.component.js';
import type { AgreementConsent } from '../../src/goal-agreement/agreement-print.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { runFormControlSuite, deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import {
  button,
  caseManager,
  control,
  exampleState,
  fakeServiceFor,
  mountConnected,
  realCaseService,
  submitRefused,
  typeInto,
} from '../suites/stage-test-helpers.js';

const newGoal: GoalEntry = {
  level: 'case',
  title: 'Eine eigene Wohnung für die Familie',
  indicators: [{ description: 'Mietvertrag unterschrieben', target: 'bis Ende Juni' }],
  domainIds: ['housing'],
  timeFrame: { from: '2026-02-10', until: '2026-06-30' },
  wayOfLife: 'conform',
  agreement: { agreedByPerson: true, agreedOn: '2026-02-10', form: 'signedIntegrationAgreement' },
};
const validValue: GoalAgreementValue = { goals: [newGoal] };
const invalidValue: GoalAgreementValue = { goals: [{ ...newGoal, title: '' }] };

async function openGoal(el: FkGoalAgreement, index: number) {
  const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-path="goals.${index}"]`)!;
  expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  toggle.click();
  await el.updateComplete;
}

async function setDate(el: FkGoalAgreement, path: string, date: string) {
  const input = control<HTMLInputElement>(el, path);
  input.value = date;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<fk-goal-agreement>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkGoalAgreement>('fk-goal-agreement', {
    create: () => document.createElement('fk-goal-agreement'),
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    maxTabStops: 80,
    async fillByKeyboard(el) {
      // Empty form: Tab to "Ziel hinzufügen" and press Enter; focus lands in the new goal's title.
      for (let i = 0; i < 10; i++) {
        const active = el.shadowRoot!.activeElement;
        if (active instanceof HTMLButtonElement && /Ziel hinzufügen/.test(active.textContent ?? '')) break;
        await sendKeys({ press: 'Tab' });
      }
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      await sendKeys({ type: 'Deutschkurs B1 abschließen' });
    },
    expectAfterKeyboard(value) {
      const v = value as GoalAgreementValue;
      expect(v.goals).to.have.length(1);
      expect(v.goals[0]).to.include({ title: 'Deutschkurs B1 abschließen', level: 'case' });
      expect(v.goals[0]!.indicators).to.deep.equal([]);
    },
  });

  describe('standalone', () => {
    it('derives a goal from an assessment domain', async () => {
      const state = await exampleState();
      const assessment = state.assessments.at(-1)!;
      const el = await fixture<FkGoalAgreement>(
        html`<fk-goal-agreement .assessment=${assessment}></fk-goal-agreement>`,
      );
      const derive = el.shadowRoot!.querySelector('[part~="derive"]')!;
      expect(derive.textContent).to.contain('Wohnen');
      button(el, /Ziel ableiten\s*:\s*Wohnen/).click();
      await el.updateComplete;
      expect(el.value.goals[0]).to.deep.include({ domainIds: ['housing'], assessmentId: assessment.id, level: 'case' });
      await expect(el).to.be.accessible();
    });

    it('shows levels, indicators, time frame, way of life and agreement; warns without indicator', async () => {
      const el = await fixture<FkGoalAgreement>(
        html`<fk-goal-agreement .value=${{ goals: [{ ...newGoal, indicators: [] }] }}></fk-goal-agreement>`,
      );
      const text = deepText(el);
      for (const s of [
        'Handlungsziel im Einzelfall',
        'Indikatoren',
        'Zeitrahmen von',
        'konform',
        'diskrepant',
        'konträr',
        'unterschriebene Zielvereinbarung (im SGB II: Kooperationsplan)',
      ])
        expect(text).to.contain(s);
      expect(text).to.contain('Ohne messbaren Indikator');
      expect(el.checkValidity()).to.equal(true);
    });

    it('refuses an agreement without date and a time frame ending before it starts', async () => {
      const el = await fixture<FkGoalAgreement>(
        html`<fk-goal-agreement
          .value=${{ goals: [{ ...newGoal, agreement: { agreedByPerson: true, form: 'oral' }, timeFrame: { from: '2026-06-01', until: '2026-03-01' } }] }}
        ></fk-goal-agreement>`,
      );
      expect(el.checkValidity()).to.equal(false);
      el.reportValidity();
      await el.updateComplete;
      const text = deepText(el);
      expect(text).to.contain('Bitte das Datum der Vereinbarung angeben.');
      expect(text).to.contain('Das Ende des Zeitrahmens liegt vor dem Beginn.');
    });

    it('asks for a reason when an agreed goal changes and shows its history', async () => {
      const stored: GoalEntry = {
        ...newGoal,
        id: 'goal-1',
        status: 'open',
        revisions: [
          {
            revisedOn: '2026-03-01',
            reason: 'Wohnungsmarkt angespannt',
            previous: { ...newGoal, title: 'Wohnung bis April' },
            recordedBy: 'u-km',
            recordedAt: '2026-03-01T10:00:00.000Z',
          },
        ],
        statusHistory: [{ status: 'open', on: '2026-02-10' }],
      };
      const el = await fixture<FkGoalAgreement>(
        html`<fk-goal-agreement .value=${{ goals: [stored] }}></fk-goal-agreement>`,
      );
      const history = el.shadowRoot!.querySelector('[part~="history"]')!;
      expect(history.textContent).to.contain('Verlauf (2)');
      expect(history.textContent).to.contain('Wohnungsmarkt angespannt');
      expect(history.textContent).to.contain('vorher: „Wohnung bis April“');
      // A stored goal shows as a summary until opened.
      expect(el.shadowRoot!.querySelector('[data-path="goals.0.title"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="goal"]')!.textContent).to.contain(
        'Mietvertrag unterschrieben – bis Ende Juni',
      );
      await openGoal(el, 0);
      expect(el.shadowRoot!.activeElement?.getAttribute('data-path')).to.equal('goals.0.title');
      await typeInto(el, 'goals.0.title', 'Eine Wohnung bis September');
      expect(el.checkValidity()).to.equal(false);
      expect(el.validationMessage).to.equal('Bitte geben Sie an, warum das vereinbarte Ziel geändert wird.');
      await typeInto(el, 'goals.0.revisionReason', 'Keine Wohnung bis Juni gefunden');
      expect(el.checkValidity()).to.equal(true);
      // An agreed goal cannot be removed, only given a status.
      expect(() => button(el, /Ziel .* entfernen/)).to.throw();
    });

    it('prints the integration agreement with the consent statements', async () => {
      const consents: AgreementConsent[] = [
        {
          id: 'c-1',
          categories: ['residenceStatus', 'benefits'],
          recipients: [{ agencyId: 'jobcenter', name: 'Jobcenter Musterstadt' }],
          purposes: ['caseManagement'],
          validFrom: '2026-02-10',
          validUntil: '2027-02-09',
        },
        {
          id: 'c-2',
          categories: ['health'],
          recipients: [{ agencyId: 'x' }],
          purposes: ['caseConference:c1'],
          validFrom: '2026-02-10',
          validUntil: '2026-08-01',
          revokedOn: '2026-03-01',
        },
      ];
      const el = await fixture<FkGoalAgreement>(
        html`<fk-goal-agreement
          person-name="Amina Haddad"
          agency-name="Stadt Musterstadt, Integrationsmanagement"
          .value=${validValue}
          .consents=${consents}
        ></fk-goal-agreement>`,
      );
      button(el, /Vereinbarung zum Ausdrucken/).click();
      await el.updateComplete;
      await el.updateComplete;
      const doc = el.shadowRoot!.querySelector('[part~="agreement"]')!;
      const text = doc.textContent!.replace(/\s+/g, ' ');
      // Since July 2023 the SGB II calls its plan Kooperationsplan; the goal agreement is named for what it is.
      expect(text).to.contain('Zielvereinbarung');
      expect(text).to.not.contain('Integrationsvereinbarung');
      expect(text).to.contain('vereinbart von Amina Haddad mit der Stelle „Stadt Musterstadt, Integrationsmanagement“');
      expect(text).to.contain('Eine eigene Wohnung für die Familie');
      expect(text).to.contain('Mietvertrag unterschrieben – bis Ende Juni');
      expect(text).to.contain('dass Angaben zu Aufenthaltsstatus und Leistungen an Jobcenter Musterstadt');
      expect(text).to.not.contain('Gesundheitsdaten');
      expect(text).to.contain('jederzeit');
      expect(text).to.contain('Unterschrift der Person');
      expect(el.shadowRoot!.activeElement?.id).to.equal('print-title');
      await expect(el).to.be.accessible();
      // The stylesheet hides the buttons on paper.
      const css = (el.constructor as typeof FkGoalAgreement).elementStyles
        .map((s) => (s as CSSStyleSheet | { cssText: string }) && ('cssText' in s ? s.cssText : ''))
        .join('');
      expect(css).to.contain('@media print');
    });
  });

  describe('connected', () => {
    const mount = (service: FakeCaseService<CaseState, CaseCommand>, caseId: string, lang = 'de') =>
      mountConnected<FkGoalAgreement>('fk-goal-agreement', service, caseId, (el) => el.value.goals.length > 0, lang);

    it('loads the goals, adds one with agreeGoal, revises one with reviseGoal and sets a status', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId);
      expect(el.value.goals.map((g) => g.id)).to.deep.equal(state.goals.map((g) => g.id));
      const first = state.goals[0]!;
      await openGoal(el, 0);
      await typeInto(el, 'goals.0.title', `${first.title} (angepasst)`);
      await typeInto(el, 'goals.0.revisionReason', 'Neue Lage nach Statuswechsel');
      const status = control<HTMLSelectElement>(el, 'goals.0.status', 'select');
      status.value = 'partlyAchieved';
      status.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      button(el, /Ziel hinzufügen/).click();
      await el.updateComplete;
      await typeInto(el, `goals.${state.goals.length}.title`, 'Führerschein');
      await setDate(el, `goals.${state.goals.length}.agreement.agreedOn`, '2026-03-01');
      const saved = oneEvent(el, 'fk-saved');
      await el.requestSubmit();
      await saved;
      const sent = service.commands.map((c) => c.command);
      expect(sent.map((c) => c.type)).to.deep.equal(['reviseGoal', 'setGoalStatus', 'agreeGoal']);
      expect(sent[0]!.input).to.deep.include({
        goalId: first.id,
        reason: 'Neue Lage nach Statuswechsel',
        changes: { title: `${first.title} (angepasst)` },
      });
      expect(sent[1]!.input).to.deep.equal({ goalId: first.id, status: 'partlyAchieved' });
      expect(sent[2]!.input).to.deep.include({ title: 'Führerschein', level: 'case' });
      expect((sent[2]!.input as GoalEntry).agreement).to.deep.include({ agreedOn: '2026-03-01' });
    });

    it('shows a refusal at the goal and keeps the typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      service.respond = () =>
        refusedWith(
          'PR_GOAL_TIME_FRAME',
          'Der Zeitrahmen ist länger als der Standard erlaubt.',
          'The time frame is longer than the standard allows.',
          { rule: 'PR-14', path: ['timeFrame', 'until'] },
        );
      const el = await mount(service, state.caseId);
      button(el, /Ziel hinzufügen/).click();
      await el.updateComplete;
      const index = state.goals.length;
      await typeInto(el, `goals.${index}.title`, 'Mein neues Ziel');
      await setDate(el, `goals.${index}.agreement.agreedOn`, '2026-03-01');
      await setDate(el, `goals.${index}.timeFrame.until`, '2029-01-01');
      await submitRefused(el);
      expect(control<HTMLInputElement>(el, `goals.${index}.title`).value).to.equal('Mein neues Ziel');
      const field = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(
        `[data-path="goals.${index}.timeFrame.until"]`,
      )!;
      expect(field.error).to.contain('länger als der Standard');
      expect(deepText(el)).to.contain('PR-14');
      await expect(el).to.be.accessible();
    });

    it('puts a refusal at the new goal it concerns by its place among the new ones, not by its title (two equal titles)', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      let calls = 0;
      service.respond = async () =>
        calls++ === 1
          ? refusedWith('DOMAIN', 'Das zweite Ziel wurde abgelehnt.', 'The second goal was refused.', {
              path: ['input', 'title'],
            })
          : { ok: true, value: undefined };
      const el = await mount(service, state.caseId);
      const first = state.goals.length;
      const second = first + 1;
      for (const index of [first, second]) {
        button(el, /Ziel hinzufügen/).click();
        await el.updateComplete;
        await typeInto(el, `goals.${index}.title`, 'Gleicher Titel');
        await setDate(el, `goals.${index}.agreement.agreedOn`, '2026-03-01');
      }
      await submitRefused(el);
      const errorOf = (index: number) =>
        el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(`[data-path="goals.${index}.title"]`)!.error;
      expect(errorOf(second)).to.contain('zweite Ziel');
      expect(errorOf(first) === undefined).to.equal(true);
    });

    it('updates live from a second writer', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId);
      const [first, ...rest] = state.goals;
      service.push(state.caseId, { ...state, goals: [{ ...first!, title: 'Von Kollegin geändert' }, ...rest] });
      await waitUntil(() => el.value.goals[0]!.title === 'Von Kollegin geändert');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#goal-h-0')!.textContent).to.contain('Von Kollegin geändert');
      await openGoal(el, 0);
      expect(control<HTMLInputElement>(el, 'goals.0.title').value).to.equal('Von Kollegin geändert');
    });

    it('DP-24: a withheld goal says why', async () => {
      const state = await exampleState();
      const marker = {
        redacted: true as const,
        code: 'REDACT_NEED_TO_KNOW',
        rule: 'DP-06',
        message: { de: 'nicht erforderlich', en: 'not needed' },
      };
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, goals: [...state.goals, marker] } as unknown as CaseState);
      const el = await mount(service, state.caseId);
      const markers = deepQueryAll(el.shadowRoot!, 'fk-redacted');
      expect(markers).to.have.length(1);
      expect(deepText(el)).to.match(/Ziel\s*:\s*ausgeblendet: für Ihre Rolle nicht erforderlich/);
      await expect(el).to.be.accessible();
    });

    it('speaks English and fills the print view from the case', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId, 'en');
      expect(deepText(el)).to.contain('Goal agreement');
      el.view = 'print';
      await el.updateComplete;
      const person = state.persons.find((p) => p.id === state.addresseeId)!;
      const text = el.shadowRoot!.querySelector('[part~="agreement"]')!.textContent!;
      expect(text).to.contain('Goal agreement');
      expect(text).to.contain(`${person.givenName} ${person.familyName}`);
    });

    it("works with the core's real case service", async () => {
      const { core } = await realCaseService();
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${core} case-id=${familyDuldungToSgbII.caseId}>
          <fk-goal-agreement></fk-goal-agreement>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-goal-agreement')!;
      await waitUntil(() => el.value.goals.length > 0, 'real goals');
      const before = el.value.goals.length;
      button(el, /Ziel hinzufügen/).click();
      await el.updateComplete;
      await typeInto(el, `goals.${before}.title`, 'Schwimmkurs für die Kinder');
      await setDate(el, `goals.${before}.agreement.agreedOn`, '2026-03-01');
      await setDate(el, `goals.${before}.timeFrame.until`, '2026-09-30');
      control<HTMLInputElement>(el, `goals.${before}.agreement.agreedByPerson`).click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-goal-index="${before}"] [data-add-indicator]`)!.click();
      await el.updateComplete;
      await typeInto(el, `goals.${before}.indicators.0.description`, 'Seepferdchen-Abzeichen beider Kinder');
      const accepted = await el.requestSubmit();
      expect(
        accepted,
        `${el.validationMessage} ${JSON.stringify((el as unknown as { feedback: unknown }).feedback)}`,
      ).to.equal(true);
      await waitUntil(
        () => el.value.goals.length === before + 1 && !!el.value.goals[before]!.id,
        'live update from the store',
      );
      expect(el.value.goals[before]!.title).to.equal('Schwimmkurs für die Kinder');
    });
  });
});
