import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EXAMPLE_ACTORS, familyDuldungToSgbII, olderPersonWithGuardian, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  type Actor,
  type CaseCommand,
  type CaseState,
} from '@fallkit/core';
import '../../src/define/fk-case-closure.js';
import type {
  CaseClosureData,
  CaseClosureValue,
  FkCaseClosure,
} from '../../src/case-closure/case-closure.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { deepActiveElement, deepQueryAll, deepText, runFormControlSuite } from '../suites/form-control-suite.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import { answerConfirmation } from '../suites/confirm-dialog-helpers.js';

const caseManager: Actor = {
  id: 'u-kim-krueger',
  role: 'caseManager',
  agencyId: 'kim-musterstadt',
  name: 'Sabine Krüger',
};

const validValue: CaseClosureValue = {
  closure: {
    reason: 'selfSteering',
    closedOn: '2026-06-30',
    readinessSigns: ['decidesAlone', 'makesAppointmentsAlone', 'copesAloneForWeeks'],
    goalAttainment: [],
  },
  evaluation: {
    planVersusGoals: 'Wohnung gefunden.',
    methods: '',
    cooperation: '',
    effort: { contacts: 14 },
    satisfaction: { rating: 4 },
    providerFeedback: [],
  },
  decisionConfirmed: true,
};
const invalidValue: CaseClosureValue = { ...validValue, decisionConfirmed: false };

async function run(example = familyDuldungToSgbII): Promise<CaseState> {
  const { results } = await runExampleCases({ cases: [example] });
  return results[0]!.state;
}

function field(el: FkCaseClosure, path: string) {
  const f = el.shadowRoot!.querySelector<HTMLElement & { error?: string; value?: unknown }>(`[data-path="${path}"]`);
  if (!f) throw new Error(`no field ${path}`);
  return f;
}

function control<T extends HTMLElement>(el: FkCaseClosure, path: string, selector = 'input, textarea, select'): T {
  return field(el, path).shadowRoot!.querySelector<T>(selector)!;
}

