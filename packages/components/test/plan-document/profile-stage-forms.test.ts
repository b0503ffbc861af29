import { expect, fixture, html } from '@open-wc/testing';
import { PROFILE_EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import { type CaseCommand, type CaseState, SGB2_KOOPERATIONSPLAN, SGB9_GESAMTPLAN } from '@fallkit/core';
import '../../src/define/fk-goal-agreement.js';
import '../../src/define/fk-help-plan.js';
import type { FkGoalAgreement } from '../../src/goal-agreement/goal-agreement.component.js';
import type { FkHelpPlan } from '../../src/help-plan/help-plan.component.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import { deepText } from '../suites/form-control-suite.js';
import { caseManager, mountConnected } from '../suites/stage-test-helpers.js';

describe('goal agreement and help plan under a legal profile (issue 20)', () => {
  it('the goal agreement names the Kooperationsplan’s integration goal with its provision (§ 15 SGB II)', async () => {
    const el = await fixture<FkGoalAgreement>(
      html`<fk-goal-agreement .processStandard=${SGB2_KOOPERATIONSPLAN}></fk-goal-agreement>`,
    );
    const hint = el.shadowRoot!.querySelector('[part="profile"]')!;
    expect(hint.textContent).to.contain('Kooperationsplan');
    expect(hint.textContent).to.contain('Eingliederungsziel');
    expect(hint.textContent).to.contain('Pflicht');
    expect(hint.textContent).to.contain('§ 15 Abs. 2 Satz 1 SGB II');
    await expect(el).to.be.accessible();
  });

  it('the help plan names the Gesamtplan’s services (§ 121 Abs. 4 Nr. 3 SGB IX); none under the default standard', async () => {
    const el = await fixture<FkHelpPlan>(html`<fk-help-plan .processStandard=${SGB9_GESAMTPLAN}></fk-help-plan>`);
    expect(deepText(el)).to.contain('Art, Inhalt, Umfang und Dauer der Leistungen');
    expect(deepText(el)).to.contain('§ 121 Abs. 4 Nr. 3 SGB IX');
    await expect(el).to.be.accessible();
    const plain = await fixture<FkHelpPlan>(html`<fk-help-plan></fk-help-plan>`);
    expect(plain.shadowRoot!.querySelector('[part="profile"]')).to.equal(null);
  });

  it('together: large type and plain labels in both forms', async () => {
    const goals = await fixture<FkGoalAgreement>(
      html`<fk-goal-agreement together .processStandard=${SGB2_KOOPERATIONSPLAN}></fk-goal-agreement>`,
    );
    expect(parseFloat(getComputedStyle(goals).fontSize)).to.be.greaterThan(19);
    expect(deepText(goals)).to.contain('Das kommt in Ihren Kooperationsplan:');
    expect(deepText(goals)).to.contain('Wo Sie hinwollen');
    expect(deepText(goals)).to.contain('Wir vereinbaren die Ziele zusammen.');
    const plan = await fixture<FkHelpPlan>(
      html`<fk-help-plan together .processStandard=${SGB2_KOOPERATIONSPLAN}></fk-help-plan>`,
    );
    expect(deepText(plan)).to.contain('Die nächsten Schritte');
    await expect(goals).to.be.accessible();
    await expect(plan).to.be.accessible();
  });

  it('connected: the goal agreement takes the case’s own standard from the view', async () => {
    const example = PROFILE_EXAMPLE_CASES[2]!;
    const cut = example.steps.findIndex((s) => s.type === 'agreeGoal');
    const { results } = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
    const state = results[0]!.state;
    const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
    service.setView(state.caseId, state);
    const el = await mountConnected<FkGoalAgreement>(
      'fk-goal-agreement',
      service,
      state.caseId,
      (e) => e.processStandard !== undefined,
    );
    expect(el.processStandard?.id).to.equal('sgb9-gesamtplan');
    expect(deepText(el)).to.contain('Teilhabeziele');
  });
});
