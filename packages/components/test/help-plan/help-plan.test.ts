import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type CaseCommand, type CaseState } from '@fallkit/core';
import '../../src/define/fk-help-plan.js';
import type { FkHelpPlan, HelpPlanValue, MeasureEntry } from '../../src/help-plan/help-plan.component.js';
import { planSteps } from '../../src/help-plan/timeline.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { runFormControlSuite, deepActiveElement, deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import {
  caseManager,
  control,
  exampleState,
  fakeServiceFor,
  mountConnected,
  realCaseService,
  submitRefused,
  typeInto,
} from '../suites/stage-test-helpers.js';

const measure = (over: Partial<MeasureEntry> = {}): MeasureEntry => ({
  title: 'Schuldnerberatung',
  goalIds: [],
  by: { kind: 'formalProvider', name: 'Diakonie Musterstadt' },
  agreement: { agreed: true },
  status: 'planned',
  ...over,
});

const validValue: HelpPlanValue = {
  measures: [
    measure({ id: 'm-1', startOn: '2026-03-01', legalDomain: 'SGB_II', costCarrier: 'Jobcenter Musterstadt' }),
    measure({
      id: 'm-2',
      title: 'Sprachkurs B1',
      by: { kind: 'formalProvider', name: 'VHS' },
      dependsOn: [{ measureId: 'm-1', kind: 'parallel' }],
    }),
    measure({
      id: 'm-3',
      title: 'Bewerbungstraining',
      dependsOn: [{ measureId: 'm-2', kind: 'after' }],
      secondBest: { missingService: 'Bewerbungstraining mit Kinderbetreuung' },
    }),
  ],
};
const invalidValue: HelpPlanValue = { measures: [measure({ title: '' })] };

function many(n: number): HelpPlanValue {
  return { measures: Array.from({ length: n }, (_, i) => measure({ id: `m-${i + 1}`, title: `Maßnahme ${i + 1}` })) };
}

