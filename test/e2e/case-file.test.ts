/**
 * End-to-end, issue 22: the file around the cycle in the demo page, on its own encrypted IndexedDB
 * database, through the elements' own controls: open a case from the caseload, see the person and add a
 * household member (fk-person-record), write a note (fk-notes), plan an appointment and export it as
 * .ics, read back by a parser (fk-appointments), and print a letter to PDF (fk-letter). Search by name
 * is `fk-case-search`'s (another branch); this test finds the case in the caseload list.
 */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { CaseState } from '@fallkit/core';
import { deleteDatabase } from '../../packages/demo/src/app/demo-session.js';
import { mountDemo, type FallkitDemo } from '../../packages/demo/src/demo-shell.js';

async function waitFor<T>(find: () => T | null | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Unfolds and splits an iCalendar text (RFC 5545 3.1) into the property maps of its VEVENTs. */
function icsEvents(text: string): Record<string, string>[] {
  const lines = text
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((l) => l !== '');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (name === 'BEGIN' && value === 'VEVENT') current = {};
    else if (name === 'END' && value === 'VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) current[name] = value.replace(/\\([\\;,])/g, '$1').replace(/\\n/g, '\n');
  }
  expect(lines[0]).to.equal('BEGIN:VCALENDAR');
  expect(lines.at(-1)).to.equal('END:VCALENDAR');
  return events;
}

async function typeInto(input: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
  expect(input.value).to.equal(text);
}

describe('demo end to end: the case file (people, notes, appointments, letters)', function () {
  this.timeout(180_000);
  const databaseName = `fallkit-e2e-file-${Date.now()}`;
  let root: HTMLElement;
  let app: FallkitDemo;
  let caseId = '';

  const session = () => app.demoSession!;
  async function state(): Promise<CaseState> {
    const loaded = await session().service.loadCase(caseId);
    if (!loaded.ok) throw new Error(loaded.errors[0]!.message.en);
    return loaded.value.state;
  }

  async function openTab(section: string): Promise<HTMLElement> {
    const tab = await waitFor(
      () => root.querySelector<HTMLAnchorElement>(`nav.case-tabs a[data-section="${section}"]`),
      `the ${section} tab`,
    );
    tab.click();
    return waitFor(
      () => root.querySelector<HTMLElement>(`section.section-panel[data-section="${section}"]`),
      `the ${section} panel`,
    );
  }

  before(async () => {
    window.location.hash = '#/';
    root = document.createElement('div');
    document.body.append(root);
    app = mountDemo(root, { databaseName });
    const input = await waitFor(() => root.querySelector<HTMLInputElement>('#passphrase'), 'the passphrase field');
    await typeInto(input, 'Musterstadt-Demo 2026, Akten!');
    root.querySelector<HTMLButtonElement>('.unlock-form button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('table.caseload tbody tr'), 'the caseload', 60_000);
  });

  after(async () => {
    root.remove();
    window.location.hash = '';
    await deleteDatabase(databaseName);
  });

  it('opens a case from the caseload and shows its person (fk-person-record)', async () => {
    const link = root.querySelector<HTMLAnchorElement>('table.caseload tbody tr a')!;
    caseId = link.closest('tr')!.getAttribute('data-case-id')!;
    link.click();
    await waitFor(
      () => window.location.hash.includes(encodeURIComponent(caseId)) || window.location.hash.includes(caseId),
      'the case',
    );
    const panel = await openTab('people');
    const el = await waitFor(() => panel.querySelector('fk-person-record'), '<fk-person-record>');
    const current = await state();
    const addressee = current.persons.find((p) => p.id === current.addresseeId)!;
    await waitFor(() => el.shadowRoot?.textContent?.includes(addressee.givenName), 'the addressee shown');
  });

  it('adds a household member by typing into the form', async () => {
    const el = root.querySelector('fk-person-record')!;
    const field = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    await typeInto(field('given-name'), 'Lina');
    await typeInto(field('family-name'), 'Testkind');
    await typeInto(field('relation'), 'Tochter');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#add-title ~ .actions button[type="submit"]')!.click();
    await waitFor(
      () => el.shadowRoot!.querySelector('[part~="household"]')?.textContent?.includes('Lina Testkind'),
      'the member in the household',
    );
    const lina = (await state()).persons.find((p) => p.familyName === 'Testkind')!;
    expect(lina).to.deep.include({ relationToAddressee: 'Tochter', inHousehold: true, thirdParty: true });
  });

  it('writes a note (fk-notes)', async () => {
    const panel = await openTab('notes');
    const el = await waitFor(() => panel.querySelector('fk-notes'), '<fk-notes>');
    const area = await waitFor(() => el.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea'), 'the note form');
    await typeInto(area, 'Haushalt um die Tochter ergänzt.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitFor(
      () => el.shadowRoot!.querySelector('[part~="list"]')?.textContent?.includes('Haushalt um die Tochter'),
      'the note listed',
    );
  });

  it('plans an appointment with a time and exports it as .ics, parsed back', async () => {
    const panel = await openTab('appointments');
    const el = await waitFor(() => panel.querySelector('fk-appointments'), '<fk-appointments>');
    const field = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`);
    await waitFor(() => field('subject'), 'the plan form');
    const date = field('date')!;
    date.value = '2026-12-15';
    date.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const time = field('time')!;
    time.value = '09:30';
    time.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await typeInto(field('place')!, 'Rathaus, Raum 2.14');
    await typeInto(field('subject')!, 'Hausbesuch Planung');
    el.shadowRoot!.querySelector<HTMLButtonElement>('form .fk-button--primary')!.click();
    await waitFor(() => el.shadowRoot!.textContent?.includes('Hausbesuch Planung'), 'the appointment listed');
    expect((await state()).followUps.find((f) => f.subject === 'Hausbesuch Planung')).to.deep.include({
      dueOn: '2026-12-15',
      time: '09:30',
      place: 'Rathaus, Raum 2.14',
    });
    const exported = new Promise<CustomEvent<{ filename: string; text: string }>>((resolve) =>
      el.addEventListener(
        'fk-calendar-export',
        (e) => {
          e.preventDefault();
          resolve(e as unknown as CustomEvent<{ filename: string; text: string }>);
        },
        { once: true },
      ),
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export"]')!.click();
    const { detail } = await exported;
    const planned = icsEvents(detail.text).find((e) => e['SUMMARY'] === 'Hausbesuch Planung');
    expect(planned).to.deep.include({
      DTSTART: '20261215T093000',
      DTEND: '20261215T100000',
      LOCATION: 'Rathaus, Raum 2.14',
    });
  });

  it('prints an invitation letter to PDF with the letterhead and the appointment (fk-letter)', async () => {
    const panel = await openTab('letter');
    const el = await waitFor(() => panel.querySelector('fk-letter'), '<fk-letter>');
    await waitFor(() => el.shadowRoot?.querySelector('[part~="page"]'), 'the letter page');
    const appointment = el.shadowRoot!.querySelector<HTMLSelectElement>('#appointment')!;
    const option = [...appointment.options].find((o) => o.textContent!.includes('Hausbesuch Planung'))!;
    appointment.value = option.value;
    appointment.dispatchEvent(new Event('change'));
    await waitFor(
      () => el.shadowRoot!.querySelector('[part~="page"]')!.textContent!.includes('15.12.2026'),
      'the date in the letter',
    );
    el.addEventListener('fk-print', (e) => e.preventDefault(), { once: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="controls"] .fk-button--primary')!.click();
    const result = (await executeServerCommand('fk-print-pdf', { name: 'demo-letter' })) as {
      text: string | null;
      error?: string;
    };
    expect(result.text, result.error).to.be.a('string');
    const pdf = (result.text ?? '').replace(/\s+/g, ' ');
    expect(pdf).to.contain('Kommunales Integrationsmanagement Musterstadt');
    expect(pdf).to.contain('Einladung zum Gespräch am 15.12.2026');
    expect(pdf).to.contain('Rathaus, Raum 2.14');
  });
});
