import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import '../../src/define/fk-appointments.js';
import '../../src/define/fk-case-provider.js';
import type { FkAppointments } from '../../src/appointments/appointments.component.js';
import { appointmentsOf, type Appointment, type FollowUpEntry } from '../../src/appointments/appointments.model.js';
import { escapeText, foldLine, toICalendar } from '../../src/appointments/icalendar.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';

/**
 * A small RFC 5545 reader, written here so the export is checked by an independent parse: unfolds
 * continuation lines (3.1), splits name, parameters and value, unescapes TEXT (3.3.11) and groups the
 * properties of each VEVENT.
 */
function parseICalendar(text: string): { calendar: Record<string, string>; events: Record<string, string>[] } {
  expect(text.endsWith('\r\n'), 'ends in CRLF').to.equal(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(new TextEncoder().encode(line).length, `octets of "${line}"`).to.be.at.most(75);
    expect(line.includes('\n') || line.includes('\r'), 'no bare line breaks').to.equal(false);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  const stack: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    expect(colon, `a property line: ${line}`).to.be.greaterThan(0);
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const [name, ...params] = head.split(';');
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = {};
      continue;
    }
    if (name === 'END') {
      expect(stack.pop(), 'END matches BEGIN').to.equal(value);
      if (value === 'VEVENT') events.push(current!);
      current = undefined;
      continue;
    }
    const key = [name!, ...params].join(';');
    (current ?? calendar)[key] = unescape(value);
  }
  expect(stack, 'every component closed').to.deep.equal([]);
  return { calendar, events };
}

const planned: Appointment[] = [
  {
    id: 'follow-up-1',
    caseId: 'case-1',
    kind: 'followUp',
    date: '2026-06-22',
    time: '09:30',
    durationMinutes: 45,
    place: 'Rathaus, Raum 2.14; Eingang B',
    subject: 'Termin Wohnungsamt, mit Unterlagen',
    worker: 'u-a',
    done: false,
    withheld: false,
  },
  {
    id: 'follow-up-2',
    caseId: 'case-1',
    kind: 'followUp',
    date: '2026-06-24',
    subject: 'Wiedervorlage Bescheid',
    worker: 'u-b',
    done: false,
    withheld: false,
  },
  {
    id: 'contact-1',
    caseId: 'case-1',
    kind: 'contact',
    date: '2026-06-19',
    time: '14:00',
    subject: 'phone',
    worker: 'u-a',
    done: true,
    withheld: false,
  },
];

function shadowText(el: HTMLElement): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

const open = {
  type: 'openCase',
  input: {
    addressee: { roles: ['addressee'], givenName: 'Maria', familyName: 'Muster' },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt', legalDomain: 'SGB_XII' },
    legalDomains: [{ domain: 'SGB_XII' }],
  },
} as const;

async function coreWithCase(actor: Actor = EXAMPLE_ACTORS.kimCaseManager) {
  const store = new MemoryCaseStore();
  const clock = new FixedClock('2026-06-20T10:00:00.000Z');
  const ids = new SequentialIds();
  const core = createCaseService({ store, clock, ids, actor });
  const opened = await core.execute(open);
  if (!opened.ok) throw new Error(opened.errors[0]?.message.en);
  const views = createCaseViews({ service: core, store, clock, ids });
  return { store, core, views, caseId: opened.value.caseId, port: connectCaseService({ service: core, views, clock }) };
}

