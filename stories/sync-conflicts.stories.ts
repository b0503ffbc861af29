import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-sync-conflicts';
import type { SyncConflictView } from '@fallkit/components';

/** `<fk-sync-conflicts>`: each conflict side by side (mine, theirs) and what to do. */
const meta: Meta = {
  title: 'Abgleich/Konflikte (fk-sync-conflicts)',
  component: 'fk-sync-conflicts',
  parameters: { layout: 'padded' },
};
export default meta;

const goalConflict: SyncConflictView = {
  id: 'conflict-1',
  caseId: 'F-2026-0042',
  kind: 'conflict',
  createdAt: '2026-03-02T10:00:00.000Z',
  mine: {
    caseId: 'F-2026-0042',
    commands: [
      {
        type: 'reviseGoal',
        input: { goalId: 'goal-1', reason: 'Neue Frist nach Gespräch', changes: { title: 'Eigene Wohnung bis Juni' } },
      },
    ],
  },
  theirs: [
    {
      type: 'GoalRevised',
      seq: 7,
      at: '2026-03-02T09:30:00.000Z',
      actor: { id: 'u-kim-krueger', name: 'Sabine Krüger' },
      payload: { goalId: 'goal-1', reason: 'Wohnungsangebot liegt vor', changes: { title: 'Eigene Wohnung bis Mai' } },
    },
  ],
  errors: [],
};
const refused: SyncConflictView = {
  id: 'conflict-2',
  caseId: 'F-2026-0050',
  kind: 'refused',
  createdAt: '2026-03-02T10:05:00.000Z',
  mine: { caseId: 'F-2026-0050', commands: [{ type: 'closeCase', input: { reason: 'goalsAchieved' } }] },
  theirs: [],
  errors: [
    {
      code: 'DENY_NOT_ASSIGNED',
      message: { de: 'Sie sind der Akte nicht mehr zugeordnet.', en: 'You are no longer assigned to the case.' },
    },
  ],
};
const labels = { reviseGoal: 'Ziel ändern', GoalRevised: 'Ziel geändert', closeCase: 'Fall abschließen' };

/** A goal both changed offline, and a closure the server refused. */
export const ZweiKonflikte: StoryObj = {
  name: 'Zwei Konflikte',
  render: () =>
    html`<div lang="de" style="max-inline-size:56rem">
      <fk-sync-conflicts .conflicts=${[goalConflict, refused]} .typeLabels=${labels}></fk-sync-conflicts>
    </div>`,
};

/** The same in English. */
export const English: StoryObj = {
  name: 'English',
  render: () =>
    html`<div lang="en" style="max-inline-size:56rem">
      <fk-sync-conflicts .conflicts=${[goalConflict]}></fk-sync-conflicts>
    </div>`,
};

/** Nothing to decide. */
export const Leer: StoryObj = {
  name: 'Keine Konflikte',
  render: () => html`<div lang="de"><fk-sync-conflicts></fk-sync-conflicts></div>`,
};
