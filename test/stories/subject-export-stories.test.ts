import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as stories from '../../stories/subject-export.stories.js';
import type { FkSubjectExport } from '../../packages/components/src/subject-export/subject-export.component.js';
describe('<fk-subject-export> stories', () => {
  for (const [name, story] of Object.entries(stories)) {
    if (name === 'default') continue;
    it(`${name} renders the document and passes axe`, async () => {
      const s = story as {
        loaders: (() => Promise<Record<string, unknown>>)[];
        render: (args: unknown, context: { loaded: Record<string, unknown> }) => unknown;
      };
      const loaded: Record<string, unknown> = {};
      for (const loader of s.loaders) Object.assign(loaded, await loader());
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      render(s.render({}, { loaded }) as TemplateResult, host);
      await aTimeout(100);
      const el = host.querySelector('fk-subject-export') as FkSubjectExport;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="document"] h2')?.textContent).to.match(/Auskunft|Access/);
      await expect(el).to.be.accessible();
    });
  }
});
