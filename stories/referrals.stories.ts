import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { familyDuldungToSgbII } from '@fallkit/core/examples';
import { type CaseState, type TransferRequest } from '@fallkit/core';
import { previewTransfer } from '@fallkit/core/internal';
import '@fallkit/components/define/fk-referrals';
import type { FkReferrals } from '@fallkit/components';
import {
  connected,
  frame,
  loadExampleState,
  marker,
  exampleCaseStories,
  stateOf,
} from '../packages/components/test/intake-screening/story-fixtures.js';

/** Leistungssteuerung: referrals with status and feedback, case conferences, the transfer preview before sending. */
const meta: Meta = {
  title: 'Stages/Leistungssteuerung (referrals)',
  component: 'fk-referrals',
  parameters: { layout: 'padded' },
};
export default meta;

function el(state?: CaseState): FkReferrals {
  const e = document.createElement('fk-referrals') as FkReferrals;
  if (state)
    e.previewer = (r) =>
      previewTransfer(state, familyDuldungToSgbII.actor, r as TransferRequest, { now: '2026-03-01T10:00:00.000Z' });
  return e;
}

/** The stories on the example case that every stage has (filled, read-only, English, themed). */
const stories = exampleCaseStories(el);

/** Standalone and empty. */
export const Leer: StoryObj = { name: 'Leer (empty)', render: () => frame(html`<fk-referrals></fk-referrals>`) };

/** Connected to the example case, with a draft that would pass data on: the core's preview shows what and why. */
export const AusBeispielfall: StoryObj = {
  name: 'Aus dem Beispielfall, mit Vorschau (filled, preview)',
  loaders: [loadExampleState],
  render: (_args, ctx) => {
    const e = el(stateOf(ctx));
    e.value = {
      provider: { name: 'Schuldnerberatung Diakonie', agencyId: 'schuldnerberatung' },
      purpose: 'Schuldenregulierung, Pfändungsschutzkonto',
      referredOn: '2026-03-01',
      feedback: { agreed: true, description: 'monatlich telefonisch über Teilnahme', intervalDays: 30 },
      share: { categories: ['debts', 'income'], legalBasis: 'sgb10_69' },
    };
    return frame(connected(e, stateOf(ctx).caseId, stateOf(ctx)));
  },
};

/** A submit without provider and task; data chosen without a legal basis (DP-16). */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const e = el();
    e.value = {
      provider: { name: '' },
      purpose: '',
      referredOn: '2026-03-01',
      feedback: { agreed: false },
      share: { categories: ['debts'] },
    };
    queueMicrotask(() => void e.requestSubmit());
    return frame(e);
  },
};

/** Read-only, from the example case. */
export const NurLesen: StoryObj = { name: 'Nur lesen (read-only)', ...stories.readOnly };

/** A referral not transferred to this agency shows a marker. */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [loadExampleState],
  render: (_args, ctx) =>
    frame(
      connected(el(), stateOf(ctx).caseId, {
        ...stateOf(ctx),
        providerReferrals: [
          ...stateOf(ctx).providerReferrals,
          marker(
            'REDACT_NOT_TRANSFERRED',
            'DP-23',
            'nicht an Ihre Stelle übermittelt',
            'not transferred to your agency',
          ),
        ],
      }),
    ),
};

/** English. */
export const Englisch: StoryObj = { name: 'English', ...stories.english };

/** Themed through the documented tokens. */
export const Thema: StoryObj = { name: 'Eigenes Thema (themed)', ...stories.themed };
