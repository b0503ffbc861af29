import {
  SUPPRESSED_MARKER,
  toCsv,
  type ReportCell,
  type ReportDimension,
  type ReportTable,
} from '@fallkit/core/reporting';

/** The texts of a report's CSV, already in the user's language (the element passes its messages). */
export interface ReportCsvText {
  /** The first line: the figure's caption. */
  readonly caption: string;
  /** The head of the value column. */
  readonly value: string;
  /** The head of the count column of a table without a breakdown. */
  readonly count: string;
  /** The row and column of totals. */
  readonly total: string;
  /** The note under a table with withheld cells (with the marker and the minimum cell size in it). */
  readonly suppressedNote: string;
}

/** What a report's CSV is made of: the shown table, what it counts, and the comparison period's table. */
export interface ReportCsvInput {
  readonly text: ReportCsvText;
  /** Label and value lines under the caption (filters, period), so an export says what it counts. */
  readonly context: readonly (readonly [string, string])[];
  readonly table: ReportTable;
  /** The display label of one category value. */
  valueLabel(dimension: ReportDimension, value: string): string;
  /** The comparison period's table, under its heading. */
  readonly comparison?: { readonly heading: string; readonly table: ReportTable };
}

/** A count, or the marker where the core withheld it (never the number behind it, DP-33). */
function csvCell(cell: ReportCell): string {
  return cell.suppressed ? SUPPRESSED_MARKER : String(cell.count);
}

/** A table's data rows: the row's labels joined, its cells and its row total. */
function dataLines(table: ReportTable, valueLabel: ReportCsvInput['valueLabel']): string[][] {
  return table.rows.map((row, r) => [
    row.map((v, i) => valueLabel(table.rowDimensions[i]!, v)).join(' / '),
    ...table.cells[r]!.map(csvCell),
    ...(table.rowTotals ? [csvCell(table.rowTotals[r]!)] : []),
  ]);
}

/**
 * The CSV of `<fk-report>`'s shown table (semicolon-separated, as German spreadsheets expect): caption,
 * context, header, rows, totals, the suppression note, then the comparison table. Pure: no element, no
 * messages lookup. Values from case data (agency ids …) go through the core's neutralising writer (OWASP CSV
 * injection).
 */
export function reportCsv(input: ReportCsvInput): string {
  const { text, table, valueLabel, comparison } = input;
  const columnLabels = table.columnDimension
    ? table.columns.map((c) => valueLabel(table.columnDimension!, c))
    : [text.count];
  const lines: string[][] = [
    [text.caption],
    ...input.context.map(([label, value]) => [label, value]),
    [text.value, ...columnLabels, ...(table.rowTotals ? [text.total] : [])],
    ...dataLines(table, valueLabel),
    [
      text.total,
      ...(table.columnTotals ?? [table.grandTotal]).map(csvCell),
      ...(table.rowTotals ? [csvCell(table.grandTotal)] : []),
    ],
  ];
  if (table.withheld > 0) lines.push([text.suppressedNote]);
  if (comparison) {
    const other = comparison.table;
    lines.push([], [comparison.heading], ...dataLines(other, valueLabel));
    lines.push([text.total, ...(other.columnTotals ?? [other.grandTotal]).map(csvCell)]);
  }
  return toCsv(lines);
}
