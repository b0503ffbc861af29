import { expect } from 'chai';
import { canonicalJson, domainInvariantGuard, verifyJournal, type CaseService, type CaseState } from '@fallkit/core';
import { seededService } from './core-fixtures.js';

const R = 'kim-2026-0001'; // Rahimi: four measures in the help plan
const m = (n: number): string => `rahimi-measure-${n}`;

async function stateOf(service: CaseService): Promise<CaseState> {
  const loaded = await service.loadCase(R, { verify: true });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value.state;
}

describe('reorderMeasures: the help plan keeps the order agreed with the person', () => {
  it('folds the measures into the new order, keeps their content, and the journal verifies', async () => {
    const { service, store } = await seededService({ guards: [domainInvariantGuard] });
    const contentBefore = new Map(
      (await stateOf(service)).measures.map((measure) => [measure.id, canonicalJson(measure)]),
    );
    const order = [m(3), m(1), m(4), m(2)];
    const result = await service.execute({ type: 'reorderMeasures', caseId: R, input: { measureIds: order } });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    const journal = await store.readJournal(R);
    expect(journal.at(-1)?.type).to.equal('MeasuresReordered');
    expect((await verifyJournal(journal)).ok).to.equal(true);
    const state = await stateOf(service);
    expect(state.measures.map((measure) => measure.id)).to.deep.equal(order);
    for (const measure of state.measures) expect(canonicalJson(measure)).to.equal(contentBefore.get(measure.id));
  });

  it('a measure added after an older order keeps its place at the end when the journal is replayed', async () => {
    const { service, store } = await seededService({ guards: [domainInvariantGuard] });
    await service.execute({ type: 'reorderMeasures', caseId: R, input: { measureIds: [m(4), m(3), m(2), m(1)] } });
    const added = await service.execute({
      type: 'addMeasure',
      caseId: R,
      input: { title: 'Fahrschule', goalIds: ['rahimi-goal-1'], by: { kind: 'person', name: 'Yusuf Rahimi' } },
    });
    expect(added.ok, JSON.stringify(added)).to.equal(true);
    expect((await verifyJournal(await store.readJournal(R))).ok).to.equal(true);
    const ids = (await stateOf(service)).measures.map((measure) => measure.id);
    expect(ids.slice(0, 4)).to.deep.equal([m(4), m(3), m(2), m(1)]);
    expect(ids).to.have.length(5);
  });
});
