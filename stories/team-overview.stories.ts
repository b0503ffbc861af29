import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import { FixedClock, SequentialIds, createCaseService, createCaseViews, type Actor } from '@fallkit/core';
import { connectCaseService } from '@fallkit/components';
import '@fallkit/components/define/fk-team-overview';
import '@fallkit/components/define/fk-case-provider';

/** `<fk-team-overview>`: figures per worker for the team lead, no names, no content (DP-23). */
const meta: Meta = {
  title: 'Übergreifend/Teamübersicht (fk-team-overview)',
  component: 'fk-team-overview',
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
    <fk-case-provider lang=${lang} .service=${port}><fk-team-overview></fk-team-overview></fk-case-provider>
  </div>`;

/** The Jobcenter team lead: cases, overdue items and handovers per worker. */
export const Teamleitung: StoryObj = {
  name: 'Teamleitung (connected)',
  loaders: [
    () => connected({ id: 'u-jc-lead', role: 'teamLead', agencyId: EXAMPLE_ACTORS.jobcenterCaseManager.agencyId }),
  ],
  render: (_args, { loaded }) => frame(loaded['port']),
};

/** A case manager is refused in plain words (DENY_TEAM_OVERVIEW only in the administrators' details). */
export const Abgelehnt: StoryObj = {
  name: 'Abgelehnt (not the team lead)',
  loaders: [() => connected(EXAMPLE_ACTORS.jobcenterCaseManager)],
  render: (_args, { loaded }) => frame(loaded['port'], 'en'),
};
