import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
  type CaseState,
  type Stage,
} from '@fallkit/core';
import { buildReport } from '@fallkit/core/reporting';
import '../../src/define/fk-report.js';
import type { FkReport } from '../../src/report/report.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';
import { deepText } from '../suites/form-control-suite.js';

/** A caseload large enough for figures: the example cases, copied with other ids and stages. */
async function caseload(): Promise<CaseState[]> {
  const { results } = await runExampleCases();
  const base = results.map((r) => r.state);
  const stages: Stage[] = [
    'monitoring',
    'monitoring',
    'helpPlanning',
    'assessment',
    'monitoring',
    'goalAgreement',
    'monitoring',
    'linking',
  ];
  const out: CaseState[] = [...base];
  for (let i = 0; i < 40; i++) {
    const from = base[i % base.length]!;
    out.push({
      ...from,
      caseId: `copy-${i}`,
      label: `X-${i}`,
      stage: from.status === 'open' ? stages[i % stages.length]! : from.stage,
    });
  }
  return out;
}

function cells(el: FkReport): string[] {
  return [...el.shadowRoot!.querySelectorAll('tbody td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
}

describe('<fk-report>', () => {
  it('shows the caseload by stage as a table and an accessible SVG chart with the same numbers', async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report .cases=${cases}></fk-report>`);
    const report = buildReport(cases, { dimensions: ['stage'] });
    expect(report.ok).to.equal(true);
    const table = report.ok ? report.value.tables[0]! : undefined;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(table!.rows.length);
    const svg = el.shadowRoot!.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-labelledby')).to.equal('chart-title chart-desc');
    expect(svg.querySelector('title')!.textContent).to.contain('Fallbestand nach Phase');
    const desc = svg.querySelector('desc')!.textContent!;
    table!.rows.forEach((_, r) => {
      const c = table!.cells[r]![0]!;
      if (!c.suppressed) expect(desc).to.contain(`: ${c.count}`);
    });
    expect(desc).to.contain('Monitoring');
    expect(svg.querySelectorAll('[part~="bar"]')).to.have.length(table!.rows.length);
    await expect(el).to.be.accessible();
  });

  it('DP-33: withheld counts show the marker, are explained, and never appear as numbers', async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report .cases=${cases}></fk-report>`);
    const report = buildReport(cases, { dimensions: ['stage'] });
    const table = report.ok ? report.value.tables[0]! : undefined;
    expect(table!.withheld).to.be.greaterThan(0);
    const withheld = [...el.shadowRoot!.querySelectorAll('td.withheld')];
    expect(withheld.length).to.equal(table!.withheld);
    expect(withheld[0]!.textContent).to.contain('•');
    expect(withheld[0]!.textContent).to.contain('geheim gehalten');
    const note = el.shadowRoot!.querySelector('[part~="note"]')!;
    expect(note.textContent).to.contain('Zahlen unter 5');
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-describedby')).to.equal('suppressed-note');
    expect(el.shadowRoot!.querySelector('desc')!.textContent).to.contain('geheim gehalten');
  });

  it('DP-33: a population that would single people out is refused and says why', async () => {
    const { results } = await runExampleCases();
    const el = await fixture<FkReport>(html`<fk-report .cases=${results.slice(0, 3).map((r) => r.state)}></fk-report>`);
    const refusal = el.shadowRoot!.querySelector('[part~="refusal"]')!;
    expect(refusal.textContent).to.contain('DENY_POPULATION_TOO_SMALL');
    expect(refusal.textContent).to.contain('DP-33');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('switches between the figures by keyboard (goal attainment, closure reasons, service gaps, misrouting)', async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report .cases=${cases}></fk-report>`);
    const radios = el.shadowRoot!.querySelector('fk-radio-group')!;
    radios.shadowRoot!.querySelector<HTMLInputElement>('input:checked')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.view).to.equal('goalAttainment');
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.contain('Ziele nach Stand der Zielerreichung');
    for (const view of ['closureReason', 'serviceGap', 'misrouting'] as const) {
      el.view = view;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('table, [part~="refusal"]')).to.not.equal(null);
    }
    el.view = 'misrouting';
    await el.updateComplete;
    expect(deepText(el)).to.contain('gemäß den Kriterien entschieden');
  });

  it('CSV injection (OWASP): agency ids from case data that start a formula are neutralised in the export', async () => {
    const cases = await caseload();
    const attacks = ['=HYPERLINK("https://x.example","Akte")', '@SUM(A1:A9)', '+49 30', '-1+2', '\tTab', '\rCR'];
    const poisoned = cases.map((c, i) => ({
      ...c,
      leadAgencies: c.leadAgencies.map((lead) => ({ ...lead, agencyId: attacks[i % attacks.length]! })),
    }));
    const el = await fixture<FkReport>(
      html`<fk-report .cases=${poisoned} view="stage" breakdown="organisation"></fk-report>`,
    );
    const csv = el.toCsv()!;
    const cells = csv
      .split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .flatMap((line) => line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/))
      .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell));
    expect(cells.some((cell) => cell.includes('HYPERLINK'))).to.equal(true);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).to.not.match(/^[=+\-@\t\r]/);
  });

  it('exports the shown table as CSV without network, and contains no person-level data', async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report .cases=${cases}></fk-report>`);
    const csv = el.toCsv()!;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.equal('Fallbestand nach Phase im Fallverlauf');
    expect(lines[1]).to.equal('Merkmal;Anzahl');
    expect(lines.some((l) => l.startsWith('Monitoring;'))).to.equal(true);
    expect(lines.some((l) => l.startsWith('Gesamt;'))).to.equal(true);
    expect(csv).to.contain('•');
    el.addEventListener('fk-export', (e) => e.preventDefault());
    const exported = oneEvent(el, 'fk-export');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export"]')!.click();
    const detail = (await exported).detail;
    expect(detail.filename).to.equal('fallkit-stage.csv');
    expect(detail.csv).to.equal(csv);
    const text = deepText(el) + csv;
    for (const c of cases.slice(0, 7)) {
      expect(text).not.to.contain(c.label);
      for (const p of c.persons)
        if ('familyName' in p && typeof p.familyName === 'string') expect(text).not.to.contain(p.familyName);
    }
  });

  it('DP-31: cases excluded from statistics are not counted; speaks English', async () => {
    const cases = await caseload();
    const sources = cases.map((state, i) => ({ state, excludeFromStatistics: i < 10 }));
    const el = await fixture<FkReport>(html`<fk-report lang="en" .cases=${sources}></fk-report>`);
    expect(deepText(el)).to.contain(`Basis: ${cases.length - 10} cases`);
    const text = deepText(el);
    expect(text).to.contain('Caseload by stage of the cycle');
    expect(text).to.contain('Download as CSV');
    expect(text).not.to.contain('Auswertung');
    expect(cells(el).length).to.be.greaterThan(0);
  });

  it("DP-33, DP-40: connected, it reads the core's report channel: statistical skeletons for the statistics role only", async () => {
    const { store, results } = await runExampleCases();
    const clock = new FixedClock('2026-07-01T08:00:00.000Z');
    const ids = new SequentialIds();
    let actor: Actor = { id: 'u-stat-becker', role: 'statistics', agencyId: 'kim-musterstadt', name: 'Tobias Becker' };
    const service = createCaseService({ store, clock, ids, actor: { current: () => actor } });
    const views = createCaseViews({ service, store, clock, ids });
    const port = connectCaseService({ service, views, clock });
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${port}><fk-report minimum-cell-size="3"></fk-report></fk-case-provider>`,
    );
    const el = provider.querySelector('fk-report')!;
    // The agency reports on the cases it led (DP-05: its own data).
    const led = results.filter((r) => r.state.leadAgencies.some((l) => l.agencyId === 'kim-musterstadt')).length;
    expect(led).to.be.greaterThan(0);
    await waitUntil(() => deepText(el).includes(`Grundlage: ${led} Fälle`), 'cases loaded');
    expect(el.shadowRoot!.querySelector('table')).to.not.equal(null);
    // Anyone else gets the channel's refusal, not a report.
    actor = EXAMPLE_ACTORS.kimCaseManager;
    const other = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${port}><fk-report minimum-cell-size="3"></fk-report></fk-case-provider>`,
    );
    const refused = other.querySelector('fk-report')!;
    await waitUntil(() => deepText(refused).includes('DENY_PURPOSE_MISMATCH'), 'refusal shown');
    expect(refused.shadowRoot!.querySelector('table')).to.equal(null);
  });
});
