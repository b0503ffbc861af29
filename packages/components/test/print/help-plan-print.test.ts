import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CaseCommand, CaseState } from '@fallkit/core';
import { EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import '../../src/define/fk-case-provider.js';
import '../../src/define/fk-print-settings.js';
import '../../src/define/fk-help-plan-print.js';
import type { FkHelpPlanPrint } from '../../src/print/help-plan-print.component.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import { caseManager, needToKnowMarker } from '../suites/stage-test-helpers.js';

interface PdfResult {
  readonly bytes: number;
  readonly text: string | null;
  readonly error?: string;
}

describe('<fk-help-plan-print> (issue 21 item 10)', () => {
  afterEach(() => document.querySelector('[data-fk-print-root]')?.remove());

  it('prints the help plan from the decided view: measures by goal with provider, period and cost carrier, letterhead, signatures; a withheld measure is said, not shown', async () => {
    const { results } = await runExampleCases({ cases: EXAMPLE_CASES });
    const state = results.find((r) => r.state.measures.length > 1)!.state;
    const [shown, hidden] = state.measures;
    const view = {
      ...state,
      measures: [
        { ...shown!, costCarrier: 'Jobcenter Musterstadt' },
        { ...hidden!, title: needToKnowMarker },
      ],
    } as unknown as CaseState;
    const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
    service.setView(state.caseId, view);
    const root = await fixture<HTMLElement>(
      html`<div>
        <nav>Intranet-Navigation</nav>
        <fk-print-settings
          .settings=${{
            letterhead: { name: 'Stadt Musterstadt', address: ['Marktplatz 1', '12345 Musterstadt'] },
            controller: { name: 'Stadt Musterstadt', address: ['Marktplatz 1'] },
            dataProtectionOfficer: { email: 'datenschutz@musterstadt.example' },
          }}
        >
          <fk-case-provider .service=${service} case-id=${state.caseId} lang="de">
            <fk-help-plan-print></fk-help-plan-print>
          </fk-case-provider>
        </fk-print-settings>
      </div>`,
    );
    const el = root.querySelector('fk-help-plan-print')! as FkHelpPlanPrint & FkCaseProvider;
    await waitUntil(() => !el.shadowRoot!.querySelector('button')!.disabled, 'view loaded');
    await expect(el).to.be.accessible();
    expect(el.preparePrint()).to.not.equal(undefined);
    const result = (await executeServerCommand('fk-print-pdf', { name: 'help-plan' })) as PdfResult;
    expect(result.text, result.error).to.be.a('string');
    const text = (result.text ?? '').replace(/\s+/g, ' ');
    expect(text).to.not.contain('Intranet-Navigation');
    expect(text).to.contain('Stadt Musterstadt');
    expect(text).to.contain('Hilfeplan');
    // Table cells wrap, so pdftotext interleaves columns: the title's first word stands for it.
    expect(text).to.contain(shown!.title.split(' ')[0]!);
    expect(text).to.contain('Jobcenter');
    const cells = [...document.querySelector('[data-fk-print-root]')!.shadowRoot!.querySelectorAll('tbody td')].map(
      (c) => c.textContent,
    );
    expect(cells).to.include.members([shown!.title, 'Jobcenter Musterstadt']);
    expect(text).to.contain('Einige Maßnahmen sind für Sie ausgeblendet');
    expect(text).to.not.contain(String(hidden!.title).split(' ').slice(0, 3).join(' '));
    expect(text).to.contain('Unterschrift der Person');
  });
});
