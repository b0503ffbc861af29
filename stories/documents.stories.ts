import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseDocuments,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { connectCaseService } from '@fallkit/components';
import '@fallkit/components/define/fk-documents';
import '@fallkit/components/define/fk-case-provider';

/** `<fk-documents>`: the documents of a case, through the real core: list, open, file, remove. */
const meta: Meta = {
  title: 'Akte/Dokumente (fk-documents)',
  component: 'fk-documents',
  parameters: { layout: 'padded' },
};
export default meta;

/** The example cases with their documents' content, connected as `actor`. */
const connected = async (actor: Actor) => {
  const { store } = await runExampleCases({ store: new MemoryCaseStore() });
  const clock = new FixedClock('2026-06-20T08:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return {
    port: connectCaseService({ service, views, clock, documents: createCaseDocuments({ service, views, store }) }),
  };
};

const frame = (port: unknown, lang = 'de') =>
  html`<div style="max-inline-size:60rem">
    <fk-case-provider lang=${lang} case-id="jc-2026-0522" .service=${port}
      ><fk-documents></fk-documents
    ></fk-case-provider>
  </div>`;

/** The Jobcenter case manager: the certificate (§ 76 SGB X), a removed scan, the form. */
export const Fallmanagement: StoryObj = {
  name: 'Fallmanagement (connected)',
  loaders: [() => connected(EXAMPLE_ACTORS.jobcenterCaseManager)],
  render: (_args, { loaded }) => frame(loaded['port']),
};

/** The same case in English. */
export const English: StoryObj = {
  name: 'English (connected)',
  loaders: [() => connected(EXAMPLE_ACTORS.jobcenterCaseManager)],
  render: (_args, { loaded }) => frame(loaded['port'], 'en'),
};
