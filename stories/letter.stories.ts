import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-letter';
import type { LetterTemplate, Letterhead } from '../packages/components/src/letter/letter.template.js';

/** `<fk-letter>`: a letter from a host-configured template and the office's letterhead, printable. */
const meta: Meta = {
  title: 'Akte/Brief (fk-letter)',
  component: 'fk-letter',
  parameters: { layout: 'padded' },
};
export default meta;

const letterhead: Letterhead = {
  office: 'Kommunales Integrationsmanagement Musterstadt',
  address: ['Rathausplatz 1', '45127 Musterstadt'],
  phone: '0201 100-0',
  email: 'kim@musterstadt.invalid',
  place: 'Musterstadt',
  footer: 'Datenschutz: datenschutz@musterstadt.invalid · Sprechzeiten Mo–Fr 8–12 Uhr',
};
const templates: LetterTemplate[] = [
  {
    id: 'invitation',
    kind: 'invitation',
    title: { de: 'Einladung', en: 'Invitation' },
    subject: {
      de: 'Einladung zum Gespräch am {{appointment.date}}',
      en: 'Invitation to a meeting on {{appointment.date}}',
    },
    body: {
      de: 'Guten Tag {{recipient.name}},\n\nwir laden Sie am {{appointment.date}} um {{appointment.time}} Uhr ein. Ort: {{appointment.place}}.\n\nMit freundlichen Grüßen\n{{caseManager.name}}',
      en: 'Dear {{recipient.name}},\n\nwe invite you on {{appointment.date}} at {{appointment.time}}. Place: {{appointment.place}}.\n\nKind regards\n{{caseManager.name}}',
    },
  },
];
const values = {
  'recipient.name': 'Maria Muster',
  'recipient.address': 'Hauptstr. 1\n45127 Musterstadt',
  'appointment.date': '25.06.2026',
  'appointment.time': '10:30',
  'appointment.place': 'Rathaus, Raum 2.14',
  'caseManager.name': 'Sabine Krüger',
};

/** An invitation with the host's values. */
export const Invitation: StoryObj = {
  name: 'Einladung',
  render: () =>
    html`<fk-letter date="2026-06-20" .templates=${templates} .letterhead=${letterhead} .values=${values}></fk-letter>`,
};

/** The same in English. */
export const English: StoryObj = {
  name: 'English',
  render: () =>
    html`<div lang="en">
      <fk-letter date="2026-06-20" .templates=${templates} .letterhead=${letterhead} .values=${values}></fk-letter>
    </div>`,
};
