import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { type CaseCommand, type CaseState, SGB9_GESAMTPLAN } from '@fallkit/core';
import '../../src/define/fk-assessment-form.js';
import type { FkAssessmentForm, AssessmentFormData } from '../../src/assessment-form/assessment-form.component.js';
import { deepText } from '../suites/form-control-suite.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import { caseManager, mountConnected, pickRadio, typeInto } from '../suites/stage-test-helpers.js';
import { PROFILE_EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';

describe('<fk-assessment-form> narrative mode and profile domains (issue 20)', () => {
  afterEach(() => {
    document.documentElement.lang = 'de';
  });

  it('switches to a narrative assessment: no life domains, one free text, fk-submit carries mode narrative', async () => {
    const el = await fixture<FkAssessmentForm>(html`<fk-assessment-form></fk-assessment-form>`);
    await pickRadio(el, 'mode', 'narrative');
    const domains = el.shadowRoot!.querySelector<HTMLElement>('[part="domains"]')!;
    expect(domains.hidden).to.equal(true);
    await typeInto(el, 'narrative', 'Sie erzählt vom Streit zu Hause und will in Ruhe zur Schule.');
    const submitted = oneEvent(el, 'fk-submit');
    void el.requestSubmit();
    const { detail } = (await submitted) as CustomEvent<AssessmentFormData>;
    expect(detail.mode).to.equal('narrative');
    expect(detail.domains).to.deep.equal([]);
    expect(detail.narrative).to.contain('Streit zu Hause');
    await expect(el).to.be.accessible();
  });

  it('a narrative assessment without text is not saved and says why', async () => {
    const el = await fixture<FkAssessmentForm>(html`<fk-assessment-form></fk-assessment-form>`);
    await pickRadio(el, 'mode', 'narrative');
    let submitted = false;
    el.addEventListener('fk-submit', () => (submitted = true));
    await el.requestSubmit();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(deepText(el)).to.contain('Bitte halten Sie das narrative Assessment fest.');
    await expect(el).to.be.accessible();
  });

  it('with the SGB IX profile offers the nine ICF areas with their codes', async () => {
    const el = await fixture<FkAssessmentForm>(
      html`<fk-assessment-form .standard=${SGB9_GESAMTPLAN.assessment}></fk-assessment-form>`,
    );
    const text = deepText(el);
    for (const domain of SGB9_GESAMTPLAN.assessment.lifeDomains)
      expect(text).to.contain(`${domain.code} ${domain.label.de}`);
  });

  it('connected: loads a narrative version in narrative mode', async () => {
    const example = PROFILE_EXAMPLE_CASES[1]!;
    const cut = example.steps.findIndex((s) => s.type === 'recordAssessment');
    const { results } = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
    const state = results[0]!.state;
    const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
    service.setView(state.caseId, state);
    const el = await mountConnected<FkAssessmentForm>(
      'fk-assessment-form',
      service,
      state.caseId,
      (e) => e.value.mode === 'narrative',
    );
    expect(el.value.narrative).to.contain('Streit über Handy');
    expect(deepText(el)).to.contain('Narratives Assessment');
  });

  it('renders the mode switch in English', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<FkAssessmentForm>(html`<fk-assessment-form></fk-assessment-form>`);
    expect(deepText(el)).to.contain('As a narrative');
    await expect(el).to.be.accessible();
  });
});
