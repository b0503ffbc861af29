import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { PROFILE_EXAMPLE_CASES, runExampleCases, type ExampleCase } from '@fallkit/core/examples';
import {
  type CaseCommand,
  type CaseState,
  SGB2_KOOPERATIONSPLAN,
  SGB8_HILFEPLAN,
  SGB9_GESAMTPLAN,
} from '@fallkit/core';
import '../../src/define/fk-plan-form.js';
import '../../src/define/fk-case-provider.js';
import type { FkPlanForm, PlanFormData } from '../../src/plan-document/plan-form.component.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import { deepText } from '../suites/form-control-suite.js';
import { button, caseManager, mountConnected, typeInto } from '../suites/stage-test-helpers.js';

/** The example's case just before its plan is recorded (goals and measures agreed). */
async function beforePlan(example: ExampleCase): Promise<CaseState> {
  const cut = example.steps.findIndex((s) => s.type === 'recordPlan');
  const { results } = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut) }] });
  return results[0]!.state;
}

describe('<fk-plan-form>', () => {
  afterEach(() => {
    document.documentElement.lang = 'de';
  });

  it('shows one field per item of the Kooperationsplan with Pflicht/Soll and the provision (§ 15 SGB II)', async () => {
    const state = await beforePlan(PROFILE_EXAMPLE_CASES[0]!);
    const el = await fixture<FkPlanForm>(
      html`<fk-plan-form .standard=${SGB2_KOOPERATIONSPLAN} .caseState=${state}></fk-plan-form>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Kooperationsplan');
    expect(text).to.contain('Eingliederungsziel');
    expect(text).to.contain('Aus der Zielvereinbarung: 1 vereinbarte Ziele.');
    expect(text).to.contain('Aus dem Hilfeplan: 2 Maßnahmen.');
    expect(text).to.contain('Eigenbemühungen (Mindestumfang) und ihr Nachweis');
    expect(text).to.contain('§ 15 Abs. 2 Satz 2 SGB II (ungeprüft)');
    expect(el.shadowRoot!.querySelectorAll('[data-item]').length).to.equal(10);
    await expect(el).to.be.accessible();
  });

  it('PR-33: a Gesamtplan without § 121 (4) content cannot be saved; the error names the provision', async () => {
    const state = await beforePlan(PROFILE_EXAMPLE_CASES[2]!);
    const el = await fixture<FkPlanForm>(
      html`<fk-plan-form .standard=${SGB9_GESAMTPLAN} .caseState=${state}></fk-plan-form>`,
    );
    let submitted = false;
    el.addEventListener('fk-submit', () => (submitted = true));
    await el.requestSubmit();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    const text = deepText(el);
    expect(text).to.contain('Erkenntnisse aus sozialmedizinischen Gutachten fehlt (§ 121 Abs. 4 Nr. 5 SGB IX).');
    expect(text).to.contain('fehlt (§ 121 Abs. 3 SGB IX)');
    await expect(el).to.be.accessible();
  });

  it('together: plain labels, large type, the person’s own words first; fk-submit carries the recordPlan input', async () => {
    const state = await beforePlan(PROFILE_EXAMPLE_CASES[1]!);
    const el = await fixture<FkPlanForm>(
      html`<fk-plan-form together .standard=${SGB8_HILFEPLAN} .caseState=${state}></fk-plan-form>`,
    );
    expect(parseFloat(getComputedStyle(el).fontSize)).to.be.greaterThan(19);
    const first = el.shadowRoot!.querySelector('section')!;
    expect(first.getAttribute('part')).to.equal('own-words');
    expect(deepText(el)).to.contain('Was gebraucht wird');
    await typeInto(el, 'personsOwnWords', 'Ich will wieder nach Hause.');
    button(el, /Beteiligte Person hinzufügen/).click();
    await el.updateComplete;
    await typeInto(el, 'participants.0.name', 'Jana Berisha');
    await typeInto(el, 'participants.0.role', 'Jugendliche');
    await typeInto(el, 'sections.need', 'Ruhe und Sicherheit.');
    await typeInto(el, 'sections.kindOfHelp', 'Wohngruppe (§ 34).');
    const submitted = oneEvent(el, 'fk-submit');
    void el.requestSubmit();
    const { detail } = (await submitted) as CustomEvent<PlanFormData>;
    expect(detail.personsOwnWords).to.equal('Ich will wieder nach Hause.');
    expect(detail.participants).to.deep.equal([{ name: 'Jana Berisha', role: 'Jugendliche' }]);
    expect(detail.sections).to.deep.equal([
      { itemId: 'need', text: 'Ruhe und Sicherheit.' },
      { itemId: 'kindOfHelp', text: 'Wohngruppe (§ 34).' },
    ]);
    expect(detail.helpOutsideFamily).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('connected: takes the case’s own standard and the latest plan, and saves with recordPlan', async () => {
    const example = PROFILE_EXAMPLE_CASES[0]!;
    const cut = example.steps.findIndex((s) => s.type === 'recordPlan');
    const { results } = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
    const state = results[0]!.state;
    const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
    service.setView(state.caseId, state);
    const el = await mountConnected<FkPlanForm>(
      'fk-plan-form',
      service,
      state.caseId,
      (e) => e.value.personsOwnWords !== '',
    );
    expect(el.standard?.id).to.equal('sgb2-kooperationsplan');
    expect(el.value.sections['targetJobs']).to.contain('Staplerfahrer');
    const saved = oneEvent(el, 'fk-saved');
    button(el, /Plan festschreiben/).click();
    await saved;
    const sent = service.commands.at(-1)!.command;
    expect(sent.type).to.equal('recordPlan');
  });

  it('renders in English', async () => {
    document.documentElement.lang = 'en';
    const state = await beforePlan(PROFILE_EXAMPLE_CASES[2]!);
    const el = await fixture<FkPlanForm>(
      html`<fk-plan-form .standard=${SGB9_GESAMTPLAN} .caseState=${state}></fk-plan-form>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Overall plan');
    expect(text).to.contain('Required');
    expect(text).to.contain('Record the plan');
    await expect(el).to.be.accessible();
  });
});
