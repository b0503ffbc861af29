import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { runExampleCases } from '@fallkit/core/examples';
import type { CaseState, Stage } from '@fallkit/core';
import { buildReport, type ReportTable } from '@fallkit/core/reporting';
import '../../src/define/fk-report.js';
import type { FkReport } from '../../src/report/report.component.js';

/** A caseload over three quarters and two agencies, large enough for figures. */
async function caseload(): Promise<CaseState[]> {
  const { results } = await runExampleCases();
  const base = results.map((r) => r.state);
  const stages: Stage[] = ['monitoring', 'monitoring', 'helpPlanning', 'assessment', 'goalAgreement', 'linking'];
  const opened = ['2025-11-10', '2026-02-03', '2026-05-20'];
  const out: CaseState[] = [];
  for (let i = 0; i < 60; i++) {
    const from = base[i % base.length]!;
    out.push({
      ...from,
      caseId: `copy-${i}`,
      label: `X-${i}`,
      openedOn: opened[i % opened.length]!,
      stage: from.status === 'open' ? stages[i % stages.length]! : from.stage,
    });
  }
  return out;
}

function counts(table: ReportTable): (number | null)[] {
  return [...table.cells.flat().map((c) => c.count), table.grandTotal.count];
}

function shadowText(el: HTMLElement): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

describe('<fk-report>: filters, periods, comparison (issue 22)', () => {
  it("filters by legal domain and stage: the numbers are the core's for the same filters", async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report lang="de" view="closureReason" .cases=${cases}></fk-report>`);
    const domain = el.choices('legalDomain')[0]!;
    el.filters = { legalDomain: domain };
    await el.updateComplete;
    const expected = buildReport(cases, { dimensions: ['closureReason'], filters: { legalDomain: [domain] } });
    expect(el.result.ok).to.equal(expected.ok);
    if (!el.result.ok || !expected.ok) return;
    expect(counts(el.result.value.tables[0]!).sort()).to.deep.equal(counts(expected.value.tables[0]!).sort());
    const all = buildReport(cases, { dimensions: ['closureReason'] });
    if (!all.ok) throw new Error('refused');
    expect(el.result.value.tables[0]!.grandTotal.count).to.be.lessThan(all.value.tables[0]!.grandTotal.count!);
  });

  it("a period and a comparison period: two tables, each the core's, and the change of the totals", async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report lang="de" .cases=${cases}></fk-report>`);
    expect(el.choices('openedQuarter')).to.deep.equal(['2025-Q4', '2026-Q1', '2026-Q2']);
    el.period = { from: '2026-Q1', to: '2026-Q2' };
    el.comparison = { from: '2025-Q4', to: '2025-Q4' };
    await el.updateComplete;
    const now = buildReport(cases, { dimensions: ['stage'], filters: { openedQuarter: ['2026-Q1', '2026-Q2'] } });
    const before = buildReport(cases, { dimensions: ['stage'], filters: { openedQuarter: ['2025-Q4'] } });
    if (!now.ok || !before.ok || !el.result.ok || !el.comparisonResult?.ok) throw new Error('a report was refused');
    expect(el.result.value.tables[0]!.grandTotal.count).to.equal(now.value.tables[0]!.grandTotal.count).and.equal(40);
    expect(el.comparisonResult.value.tables[0]!.grandTotal.count).to.equal(20);
    expect(el.shadowRoot!.querySelectorAll('table')).to.have.length(2);
    expect(shadowText(el))
      .to.contain('Fallbeginn 2026-Q1 bis 2026-Q2')
      .and.to.contain('Vergleichszeitraum: Fallbeginn 2025-Q4 bis 2025-Q4');
    expect(shadowText(el)).to.contain('Veränderung insgesamt: +20 (40 gegenüber 20).');
    await expect(el).to.be.accessible();
    // Looked at after the split into report-filters.view.ts / report-csv.ts (issue 19): filters, two tables, change.
    await executeServerCommand('fk-screenshot', { name: 'fk-report-comparison' });
  });

  it('DP-33: a selection of fewer than five cases is refused by the core and shows no number', async () => {
    const cases = (await caseload()).slice(0, 9);
    const el = await fixture<FkReport>(html`<fk-report lang="de" .cases=${cases}></fk-report>`);
    el.period = { from: '2026-Q2', to: '2026-Q2' };
    await el.updateComplete;
    expect(el.result.ok).to.equal(false);
    if (el.result.ok) return;
    expect(el.result.errors[0]!.code).to.equal('DENY_POPULATION_TOO_SMALL');
    expect(el.shadowRoot!.querySelector('[part~="refusal"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('tbody')).to.equal(null);
  });

  it('the CSV names its selection and period and carries the comparison', async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report lang="de" .cases=${cases}></fk-report>`);
    el.period = { from: '2026-Q1', to: '2026-Q2' };
    el.comparison = { from: '2025-Q4', to: '2025-Q4' };
    await el.updateComplete;
    el.addEventListener('fk-export', (e) => e.preventDefault());
    const exported = oneEvent(el, 'fk-export');
    el.exportCsv();
    const { detail } = (await exported) as CustomEvent<{ csv: string }>;
    const lines = detail.csv.split(/\r?\n/);
    expect(lines).to.include('Zeitraum (Fallbeginn);Fallbeginn 2026-Q1 bis 2026-Q2');
    expect(lines).to.include('Vergleichszeitraum: Fallbeginn 2025-Q4 bis 2025-Q4');
    expect(lines.filter((l) => l.startsWith('Gesamt;'))).to.have.length(2);
  });

  it('keyboard: a filter is chosen with the arrow keys; English labels (lang="en")', async () => {
    const cases = await caseload();
    const el = await fixture<FkReport>(html`<fk-report lang="en" .cases=${cases}></fk-report>`);
    expect(shadowText(el))
      .to.contain('Selection')
      .and.to.contain('Legal domain')
      .and.to.contain('Compare from (quarter)');
    el.shadowRoot!.querySelector<HTMLSelectElement>('#period-from')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.period).to.deep.equal({ from: '2025-Q4', to: '2025-Q4' });
    expect(shadowText(el)).to.contain('opened 2025-Q4 to 2025-Q4');
  });
});
