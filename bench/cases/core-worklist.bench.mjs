/**
 * The worklist over a caseload of 10,000 cases: every deadline of the process standard, follow-ups,
 * goals, measures, referrals, re-assessment triggers and readiness signals, sorted and explained.
 * Reported as time per 1,000 cases against a baseline measured in the same run on the same cases: a
 * plain loop that only reads the dates the worklist looks at (and keeps the earliest per case).
 *
 * The caseload is the seven example cases (run through the real service), cloned to 10,000 cases
 * with their own ids. The core is imported from its TypeScript sources through tsx; no build needed.
 */
import { loadCore } from '../lib/load-core.mjs';

const CASES = 10_000;
const DATE = '2026-06-15';

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

/** The baseline: read every date the worklist reads, keep the earliest per case, nothing else. */
function readDates(cases) {
  let count = 0;
  for (const state of cases) {
    let earliest = '9999-12-31';
    const see = (date) => {
      if (date !== undefined && date < earliest) earliest = date;
    };
    for (const f of state.followUps) if (!f.done) see(f.dueOn);
    for (const r of state.referrals) see(r.referredOn);
    see(state.firstCounselling?.heldOn);
    for (const c of state.contacts) see(c.on);
    for (const j of state.progressJudgements) see(j.on);
    for (const g of state.goals) {
      see(g.agreement?.agreedOn);
      see(g.timeFrame?.until);
      for (const r of g.revisions) see(r.revisedOn);
    }
    for (const m of state.measures) see(m.startOn);
    for (const p of state.providerReferrals) {
      see(p.statusHistory.at(-1)?.on);
      see(p.feedback.nextFeedbackOn);
    }
    for (const d of state.deviations) see(d.on);
    for (const o of state.readinessObservations) see(o.on);
    for (const c of state.caseConferences) see(c.nextConferenceOn);
    see(state.closure?.closedOn);
    if (earliest <= DATE) count += 1;
  }
  return count;
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
    cases.push(clone);
  }
  let items = 0;
  // The worklist is incremental (issue 18): a state object seen before is not evaluated again. The first
  // figure is a first call (every state new: shallow copies, made outside the clock); the second one case
  // changed since the last call; the third the same caseload again.
  const copies = Array.from({ length: 15 }, () => cases.map((state) => ({ ...state })));
  let copy = 0;
  const cold = time(() => {
    items = core.buildWorklist(copies[copy++], DATE).length;
  }, 3);
  core.buildWorklist(cases, DATE);
  let changed = 0;
  const oneChanged = time(() => {
    const at = changed++ % cases.length;
    cases[at] = { ...cases[at] };
    core.buildWorklist(cases, DATE);
  }, 3);
  const worklist = time(() => {
    items = core.buildWorklist(cases, DATE).length;
  }, 3);
  const baseline = time(() => readDates(cases), 3);
  const per1000 = (ms) => (ms * 1000) / CASES;
  const base = { unit: 'ms', baseline: per1000(baseline), baselineName: 'loop reading the same dates' };
  return [
    {
      name: `core: worklist per 1,000 cases, first call (every state new)`,
      value: per1000(cold),
      ...base,
    },
    {
      name: `core: worklist per 1,000 cases, one case changed since the last call`,
      value: per1000(oneChanged),
      ...base,
    },
    {
      name: `core: worklist per 1,000 cases, same caseload again (${CASES.toLocaleString('en')} cases, ${items.toLocaleString('en')} items)`,
      value: per1000(worklist),
      unit: 'ms',
      baseline: per1000(baseline),
      baselineName: 'loop reading the same dates',
    },
    { name: `core: worklist for ${CASES.toLocaleString('en')} cases, first call`, value: cold, unit: 'ms' },
  ];
}
