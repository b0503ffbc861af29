/*
 * The demo under each legal profile (issue 20): the seeded profile case is on its case manager's worklist with
 * the profile's statutory deadline and its paragraph; its plan prints (to PDF); the rest of the core's example
 * closes it; and a case opened after switching the organisation's standard keeps that standard when the
 * organisation switches back (PR-00). German, axe-clean.
 */
import { expect } from 'chai';
import { expect as axeExpect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LEGAL_PROFILES, type ProcessStandard } from '@fallkit/core';
import { PROFILE_EXAMPLE_CASES, type ExampleCase } from '@fallkit/core/examples';
import { profileSteps } from '../packages/demo/src/app/demo-seed.js';
import { waitFor, deepText, mountedDemo, type MountedDemo } from './support/demo-page.js';

/** Each profile: its seeded example, the demo actor who works on it, and the paragraph its worklist names. */
const PROFILES: readonly {
  readonly example: ExampleCase;
  readonly actor: string;
  readonly paragraph: string;
  readonly domain: string;
}[] = [
  { example: PROFILE_EXAMPLE_CASES[0]!, actor: 'jobcenter', paragraph: '§ 15 Abs. 3 SGB II', domain: 'SGB_II' },
  {
    example: PROFILE_EXAMPLE_CASES[1]!,
    actor: 'jugendamt',
    paragraph: '§ 36 Abs. 2 Satz 2 SGB VIII (ungeprüft)',
    domain: 'SGB_VIII',
  },
  { example: PROFILE_EXAMPLE_CASES[2]!, actor: 'sozialamt', paragraph: '§ 15 Abs. 4 SGB IX', domain: 'SGB_IX' },
];

const standardOf = (example: ExampleCase): ProcessStandard => {
  const ref = (example.steps[0]!.input as { processStandard: { id: string; version: string } }).processStandard;
  return LEGAL_PROFILES.find((profile) => profile.id === ref.id && profile.version === ref.version)!;
};

const textOf = (node: Node) => deepText(node).replace(/\s+/g, ' ');

/** The rest of the example, sent as the demo's actor through the demo's case service (the core's decision point). */
async function continueExample(demo: MountedDemo, steps: readonly { type: string; input: unknown }[], caseId: string) {
  for (const next of steps) {
    const result = await demo.app.demoSession!.service.execute({ type: next.type, caseId, input: next.input } as never);
    expect(result.ok, `${next.type}: ${JSON.stringify(result.ok ? '' : result.errors)}`).to.equal(true);
  }
}

