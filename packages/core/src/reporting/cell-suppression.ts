import { determinedHiddenCells, type SumConstraint } from './linear-disclosure.js';

/** The smallest minimum cell size a report may use (DP-33: configurable, never below 3). */
export const MINIMUM_CELL_SIZE_FLOOR = 3;

/** The default minimum cell size (DP-33). */
export const DEFAULT_MINIMUM_CELL_SIZE = 5;

/** Why a cell is withheld: too small itself, or hidden so that totals cannot give a small one away. */
export type SuppressionReason = 'SUPPRESS_SMALL_CELL' | 'SUPPRESS_SECONDARY';

/**
 * A rows × columns table of counts with the totals a report publishes: row totals when there is more
 * than one column, column totals when there is more than one row, and a grand total. Totals that
 * would only repeat a single cell are not published, so they are not part of the table.
 */
export interface TableLayout {
  readonly rows: number;
  readonly columns: number;
  readonly hasRowTotals: boolean;
  readonly hasColumnTotals: boolean;
  /** Every published number: interior cells row by row, then row totals, column totals, grand total. */
  readonly cellCount: number;
  readonly constraints: readonly SumConstraint[];
  interior(row: number, column: number): number;
  rowTotal(row: number): number | undefined;
  columnTotal(column: number): number | undefined;
  readonly grandTotal: number;
  /** The row (interior index) or column lines a published number belongs to, for "same line" preference. */
  linesOf(cell: number): readonly string[];
}

