import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-intake-screening';
import type { FkIntakeScreening } from '@fallkit/components';
import {
  connected,
  frame,
  loadExampleState,
  marker,
  exampleCaseStories,
  stateOf,
} from '../packages/components/test/intake-screening/story-fixtures.js';

/** Zuweisung and access screening: referral, casefinding criteria, human admission decision, crisis flag. */
const meta: Meta = {
  title: 'Stages/Zugangsprüfung (intake screening)',
  component: 'fk-intake-screening',
  parameters: { layout: 'padded' },
};
export default meta;

const el = () => document.createElement('fk-intake-screening') as FkIntakeScreening;

/** The stories on the example case that every stage has (filled, read-only, English, themed). */
const stories = exampleCaseStories(el);

/** Standalone and empty: nothing decided, every criterion unticked. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () => frame(html`<fk-intake-screening></fk-intake-screening>`),
};

/** Connected to the example case (family with Duldung). */
export const AusBeispielfall: StoryObj = { name: 'Aus dem Beispielfall (filled)', ...stories.filled };

/** The decision goes against the check: the reason is asked for (misrouting made visible). */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern, Fehlsteuerung (with errors, misrouting)',
  render: () => {
    const e = el();
    e.value = {
      referral: {
        referrer: { kind: 'volunteer', name: 'Willkommensinitiative' },
        referredOn: '2026-02-02',
        reason: '',
      },
      check: {
        checkedOn: '2026-02-03',
        criteria: [{ criterionId: 'multipleProblems', met: false }],
        targetGroupCriteria: [],
        complexNeeds: false,
      },
      admission: { decidedOn: '2026-02-03', admitted: true, reasons: '' },
    };
    queueMicrotask(() => void e.requestSubmit());
    return frame(e);
  },
};

/** Read-only, from the example case. */
export const NurLesen: StoryObj = { name: 'Nur lesen (read-only)', ...stories.readOnly };

/** The data-protection view withheld the referral: the marker says why. */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [loadExampleState],
  render: (_args, ctx) => frame(connected(el(), stateOf(ctx).caseId, { ...stateOf(ctx), referrals: [marker()] })),
};

/** A refused save: the message shows in place and the typed text stays. */
export const Abgelehnt: StoryObj = {
  name: 'Abgelehnt (refused)',
  loaders: [loadExampleState],
  render: (_args, ctx) => {
    const e = el();
    setTimeout(async () => {
      await e.updateComplete;
      e.value = { ...e.value, admission: { ...e.value.admission, reasons: 'Neue Begründung' } };
      await e.requestSubmit();
    }, 200);
    return frame(connected(e, stateOf(ctx).caseId, stateOf(ctx), { refuse: true }));
  },
};

/** English. */
export const Englisch: StoryObj = { name: 'English', ...stories.english };

/** Themed through the documented tokens. */
export const Thema: StoryObj = { name: 'Eigenes Thema (themed)', ...stories.themed };