describe('demo: the legal profiles (issue 20)', function () {
  this.timeout(110_000);

  for (const { example, actor, paragraph, domain } of PROFILES) {
    const standard = standardOf(example);
    const plan = standard.plan!;

    it(`${standard.id}: the seeded case's deadline with its paragraph, the printed ${plan.title.de}, closure; a new case keeps its standard (PR-33, PR-00)`, async () => {
      const demo = await mountedDemo(`profile-${example.key}`, `#/?als=${actor}`);
      try {
        // The worklist of the case's own case manager names the profile's deadline and its paragraph.
        const worklist = await waitFor(() => demo.root.querySelector('fk-worklist'), 'the worklist');
        await waitFor(() => textOf(worklist).includes(paragraph), `the deadline with ${paragraph}`);
        expect(textOf(worklist)).to.contain(example.caseId.toUpperCase());
        await axeExpect(demo.root).to.be.accessible();

        // The plan: where the demo stopped before the plan, the rest of the example records it first.
        const { remaining } = profileSteps(example);
        const planStep = remaining.findIndex((s) => s.type === 'recordPlan');
        if (planStep >= 0) await continueExample(demo, remaining.slice(0, planStep + 1), example.caseId);
        window.location.hash = `#/fall/${example.caseId}/plan?als=${actor}`;
        const connected = await waitFor(
          () => demo.root.querySelector('fk-connected-plan-document')?.shadowRoot?.querySelector('fk-plan-document'),
          'the printed plan',
        );
        await waitFor(() => textOf(connected).includes(plan.title.de), 'the plan document');
        const printed = textOf(connected);
        // Every content item the profile requires is in the document (the core refuses a plan without one, PR-33).
        const helpOutside = example.steps.some((s) => (s.input as { helpOutsideFamily?: boolean }).helpOutsideFamily);
        for (const item of plan.items.filter((i) => i.obligation === 'must')) {
          if (item.appliesWhen === 'helpOutsideFamily' && !helpOutside) continue;
          expect(printed, item.id).to.contain(item.label.de);
        }
        // The case says which standard it was opened under.
        expect(demo.root.querySelector('.case-standard')?.textContent).to.contain(standard.name.de);
        await axeExpect(demo.root).to.be.accessible();
        const shot = (await executeServerCommand('fk-screenshot', { name: `demo-profile-${example.key}` })) as {
          bytes: number;
        };
        expect(shot.bytes).to.be.greaterThan(1000);
        const pdf = (await executeServerCommand('fk-print-pdf', { name: `demo-profile-${example.key}` })) as {
          text: string | null;
          error?: string;
        };
        expect(pdf.text, pdf.error).to.be.a('string');
        expect(pdf.text!).to.contain(plan.title.de);

        // To the closure: the example's last steps close and evaluate the case; the caseload says so.
        await continueExample(demo, remaining.slice(planStep + 1), example.caseId);
        window.location.hash = `#/?als=${actor}`;
        await waitFor(
          () =>
            demo.root
              .querySelector(`table.caseload tr[data-case-id="${example.caseId}"]`)
              ?.textContent?.includes('abgeschlossen'),
          'the case closed in the caseload',
        );
        await waitFor(() => {
          const list = demo.root.querySelector('fk-worklist');
          return list && !textOf(list).includes(paragraph);
        }, 'the deadline gone with the closure');

        // The organisation switches to the profile; a case opened now keeps it after the switch back (PR-00).
        const switcher = await waitFor(
          () => demo.root.querySelector<HTMLSelectElement>('select.standard-switch'),
          'the standard switch',
        );
        switcher.value = `${standard.id}@${standard.version}`;
        switcher.dispatchEvent(new Event('change'));
        const form = await waitFor(() => demo.root.querySelector<HTMLFormElement>('.new-case-form'), 'the form');
        const field = (name: string) => form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
        field('givenName').value = 'Lea';
        field('familyName').value = `Neu-${example.key}`;
        field('label').value = `NEU-${example.key.toUpperCase()}`;
        field('legalDomain').value = domain;
        form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        await waitFor(() => window.location.hash.includes('/intake'), 'the new case');
        const caseId = decodeURIComponent(/#\/fall\/([^/]+)\//.exec(window.location.hash)![1]!);
        // The organisation goes back to the default standard; the new case stays under the profile.
        const again = demo.root.querySelector<HTMLSelectElement>('select.standard-switch')!;
        again.value = again.options[0]!.value;
        again.dispatchEvent(new Event('change'));
        window.location.hash = `#/fall/${caseId}/plan?als=${actor}`;
        await waitFor(
          () => demo.root.querySelector('.case-standard')?.textContent?.includes(standard.name.de),
          'the case named with its own standard',
        );
        await waitFor(() => {
          const planForm = demo.root.querySelector('fk-plan-form');
          return planForm && textOf(planForm).includes(plan.title.de);
        }, "the profile's plan form");
        const loaded = await demo.app.demoSession!.service.loadCaseUnchecked(caseId);
        expect(loaded.ok && loaded.value.state.processStandard).to.deep.equal({
          id: standard.id,
          version: standard.version,
        });
        await axeExpect(demo.root).to.be.accessible();
      } finally {
        await demo.close();
      }
    });
  }
});
