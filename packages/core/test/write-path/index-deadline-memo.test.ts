import { expect } from 'chai';
import { applyEvents, caseIndexEntry, nextDeadline } from '@fallkit/core/internal';
import { EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';

const DAYS = ['2025-01-01', '2026-03-15', '2026-09-30', '2028-01-01'];

// The index row reuses the case's last `nextDeadline` answer when no member it read changed (case-index.ts):
// stepping through every example journal event by event, on several days and back and forth between states,
// the row's due date must always be the one computed afresh.
describe('case index: the reused next deadline', () => {
  it('is always the deadline computed afresh, event by event, on every day', async () => {
    const { store, results } = await runExampleCases({ cases: EXAMPLE_CASES });
    let compared = 0;
    for (const { caseId } of results) {
      const journal = await store.readJournal(caseId);
      let state = applyEvents(undefined, journal.slice(0, 1));
      const states = [state];
      for (const event of journal.slice(1)) {
        state = applyEvents(state, [event]);
        states.push(state);
      }
      for (const [i, current] of states.entries()) {
        if (current === undefined) continue;
        // The state before, again: a memo of a later state must not answer for an earlier one.
        for (const other of [current, states[Math.max(0, i - 1)]]) {
          if (other === undefined) continue;
          for (const day of DAYS) {
            expect(caseIndexEntry(other, day).nextDueDate, `${caseId} seq ${other.lastSeq} ${day}`).to.equal(
              nextDeadline(other, day),
            );
            compared += 1;
          }
        }
      }
    }
    expect(compared).to.be.greaterThan(100);
  });
});
