import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as profiles from '../../stories/legal-profiles.stories.js';
import { deepText } from '../../packages/components/test/suites/form-control-suite.js';

interface StoryLike {
  name?: string;
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render: (args: Record<string, unknown>, context: { loaded: Record<string, unknown> }) => unknown;
}

const TAGS = 'fk-plan-form, fk-plan-document, fk-assessment-form, fk-goal-agreement, fk-help-plan, fk-handover';

/* The legal-profile stories render, show content and pass axe (German and English stories alike). */
describe('legal profile stories (issue 20)', () => {
  for (const [exportName, story] of Object.entries(profiles as Record<string, unknown>)) {
    if (exportName === 'default') continue;
    const s = story as StoryLike;
    it(`${s.name ?? exportName} renders and is accessible`, async () => {
      const loaded: Record<string, unknown> = {};
      for (const loader of s.loaders ?? []) Object.assign(loaded, await loader());
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const out = s.render({}, { loaded });
      if (out instanceof Node) host.append(out);
      else render(out as TemplateResult, host);
      await aTimeout(100);
      const component = host.querySelector(TAGS) as HTMLElement & { updateComplete: Promise<unknown> };
      expect(component, 'component rendered').to.exist;
      await component.updateComplete;
      expect(deepText(component).length).to.be.greaterThan(100);
      await expect(component).to.be.accessible();
      fixtureCleanup();
    });
  }
});
