import { expect } from '@open-wc/testing';
import { SUPPRESSED_MARKER, type ReportCell, type ReportTable } from '@fallkit/core/reporting';
import { reportCsv, type ReportCsvText } from '../../src/report/report-csv.js';

const text: ReportCsvText = {
  caption: 'Fälle nach Phase',
  value: 'Merkmal',
  count: 'Anzahl',
  total: 'Gesamt',
  suppressedNote: '• = weniger als 5',
};
const n = (count: number): ReportCell => ({ count, suppressed: false, display: String(count) });
const withheld: ReportCell = { count: null, suppressed: true, display: SUPPRESSED_MARKER };

/** A one-dimension table: two stages, one of them withheld (DP-33), and its grand total. */
function byStage(cells: [ReportCell, ReportCell], total: ReportCell): ReportTable {
  return {
    measure: 'cases',
    rowDimensions: ['stage'],
    columnDimension: null,
    rows: [['intake'], ['monitoring']],
    columns: ['total'],
    cells: [[cells[0]], [cells[1]]],
    rowTotals: null,
    columnTotals: null,
    grandTotal: total,
    withheld: cells.filter((c) => c.suppressed).length + (total.suppressed ? 1 : 0),
  };
}

const label = (dimension: string, value: string) => `${dimension}:${value}`;

describe('report-csv (the CSV of fk-report, pure)', () => {
  it('writes caption, context, header, rows, total and the note; a withheld cell is the marker, never a number (DP-33)', () => {
    const csv = reportCsv({
      text,
      context: [['Träger', 'agency:A']],
      table: byStage([n(7), withheld], withheld),
      valueLabel: label,
    });
    expect(csv.split('\r\n')).to.deep.equal([
      'Fälle nach Phase',
      'Träger;agency:A',
      'Merkmal;Anzahl',
      'stage:intake;7',
      'stage:monitoring;•',
      'Gesamt;•',
      '• = weniger als 5',
      '',
    ]);
  });

  it('puts the comparison table under its heading after an empty line, and leaves out the note when nothing is withheld', () => {
    const csv = reportCsv({
      text,
      context: [],
      table: byStage([n(7), n(9)], n(16)),
      valueLabel: label,
      comparison: { heading: 'Vergleich 2026-Q1', table: byStage([n(5), n(6)], n(11)) },
    });
    expect(csv.split('\r\n')).to.deep.equal([
      'Fälle nach Phase',
      'Merkmal;Anzahl',
      'stage:intake;7',
      'stage:monitoring;9',
      'Gesamt;16',
      '',
      'Vergleich 2026-Q1',
      'stage:intake;5',
      'stage:monitoring;6',
      'Gesamt;11',
      '',
    ]);
  });

  it('neutralises a value that a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const csv = reportCsv({
      text,
      context: [['Träger', '=HYPERLINK("x")']],
      table: byStage([n(7), n(9)], n(16)),
      valueLabel: label,
    });
    // A leading apostrophe makes it text; the quotes come from the writer's quoting (RFC 4180).
    expect(csv.split('\r\n')[1]).to.equal(`Träger;"'=HYPERLINK(""x"")"`);
  });
});