async function typeInto(el: FkCaseClosure, path: string, text: string) {
  const input = control<HTMLInputElement>(el, path);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function pick(el: FkCaseClosure, path: string, value: string) {
  const input = field(el, path).shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
  input.click();
  await el.updateComplete;
}

describe('<fk-case-closure>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkCaseClosure>('fk-case-closure', {
    create: () => {
      const el = document.createElement('fk-case-closure');
      el.today = '2026-06-30';
      return el;
    },
    validValue,
    invalidValue,
    invalidMessage: {
      de: 'Bitte bestätigen Sie, dass Sie den Abschluss fachlich entscheiden.',
      en: 'Please confirm that you take the closure decision.',
    },
    maxTabStops: 90,
    async fillByKeyboard() {
      // Tab into the reason radio group; arrow down picks the next reason.
      for (let i = 0; i < 5 && !(deepActiveElement() instanceof HTMLInputElement); i++)
        await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      await aTimeout(30);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Sie organisiert alles selbst.' });
    },
    expectAfterKeyboard(value) {
      const v = value as CaseClosureValue;
      expect(v.closure.reason).to.equal('selfSteering');
      expect(v.closure.reasonNote).to.equal('Sie organisiert alles selbst.');
    },
  });

  describe('standalone', () => {
    it('shows the three Ballew/Mink groups with explanations and marks signs seen in monitoring', async () => {
      const el = await fixture<FkCaseClosure>(
        html`<fk-case-closure today="2026-06-30" .observedSigns=${['reportsSuccesses']}></fk-case-closure>`,
      );
      const text = deepText(el);
      for (const s of [
        'Wachsende Selbsthilfekompetenz',
        'Wachsende Unabhängigkeit',
        'Wirksame Nutzung des Netzwerks',
        'telefoniert lieber',
        'vereinbart Termine bei Diensten selbst',
      ])
        expect(text).to.contain(s);
      expect(text).to.contain('im Monitoring beobachtet');
      expect(text).to.contain('fachliche Entscheidung eines Menschen');
      await expect(el).to.be.accessible();
    });

    it('closing is a human decision: without the confirmation nothing is submitted', async () => {
      const el = await fixture<FkCaseClosure>(html`<fk-case-closure today="2026-06-30"></fk-case-closure>`);
      let submitted = false;
      el.addEventListener('fk-submit', () => (submitted = true));
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      expect(submitted).to.equal(false);
      expect(field(el, 'decisionConfirmed').error).to.contain('fachlich entscheiden');
    });

    it('judges each goal, warns about missing judgements and few signs, and submits closeCase + recordEvaluation inputs', async () => {
      const el = await fixture<FkCaseClosure>(
        html`<fk-case-closure
          today="2026-06-30"
          .goals=${[
            { id: 'g-1', title: 'Eigene Wohnung' },
            { id: 'g-2', title: 'Deutschkurs B1' },
          ]}
          .providers=${[{ name: 'Wohnungslotsen Musterstadt e. V.', providerReferralId: 'r-1' }]}
        ></fk-case-closure>`,
      );
      await pick(el, 'closure.reason', 'goalsReached');
      el.reportValidity();
      await el.updateComplete;
      expect(deepText(el)).to.contain('Noch nicht beurteilte Ziele: 2.');
      expect(deepText(el)).to.contain('nur wenige Zeichen');
      await pick(el, 'closure.goalAttainment.g-1', 'achieved');
      await pick(el, 'closure.goalAttainment.g-2', 'partlyAchieved');
      await typeInto(el, 'closure.goalAttainment.g-2.note', 'B1 mündlich bestanden');
      await pick(el, 'closure.readinessSigns.selfHelp', 'decidesAlone');
      await pick(el, 'closure.readinessSigns.networkUse', 'keepsContactAlone');
      await pick(el, 'closure.readinessSigns.independence', 'copesAloneForWeeks');
      await typeInto(el, 'evaluation.planVersusGoals', 'Wohnung über die Wohnungslotsen gefunden.');
      await typeInto(el, 'evaluation.effort.hours', '22,5');
      await typeInto(el, 'evaluation.providerFeedback.0.positive', 'Schnelle Rückmeldungen');
      control<HTMLInputElement>(el, 'decisionConfirmed', 'input').click();
      await el.updateComplete;
      expect(deepText(el)).not.to.contain('fehlt die Beurteilung');
      const submitted = oneEvent(el, 'fk-submit');
      expect(await el.requestSubmit()).to.equal(true);
      const data = (await submitted).detail as CaseClosureData;
      expect(data.closure!.goalAttainment).to.deep.equal([
        { goalId: 'g-1', attainment: 'achieved' },
        { goalId: 'g-2', attainment: 'partlyAchieved', note: 'B1 mündlich bestanden' },
      ]);
      expect(data.closure!.readinessSigns).to.deep.equal(['decidesAlone', 'copesAloneForWeeks', 'keepsContactAlone']);
      expect(data.evaluation!.effort).to.deep.equal({ hours: 22.5 });
      expect(data.evaluation!.providerFeedback).to.deep.equal([
        { provider: 'Wohnungslotsen Musterstadt e. V.', providerReferralId: 'r-1', positive: 'Schnelle Rückmeldungen' },
      ]);
      await expect(el).to.be.accessible();
    });

    it('speaks English', async () => {
      const el = await fixture<FkCaseClosure>(html`<fk-case-closure lang="en" today="2026-06-30"></fk-case-closure>`);
      const text = deepText(el);
      expect(text).to.contain('Closure and evaluation');
      expect(text).to.contain('Growing self-help competence');
      expect(text).to.contain('Close case');
      expect(text).not.to.contain('Fall abschließen');
    });
  });

  describe('connected', () => {
    async function mount(service: FakeCaseService<CaseState, CaseCommand>, caseId: string) {
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${service} case-id=${caseId}>
          <fk-case-closure today="2026-06-30"></fk-case-closure>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-case-closure')!;
      await waitUntil(() => el.caseLoaded, 'closure loaded');
      await el.updateComplete;
      return el;
    }

    it('loads goals and providers and sends closeCase then recordEvaluation', async () => {
      const state = await run();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      const el = await mount(service, state.caseId);
      const caseGoals = state.goals.filter((g) => g.level === 'case');
      expect(caseGoals.length).to.be.greaterThan(0);
      for (const g of caseGoals) {
        expect(deepText(el)).to.contain(g.title);
        await pick(el, `closure.goalAttainment.${g.id}`, 'achieved');
      }
      await pick(el, 'closure.reason', 'goalsReached');
      control<HTMLInputElement>(el, 'decisionConfirmed', 'input').click();
      await el.updateComplete;
      const saved = oneEvent(el, 'fk-saved');
      const asked = answerConfirmation(el);
      await el.requestSubmit();
      expect(await asked).to.contain('Fall wirklich abschließen?');
      await saved;
      const sent = service.commands.map((c) => c.command);
      expect(sent.map((c) => c.type)).to.deep.equal(['closeCase', 'recordEvaluation']);
      expect((sent[0]!.input as { goalAttainment: unknown[] }).goalAttainment).to.have.length(caseGoals.length);
    });

    it('shows a refusal in place and keeps the typed text', async () => {
      const state = await run();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      service.respond = () =>
        refusedWith('PR_GOAL_ATTAINMENT_MISSING', 'Zielerreichung fehlt.', 'Goal attainment missing.', {
          rule: 'PR-27',
          path: ['goalAttainment'],
        });
      const el = await mount(service, state.caseId);
      await pick(el, 'closure.reason', 'goalsReached');
      await typeInto(el, 'closure.reasonNote', 'Mein Abschlusstext');
      control<HTMLInputElement>(el, 'decisionConfirmed', 'input').click();
      await el.updateComplete;
      const refused = oneEvent(el, 'fk-refused');
      void answerConfirmation(el);
      await el.requestSubmit();
      await refused;
      await el.updateComplete;
      expect(control<HTMLTextAreaElement>(el, 'closure.reasonNote').value).to.equal('Mein Abschlusstext');
      const section = el.shadowRoot!.querySelector('[part~="attainment"]')!;
      expect(section.textContent).to.contain('Zielerreichung fehlt.');
      expect(deepText(el)).to.contain('PR-27');
      await expect(el).to.be.accessible();
    });

    it('a closed case shows its closure read-only and saves only the evaluation', async () => {
      const state = await run(olderPersonWithGuardian);
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      const el = await mount(service, state.caseId);
      expect(el.closed).to.equal(true);
      expect(deepText(el)).to.contain('Abgeschlossen am');
      expect(el.shadowRoot!.querySelector('[part~="decision"]')).to.equal(null);
      await typeInto(el, 'evaluation.methods', 'Fallkonferenz mit Betreuer hat geholfen.');
      const saved = oneEvent(el, 'fk-saved');
      await el.requestSubmit();
      await saved;
      expect(service.commands.map((c) => c.command.type)).to.deep.equal(['recordEvaluation']);
    });

    it('updates live from a second writer', async () => {
      const state = await run();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, state);
      const el = await mount(service, state.caseId);
      const goal = state.goals.find((g) => g.level === 'case')!;
      service.push(state.caseId, {
        ...state,
        goals: [...state.goals, { ...goal, id: 'new-goal', title: 'Von Kollegin ergänzt' }],
      });
      await waitUntil(() => deepText(el).includes('Von Kollegin ergänzt'), 'second writer shown');
    });

    it('DP-24: a withheld goal says why', async () => {
      const state = await run();
      const marker = {
        redacted: true as const,
        code: 'REDACT_NEED_TO_KNOW',
        rule: 'DP-06',
        message: { de: 'nicht erforderlich', en: 'not needed' },
      };
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, goals: [...state.goals, marker] } as unknown as CaseState);
      const el = await mount(service, state.caseId);
      expect(deepQueryAll(el.shadowRoot!, 'fk-redacted')).to.have.length(1);
      expect(deepText(el)).to.contain('für Ihre Rolle nicht erforderlich');
    });

    it("closes a case through the core's real case service", async () => {
      const store = new MemoryCaseStore();
      await runExampleCases({ store, cases: [familyDuldungToSgbII] });
      const core = createCaseService({
        store,
        clock: new FixedClock('2026-06-30T10:00:00.000Z'),
        ids: new SequentialIds(),
        actor: EXAMPLE_ACTORS.jobcenterCaseManager,
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${core} case-id=${familyDuldungToSgbII.caseId}>
          <fk-case-closure today="2026-06-30"></fk-case-closure>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-case-closure')!;
      await waitUntil(() => el.caseLoaded, 'real case');
      await el.updateComplete;
      const state = (await core.loadCase(familyDuldungToSgbII.caseId)) as { ok: true; value: { state: CaseState } };
      for (const g of state.value.state.goals.filter((x) => x.level === 'case' && x.status === 'open'))
        await pick(el, `closure.goalAttainment.${g.id}`, 'achieved');
      await pick(el, 'closure.reason', 'handedOver');
      await typeInto(el, 'closure.continuedBy', 'Jobcenter Musterstadt');
      control<HTMLInputElement>(el, 'decisionConfirmed', 'input').click();
      await el.updateComplete;
      void answerConfirmation(el);
      const accepted = await el.requestSubmit();
      expect(accepted, JSON.stringify(el.feedback)).to.equal(true);
      const after = await core.loadCase(familyDuldungToSgbII.caseId);
      expect(after.ok && after.value.state.status).to.equal('closed');
      expect(after.ok && after.value.state.evaluation).to.not.equal(null);
      await waitUntil(() => el.closed, 'closed view');
    });
  });
});
