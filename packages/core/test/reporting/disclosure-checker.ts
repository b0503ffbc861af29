/**
 * An attacker's view of a published table, written independently of the library's suppression code:
 * it knows every shown number and that each total is the sum of its parts, and asks for each withheld
 * number whether linear algebra pins it down. A withheld number x is recomputable exactly when the unit
 * vector of x lies in the row space of the sum constraints restricted to the withheld numbers, i.e.
 * when adding that unit vector does not raise the rank. Ranks are computed exactly with BigInt
 * fraction-free elimination. It also uses that counts are never negative: withheld parts of a shown
 * total that sum to zero are all zero.
 */

/** A published table: interior counts plus which numbers (interior, totals) are withheld. */
export interface PublishedTable {
  readonly counts: readonly (readonly number[])[];
  readonly hiddenInterior: readonly (readonly boolean[])[];
  /** `null` when the table publishes no row totals. */
  readonly hiddenRowTotals: readonly boolean[] | null;
  readonly hiddenColumnTotals: readonly boolean[] | null;
  readonly hiddenGrandTotal: boolean;
}

function rank(matrix: bigint[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c += 1) {
    let p = -1;
    for (let i = r; i < m.length; i += 1)
      if (m[i]![c] !== 0n) {
        p = i;
        break;
      }
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivotRow = m[r]!;
    for (let i = 0; i < m.length; i += 1) {
      if (i === r || m[i]![c] === 0n) continue;
      const row = m[i]!;
      const a = pivotRow[c]!;
      const b = row[c]!;
      for (let k = 0; k < cols; k += 1) row[k] = row[k]! * a - pivotRow[k]! * b;
    }
    r += 1;
  }
  return r;
}

/** Names of the withheld numbers an attacker can recompute exactly (empty when the table is safe). */
export function recomputableCells(table: PublishedTable): string[] {
  const rows = table.counts.length;
  const cols = table.counts[0]?.length ?? 0;
  // Variables: every published number, named.
  const names: string[] = [];
  const hidden: boolean[] = [];
  const idx = new Map<string, number>();
  const addVar = (name: string, isHidden: boolean): void => {
    idx.set(name, names.length);
    names.push(name);
    hidden.push(isHidden);
  };
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < cols; c += 1) addVar(`cell[${r}][${c}]`, table.hiddenInterior[r]![c]!);
  if (table.hiddenRowTotals) table.hiddenRowTotals.forEach((h, r) => addVar(`rowTotal[${r}]`, h));
  if (table.hiddenColumnTotals) table.hiddenColumnTotals.forEach((h, c) => addVar(`columnTotal[${c}]`, h));
  addVar('grandTotal', table.hiddenGrandTotal);
  // Every true equation among published numbers: whole - sum(parts) = 0.
  const equations: number[][] = [];
  const eq = (whole: string, parts: string[]): void => {
    const row = new Array<number>(names.length).fill(0);
    const add = (name: string, coefficient: number): void => {
      const at = idx.get(name)!;
      row[at] = (row[at] ?? 0) + coefficient;
    };
    add(whole, 1);
    for (const part of parts) add(part, -1);
    equations.push(row);
  };
  const allCells: string[] = [];
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) allCells.push(`cell[${r}][${c}]`);
  if (table.hiddenRowTotals)
    for (let r = 0; r < rows; r += 1)
      eq(
        `rowTotal[${r}]`,
        Array.from({ length: cols }, (_, c) => `cell[${r}][${c}]`),
      );
  if (table.hiddenColumnTotals)
    for (let c = 0; c < cols; c += 1)
      eq(
        `columnTotal[${c}]`,
        Array.from({ length: rows }, (_, r) => `cell[${r}][${c}]`),
      );
  eq('grandTotal', allCells);
  // Counts are never negative: where the withheld parts of a shown total must sum to zero, each is zero.
  const values: number[] = names.map(() => 0);
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < cols; c += 1) {
      const v = table.counts[r]![c]!;
      values[idx.get(`cell[${r}][${c}]`)!] = v;
      if (table.hiddenRowTotals) values[idx.get(`rowTotal[${r}]`)!]! += v;
      if (table.hiddenColumnTotals) values[idx.get(`columnTotal[${c}]`)!]! += v;
      values[idx.get('grandTotal')!]! += v;
    }
  const zeroed: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const row of equations) {
      const wholeAt = row.findIndex((coefficient) => coefficient === 1);
      if (hidden[wholeAt]) continue;
      const hiddenParts = row.map((coefficient, i) => (coefficient === -1 && hidden[i] ? i : -1)).filter((i) => i >= 0);
      if (hiddenParts.length === 0) continue;
      if (hiddenParts.reduce((sum, i) => sum + values[i]!, 0) === 0) {
        for (const i of hiddenParts) {
          hidden[i] = false;
          zeroed.push(names[i]!);
        }
        changed = true;
      }
    }
  }
  // Restrict to the withheld numbers (shown ones are constants moved to the right-hand side).
  const hiddenIdx = names.map((_, i) => i).filter((i) => hidden[i]);
  const restricted = equations.map((row) => hiddenIdx.map((i) => BigInt(row[i]!)));
  const base = rank(restricted);
  const out: string[] = [...zeroed];
  hiddenIdx.forEach((varIndex, k) => {
    const unit = hiddenIdx.map((_, j) => (j === k ? 1n : 0n));
    if (rank([...restricted, unit]) === base) out.push(names[varIndex]!);
  });
  return out;
}
