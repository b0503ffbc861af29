/**
 * Aggregated reporting: `buildReport` over 10,000 cases (statistical records, grouping, small-cell and
 * secondary suppression) against a baseline measured in the same run on the same cases: a plain loop
 * that counts the same two dimensions into a map, without anonymised records and without suppression.
 * A second figure times suppression alone on a 30 x 12 table with many small cells against summing
 * the same table's totals.
 *
 * The caseload is the seven example cases (run through the real service), cloned to 10,000 cases with
 * their own ids and spread over 40 organisations. The core is imported from its TypeScript sources.
 */
import { loadCore } from '../lib/load-core.mjs';

const CASES = 10_000;

/** @param {() => unknown} work @param {number} iterations @returns {number} ms per iteration (median of 5 rounds) */
function time(work, iterations) {
  const rounds = [];
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    for (let i = 0; i < iterations; i += 1) work();
    rounds.push((performance.now() - started) / iterations);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}

/** The baseline: count organisation x status into a map. */
function plainCount(cases) {
  const counts = new Map();
  for (const state of cases) {
    const key = `${state.leadAgencies.at(-1)?.agencyId}\u0000${state.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size;
}

/** A deterministic table with about a third small cells. */
function smallCellTable(rows, columns) {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => (next() % 3 === 0 ? next() % 5 : 5 + (next() % 60))),
  );
}

/** @param {{ repoRoot: string }} context */
export default async function ({ repoRoot }) {
  const core = await loadCore(repoRoot);
  const { results } = await core.runExampleCases();
  const templates = results.map((r) => r.state);
  const cases = [];
  for (let i = 0; i < CASES; i += 1) {
    const clone = structuredClone(templates[i % templates.length]);
    clone.caseId = `bench-${i}`;
    clone.label = `BENCH-${i}`;
    const lead = clone.leadAgencies.at(-1);
    if (lead) lead.agencyId = `agency-${i % 40}`;
    cases.push(clone);
  }
  let withheld = 0;
  // The report keeps each state's statistical record by the state object (issue 18): a first call (every
  // state new: shallow copies made outside the clock) projects every case, a later one only changed cases.
  const copies = Array.from({ length: 15 }, () => cases.map((state) => ({ ...state })));
  let copy = 0;
  const cold = time(() => {
    const result = core.buildReport(copies[copy++], { dimensions: ['organisation', 'status'] });
    if (!result.ok) throw new Error(result.errors[0].code);
  }, 3);
  const report = time(() => {
    const result = core.buildReport(cases, { dimensions: ['organisation', 'status'] });
    withheld = result.ok ? result.value.tables[0].withheld : -1;
  }, 3);
  const baseline = time(() => plainCount(cases), 3);

  const table = smallCellTable(30, 12);
  let secondary = 0;
  const suppression = time(() => {
    const plan = core.planSuppression(table, 5);
    secondary = plan.reasons.filter((reason) => reason === 'SUPPRESS_SECONDARY').length;
  }, 3);
  const sums = time(() => core.publishedValues(core.tableLayout(30, 12), table), 20);
  return [
    {
      name: `buildReport organisation x status, ${CASES.toLocaleString('en')} cases, first call (every state new)`,
      value: cold,
      unit: 'ms',
      baseline,
      baselineName: 'plain count into a map',
    },
    {
      name: `buildReport organisation x status, ${CASES.toLocaleString('en')} cases again (${withheld} withheld)`,
      value: report,
      unit: 'ms',
      baseline,
      baselineName: 'plain count into a map',
    },
    {
      name: `planSuppression 30 x 12 with small cells (${secondary} secondary)`,
      value: suppression,
      unit: 'ms',
      baseline: sums,
      baselineName: 'summing the totals',
    },
  ];
}
