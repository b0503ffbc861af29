import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LEGAL_PROFILES, type CaseState, type ProcessStandard } from '@fallkit/core';
import { foldPrivacy, viewCase } from '@fallkit/core/internal';
import { foldRights } from '@fallkit/core/rights';
import { PROFILE_EXAMPLE_CASES, runExampleCases, type ExampleCase } from '@fallkit/core/examples';
import '../../src/define/fk-plan-document.js';
import type { FkPlanDocument } from '../../src/plan-document/plan-document.component.js';
import { deepText } from '../suites/form-control-suite.js';

async function caseWithPlan(example: ExampleCase): Promise<{ state: CaseState; standard: ProcessStandard }> {
  const cut = example.steps.findIndex((s) => s.type === 'recordPlan');
  const { results } = await runExampleCases({ cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }] });
  const state = results[0]!.state;
  const standard = LEGAL_PROFILES.find((p) => p.id === state.processStandard.id)!;
  return { state, standard };
}

interface PdfResult {
  readonly file: string;
  readonly bytes: number;
  readonly text: string | null;
  readonly error?: string;
}

/** Prints the page to PDF in Chromium and returns the PDF's text (normalised whitespace). */
async function printed(name: string): Promise<string> {
  const result = (await executeServerCommand('fk-print-pdf', { name })) as PdfResult;
  expect(result.bytes).to.be.greaterThan(1000);
  expect(result.text, result.error).to.be.a('string');
  return (result.text ?? '').replace(/\s+/g, ' ');
}

