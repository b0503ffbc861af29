import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-person-record';
import type { PersonEntry } from '../packages/components/src/person-record/person-record.view.js';

/** `<fk-person-record>`: the persons of a case with household, languages, contact details and representatives. */
const meta: Meta = {
  title: 'Akte/Personen und Haushalt (fk-person-record)',
  component: 'fk-person-record',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:56rem">${content}</div>`;
const recordMeta = {
  categories: ['identity' as const],
  origin: 'caseManager' as const,
  recordedBy: 'u-kim-krueger',
  recordedAt: '2026-03-01T09:00:00.000Z',
};
const persons: PersonEntry[] = [
  {
    id: 'p-1',
    subjectIds: ['p-1'],
    roles: ['addressee'],
    givenName: 'Maria',
    familyName: 'Muster',
    birthDate: '1990-04-12',
    languages: ['Arabisch', 'Deutsch'],
    interpreter: { needed: true, language: 'Arabisch', kind: 'professional', arranged: true },
    contact: { phone: '0201 123456', address: 'Hauptstr. 1\n45127 Musterstadt' },
    ...recordMeta,
  },
  {
    id: 'p-2',
    subjectIds: ['p-2'],
    roles: ['child'],
    givenName: 'Amir',
    familyName: 'Muster',
    birthDate: '2015-09-01',
    relationToAddressee: 'Sohn',
    inHousehold: true,
    ...recordMeta,
  },
  {
    id: 'p-3',
    subjectIds: ['p-3'],
    roles: ['legalGuardian'],
    givenName: 'Bernd',
    familyName: 'Betreuer',
    relationToAddressee: 'Berufsbetreuer',
    inHousehold: false,
    representations: [
      { kind: 'legalGuardian', forPersonId: 'p-1', scope: ['health', 'authorities'], from: '2025-01-01' },
    ],
    ...recordMeta,
  },
];

/** Persons handed in by the host, with the forms. */
export const Standalone: StoryObj = {
  name: 'Standalone',
  render: () => frame(html`<fk-person-record addressee-id="p-1" .persons=${persons}></fk-person-record>`),
};

/** The same in English, read only. */
export const English: StoryObj = {
  name: 'English',
  render: () =>
    frame(html`<fk-person-record readonly addressee-id="p-1" .persons=${persons}></fk-person-record>`, 'en'),
};