describe('fk-appointments', () => {
  describe('iCalendar export (RFC 5545)', () => {
    it('escapes TEXT and folds long lines at 75 octets without splitting a character', () => {
      expect(escapeText('a;b,c\\d\ne')).to.equal('a\\;b\\,c\\\\d\\ne');
      const folded = foldLine(`SUMMARY:${'ü'.repeat(60)}`);
      for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).to.be.at.most(75);
      expect(
        folded
          .split('\r\n')
          .map((p, i) => (i === 0 ? p : p.slice(1)))
          .join(''),
      ).to.equal(`SUMMARY:${'ü'.repeat(60)}`);
    });

    it('writes a calendar that an independent parse reads back: floating times, all-day entries, escaped text', () => {
      const text = toICalendar(
        [
          {
            id: 'follow-up-1',
            caseId: 'case-1',
            date: '2026-06-22',
            time: '23:45',
            durationMinutes: 30,
            summary: 'Termin, spät; mit Dolmetscherin',
            place: 'Raum 2.14',
          },
          { id: 'follow-up-2', caseId: 'case-1', date: '2026-06-30', summary: 'Wiedervorlage ' + 'lang '.repeat(30) },
        ],
        { now: '2026-06-20T10:00:00.000Z', name: 'Fallkit-Termine' },
      );
      const { calendar, events } = parseICalendar(text);
      expect(calendar).to.deep.include({ VERSION: '2.0', 'X-WR-CALNAME': 'Fallkit-Termine' });
      expect(calendar['PRODID']).to.be.a('string');
      expect(events).to.have.length(2);
      expect(events[0]).to.deep.include({
        UID: 'case-1.follow-up-1@fallkit.invalid',
        DTSTAMP: '20260620T100000Z',
        DTSTART: '20260622T234500',
        // 30 minutes past 23:45 is the next day: the end carries over midnight.
        DTEND: '20260623T001500',
        SUMMARY: 'Termin, spät; mit Dolmetscherin',
        LOCATION: 'Raum 2.14',
        STATUS: 'CONFIRMED',
      });
      expect(events[1]).to.deep.include({
        'DTSTART;VALUE=DATE': '20260630',
        'DTEND;VALUE=DATE': '20260701',
        SUMMARY: 'Wiedervorlage ' + 'lang '.repeat(30),
      });
      expect(new Set(events.map((e) => e['UID'])).size).to.equal(2);
    });
  });

  describe('standalone', () => {
    it('lists appointments earliest first with German dates, times and lengths (lang="de")', async () => {
      const el = await fixture<FkAppointments>(
        html`<fk-appointments
          lang="de"
          .appointments=${planned}
          .workers=${{ 'u-a': 'Frau Krüger' }}
        ></fk-appointments>`,
      );
      const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
      expect(rows).to.have.length(3);
      expect(rows[0]).to.contain('19.06.2026, 14:00').and.to.contain('Kontakt: Telefon');
      expect(rows[1])
        .to.contain('22.06.2026, 09:30 (45 Min.)')
        .and.to.contain('Frau Krüger')
        .and.to.contain('Raum 2.14');
      expect(rows[2]).to.contain('24.06.2026, ganztägig');
      expect(shadowText(el)).to.contain('Termin speichern');
    });

    it('speaks English (lang="en")', async () => {
      const el = await fixture<FkAppointments>(
        html`<fk-appointments lang="en" .appointments=${planned}></fk-appointments>`,
      );
      expect(shadowText(el))
        .to.contain('Appointments')
        .and.to.contain('22 Jun 2026, 09:30 (45 min)')
        .and.to.contain('Save appointment');
      expect(shadowText(el)).not.to.contain('Termin speichern');
    });

    it('filters by worker and shows a week with its seven days, navigable by keyboard', async () => {
      const el = await fixture<FkAppointments>(
        html`<fk-appointments lang="de" .appointments=${planned} week="2026-06-24" view="week"></fk-appointments>`,
      );
      const days = [...el.shadowRoot!.querySelectorAll('[part~="day"]')].map((d) => d.getAttribute('data-day'));
      expect(days).to.deep.equal([
        '2026-06-22',
        '2026-06-23',
        '2026-06-24',
        '2026-06-25',
        '2026-06-26',
        '2026-06-27',
        '2026-06-28',
      ]);
      expect(el.shown.map((a) => a.id)).to.deep.equal(['follow-up-1', 'follow-up-2']);
      el.worker = 'u-b';
      await el.updateComplete;
      expect(el.shown.map((a) => a.id)).to.deep.equal(['follow-up-2']);
      // Keyboard: focus "previous week" and press Enter; the week before holds the contact of 19 June.
      el.worker = '';
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-week="previous"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.weekStart).to.equal('2026-06-15');
      expect(el.shown.map((a) => a.id)).to.deep.equal(['contact-1']);
      const list = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-view="list"]')!;
      list.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.view).to.equal('list');
      expect(list.getAttribute('aria-pressed')).to.equal('true');
    });

    it('exports the open planned appointments shown as .ics (parsed), contacts left out', async () => {
      const el = await fixture<FkAppointments>(
        html`<fk-appointments lang="de" .appointments=${planned}></fk-appointments>`,
      );
      el.addEventListener('fk-calendar-export', (e) => e.preventDefault());
      const exported = oneEvent(el, 'fk-calendar-export');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export"]')!.click();
      const { detail } = (await exported) as CustomEvent<{ filename: string; text: string }>;
      expect(detail.filename).to.match(/^fallkit-termine-\d{4}-\d{2}-\d{2}\.ics$/);
      const { events } = parseICalendar(detail.text);
      expect(events.map((e) => e['SUMMARY'])).to.deep.equal([
        'Termin Wohnungsamt, mit Unterlagen',
        'Wiedervorlage Bescheid',
      ]);
      expect(events[0]).to.deep.include({
        DTSTART: '20260622T093000',
        DTEND: '20260622T101500',
        LOCATION: 'Rathaus, Raum 2.14; Eingang B',
      });
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Kalenderdatei mit 2 Terminen erstellt.');
    });

    it('refuses an incomplete draft in place and fires fk-submit with the scheduleFollowUp input', async () => {
      const el = await fixture<FkAppointments>(html`<fk-appointments lang="de"></fk-appointments>`);
      expect(await el.requestSubmit()).to.equal(false);
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(
        'Bitte Datum und Betreff angeben.',
      );
      el.value = {
        date: '2026-07-01',
        time: '10:00',
        durationMinutes: '60',
        place: ' Raum 1 ',
        subject: ' Hilfeplangespräch ',
        assignedTo: '',
      };
      const submitted = oneEvent(el, 'fk-submit');
      void el.requestSubmit();
      const { detail } = await submitted;
      expect(detail).to.deep.equal({
        dueOn: '2026-07-01',
        subject: 'Hilfeplangespräch',
        time: '10:00',
        durationMinutes: 60,
        place: 'Raum 1',
      });
    });

    it('is accessible (axe), in the list and the week view', async () => {
      const el = await fixture<FkAppointments>(
        html`<fk-appointments lang="de" .appointments=${planned}></fk-appointments>`,
      );
      await expect(el).to.be.accessible();
      el.view = 'week';
      el.week = '2026-06-22';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('connected through the real core', () => {
    it('plans an appointment through the service; the decided view shows it and the .ics carries it', async () => {
      const { core, caseId, port } = await coreWithCase();
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${port} case-id=${caseId} lang="de"
          ><fk-appointments week="2026-06-22"></fk-appointments
        ></fk-case-provider>`,
      );
      const el = provider.querySelector('fk-appointments')!;
      await waitUntil(() => el.shadowRoot!.querySelector('form') !== null, 'ready with the form');
      el.value = {
        date: '2026-06-23',
        time: '08:15',
        durationMinutes: '30',
        place: 'Raum 2.14',
        subject: 'Erstgespräch',
        assignedTo: '',
      };
      const saved = oneEvent(el, 'fk-saved');
      void el.requestSubmit();
      await saved;
      await waitUntil(() => el.all.appointments.length === 1, 'the view pushed the new follow-up');
      const loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      expect(loaded.value.state.followUps[0]).to.deep.include({
        dueOn: '2026-06-23',
        time: '08:15',
        durationMinutes: 30,
        place: 'Raum 2.14',
      });
      expect(el.all.appointments[0]).to.deep.include({
        worker: EXAMPLE_ACTORS.kimCaseManager.id,
        subject: 'Erstgespräch',
      });
      const { events } = parseICalendar(el.calendar('2026-06-20T10:00:00.000Z'));
      expect(events).to.have.length(1);
      expect(events[0]).to.deep.include({
        SUMMARY: 'Erstgespräch',
        DTSTART: '20260623T081500',
        DTEND: '20260623T084500',
      });
      await expect(el).to.be.accessible();
    });

    it("a refused plan (IN-01: an impossible length) keeps the draft and shows the core's refusal", async () => {
      const { caseId, port } = await coreWithCase();
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${port} case-id=${caseId} lang="en"
          ><fk-appointments></fk-appointments
        ></fk-case-provider>`,
      );
      const el = provider.querySelector('fk-appointments')!;
      await waitUntil(() => el.shadowRoot!.querySelector('form') !== null, 'ready');
      el.value = {
        date: '2026-06-23',
        time: '08:15',
        durationMinutes: '9000',
        place: '',
        subject: 'Zu lang',
        assignedTo: '',
      };
      const refused = oneEvent(el, 'fk-refused');
      void el.requestSubmit();
      const { detail } = await refused;
      expect(detail.errors[0].code).to.be.a('string');
      await el.updateComplete;
      expect(el.value.subject).to.equal('Zu lang');
      expect(el.shadowRoot!.querySelector('.fk-refusals')).to.not.equal(null);
      expect(el.all.appointments).to.have.length(0);
    });

    it('DP-23/DP-24: a team lead sees a withheld appointment only counted, its subject and place neither on screen nor in the .ics', async () => {
      const { core, store, caseId } = await coreWithCase();
      await core.execute({
        type: 'scheduleFollowUp',
        caseId,
        input: { dueOn: '2026-06-23', time: '08:15', subject: 'Suchtberatung', place: 'Privatwohnung, Hauptstr. 1' },
      });
      const lead: Actor = { id: 'u-kim-lead', role: 'teamLead', agencyId: 'kim-musterstadt', name: 'Team Lead' };
      const clock = new FixedClock('2026-06-20T10:00:00.000Z');
      const ids = new SequentialIds();
      const leadCore = createCaseService({ store, clock, ids, actor: lead });
      const port = connectCaseService({
        service: leadCore,
        views: createCaseViews({ service: leadCore, store, clock, ids }),
        clock,
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${port} case-id=${caseId} lang="de"
          ><fk-appointments></fk-appointments
        ></fk-case-provider>`,
      );
      const el = provider.querySelector('fk-appointments')!;
      await waitUntil(() => !shadowText(el).includes('werden geladen'), 'view decided');
      await el.updateComplete;
      const text = shadowText(el);
      // The core withholds the whole item from the team lead (DP-23/DP-24): counted, never shown.
      expect(el.all).to.deep.equal({ appointments: [], withheld: 1 });
      expect(text).to.contain('Ausgeblendete Einträge: 1.');
      expect(text).not.to.contain('Suchtberatung');
      expect(text).not.to.contain('Hauptstr');
      const { events } = parseICalendar(el.calendar('2026-06-20T10:00:00.000Z'));
      expect(events).to.deep.equal([]);
    });

    it('scope="mine": the caseload from the decided worklist channel, per worker', async () => {
      const { core, caseId, port } = await coreWithCase();
      await core.execute({
        type: 'scheduleFollowUp',
        caseId,
        input: { dueOn: '2026-06-23', time: '08:15', subject: 'Erstgespräch' },
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${port} lang="de"
          ><fk-appointments scope="mine"></fk-appointments
        ></fk-case-provider>`,
      );
      const el = provider.querySelector('fk-appointments')!;
      await waitUntil(() => el.all.appointments.length === 1, 'caseload loaded');
      expect(el.all.appointments[0]).to.deep.include({
        caseId,
        subject: 'Erstgespräch',
        worker: EXAMPLE_ACTORS.kimCaseManager.id,
      });
      expect(el.writable).to.equal(false);
    });
  });
});

describe('appointmentsOf (HO-3)', () => {
  it('a follow-up the core says a handover handed over shows its new holder, not its stored assignee; others keep theirs', () => {
    const followUp = (id: string, assignedTo?: string) =>
      ({
        id,
        origin: 'own',
        recordedBy: 'u-kim',
        recordedAt: '2026-03-01T08:00:00.000Z',
        subjectIds: [],
        categories: [],
        dueOn: '2026-04-10',
        subject: `Wiedervorlage ${id}`,
        done: false,
        ...(assignedTo === undefined ? {} : { assignedTo }),
      }) as unknown as FollowUpEntry;
    const { appointments } = appointmentsOf(
      'case-1',
      [followUp('f-1', 'u-kim'), followUp('f-2'), followUp('f-3', 'u-other')],
      [],
      'u-primary',
      new Map([
        ['f-1', 'u-jobcenter'],
        ['f-2', 'u-jobcenter'],
      ]),
    );
    expect(Object.fromEntries(appointments.map((a) => [a.id, a.worker]))).to.deep.equal({
      'f-1': 'u-jobcenter',
      'f-2': 'u-jobcenter',
      'f-3': 'u-other',
    });
  });
});
