import { expect } from 'chai';
import { createCaseService, FixedClock, SequentialIds, type CaseService, type CaseStore } from '@fallkit/core';
import { EXAMPLE_CASES, PROFILE_EXAMPLE_CASES, runExampleCases, type ExampleCase } from '@fallkit/core/examples';

/** A store with an example run up to (excluding) its first step of `type`, and a service acting as the example's actor. */
async function before(
  example: ExampleCase,
  type: string,
  skip: readonly string[] = [],
): Promise<{ service: CaseService; store: CaseStore }> {
  const cut = example.steps.findIndex((s) => s.type === type);
  const steps = example.steps.slice(0, cut).filter((s) => !skip.includes(s.type));
  const { store } = await runExampleCases({ cases: [{ ...example, steps }] });
  const at = example.steps[cut]?.at ?? '2026-06-01T00:00:00.000Z';
  const service = createCaseService({
    store,
    clock: new FixedClock(at),
    ids: new SequentialIds(),
    actor: example.actor,
  });
  return { service, store };
}

const [sgb2, sgb8, sgb9] = PROFILE_EXAMPLE_CASES as [ExampleCase, ExampleCase, ExampleCase];
const planInput = (example: ExampleCase): Record<string, unknown> =>
  example.steps.find((s) => s.type === 'recordPlan')?.input as Record<string, unknown>;

describe('required plan content per profile (PR-33, PR-34, PR-35)', () => {
  it('PR-33: a Kooperationsplan without essential steps (no measure) is refused with § 15 Abs. 2 Satz 1 SGB II; the journal is unchanged', async () => {
    const { service, store } = await before(sgb2, 'recordPlan', ['addMeasure']);
    const length = (await store.readJournal(sgb2.caseId)).length;
    const result = await service.execute({ type: 'recordPlan', caseId: sgb2.caseId, input: planInput(sgb2) });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    const refusal = result.errors.find((e) => e.rule === 'PR-33');
    expect(refusal?.code).to.equal('PROCESS_PLAN_CONTENT_MISSING');
    expect(refusal?.message.de).to.contain('Wesentliche Schritte zur Eingliederung');
    expect(refusal?.message.de).to.contain('§ 15 Abs. 2 Satz 1 SGB II');
    expect(refusal?.message.en).to.contain('Essential steps');
    expect((await store.readJournal(sgb2.caseId)).length).to.equal(length);
  });

  it('PR-34: a Kooperationsplan without the "should" items is recorded, with one notice per item and its paragraph', async () => {
    const { service } = await before(sgb2, 'recordPlan');
    const result = await service.execute({
      type: 'recordPlan',
      caseId: sgb2.caseId,
      input: { ...planInput(sgb2), sections: [] },
    });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (!result.ok) return;
    const notices = (result.notices ?? []).filter((n) => n.rule === 'PR-34');
    expect(notices.map((n) => n.code)).to.deep.equal(Array(6).fill('PROCESS_PLAN_CONTENT_SHOULD'));
    expect(notices.map((n) => n.message.de).join('\n')).to.contain('Eigenbemühungen (Mindestumfang) und ihr Nachweis');
    for (const notice of notices) expect(notice.message.de).to.contain('§ 15 Abs. 2 Satz 2 SGB II (ungeprüft)');
  });

  it('PR-33: a Hilfeplan for help outside the family without the perspective is refused with § 37c Abs. 1 Satz 2 SGB VIII', async () => {
    const { service } = await before(sgb8, 'recordPlan');
    const input = planInput(sgb8);
    const sections = (input['sections'] as { itemId: string }[]).filter((s) => s.itemId !== 'perspective');
    const result = await service.execute({ type: 'recordPlan', caseId: sgb8.caseId, input: { ...input, sections } });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.rule)).to.deep.equal(['PR-33']);
    expect(result.errors[0]?.message.de).to.contain('Stand der Perspektivklärung (§ 37c Abs. 1 Satz 2 SGB VIII)');
    // … and the same plan for help within the family needs no perspective.
    const inFamily = await service.execute({
      type: 'recordPlan',
      caseId: sgb8.caseId,
      input: { ...input, sections, helpOutsideFamily: false },
    });
    expect(inFamily.ok, JSON.stringify(inFamily)).to.equal(true);
  });

  it('PR-33: a Hilfeplan without participants is refused (§ 36 Abs. 2 Satz 2 SGB VIII)', async () => {
    const { service } = await before(sgb8, 'recordPlan');
    const result = await service.execute({
      type: 'recordPlan',
      caseId: sgb8.caseId,
      input: { ...planInput(sgb8), participants: [] },
    });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors[0]?.rule).to.equal('PR-33');
    expect(result.errors[0]?.path).to.deep.equal(['input', 'participants']);
  });

  it('PR-33: a Gesamtplan lacking § 121 Abs. 4 Nr. 4-6 is refused with one refusal per item', async () => {
    const { service } = await before(sgb9, 'recordPlan');
    const input = planInput(sgb9);
    const sections = (input['sections'] as { itemId: string }[]).filter(
      (s) => !['lumpSum', 'socialMedicalFindings', 'cashShare'].includes(s.itemId),
    );
    const result = await service.execute({ type: 'recordPlan', caseId: sgb9.caseId, input: { ...input, sections } });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    const messages = result.errors.filter((e) => e.rule === 'PR-33').map((e) => e.message.de);
    expect(messages).to.have.length(3);
    expect(messages[0]).to.contain('§ 121 Abs. 4 Nr. 4 SGB IX');
    expect(messages[1]).to.contain('§ 121 Abs. 4 Nr. 5 SGB IX');
    expect(messages[2]).to.contain('§ 121 Abs. 4 Nr. 6 SGB IX');
  });

  it('PR-33: a section the profile does not know is refused, not printed', async () => {
    const { service } = await before(sgb9, 'recordPlan');
    const input = planInput(sgb9);
    const result = await service.execute({
      type: 'recordPlan',
      caseId: sgb9.caseId,
      input: { ...input, sections: [...(input['sections'] as object[]), { itemId: 'horoscope', text: 'Stier' }] },
    });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).to.deep.equal(['input', 'sections', 8, 'itemId']);
  });

  it('PR-35: a case under the default standard has no plan document to record', async () => {
    const example = EXAMPLE_CASES.find((e) => e.expected.stage === 'monitoring') as ExampleCase;
    const { store } = await runExampleCases({ cases: [example] });
    const service = createCaseService({
      store,
      clock: new FixedClock('2026-06-01T10:00:00.000Z'),
      ids: new SequentialIds(),
      actor: example.steps.at(-1)?.actor ?? example.actor,
    });
    const result = await service.execute({
      type: 'recordPlan',
      caseId: example.caseId,
      input: { participants: [], sections: [] },
    });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors[0]?.rule).to.equal('PR-35');
  });
});
