import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FixedClock, MemoryCaseStore, SequentialIds, createCaseService, createCaseViews } from '@fallkit/core';
import { PROFILE_EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import '@fallkit/components/define/fk-connected-plan-document';
import '@fallkit/components/define/fk-case-provider';
import { connectCaseService } from '../packages/components/src/context/core-port.js';

/** `<fk-connected-plan-document>`: the plan document of the provider's case, through the real core. */
const meta: Meta = {
  title: 'Akte/Plan verbunden (fk-connected-plan-document)',
  component: 'fk-connected-plan-document',
  parameters: { layout: 'padded' },
};
export default meta;

/** The SGB II example case up to its Kooperationsplan, read by its case manager through the decided view. */
export const Connected: StoryObj = {
  name: 'Verbunden (Kooperationsplan)',
  loaders: [
    async () => {
      const example = PROFILE_EXAMPLE_CASES[0]!;
      const cut = example.steps.findIndex((s) => s.type === 'recordPlan');
      const store = new MemoryCaseStore();
      const { results } = await runExampleCases({
        store,
        cases: [{ ...example, steps: example.steps.slice(0, cut + 1) }],
      });
      const state = results[0]!.state;
      const cm = state.caseManagers.filter((m) => !m.to).at(-1)!;
      const clock = new FixedClock('2026-07-01T10:00:00.000Z');
      const ids = new SequentialIds();
      const core = createCaseService({
        store,
        clock,
        ids,
        actor: { id: cm.userId, role: 'caseManager', agencyId: cm.agencyId },
      });
      return {
        port: connectCaseService({
          service: core,
          views: createCaseViews({ service: core, store, clock, ids }),
          clock,
        }),
        caseId: state.caseId,
      };
    },
  ],
  render: (_args, { loaded }) =>
    html`<fk-case-provider .service=${loaded['port']} case-id=${loaded['caseId'] as string} lang="de">
      <fk-connected-plan-document></fk-connected-plan-document>
    </fk-case-provider>`,
};
