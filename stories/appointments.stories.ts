import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/fk-appointments';
import type { Appointment } from '../packages/components/src/appointments/appointments.model.js';

/** `<fk-appointments>`: appointments of a case or a caseload, as a list or a week, with an iCalendar export. */
const meta: Meta = {
  title: 'Akte/Termine (fk-appointments)',
  component: 'fk-appointments',
  parameters: { layout: 'padded' },
};
export default meta;

const frame = (content: unknown, lang = 'de') => html`<div lang=${lang} style="max-inline-size:64rem">${content}</div>`;

const appointments: Appointment[] = [
  {
    id: 'follow-up-1',
    caseId: 'case-1',
    kind: 'followUp',
    date: '2026-06-22',
    time: '09:30',
    durationMinutes: 45,
    place: 'Rathaus, Raum 2.14',
    subject: 'Termin Wohnungsamt',
    worker: 'u-kim-krueger',
    done: false,
    withheld: false,
  },
  {
    id: 'follow-up-2',
    caseId: 'case-1',
    kind: 'followUp',
    date: '2026-06-24',
    subject: 'Wiedervorlage Bescheid',
    worker: 'u-jc-demir',
    done: false,
    withheld: false,
  },
  {
    id: 'contact-1',
    caseId: 'case-1',
    kind: 'contact',
    date: '2026-06-23',
    time: '14:00',
    subject: 'phone',
    worker: 'u-kim-krueger',
    done: true,
    withheld: false,
  },
];
const workers = { 'u-kim-krueger': 'Sabine Krüger', 'u-jc-demir': 'Murat Demir' };

/** The list with the plan form. */
export const List: StoryObj = {
  name: 'Liste',
  render: () => frame(html`<fk-appointments .appointments=${appointments} .workers=${workers}></fk-appointments>`),
};

/** The week view (22 to 28 June 2026). */
export const Week: StoryObj = {
  name: 'Woche',
  render: () =>
    frame(
      html`<fk-appointments
        view="week"
        week="2026-06-22"
        .appointments=${appointments}
        .workers=${workers}
      ></fk-appointments>`,
    ),
};

/** The same in English, read only. */
export const English: StoryObj = {
  name: 'English',
  render: () =>
    frame(html`<fk-appointments readonly .appointments=${appointments} .workers=${workers}></fk-appointments>`, 'en'),
};
