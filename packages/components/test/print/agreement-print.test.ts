import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CaseCommand, CaseState } from '@fallkit/core';
import { runExampleCases, EXAMPLE_CASES } from '@fallkit/core/examples';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import '../../src/define/fk-case-provider.js';
import '../../src/define/fk-goal-agreement.js';
import '../../src/define/fk-print-settings.js';
import type { PrintSettings } from '../../src/print/print-settings.js';
import type { FkGoalAgreement } from '../../src/goal-agreement/goal-agreement.component.js';
import { FakeCaseService } from '../suites/fake-case-service.js';
import { caseManager } from '../suites/stage-test-helpers.js';

interface PdfResult {
  readonly bytes: number;
  readonly text: string | null;
  readonly error?: string;
}

describe('the printed goal agreement (issue 21 item 10)', () => {
  afterEach(() => document.querySelector('[data-fk-print-root]')?.remove());

  it('prints only the agreement: goals with their measures, provider and cost carrier, no jargon, signatures on the page of what they sign', async () => {
    const { results } = await runExampleCases({ cases: EXAMPLE_CASES });
    const withMeasures = results.find((r) => r.state.measures.some((m) => m.goalIds.length > 0))!;
    expect(withMeasures, 'an example case with measures for goals').to.not.equal(undefined);
    const state: CaseState = withMeasures.state;
    const measure = state.measures.find((m) => m.goalIds.length > 0)!;
    const view = {
      ...state,
      measures: state.measures.map((m) => (m.id === measure.id ? { ...m, costCarrier: 'Jobcenter Musterstadt' } : m)),
    };
    const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
    service.setView(state.caseId, view as CaseState);
    const provider = await fixture<FkCaseProvider>(
      html`<div>
        <header>Intranet-Kopf mit Reitern</header>
        <fk-case-provider .service=${service} case-id=${state.caseId} lang="de">
          <fk-goal-agreement></fk-goal-agreement>
        </fk-case-provider>
      </div>`,
    );
    const el = provider.querySelector('fk-goal-agreement')! as FkGoalAgreement;
    await waitUntil(() => el.measures.length > 0, 'case loaded');
    el.preparePrint();
    const result = (await executeServerCommand('fk-print-pdf', { name: 'goal-agreement' })) as PdfResult;
    expect(result.text, result.error).to.be.a('string');
    const raw = result.text ?? '';
    const text = raw.replace(/\s+/g, ' ');
    expect(text).to.not.contain('Intranet-Kopf');
    expect(text).to.contain(measure.title.split(' ').slice(0, 3).join(' '));
    expect(text).to.contain(`durchgeführt von ${measure.by.name}`.split(' ').slice(0, 4).join(' '));
    expect(text).to.contain('Kosten trägt Jobcenter Musterstadt');
    expect(text).to.not.match(/diskrepant|kongruent|Lebensweise/);
    // The signature lines are on the same page as the consents section they close.
    const pages = raw.split('\f');
    const signed = pages.findIndex((p) => p.includes('Unterschrift'));
    expect(signed).to.be.greaterThan(-1);
    expect(pages[signed]).to.contain('Einwilligungen zur Weitergabe von Daten');
  });

  it('opens with the host\u2019s letterhead and the case number and ends with the Art. 13 GDPR block, like the consent', async () => {
    const settings: PrintSettings = {
      letterhead: { name: 'Stadt Musterstadt', unit: 'Kommunales Integrationsmanagement', address: ['Marktplatz 1'] },
      controller: { name: 'Stadt Musterstadt, Der Oberbürgermeister', address: ['Marktplatz 1', '12345 Musterstadt'] },
      dataProtectionOfficer: { name: 'Behördliche Datenschutzbeauftragte', email: 'datenschutz@musterstadt.example' },
    };
    const { results } = await runExampleCases({ cases: EXAMPLE_CASES });
    const state: CaseState = results.find((r) => r.state.goals.length > 0)!.state;
    const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
    service.setView(state.caseId, state);
    const root = await fixture<HTMLElement>(
      html`<fk-print-settings .settings=${settings}>
        <fk-case-provider .service=${service} case-id=${state.caseId} lang="de">
          <fk-goal-agreement case-label="KIM-2026-0001"></fk-goal-agreement>
        </fk-case-provider>
      </fk-print-settings>`,
    );
    const el = root.querySelector('fk-goal-agreement')! as FkGoalAgreement;
    await waitUntil(() => (el.value.goals ?? []).length > 0, 'case loaded');
    el.preparePrint();
    const result = (await executeServerCommand('fk-print-pdf', { name: 'goal-agreement-letterhead' })) as PdfResult;
    expect(result.text, result.error).to.be.a('string');
    const text = (result.text ?? '').replace(/\s+/g, ' ');
    expect(text).to.contain('Stadt Musterstadt');
    expect(text).to.contain('Kommunales Integrationsmanagement');
    expect(text).to.contain('KIM-2026-0001');
    expect(text).to.contain('Behördliche Datenschutzbeauftragte');
    expect(text.indexOf('Stadt Musterstadt'), 'the letterhead comes first').to.be.lessThan(
      text.indexOf('Unterschrift'),
    );
    expect(text.lastIndexOf('datenschutz@musterstadt.example'), 'the Art. 13 block comes last').to.be.greaterThan(
      text.indexOf('Unterschrift'),
    );
  });
});
