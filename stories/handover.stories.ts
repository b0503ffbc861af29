import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { familyDuldungToSgbII } from '@fallkit/core/examples';
import { type CaseState, type TransferRequest } from '@fallkit/core';
import { previewTransfer } from '@fallkit/core/internal';
import '@fallkit/components/define/fk-handover';
import type { ConsentStateLike, FkHandover } from '@fallkit/components';
import {
  THEMED_STYLE,
  connected,
  frame,
  loadExampleState,
  marker,
  stateOf,
} from '../packages/components/test/intake-screening/story-fixtures.js';

/** Rechtskreiswechsel in three variants, with the consent check and the data packet preview. */
const meta: Meta = {
  title: 'Stages/Rechtskreiswechsel (handover)',
  component: 'fk-handover',
  parameters: { layout: 'padded' },
};
export default meta;

function el(state?: CaseState): FkHandover {
  const e = document.createElement('fk-handover') as FkHandover;
  e.today = '2026-03-01';
  if (state)
    e.previewer = (r) =>
      previewTransfer(state, familyDuldungToSgbII.actor, r as TransferRequest, { now: '2026-03-01T10:00:00.000Z' });
  return e;
}

function jobcenterConsent(subjectId: string): ConsentStateLike {
  return {
    record: {
      id: 'consent-1',
      subjectId,
      categories: ['employment', 'education', 'residenceStatus'],
      recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
      purposes: ['caseManagement'],
      validFrom: '2026-02-01',
      validUntil: '2027-01-31',
      form: { kind: 'written', scanReference: 'DMS-2026-021' },
      informationTextHash: 'a'.repeat(64),
      givenBy: { personId: subjectId, role: 'self' },
    },
    withdrawals: [],
  };
}

const draft = {
  variant: 'warmHandover' as const,
  to: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
  legalDomain: 'SGB_II' as const,
  endsLegalDomain: 'AsylbLG' as const,
  effectiveFrom: '2026-04-01',
  reason: 'Aufenthaltserlaubnis nach § 25 Abs. 2 AufenthG erteilt, SGB II beantragt.',
  consentRef: 'consent-1',
};

/** Standalone and empty: no variant preselected. */
export const Leer: StoryObj = { name: 'Leer (empty)', render: () => frame(html`<fk-handover></fk-handover>`) };

/** Connected to the example case: current lead, consent check and the core's packet preview. */
export const AusBeispielfall: StoryObj = {
  name: 'Aus dem Beispielfall, mit Datenpaket (filled, packet)',
  loaders: [loadExampleState],
  render: (_args, ctx) => {
    const e = el(stateOf(ctx));
    e.value = draft;
    return frame(
      connected(e, stateOf(ctx).caseId, {
        ...stateOf(ctx),
        privacy: { consents: [jobcenterConsent(stateOf(ctx).addresseeId)] },
      }),
    );
  },
};

/** Variant 3 without saying what the municipality keeps doing. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () => {
    const e = el();
    e.value = { ...draft, variant: 'municipalityCoversFurtherNeeds', reason: '' };
    queueMicrotask(() => void e.requestSubmit());
    return frame(e);
  },
};

/** Read-only. */
export const NurLesen: StoryObj = {
  name: 'Nur lesen (read-only)',
  loaders: [loadExampleState],
  render: (_args, ctx) => {
    const e = el();
    e.readonly = true;
    e.value = draft;
    return frame(connected(e, stateOf(ctx).caseId, stateOf(ctx)));
  },
};

/** An earlier handover withheld for this role. */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted view)',
  loaders: [loadExampleState],
  render: (_args, ctx) => frame(connected(el(), stateOf(ctx).caseId, { ...stateOf(ctx), handovers: [marker()] })),
};

/** English. */
export const Englisch: StoryObj = {
  name: 'English',
  loaders: [loadExampleState],
  render: (_args, ctx) => {
    const e = el(stateOf(ctx));
    e.value = draft;
    return frame(
      connected(
        e,
        stateOf(ctx).caseId,
        { ...stateOf(ctx), privacy: { consents: [jobcenterConsent(stateOf(ctx).addresseeId)] } },
        { lang: 'en' },
      ),
      'en',
    );
  },
};

/** Themed through the documented tokens. */
export const Thema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  loaders: [loadExampleState],
  render: (_args, ctx) => {
    const e = el(stateOf(ctx));
    e.value = draft;
    return frame(connected(e, stateOf(ctx).caseId, stateOf(ctx)), 'de', THEMED_STYLE);
  },
};
