import { expect } from 'chai';
import fc from 'fast-check';
import { planSuppression, type SuppressionPlan } from '@fallkit/core/reporting';
import { recomputableCells, type PublishedTable } from './disclosure-checker.js';

/** The plan as an attacker sees it: which published numbers are withheld. */
function published(counts: number[][], plan: SuppressionPlan): PublishedTable {
  const { layout, reasons } = plan;
  const hiddenAt = (cell: number | undefined): boolean => cell !== undefined && reasons[cell] !== undefined;
  return {
    counts,
    hiddenInterior: counts.map((row, r) => row.map((_, c) => hiddenAt(layout.interior(r, c)))),
    hiddenRowTotals: layout.hasRowTotals ? counts.map((_, r) => hiddenAt(layout.rowTotal(r))) : null,
    hiddenColumnTotals: layout.hasColumnTotals
      ? (counts[0] ?? []).map((_, c) => hiddenAt(layout.columnTotal(c)))
      : null,
    hiddenGrandTotal: hiddenAt(layout.grandTotal),
  };
}

const smallishCount = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 5, arbitrary: fc.integer({ min: 5, max: 40 }) },
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(smallishCount, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );

describe('reporting: small-cell suppression (DP-33)', () => {
  it('DP-33: district x addiction with a cell of 3 withholds it and at least one more cell in its row and column', () => {
    // rows: districts, columns: addiction yes / no
    const counts = [
      [3, 20],
      [12, 30],
      [9, 25],
    ];
    const plan = planSuppression(counts, 5);
    const { layout, reasons } = plan;
    expect(reasons[layout.interior(0, 0)]).to.equal('SUPPRESS_SMALL_CELL');
    const rowOthers = [layout.interior(0, 1), layout.rowTotal(0)!].filter((cell) => reasons[cell] !== undefined);
    const columnOthers = [layout.interior(1, 0), layout.interior(2, 0), layout.columnTotal(0)!].filter(
      (cell) => reasons[cell] !== undefined,
    );
    expect(rowOthers.length).to.be.at.least(1);
    expect(columnOthers.length).to.be.at.least(1);
    expect(recomputableCells(published(counts, plan))).to.deep.equal([]);
  });

  it('DP-33: a bridge between two suppressed blocks is caught (the naive "two per line" rule is not enough)', () => {
    // Two 2x2 blocks of small cells joined by one small cell: every line holds two hidden cells, yet the
    // joining cell is the difference of the blocks' totals unless more is withheld.
    const counts = [
      [1, 2, 4, 30, 30],
      [2, 1, 30, 30, 30],
      [30, 30, 1, 2, 30],
      [30, 30, 2, 1, 30],
    ];
    const plan = planSuppression(counts, 5);
    expect(recomputableCells(published(counts, plan))).to.deep.equal([]);
  });

  it('DP-33: a single row of counts hides a second cell so the total does not give the small one away', () => {
    const counts = [[2], [10], [11]];
    const plan = planSuppression(counts, 5);
    const hidden = plan.reasons.filter((reason) => reason !== undefined).length;
    expect(hidden).to.be.at.least(2);
    expect(recomputableCells(published(counts, plan))).to.deep.equal([]);
  });

  it('DP-33: small totals are withheld too', () => {
    const counts = [
      [0, 2],
      [20, 30],
    ];
    const plan = planSuppression(counts, 5);
    expect(plan.reasons[plan.layout.rowTotal(0)!]).to.not.equal(undefined);
    expect(recomputableCells(published(counts, plan))).to.deep.equal([]);
  });

  it('DP-33: over 300 random tables, every count under the minimum is withheld and no withheld number can be recomputed from shown cells and totals', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(table, fc.integer({ min: 3, max: 6 }), (counts, minimum) => {
        const plan = planSuppression(counts, minimum);
        for (let cell = 0; cell < plan.layout.cellCount; cell += 1) {
          const value = plan.values[cell]!;
          if (value > 0 && value < minimum)
            expect(plan.reasons[cell], `cell ${cell} = ${value}`).to.not.equal(undefined);
        }
        expect(recomputableCells(published(counts, plan))).to.deep.equal([]);
      }),
      { numRuns: 300, seed: 20260701 },
    );
  });

  it('DP-33: the checker itself finds what primary suppression alone would give away', () => {
    const counts = [
      [3, 20],
      [12, 30],
    ];
    const onlyPrimary: PublishedTable = {
      counts,
      hiddenInterior: [
        [true, false],
        [false, false],
      ],
      hiddenRowTotals: [false, false],
      hiddenColumnTotals: [false, false],
      hiddenGrandTotal: false,
    };
    expect(recomputableCells(onlyPrimary)).to.deep.equal(['cell[0][0]']);
    // The "two per line" rectangle is safe, a bridge between two rectangles is not.
    const bridge: PublishedTable = {
      counts: [
        [1, 2, 4, 30],
        [2, 1, 30, 30],
        [30, 30, 1, 2],
        [30, 30, 2, 1],
      ],
      hiddenInterior: [
        [true, true, true, false],
        [true, true, false, false],
        [false, false, true, true],
        [false, false, true, true],
      ],
      hiddenRowTotals: [false, false, false, false],
      hiddenColumnTotals: [false, false, false, false],
      hiddenGrandTotal: false,
    };
    expect(recomputableCells(bridge)).to.deep.equal(['cell[0][2]']);
  });

  it('DP-33: a table without small counts withholds nothing', () => {
    const plan = planSuppression(
      [
        [5, 6],
        [7, 8],
      ],
      5,
    );
    expect(plan.reasons.every((reason) => reason === undefined)).to.equal(true);
  });
});