/** The words of a label as pdftotext gives them back (line breaks and hyphenation aside). */
function words(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const NAMES = ['kooperationsplan', 'hilfeplan', 'gesamtplan'] as const;

describe('<fk-plan-document>', () => {
  afterEach(() => {
    document.documentElement.lang = 'de';
  });

  PROFILE_EXAMPLE_CASES.forEach((example, index) => {
    const name = NAMES[index]!;
    it(`prints the ${name} to PDF with every required item, its paragraph and the person's own words first`, async () => {
      const { state, standard } = await caseWithPlan(example);
      const el = await fixture<FkPlanDocument>(
        html`<fk-plan-document .state=${state} .standard=${standard}></fk-plan-document>`,
      );
      await expect(el).to.be.accessible();
      const text = await printed(name);
      expect(text).to.contain(standard.plan!.title.de);
      const plan = state.plans[0]!;
      const must = standard.plan!.items.filter(
        (i) => i.obligation === 'must' && (i.appliesWhen === undefined || plan.helpOutsideFamily === true),
      );
      expect(must.length).to.be.greaterThan(1);
      for (const item of must) {
        // The label's first words and the paragraph (pdftotext may wrap long labels).
        expect(text, item.id).to.contain(words(item.label.de).split(' ').slice(0, 3).join(' '));
        expect(text, item.id).to.contain(item.source.paragraph);
      }
      for (const section of plan.sections) expect(text).to.contain(section.text.split(' ').slice(0, 4).join(' '));
      const own = plan.personsOwnWords!.split(' ').slice(0, 4).join(' ');
      expect(text.indexOf(own)).to.be.greaterThan(-1);
      expect(text.indexOf(own)).to.be.lessThan(text.indexOf(must[0]!.source.paragraph));
      const shadow = deepText(el);
      expect(shadow).to.not.contain('fehlt');
    });
  });

  it('the Kooperationsplan has no signature line and says it is in text form and not binding (§ 15 SGB II)', async () => {
    const { state, standard } = await caseWithPlan(PROFILE_EXAMPLE_CASES[0]!);
    const el = await fixture<FkPlanDocument>(
      html`<fk-plan-document .state=${state} .standard=${standard}></fk-plan-document>`,
    );
    expect(el.shadowRoot!.querySelector('.signatures')).to.equal(null);
    const text = deepText(el);
    expect(text).to.contain('In Textform, ohne Unterschrift.');
    expect(text).to.contain('Rechtlich nicht verbindlich.');
    expect(text).to.contain('§ 15 Abs. 2 Satz 1 SGB II (Sekundärquelle)');
  });

  it('the Hilfeplan lists the participants and the perspective (§ 37c), with signature lines', async () => {
    const { state, standard } = await caseWithPlan(PROFILE_EXAMPLE_CASES[1]!);
    const el = await fixture<FkPlanDocument>(
      html`<fk-plan-document .state=${state} .standard=${standard}></fk-plan-document>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Drita Berisha (Mutter, personensorgeberechtigt)');
    expect(text).to.contain('Stand der Perspektivklärung');
    expect(text).to.contain('§ 37c Abs. 1 Satz 2 SGB VIII');
    expect(el.shadowRoot!.querySelector('.signatures')).to.not.equal(null);
  });

  it('the Gesamtplan has § 121 Abs. 4 Nr. 1-6', async () => {
    const { state, standard } = await caseWithPlan(PROFILE_EXAMPLE_CASES[2]!);
    const el = await fixture<FkPlanDocument>(
      html`<fk-plan-document .state=${state} .standard=${standard}></fk-plan-document>`,
    );
    const text = deepText(el);
    for (const nr of [1, 2, 3, 4, 5, 6]) expect(text).to.contain(`§ 121 Abs. 4 Nr. ${nr} SGB IX`);
  });

  it('together: plain labels, large type and the person’s copy at the end, printed to PDF', async () => {
    const { state, standard } = await caseWithPlan(PROFILE_EXAMPLE_CASES[0]!);
    const el = await fixture<FkPlanDocument>(
      html`<fk-plan-document together .state=${state} .standard=${standard}></fk-plan-document>`,
    );
    await expect(el).to.be.accessible();
    const copy = el.shadowRoot!.querySelector('[part="person-copy"]')!;
    expect(copy).to.not.equal(null);
    expect(copy.textContent).to.contain('Ihre Ausfertigung');
    expect(copy.textContent).to.contain('Die nächsten Schritte');
    expect(parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.doc')!).fontSize)).to.be.greaterThan(19);
    const text = await printed('kooperationsplan-together');
    expect(text).to.contain('Ihre Ausfertigung: Kooperationsplan');
    expect(text).to.contain('Wo Sie hinwollen');
  });

  it('renders in English', async () => {
    document.documentElement.lang = 'en';
    const { state, standard } = await caseWithPlan(PROFILE_EXAMPLE_CASES[2]!);
    const el = await fixture<FkPlanDocument>(
      html`<fk-plan-document .state=${state} .standard=${standard}></fk-plan-document>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Overall plan');
    expect(text).to.contain('Criteria of the effect review');
    expect(text).to.contain('Legal basis');
    await expect(el).to.be.accessible();
  });
  it("DP-03: from a reader's data-protected view the document renders, says which sections were withheld, shows none of their text, and stays accessible", async () => {
    const { state, standard } = await caseWithPlan(PROFILE_EXAMPLE_CASES[1]!);
    const journal = await (async () => {
      const cut = PROFILE_EXAMPLE_CASES[1]!.steps.findIndex((s) => s.type === 'recordPlan');
      const run = await runExampleCases({
        cases: [{ ...PROFILE_EXAMPLE_CASES[1]!, steps: PROFILE_EXAMPLE_CASES[1]!.steps.slice(0, cut + 1) }],
      });
      return run.store.readJournal(state.caseId);
    })();
    // A team lead of the youth office sees the case's frame, not the help plan's contents.
    const actor = { id: 'u-lead', role: 'teamLead', agencyId: 'jugendamt-musterstadt' } as const;
    const view = viewCase(state, actor, 'caseManagement', {
      now: journal.at(-1)!.at,
      privacy: foldPrivacy(journal),
      rights: foldRights(journal),
    });
    expect(view.ok, JSON.stringify(!view.ok && view.errors)).to.equal(true);
    if (!view.ok) return;
    const el = await fixture<FkPlanDocument>(
      html`<fk-plan-document .state=${view.value.case} .standard=${standard}></fk-plan-document>`,
    );
    await expect(el).to.be.accessible();
    const text = deepText(el);
    expect(el.shadowRoot!.querySelectorAll('.withheld').length).to.be.greaterThan(0);
    expect(text).to.contain('zurückgehalten');
    expect(el.shadowRoot!.querySelectorAll('.missing').length, 'a withheld section is not "missing"').to.equal(0);
    for (const section of state.plans[0]!.sections) if (section.text.trim()) expect(text).to.not.contain(section.text);
    // The printed page says the same.
    const pdf = await printed('hilfeplan-withheld');
    expect(pdf).to.contain('zurückgehalten');
  });
});
