import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as intake from '../../stories/intake-screening.stories.js';
import * as counselling from '../../stories/first-counselling.stories.js';
import * as consent from '../../stories/consent-manager.stories.js';
import * as referrals from '../../stories/referrals.stories.js';
import * as handover from '../../stories/handover.stories.js';
import * as monitoring from '../../stories/monitoring.stories.js';
import { deepText } from '../../packages/components/test/suites/form-control-suite.js';

interface StoryLike {
  name?: string;
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render: (args: Record<string, unknown>, context: { loaded: Record<string, unknown> }) => unknown;
}

const files = { intake, counselling, consent, referrals, handover, monitoring } as Record<
  string,
  Record<string, unknown>
>;

/*
 * The stories of the stage components render without errors, show content, and pass axe: the same
 * promise Storybook's render check makes, without building Storybook.
 */
describe('stage component stories', () => {
  for (const [file, module] of Object.entries(files)) {
    for (const [exportName, story] of Object.entries(module)) {
      if (exportName === 'default') continue;
      const s = story as StoryLike;
      it(`${file}: ${s.name ?? exportName} renders`, async () => {
        const loaded: Record<string, unknown> = {};
        for (const loader of s.loaders ?? []) Object.assign(loaded, await loader());
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        const out = s.render({}, { loaded });
        if (out instanceof Node) host.append(out);
        else render(out as TemplateResult, host);
        await aTimeout(250);
        const el = host.querySelector(
          '[part], fk-intake-screening, fk-first-counselling, fk-consent-manager, fk-referrals, fk-handover, fk-monitoring',
        ) as HTMLElement;
        expect(el, 'component rendered').to.exist;
        const component = host.querySelector(
          'fk-intake-screening, fk-first-counselling, fk-consent-manager, fk-referrals, fk-handover, fk-monitoring',
        ) as HTMLElement & { updateComplete: Promise<unknown> };
        await component.updateComplete;
        expect(deepText(component).length).to.be.greaterThan(100);
        await expect(component).to.be.accessible();
        fixtureCleanup();
      });
    }
  }
});
