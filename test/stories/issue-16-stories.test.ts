import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as subjectExport from '../../stories/subject-export.stories.js';
import * as handoverInbox from '../../stories/handover-inbox.stories.js';
import * as handoverPackage from '../../stories/handover-package.stories.js';

interface StoryLike {
  loaders?: (() => Promise<Record<string, unknown>>)[];
  render: (args: unknown, context: { loaded: Record<string, unknown> }) => unknown;
}

const files = {
  'subject-export': { module: subjectExport, tag: 'fk-subject-export', heading: /Auskunft|Access/ },
  'handover-inbox': { module: handoverInbox, tag: 'fk-handover-inbox', heading: /Übergabepakete|handover packages/ },
  'handover-package': {
    module: handoverPackage,
    tag: 'fk-handover-package',
    heading: /Übergabepaket an|Handover package to/,
  },
} as const;

/* The stories of issue 16's elements render, show their heading and pass axe. */
describe('issue 16 stories', () => {
  for (const [file, { module, tag, heading }] of Object.entries(files)) {
    for (const [name, story] of Object.entries(module as Record<string, unknown>)) {
      if (name === 'default') continue;
      it(`${file}: ${name} renders and passes axe`, async () => {
        const s = story as StoryLike;
        const loaded: Record<string, unknown> = {};
        for (const loader of s.loaders ?? []) Object.assign(loaded, await loader());
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        render(s.render({}, { loaded }) as TemplateResult, host);
        await aTimeout(100);
        const el = host.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('h2')?.textContent).to.match(heading);
        await expect(el).to.be.accessible();
      });
    }
  }
});