function button(el: FkHelpPlan, text: RegExp): HTMLButtonElement {
  const b = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((x) =>
    text.test(x.textContent?.replace(/\s+/g, ' ') ?? ''),
  );
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

describe('<fk-help-plan>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkHelpPlan>('fk-help-plan', {
    create: () => document.createElement('fk-help-plan'),
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    maxTabStops: 80,
    async fillByKeyboard(el) {
      for (let i = 0; i < 10; i++) {
        const active = el.shadowRoot!.activeElement;
        if (active instanceof HTMLButtonElement && /Maßnahme hinzufügen/.test(active.textContent ?? '')) break;
        await sendKeys({ press: 'Tab' });
      }
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      await sendKeys({ type: 'Wohnungssuche mit Patin' });
      // Tab past description (and the goals hint) to who: the kind select, then the name.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Frau Berger (Patin)' });
    },
    expectAfterKeyboard(value) {
      const m = (value as HelpPlanValue).measures[0]!;
      expect(m.title).to.equal('Wohnungssuche mit Patin');
      expect(m.by).to.deep.equal({ kind: 'formalProvider', name: 'Frau Berger (Patin)' });
    },
  });

  describe('standalone', () => {
    it('shows sequence and parallel steps as a timeline', async () => {
      const el = await fixture<FkHelpPlan>(html`<fk-help-plan .value=${validValue}></fk-help-plan>`);
      const steps = [...el.shadowRoot!.querySelectorAll('[part~="step"]')].map((s) =>
        s.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(steps).to.have.length(2);
      expect(steps[0]).to.contain('Schritt 1 (parallel)');
      expect(steps[0]).to.contain('Schuldnerberatung');
      expect(steps[0]).to.contain('Sprachkurs B1');
      expect(steps[0]).to.contain('zusammen mit Schuldnerberatung');
      expect(steps[1]).to.contain('Bewerbungstraining');
      expect(steps[1]).to.contain('nach Sprachkurs B1');
      await expect(el).to.be.accessible();
    });

    it('a keystroke in one title changes that row only: the DOM of the other rows and list items stays untouched', async () => {
      const el = await fixture<FkHelpPlan>(html`<fk-help-plan page-size="40" .value=${many(40)}></fk-help-plan>`);
      button(el, /Bearbeiten: Maßnahme 1\s*$/).click();
      await el.updateComplete;
      const others = [...el.shadowRoot!.querySelectorAll('[data-key]')].slice(1);
      const list = el.shadowRoot!.querySelector('fk-reorder-list')!;
      const items = [...list.shadowRoot!.querySelectorAll('li')].slice(1);
      const changed: Node[] = [];
      const observer = new MutationObserver((records) => changed.push(...records.map((r) => r.target)));
      for (const node of [...others, ...items])
        observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
      await typeInto(el, 'measures.0.title', 'Maßnahme 1 neu');
      await list.updateComplete;
      observer.disconnect();
      expect(el.value.measures[0]!.title).to.equal('Maßnahme 1 neu');
      expect(list.shadowRoot!.querySelector('li')!.textContent).to.contain('Maßnahme 1 neu');
      expect(changed).to.have.length(0);
    });

    it('planSteps cuts dependency cycles', () => {
      const steps = planSteps([
        { id: 'a', key: 'a', dependsOn: [{ measureId: 'b', kind: 'after' as const }] },
        { id: 'b', key: 'b', dependsOn: [{ measureId: 'a', kind: 'after' as const }] },
      ]);
      expect(steps.flatMap((s) => s.measures.map((m) => m.id)).sort()).to.deep.equal(['a', 'b']);
    });

    it('marks second-best and dissent and requires the missing service', async () => {
      const el = await fixture<FkHelpPlan>(
        html`<fk-help-plan
          .value=${{ measures: [measure({ secondBest: { missingService: '' }, agreement: { agreed: false, personPosition: 'Ich will lieber zur Caritas.' } })] }}
        ></fk-help-plan>`,
      );
      expect(deepText(el)).to.contain('zweitbeste Lösung');
      expect(deepText(el)).to.contain('Dissens');
      expect(el.checkValidity()).to.equal(false);
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      // The measure opened itself and focus went to the missing field.
      const field = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(
        '[data-path="measures.0.secondBest.missingService"]',
      )!;
      expect(field.error).to.equal('Bitte füllen Sie dieses Feld aus.');
      await waitUntil(() => deepActiveElement()?.tagName === 'TEXTAREA');
    });

    it('reorders by keyboard (Alt+Arrow) and announces the move', async () => {
      const el = await fixture<FkHelpPlan>(html`<fk-help-plan .value=${validValue}></fk-help-plan>`);
      const edit = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="m-1"] button')!;
      edit.focus();
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await el.updateComplete;
      expect(el.value.measures.map((m) => m.id)).to.deep.equal(['m-2', 'm-1', 'm-3']);
      const list = el.shadowRoot!.querySelector('fk-reorder-list')!;
      await waitUntil(() => deepText(list).includes('steht jetzt an Position 2 von 3'));
      expect(deepActiveElement()).to.equal(edit);
    });

    it('renders 200 measures a page at a time and finds an error on another page', async () => {
      const value = many(200);
      value.measures[150] = { ...value.measures[150]!, by: { kind: 'partnerAgency', name: '' } };
      const el = await fixture<FkHelpPlan>(html`<fk-help-plan .value=${value}></fk-help-plan>`);
      expect(el.shadowRoot!.querySelectorAll('[part~="measure"]').length).to.equal(25);
      expect(deepText(el)).to.contain('Seite 1 von 8');
      button(el, /Nächste Seite/).click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="measure"] .row-title')!.textContent).to.equal('Maßnahme 26');
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      await aTimeout(0);
      expect(deepText(el)).to.contain('Seite 7 von 8');
      await waitUntil(() => deepActiveElement()?.tagName === 'INPUT');
      expect(el.shadowRoot!.activeElement?.getAttribute('data-path')).to.equal('measures.150.by.name');
      await expect(el).to.be.accessible();
    });
  });

  describe('connected', () => {
    const mount = (service: FakeCaseService<CaseState, CaseCommand>, caseId: string, lang = 'de') =>
      mountConnected<FkHelpPlan>('fk-help-plan', service, caseId, (el) => el.value.measures.length > 0, lang);

    it('loads measures and goals; updates one with updateMeasure, adds one with addMeasure', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId);
      expect(el.value.measures.map((m) => m.id)).to.deep.equal(state.measures.map((m) => m.id));
      const first = state.measures[0]!;
      button(el, new RegExp(`Bearbeiten: ${first.title.replace(/[()]/g, '.')}`)).click();
      await el.updateComplete;
      const status = control<HTMLSelectElement>(el, 'measures.0.status', 'select');
      status.value = 'running';
      status.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      await typeInto(el, 'measures.0.changeReason', 'Termin hat stattgefunden');
      button(el, /Maßnahme hinzufügen/).click();
      await el.updateComplete;
      const n = state.measures.length;
      await typeInto(el, `measures.${n}.title`, 'Patenschaft Wohnungssuche');
      await typeInto(el, `measures.${n}.by.name`, 'Frau Berger');
      // Goals of the case are offered.
      expect(deepText(el)).to.contain(state.goals[0]!.title);
      const saved = oneEvent(el, 'fk-saved');
      await el.requestSubmit();
      await saved;
      const sent = service.commands.map((c) => c.command);
      expect(sent.map((c) => c.type)).to.deep.equal(['updateMeasure', 'addMeasure']);
      expect(sent[0]!.input).to.deep.equal({
        measureId: first.id,
        reason: 'Termin hat stattgefunden',
        changes: { status: 'running' },
      });
      expect(sent[1]!.input).to.deep.include({ title: 'Patenschaft Wohnungssuche' });
      expect(sent[1]!.input).to.not.have.property('key');
    });

    it('shows a refusal at the measure and keeps the typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      service.respond = () =>
        refusedWith(
          'DENY_COST_CARRIER',
          'Dieser Kostenträger ist für den Rechtskreis nicht zuständig.',
          'This cost carrier is not responsible.',
          { rule: 'PR-20', path: ['input', 'costCarrier'] },
        );
      const el = await mount(service, state.caseId);
      button(el, /Maßnahme hinzufügen/).click();
      await el.updateComplete;
      const n = state.measures.length;
      await typeInto(el, `measures.${n}.title`, 'Meine neue Maßnahme');
      await typeInto(el, `measures.${n}.by.name`, 'Träger X');
      await typeInto(el, `measures.${n}.costCarrier`, 'Krankenkasse');
      await submitRefused(el);
      expect(control<HTMLInputElement>(el, `measures.${n}.title`).value).to.equal('Meine neue Maßnahme');
      const field = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(
        `[data-path="measures.${n}.costCarrier"]`,
      )!;
      expect(field, 'field').to.exist;
      expect(
        field.error,
        JSON.stringify((el as unknown as { connection: { refusals: unknown } }).connection.refusals),
      ).to.be.a('string');
      expect(field.error).to.contain('nicht zuständig');
      expect(deepText(el)).to.contain('PR-20');
      await expect(el).to.be.accessible();
    });

    it('updates live from a second writer', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId);
      const [first, ...rest] = state.measures;
      service.push(state.caseId, { ...state, measures: [{ ...first!, status: 'completed' }, ...rest] });
      await waitUntil(() => el.value.measures[0]!.status === 'completed');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="measure"]')!.textContent).to.contain('abgeschlossen');
    });

    it('DP-24: a withheld measure says why; English texts', async () => {
      const state = await exampleState();
      const marker = {
        redacted: true as const,
        code: 'REDACT_NOT_TRANSFERRED',
        rule: 'DP-16',
        message: { de: 'nicht übermittelt', en: 'not transferred' },
      };
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, measures: [...state.measures, marker] } as unknown as CaseState);
      const el = await mount(service, state.caseId, 'en');
      expect(deepQueryAll(el.shadowRoot!, 'fk-redacted')).to.have.length(1);
      const text = deepText(el);
      expect(text).to.match(/Measure\s*:\s*withheld: not transferred to your agency/);
      expect(text).to.contain('Help plan');
      expect(text).to.contain('Course: sequence and parallel steps');
      await expect(el).to.be.accessible();
    });

    it('saves a keyboard reordering to the case (reorderMeasures) with the real case service', async () => {
      const { core, state, store } = await realCaseService();
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${core} case-id=${state.caseId}>
          <fk-help-plan></fk-help-plan>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-help-plan')!;
      await waitUntil(() => el.value.measures.length > 1, 'real plan');
      const before = el.value.measures.map((m) => m.id!);
      const edit = el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-key="${before[0]}"] button`)!;
      edit.focus();
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await el.updateComplete;
      const expected = [before[1]!, before[0]!, ...before.slice(2)];
      expect(el.value.measures.map((m) => m.id)).to.deep.equal(expected);
      expect(await el.requestSubmit()).to.equal(true);
      await waitUntil(
        async () => (await store.readJournal(state.caseId)).at(-1)?.type === 'MeasuresReordered',
        'stored',
      );
      const loaded = await core.loadCase(state.caseId);
      expect(loaded.ok && loaded.value.state.measures.map((m) => m.id)).to.deep.equal(expected);
    });

    it("works with the core's real case service", async () => {
      const { core, state } = await realCaseService();
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${core} case-id=${state.caseId}>
          <fk-help-plan></fk-help-plan>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-help-plan')!;
      await waitUntil(() => el.value.measures.length > 0, 'real plan');
      const n = el.value.measures.length;
      button(el, /Maßnahme hinzufügen/).click();
      await el.updateComplete;
      await typeInto(el, `measures.${n}.title`, 'Schwimmkurs für die Kinder');
      await typeInto(el, `measures.${n}.by.name`, 'DLRG Musterstadt');
      const open = state.goals.findIndex((g) => g.status === 'open' && g.agreement);
      const boxes = el
        .shadowRoot!.querySelector(`[data-path="measures.${n}.goalIds"]`)!
        .shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
      boxes[open]!.click();
      await el.updateComplete;
      const accepted = await el.requestSubmit();
      expect(
        accepted,
        `${el.validationMessage} ${JSON.stringify((el as unknown as { feedback: unknown }).feedback)}`,
      ).to.equal(true);
      await waitUntil(() => el.value.measures.length === n + 1 && !!el.value.measures[n]!.id, 'stored');
      expect(el.value.measures[n]!.title).to.equal('Schwimmkurs für die Kinder');
    });
  });
});
