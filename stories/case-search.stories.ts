import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import { FixedClock, SequentialIds, createCaseService, createCaseViews, type Actor } from '@fallkit/core';
import { connectCaseService } from '@fallkit/components';
import '@fallkit/components/define/fk-case-search';
import '@fallkit/components/define/fk-case-provider';

/** `<fk-case-search>`: find a case by name, birth date, case number, legal domain, stage and due items. */
const meta: Meta = {
  title: 'Übergreifend/Fallsuche (fk-case-search)',
  component: 'fk-case-search',
  parameters: { layout: 'padded' },
};
export default meta;

const connected = async (actor: Actor) => {
  const { store } = await runExampleCases();
  const clock = new FixedClock('2026-06-20T08:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return { port: connectCaseService({ service, views, clock }) };
};

const frame = (port: unknown, lang = 'de') =>
  html`<div style="max-inline-size:72rem">
    <fk-case-provider lang=${lang} .service=${port}><fk-case-search></fk-case-search></fk-case-provider>
  </div>`;

/** The Jobcenter case manager: names of the cases the core lets the case manager see. */
export const Fallmanagement: StoryObj = {
  name: 'Fallmanagement (connected, names shown)',
  loaders: [() => connected(EXAMPLE_ACTORS.jobcenterCaseManager)],
  render: (_args, { loaded }) => frame(loaded['port']),
};

/** The team lead: metadata only, names withheld (DP-23). */
export const Teamleitung: StoryObj = {
  name: 'Teamleitung (names withheld, DP-23)',
  loaders: [
    () => connected({ id: 'u-jc-lead', role: 'teamLead', agencyId: EXAMPLE_ACTORS.jobcenterCaseManager.agencyId }),
  ],
  render: (_args, { loaded }) => frame(loaded['port']),
};

/** English. */
export const English: StoryObj = {
  name: 'English',
  loaders: [() => connected(EXAMPLE_ACTORS.jobcenterCaseManager)],
  render: (_args, { loaded }) => frame(loaded['port'], 'en'),
};