/** Lays out a table of the given shape and its sum constraints. */
export function tableLayout(rows: number, columns: number): TableLayout {
  const hasRowTotals = columns > 1;
  const hasColumnTotals = rows > 1;
  const interiorCount = rows * columns;
  const rowTotalBase = interiorCount;
  const columnTotalBase = rowTotalBase + (hasRowTotals ? rows : 0);
  const grandTotal = columnTotalBase + (hasColumnTotals ? columns : 0);
  const interior = (row: number, column: number): number => row * columns + column;
  const rowTotal = (row: number): number | undefined => (hasRowTotals ? rowTotalBase + row : undefined);
  const columnTotal = (column: number): number | undefined => (hasColumnTotals ? columnTotalBase + column : undefined);
  const constraints: SumConstraint[] = [];
  for (let r = 0; r < rows; r += 1) {
    const whole = rowTotal(r);
    if (whole !== undefined) constraints.push({ whole, parts: range(columns).map((c) => interior(r, c)) });
  }
  for (let c = 0; c < columns; c += 1) {
    const whole = columnTotal(c);
    if (whole !== undefined) constraints.push({ whole, parts: range(rows).map((r) => interior(r, c)) });
  }
  if (hasRowTotals) constraints.push({ whole: grandTotal, parts: range(rows).map((r) => rowTotal(r) as number) });
  if (hasColumnTotals)
    constraints.push({ whole: grandTotal, parts: range(columns).map((c) => columnTotal(c) as number) });
  if (!hasRowTotals && !hasColumnTotals) constraints.push({ whole: grandTotal, parts: [interior(0, 0)] });
  const linesOf = (cell: number): string[] => {
    if (cell < interiorCount) return [`r${Math.floor(cell / columns)}`, `c${cell % columns}`];
    if (cell < columnTotalBase) return [`r${cell - rowTotalBase}`, 'c*'];
    if (cell < grandTotal) return ['r*', `c${cell - columnTotalBase}`];
    return ['r*', 'c*'];
  };
  return {
    rows,
    columns,
    hasRowTotals,
    hasColumnTotals,
    cellCount: grandTotal + 1,
    constraints,
    interior,
    rowTotal,
    columnTotal,
    grandTotal,
    linesOf,
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Every published number of a table (interior, then totals), in the {@link TableLayout} order. */
export function publishedValues(layout: TableLayout, counts: readonly (readonly number[])[]): number[] {
  const values = new Array<number>(layout.cellCount).fill(0);
  let grand = 0;
  for (let r = 0; r < layout.rows; r += 1) {
    for (let c = 0; c < layout.columns; c += 1) {
      const value = counts[r]?.[c] ?? 0;
      values[layout.interior(r, c)] = value;
      grand += value;
      const rowTotal = layout.rowTotal(r);
      if (rowTotal !== undefined) values[rowTotal] = (values[rowTotal] ?? 0) + value;
      const columnTotal = layout.columnTotal(c);
      if (columnTotal !== undefined) values[columnTotal] = (values[columnTotal] ?? 0) + value;
    }
  }
  values[layout.grandTotal] = grand;
  return values;
}

/** The suppression decision for every published number of a table. */
export interface SuppressionPlan {
  readonly layout: TableLayout;
  readonly values: readonly number[];
  /** `undefined` for a shown number, else why it is withheld. */
  readonly reasons: readonly (SuppressionReason | undefined)[];
}

/**
 * Decides which numbers of a table to withhold (DP-33).
 *
 * Primary: every count from 1 to `minimumCellSize - 1` (zero describes nobody and is shown).
 * Secondary: while any withheld number can be computed exactly from the shown numbers and the totals
 * (see {@link determinedHiddenCells}), withhold one more: preferably a number in the same row or
 * column, an interior cell before a total, never a zero while a non-zero is left, the smallest first; the first
 * candidate that makes the disclosed number undetermined is taken, otherwise the best-ranked one. Each
 * round withholds one more number, so this ends, at the latest when everything is withheld.
 */
export function planSuppression(counts: readonly (readonly number[])[], minimumCellSize: number): SuppressionPlan {
  const rows = counts.length;
  const columns = Math.max(1, ...counts.map((row) => row.length));
  const layout = tableLayout(Math.max(1, rows), columns);
  const values = publishedValues(layout, counts);
  const reasons: (SuppressionReason | undefined)[] = new Array<SuppressionReason | undefined>(layout.cellCount).fill(
    undefined,
  );
  for (let r = 0; r < layout.rows; r += 1) {
    for (let c = 0; c < layout.columns; c += 1) {
      const cell = layout.interior(r, c);
      const value = values[cell] ?? 0;
      if (value > 0 && value < minimumCellSize) reasons[cell] = 'SUPPRESS_SMALL_CELL';
    }
  }
  // Totals are counts of people too: a small total is withheld like a small cell.
  for (let cell = layout.rows * layout.columns; cell < layout.cellCount; cell += 1) {
    const value = values[cell] ?? 0;
    if (value > 0 && value < minimumCellSize) reasons[cell] = 'SUPPRESS_SMALL_CELL';
  }
  const hidden = (): boolean[] => reasons.map((reason) => reason !== undefined);
  for (;;) {
    const disclosed = determinedHiddenCells(layout.cellCount, layout.constraints, hidden());
    const target = disclosed[0];
    if (target === undefined) break;
    const targetLines = new Set(layout.linesOf(target));
    const interiorCount = layout.rows * layout.columns;
    const candidates = range(layout.cellCount)
      .filter((cell) => reasons[cell] === undefined)
      .map((cell) => ({
        cell,
        sharesLine: layout.linesOf(cell).some((line) => targetLines.has(line)),
        isTotal: cell >= interiorCount,
        value: values[cell] ?? 0,
      }))
      // Zeros last of all: a line whose withheld numbers are all zero sums to zero and gives them away.
      .sort(
        (a, b) =>
          Number(a.value === 0) - Number(b.value === 0) ||
          Number(b.sharesLine) - Number(a.sharesLine) ||
          Number(a.isTotal) - Number(b.isTotal) ||
          a.value - b.value ||
          a.cell - b.cell,
      );
    const first = candidates[0];
    if (first === undefined) break; // everything withheld already: nothing can be determined
    let chosen = first.cell;
    for (const candidate of candidates) {
      const trial = hidden();
      trial[candidate.cell] = true;
      if (!determinedHiddenCells(layout.cellCount, layout.constraints, trial).includes(target)) {
        chosen = candidate.cell;
        break;
      }
    }
    reasons[chosen] = 'SUPPRESS_SECONDARY';
  }
  return { layout, values, reasons };
}

/** Whether a minimum cell size is allowed (an integer, at least {@link MINIMUM_CELL_SIZE_FLOOR}). */
export function isAllowedMinimumCellSize(size: number): boolean {
  return Number.isInteger(size) && size >= MINIMUM_CELL_SIZE_FLOOR;
}
