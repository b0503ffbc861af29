import { expect, fixture, html } from '@open-wc/testing';
import { PROFILE_EXAMPLE_CASES, runExampleCases, type ExampleCase } from '@fallkit/core/examples';
import '../../src/define/fk-worklist.js';
import type { FkWorklist } from '../../src/worklist/worklist.component.js';
import { deepText } from '../suites/form-control-suite.js';

describe('<fk-worklist> with legal profiles (issue 20)', () => {
  it('shows the statutory deadlines of SGB II and SGB IX cases with their paragraph', async () => {
    const cut = (example: ExampleCase, type: string) => ({
      ...example,
      steps: example.steps.slice(0, example.steps.findIndex((s) => s.type === type) + 1),
    });
    const { results } = await runExampleCases({
      cases: [cut(PROFILE_EXAMPLE_CASES[0]!, 'recordPlan'), cut(PROFILE_EXAMPLE_CASES[2]!, 'recordReferral')],
    });
    const el = await fixture<FkWorklist>(
      html`<fk-worklist
        date="2026-03-05"
        .options=${{ horizonDays: 400 }}
        .cases=${results.map((r) => r.state)}
      ></fk-worklist>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Gesetzliche Frist');
    expect(text).to.contain('§ 15 Abs. 3 SGB II');
    expect(text).to.contain('§ 14 Abs. 1 Satz 1 SGB IX');
    expect(text).to.contain('Zuständigkeit klären');
    await expect(el).to.be.accessible();
  });
});
