// @ts-check
/**
 * A @web/test-runner reporter that writes exact counts to a JSON file, so scripts/test.mjs can add the
 * browser run to its one summary line without parsing console output.
 *
 * A test file that fails to load, or a failing hook, leaves no failed test behind; it counts as one failed
 * test so that it can never be hidden in the totals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, fileErrors: string[], slowest: { file: string, seconds: number }[] }} WtrCounts
 */

/**
 * The time a file's tests took, summed over its tests (the runner's own figure; a file's load time is not in it).
 * @param {any} suite a TestSuiteResult
 * @returns {number} milliseconds
 */
function suiteMillis(suite) {
  let millis = 0;
  for (const test of suite.tests ?? []) millis += test.duration ?? 0;
  for (const child of suite.suites ?? []) millis += suiteMillis(child);
  return millis;
}

/**
 * @param {any} suite a TestSuiteResult: `{ name, tests, suites }`
 * @param {WtrCounts} counts
 * @returns {number} failed tests found in the suite
 */
function countSuite(suite, counts) {
  let failedHere = 0;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      failedHere += 1;
    }
  }
  for (const child of suite.suites ?? []) failedHere += countSuite(child, counts);
  return failedHere;
}

/**
 * @param {string | undefined} outputFile where to write the counts; the reporter does nothing without one
 * @returns {import('@web/test-runner').Reporter}
 */
export function resultsFileReporter(outputFile) {
  return {
    onTestRunFinished({ sessions }) {
      if (!outputFile) return;
      /** @type {WtrCounts} */
      const counts = { passed: 0, failed: 0, skipped: 0, fileErrors: [], slowest: [] };
      /** @type {{ file: string, seconds: number }[]} */
      const perFile = [];
      for (const session of sessions) {
        const failedTests = session.testResults ? countSuite(session.testResults, counts) : 0;
        if (session.testResults)
          perFile.push({ file: session.testFile, seconds: suiteMillis(session.testResults) / 1000 });
        const sessionBroken = !session.passed && failedTests === 0;
        if (sessionBroken || (session.errors ?? []).length > 0) {
          if (failedTests === 0) counts.failed += 1;
          const reasons = (session.errors ?? []).map((/** @type {any} */ e) => e.message ?? String(e));
          counts.fileErrors.push(`${session.testFile}: ${reasons.join('; ') || 'did not pass'}`);
        }
      }
      // The ten slowest files, so `npm test` can say where its time goes.
      counts.slowest = perFile.sort((a, b) => b.seconds - a.seconds).slice(0, 10);
      mkdirSync(dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, JSON.stringify(counts, null, 2));
    },
  };
}
