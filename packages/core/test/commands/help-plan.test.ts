import { expect } from 'chai';
import { verifyJournal, domainInvariantGuard } from '@fallkit/core';
import { canonicalJson, foldCase } from '@fallkit/core/internal';
import { given } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore } from './moments.js';

// Slice `help-plan`: the measures of the help plan and their order (the order agreed with the person is kept).
const m = (n: number): string => `rahimi-measure-${n}`;

describe('slice help-plan: given/when/then', () => {
  describe('when the goals are agreed', () => {
    it('addMeasure appends MeasureAdded, planned, with the agreement', async () => {
      const moment = await momentBefore('bondarenko', 'addMeasure');
      await given(moment.history, moment)
        .when(moment.step)
        .then([{ type: 'MeasureAdded', payload: { history: [] } }]);
    });
  });

  describe('when the help plan has four measures (Rahimi)', () => {
    it('reorderMeasures appends MeasuresReordered; the fold shows the new order, each measure unchanged, the journal verifies', async () => {
      const moment = await momentAtEnd('rahimi');
      const order = [m(3), m(1), m(4), m(2)];
      const { journal } = await given(moment.history, moment)
        .when({ type: 'reorderMeasures', caseId: moment.caseId, input: { measureIds: order } })
        .then([{ type: 'MeasuresReordered', payload: { measureIds: order } }]);
      expect((await verifyJournal(journal)).ok).to.equal(true);
      const before = foldCase(moment.history)!.measures;
      const after = foldCase(journal)!.measures;
      expect(after.map((measure) => measure.id)).to.deep.equal(order);
      for (const measure of after)
        expect(canonicalJson(measure)).to.equal(canonicalJson(before.find((b) => b.id === measure.id)));
    });

    it('a measure added after an older order keeps its place at the end when the journal is replayed', async () => {
      const moment = await momentAtEnd('rahimi');
      const reorder = {
        type: 'reorderMeasures',
        caseId: moment.caseId,
        input: { measureIds: [m(4), m(3), m(2), m(1)] },
      };
      // About the fold, not the cycle: domain invariants only, as before (PR rules on measures are tested in process/).
      const { journal } = await given([...moment.history, reorder], { ...moment, guards: [domainInvariantGuard] })
        .when({
          type: 'addMeasure',
          caseId: moment.caseId,
          input: { title: 'Fahrschule', goalIds: ['rahimi-goal-1'], by: { kind: 'person', name: 'Yusuf Rahimi' } },
        })
        .then([{ type: 'MeasureAdded', payload: { title: 'Fahrschule' } }]);
      expect((await verifyJournal(journal)).ok).to.equal(true);
      const ids = foldCase(journal)!.measures.map((measure) => measure.id);
      expect(ids.slice(0, 4)).to.deep.equal([m(4), m(3), m(2), m(1)]);
      expect(ids).to.have.length(5);
    });

    it('INV-MEAS-02: an order that leaves a measure out is refused (MEASURE_ORDER_INCOMPLETE)', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({ type: 'reorderMeasures', caseId: moment.caseId, input: { measureIds: [m(2), m(1), m(3)] } })
        .then({ refused: 'MEASURE_ORDER_INCOMPLETE', rule: 'DOMAIN' });
    });

    it('INV-MEAS-01: a measure depending on itself is refused (MEASURE_DEPENDENCY_CYCLE)', async () => {
      const moment = await momentAtEnd('rahimi');
      await given(moment.history, moment)
        .when({
          type: 'updateMeasure',
          caseId: moment.caseId,
          input: { measureId: m(1), changes: { dependsOn: [{ measureId: m(1), kind: 'after' }] } },
        })
        .then({ refused: 'MEASURE_DEPENDENCY_CYCLE', rule: 'DOMAIN' });
    });

    it('INV-REF-01, INV-DATE-02: every violation is reported at once, with its path', async () => {
      const moment = await momentAtEnd('rahimi');
      const { refusals } = await given(moment.history, moment)
        .when({
          type: 'addMeasure',
          caseId: moment.caseId,
          input: {
            title: 'Fahrschule',
            goalIds: ['ghost-1', 'ghost-2'],
            by: { kind: 'formalProvider', name: 'Fahrschule Mustermann' },
            startOn: '2026-07-10',
            endOn: '2026-07-01',
          },
        })
        .then({ refused: 'UNKNOWN_GOAL', rule: 'DOMAIN' });
      expect(refusals.map((r) => r.code)).to.deep.equal(['UNKNOWN_GOAL', 'UNKNOWN_GOAL', 'DATE_ORDER']);
      expect(refusals[0]?.path).to.deep.equal(['input', 'goalIds', 0]);
    });
  });
});
