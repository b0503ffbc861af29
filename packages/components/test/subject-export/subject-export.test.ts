import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createCaseService, createCaseViews, FixedClock } from '@fallkit/core';
import { EXAMPLE_ACTORS, EXAMPLE_CASES, runExampleCases, ScopedSequentialIds } from '@fallkit/core/examples';
import type { SubjectExport } from '@fallkit/core/rights';
import { subjectExportBundle } from '@fallkit/fhir';
import '../../src/define/fk-subject-export.js';
import type { FkSubjectExport, SubjectExportDownload } from '../../src/subject-export/subject-export.component.js';
import { deepText } from '../suites/form-control-suite.js';

/** Herr Rahimi's export, made by the Jobcenter worker who holds the case (DP-29, DP-41). */
async function rahimiExport(): Promise<SubjectExport> {
  const rahimi = EXAMPLE_CASES.find((c) => c.key === 'rahimi')!;
  const { store } = await runExampleCases({ cases: [rahimi] });
  const clock = new FixedClock(rahimi.steps.at(-1)!.at);
  const ids = new ScopedSequentialIds('export');
  const service = createCaseService({ store, clock, ids, actor: EXAMPLE_ACTORS.jobcenterCaseManager });
  const views = createCaseViews({ service, store, clock, ids });
  const exported = await views.exportSubject(rahimi.caseId, 'rahimi-person-1');
  if (!exported.ok) throw new Error(exported.errors.map((e) => e.code).join());
  return exported.value;
}

interface PdfResult {
  readonly bytes: number;
  readonly text: string | null;
  readonly error?: string;
}

function button(el: FkSubjectExport, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  expect(found, label).to.not.equal(undefined);
  return found!;
}

describe('<fk-subject-export>', () => {
  afterEach(() => {
    document.documentElement.lang = 'de';
  });

  it("DP-29: prints the person's export as a German document to PDF, others' data redacted", async () => {
    const exported = await rahimiExport();
    const el = await fixture<FkSubjectExport>(
      html`<fk-subject-export .export=${exported} .bundle=${subjectExportBundle(exported)}></fk-subject-export>`,
    );
    await expect(el).to.be.accessible();
    const result = (await executeServerCommand('fk-print-pdf', { name: 'auskunft-rahimi' })) as PdfResult;
    expect(result.bytes).to.be.greaterThan(1000);
    expect(result.text, result.error).to.be.a('string');
    const text = (result.text ?? '').replace(/\s+/g, ' ');
    for (const expected of [
      'Auskunft über Ihre gespeicherten Daten',
      'nach Art. 15 DSGVO',
      'Akte kim-2026-0001: gespeicherte Angaben',
      'Vorname: Yusuf',
      'Einwilligungen und Widerrufe',
      'Ihre Rechte',
    ])
      expect(text, expected).to.contain(expected);
    expect(text).to.contain('[geschwärzt: Angaben über andere Personen]');
    expect(text, "the son's school problems are not printed").to.not.contain('6. Klasse');
    expect(text, 'the buttons are not printed').to.not.contain('JSON herunterladen');
  });

  it('DP-29: offers the JSON and the FHIR Bundle as downloads (Art. 20 GDPR)', async () => {
    const exported = await rahimiExport();
    const bundle = subjectExportBundle(exported);
    const el = await fixture<FkSubjectExport>(
      html`<fk-subject-export .export=${exported} .bundle=${bundle}></fk-subject-export>`,
    );
    // The test saves nothing: it takes the files through the host's save hook.
    const saved: SubjectExportDownload[] = [];
    el.saveFile = (file) => saved.push(file);
    button(el, 'JSON herunterladen').click();
    const json = saved[0]!;
    expect(json.type).to.equal('application/json');
    expect(json.name).to.match(/^auskunft-rahimi-person-1-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(json.text)).to.deep.equal(JSON.parse(JSON.stringify(exported)));
    button(el, 'FHIR-Bundle herunterladen').click();
    const fhir = saved[1]!;
    expect(fhir.type).to.equal('application/fhir+json');
    const parsed = JSON.parse(fhir.text) as { resourceType: string; type: string };
    expect(parsed.resourceType).to.equal('Bundle');
    expect(parsed.type).to.equal('collection');
  });

  it('speaks English on an English page; without a Bundle it offers only JSON', async () => {
    document.documentElement.lang = 'en';
    const exported = await rahimiExport();
    const el = await fixture<FkSubjectExport>(html`<fk-subject-export .export=${exported}></fk-subject-export>`);
    const text = deepText(el);
    expect(text).to.contain('Access to your stored data');
    expect(text).to.contain('Given name: Yusuf');
    expect(text).to.contain('Download JSON');
    expect(text).to.not.contain('Download FHIR Bundle');
    await expect(el).to.be.accessible();
  });
});
