/**
 * A published table as a system of linear facts: every total is the sum of its parts. Someone who
 * sees the shown cells and the totals can solve that system; a hidden cell is disclosed exactly when
 * the system fixes its value. This module finds such cells.
 *
 * The constraint matrix of a table with row and column totals is an incidence matrix of a network and
 * therefore totally unimodular; pivoting keeps its entries in {-1, 0, 1}, so plain numbers with a small
 * tolerance are exact here.
 */

/** "`whole` is the sum of `parts`", each an index into the table's cell list. */
export interface SumConstraint {
  readonly whole: number;
  readonly parts: readonly number[];
}

const EPSILON = 1e-9;

/**
 * The hidden cells whose value follows from the shown cells and the sum constraints (0-based indexes
 * into the cell list, ascending). `hidden[i]` says whether cell `i` is withheld; the values of shown
 * cells do not matter for *whether* a hidden cell is determined, only for *what* it is, so they are
 * not needed here.
 */
export function determinedHiddenCells(
  cellCount: number,
  constraints: readonly SumConstraint[],
  hidden: readonly boolean[],
): number[] {
  const unknowns: number[] = [];
  const column = new Map<number, number>();
  for (let cell = 0; cell < cellCount; cell += 1) {
    if (hidden[cell]) {
      column.set(cell, unknowns.length);
      unknowns.push(cell);
    }
  }
  if (unknowns.length === 0) return [];
  // Each constraint restricted to the unknowns: coefficient +1 for the whole, -1 for each part.
  const rows: number[][] = [];
  for (const { whole, parts } of constraints) {
    const row = new Array<number>(unknowns.length).fill(0);
    let touches = false;
    const add = (cell: number, coefficient: number): void => {
      const at = column.get(cell);
      if (at === undefined) return;
      row[at] = (row[at] ?? 0) + coefficient;
      touches = true;
    };
    add(whole, 1);
    for (const part of parts) add(part, -1);
    if (touches) rows.push(row);
  }
  // Reduced row echelon form.
  const pivotOfRow: number[] = [];
  let rank = 0;
  for (let col = 0; col < unknowns.length && rank < rows.length; col += 1) {
    let pivot = -1;
    for (let r = rank; r < rows.length; r += 1) {
      if (Math.abs(rows[r]?.[col] ?? 0) > EPSILON) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) continue;
    const swap = rows[pivot] as number[];
    rows[pivot] = rows[rank] as number[];
    rows[rank] = swap;
    const lead = swap[col] as number;
    for (let c = 0; c < swap.length; c += 1) swap[c] = (swap[c] as number) / lead;
    for (let r = 0; r < rows.length; r += 1) {
      if (r === rank) continue;
      const target = rows[r] as number[];
      const factor = target[col] as number;
      if (Math.abs(factor) <= EPSILON) continue;
      for (let c = 0; c < target.length; c += 1) target[c] = (target[c] as number) - factor * (swap[c] as number);
    }
    pivotOfRow[rank] = col;
    rank += 1;
  }
  // A pivot variable is fixed when its row has no entry in a free column; free variables never are.
  const isPivot = new Set(pivotOfRow);
  const determined: number[] = [];
  for (let r = 0; r < rank; r += 1) {
    const row = rows[r] as number[];
    const pivotCol = pivotOfRow[r] as number;
    let fixed = true;
    for (let c = 0; c < row.length; c += 1) {
      if (c !== pivotCol && !isPivot.has(c) && Math.abs(row[c] as number) > EPSILON) {
        fixed = false;
        break;
      }
    }
    if (fixed) determined.push(unknowns[pivotCol] as number);
  }
  return determined.sort((a, b) => a - b);
}
