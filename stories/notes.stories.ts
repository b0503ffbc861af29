import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import { type CaseState, type RedactionMarker } from '@fallkit/core';
import '@fallkit/components/define/fk-notes';
import '@fallkit/components/define/fk-case-provider';
import { FakeCaseService } from '../packages/components/test/suites/fake-case-service.js';

/** `<fk-notes>`: the notes (Vermerke) of a case, newest first, with a form to write one. */
const meta: Meta = {
  title: 'Akte/Vermerke (fk-notes)',
  component: 'fk-notes',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:48rem">${content}</div>`;

const noteMeta = {
  subjectIds: ['p-1'],
  categories: ['notes' as const],
  origin: 'caseManager' as const,
  recordedBy: 'u-jc-demir',
};
const notes = [
  {
    id: 'note-1',
    on: '2026-06-02',
    text: 'Übergabegespräch mit dem KIM geführt; Unterlagen vollständig.',
    ...noteMeta,
    recordedAt: '2026-06-02T09:00:00.000Z',
  },
  {
    id: 'note-2',
    on: '2026-06-15',
    text: 'Rückruf beim Vermieter: Mietvertrag liegt vor.',
    ...noteMeta,
    recordedAt: '2026-06-15T14:30:00.000Z',
  },
];
const withheld: RedactionMarker = {
  redacted: true,
  code: 'REDACT_NEED_TO_KNOW',
  rule: 'DP-23',
  message: { de: 'Zurückgehalten: für Ihre Aufgabe nicht erforderlich.', en: 'Withheld: not needed for your task.' },
};
const authors = { 'u-jc-demir': 'Murat Demir' };

/** Notes handed in by the host, with the write form. */
export const Standalone: StoryObj = {
  name: 'Standalone',
  render: () => frame(html`<fk-notes .notes=${notes} .authors=${authors}></fk-notes>`),
};

/** The same in English. */
export const English: StoryObj = {
  name: 'English',
  render: () => frame(html`<fk-notes .notes=${notes} .authors=${authors}></fk-notes>`, 'en'),
};

/** A withheld note is a marker with the plain reason (DP-24); a viewer sees no write form. */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet, nur lesen (withheld, read-only)',
  render: () => frame(html`<fk-notes readonly .notes=${[withheld, ...notes]} .authors=${authors}></fk-notes>`),
};

/** Connected to an example case through a provider (a fake service showing the case). */
export const AusBeispielfall: StoryObj = {
  name: 'Aus Beispielfall (connected)',
  loaders: [
    async (): Promise<{ state: CaseState }> => ({
      state: (await runExampleCases({ cases: [familyDuldungToSgbII] })).results[0]!.state,
    }),
  ],
  render: (_args, { loaded }) => {
    const state = loaded['state'] as CaseState;
    const service = new FakeCaseService<CaseState>(familyDuldungToSgbII.actor);
    service.setView(state.caseId, { ...state, notes });
    return frame(
      html`<fk-case-provider .service=${service} case-id=${state.caseId}><fk-notes></fk-notes></fk-case-provider>`,
    );
  },
};
