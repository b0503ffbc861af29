import { expect } from 'chai';
import { EXAMPLE_CASES, PROFILE_EXAMPLE_CASES, type ExampleCase } from '@fallkit/core/examples';
import { given } from '@fallkit/core/testing';
import { momentAtEnd, momentBefore } from '../../commands/moments.js';

const [sgb2, sgb8, sgb9] = PROFILE_EXAMPLE_CASES as [ExampleCase, ExampleCase, ExampleCase];
const planInput = (example: ExampleCase): Record<string, unknown> =>
  example.steps.find((s) => s.type === 'recordPlan')?.input as Record<string, unknown>;
const PLAN_CONTENT_MISSING = { refused: 'PROCESS_PLAN_CONTENT_MISSING', rule: 'PR-33' } as const;

describe('required plan content per profile (PR-33, PR-34, PR-35)', () => {
  it('PR-33: a Kooperationsplan without essential steps (no measure) is refused with § 15 Abs. 2 Satz 1 SGB II; the journal is unchanged', async () => {
    const moment = await momentBefore(sgb2, 'recordPlan', { skip: ['addMeasure'] });
    const { refusals } = await given(moment.history, moment).when(moment.step).then(PLAN_CONTENT_MISSING);
    const refusal = refusals.find((e) => e.rule === 'PR-33');
    expect(refusal?.code).to.equal('PROCESS_PLAN_CONTENT_MISSING');
    expect(refusal?.message.de).to.contain('Wesentliche Schritte zur Eingliederung');
    expect(refusal?.message.de).to.contain('§ 15 Abs. 2 Satz 1 SGB II');
    expect(refusal?.message.en).to.contain('Essential steps');
  });

  it('PR-34: a Kooperationsplan without the "should" items is recorded, with one notice per item and its paragraph', async () => {
    const moment = await momentBefore(sgb2, 'recordPlan');
    const { notices: all } = await given(moment.history, moment)
      .when({ ...moment.step, input: { ...planInput(sgb2), sections: [] } })
      .then([{ type: 'PlanRecorded' }]);
    const notices = all.filter((n) => n.rule === 'PR-34');
    expect(notices.map((n) => n.code)).to.deep.equal(Array(6).fill('PROCESS_PLAN_CONTENT_SHOULD'));
    expect(notices.map((n) => n.message.de).join('\n')).to.contain('Eigenbemühungen (Mindestumfang) und ihr Nachweis');
    for (const notice of notices) expect(notice.message.de).to.contain('§ 15 Abs. 2 Satz 2 SGB II (ungeprüft)');
  });

  it('PR-33: a Hilfeplan for help outside the family without the perspective is refused with § 37c Abs. 1 Satz 2 SGB VIII', async () => {
    const moment = await momentBefore(sgb8, 'recordPlan');
    const input = planInput(sgb8);
    const sections = (input['sections'] as { itemId: string }[]).filter((s) => s.itemId !== 'perspective');
    const { refusals } = await given(moment.history, moment)
      .when({ ...moment.step, input: { ...input, sections } })
      .then(PLAN_CONTENT_MISSING);
    expect(refusals.map((e) => e.rule)).to.deep.equal(['PR-33']);
    expect(refusals[0]?.message.de).to.contain('Stand der Perspektivklärung (§ 37c Abs. 1 Satz 2 SGB VIII)');
    // … and the same plan for help within the family needs no perspective.
    await given(moment.history, moment)
      .when({ ...moment.step, input: { ...input, sections, helpOutsideFamily: false } })
      .then([{ type: 'PlanRecorded' }]);
  });

  it('PR-33: a Hilfeplan without participants is refused (§ 36 Abs. 2 Satz 2 SGB VIII)', async () => {
    const moment = await momentBefore(sgb8, 'recordPlan');
    const { refusals } = await given(moment.history, moment)
      .when({ ...moment.step, input: { ...planInput(sgb8), participants: [] } })
      .then(PLAN_CONTENT_MISSING);
    expect(refusals[0]?.rule).to.equal('PR-33');
    expect(refusals[0]?.path).to.deep.equal(['input', 'participants']);
  });

  it('PR-33: a Gesamtplan lacking § 121 Abs. 4 Nr. 4-6 is refused with one refusal per item', async () => {
    const moment = await momentBefore(sgb9, 'recordPlan');
    const input = planInput(sgb9);
    const sections = (input['sections'] as { itemId: string }[]).filter(
      (s) => !['lumpSum', 'socialMedicalFindings', 'cashShare'].includes(s.itemId),
    );
    const { refusals } = await given(moment.history, moment)
      .when({ ...moment.step, input: { ...input, sections } })
      .then(PLAN_CONTENT_MISSING);
    const messages = refusals.filter((e) => e.rule === 'PR-33').map((e) => e.message.de);
    expect(messages).to.have.length(3);
    expect(messages[0]).to.contain('§ 121 Abs. 4 Nr. 4 SGB IX');
    expect(messages[1]).to.contain('§ 121 Abs. 4 Nr. 5 SGB IX');
    expect(messages[2]).to.contain('§ 121 Abs. 4 Nr. 6 SGB IX');
  });

  it('PR-33: a section the profile does not know is refused, not printed', async () => {
    const moment = await momentBefore(sgb9, 'recordPlan');
    const input = planInput(sgb9);
    const { refusals } = await given(moment.history, moment)
      .when({
        ...moment.step,
        input: { ...input, sections: [...(input['sections'] as object[]), { itemId: 'horoscope', text: 'Stier' }] },
      })
      .then(PLAN_CONTENT_MISSING);
    expect(refusals[0]?.path).to.deep.equal(['input', 'sections', 8, 'itemId']);
  });

  it('PR-35: a case under the default standard has no plan document to record', async () => {
    const example = EXAMPLE_CASES.find((e) => e.expected.stage === 'monitoring') as ExampleCase;
    const moment = await momentAtEnd(example);
    const { refusals } = await given(moment.history, { ...moment, now: '2026-06-01T10:00:00.000Z' })
      .when({ type: 'recordPlan', caseId: moment.caseId, input: { participants: [], sections: [] } })
      .then({ refused: 'PROCESS_PLAN_NOT_IN_STANDARD', rule: 'PR-35' });
    expect(refusals[0]?.rule).to.equal('PR-35');
  });
});
