import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import '../../src/define/fk-letter.js';
import '../../src/define/fk-case-provider.js';
import type { FkLetter } from '../../src/letter/letter.component.js';
import { fillLetter, type LetterTemplate, type Letterhead } from '../../src/letter/letter.template.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';

const letterhead: Letterhead = {
  office: 'Kommunales Integrationsmanagement Musterstadt',
  address: ['Rathausplatz 1', '45127 Musterstadt'],
  phone: '0201 100-0',
  email: 'kim@musterstadt.invalid',
  place: 'Musterstadt',
  footer: 'Datenschutz: datenschutz@musterstadt.invalid',
};
const invitation: LetterTemplate = {
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
};
const handover: LetterTemplate = {
  id: 'handover',
  kind: 'handoverConfirmation',
  title: { de: 'Übergabebestätigung', en: 'Handover confirmation' },
  subject: {
    de: 'Bestätigung der Übergabe für {{addressee.name}}',
    en: 'Confirmation of the handover for {{addressee.name}}',
  },
  body: { de: 'Die Übergabe ist erfolgt. {{unknown.field}}', en: 'The handover took place. {{unknown.field}}' },
};

function shadowText(el: HTMLElement): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

interface PdfResult {
  readonly bytes: number;
  readonly text: string | null;
  readonly error?: string;
}

const open = {
  type: 'openCase',
  input: {
    addressee: {
      roles: ['addressee'],
      givenName: 'Maria',
      familyName: 'Muster',
      contact: { address: 'Hauptstr. 1\n45127 Musterstadt' },
    },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt', legalDomain: 'SGB_XII' },
    legalDomains: [{ domain: 'SGB_XII' }],
  },
} as const;

async function coreWithCase(actor?: Actor) {
  const store = new MemoryCaseStore();
  const clock = new FixedClock('2026-06-20T10:00:00.000Z');
  const ids = new SequentialIds();
  const core = createCaseService({ store, clock, ids, actor: EXAMPLE_ACTORS.kimCaseManager });
  const opened = await core.execute(open);
  if (!opened.ok) throw new Error(opened.errors[0]?.message.en);
  const caseId = opened.value.caseId;
  await core.execute({
    type: 'scheduleFollowUp',
    caseId,
    input: { dueOn: '2026-06-25', time: '10:30', place: 'Rathaus, Raum 2.14', subject: 'Erstgespräch' },
  });
  const reader = actor ? createCaseService({ store, clock, ids, actor }) : core;
  const port = connectCaseService({
    service: reader,
    views: createCaseViews({ service: reader, store, clock, ids }),
    clock,
  });
  return { caseId, port };
}

async function mount(port: unknown, caseId: string, lang = 'de'): Promise<FkLetter> {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} case-id=${caseId} lang=${lang}
      ><fk-letter date="2026-06-20" .templates=${[invitation, handover]} .letterhead=${letterhead}></fk-letter
    ></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-letter')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="page"], .fk-refusals') !== null, 'letter shown');
  return el;
}

describe('fk-letter', () => {
  it('fills known placeholders, marks withheld and missing ones, leaves unknown ones visible', () => {
    const filled = fillLetter(
      'Betreff {{addressee.name}}',
      'A {{recipient.name}}\n\nB {{recipient.address}} {{x.y}}',
      {
        'addressee.name': 'Maria Muster',
        'recipient.name': { withheld: true },
      },
      { gap: '[ausgeblendet]', missing: '[fehlt]' },
    );
    expect(filled).to.deep.equal({
      subject: 'Betreff Maria Muster',
      paragraphs: ['A [ausgeblendet]', 'B [fehlt] {{x.y}}'],
      withheld: ['recipient.name'],
      missing: ['recipient.address'],
    });
  });

  it("standalone: the letterhead, the host's values and a template chosen by keyboard (de, en)", async () => {
    const values = { 'recipient.name': 'Maria Muster', 'addressee.name': 'Maria Muster' };
    const el = await fixture<FkLetter>(
      html`<fk-letter
        lang="de"
        date="2026-06-20"
        .templates=${[invitation, handover]}
        .letterhead=${letterhead}
        .values=${values}
      ></fk-letter>`,
    );
    expect(shadowText(el))
      .to.contain('Kommunales Integrationsmanagement Musterstadt')
      .and.to.contain('Musterstadt, 20.06.2026');
    expect(shadowText(el)).to.contain('Guten Tag Maria Muster').and.to.contain('Im Fall nicht erfasst: Termindatum');
    el.shadowRoot!.querySelector<HTMLSelectElement>('#template')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.chosen?.id).to.equal('handover');
    expect(shadowText(el)).to.contain('Bestätigung der Übergabe für Maria Muster').and.to.contain('{{unknown.field}}');
    const en = await fixture<FkLetter>(
      html`<fk-letter
        lang="en"
        date="2026-06-20"
        .templates=${[invitation]}
        .letterhead=${letterhead}
        .values=${values}
      ></fk-letter>`,
    );
    expect(shadowText(en))
      .to.contain('Dear Maria Muster')
      .and.to.contain('Print / save as PDF')
      .and.to.contain('20 Jun 2026');
    await expect(el).to.be.accessible();
  });

  it('connected: filled from the decided view, printed to PDF with the letterhead and the appointment', async () => {
    const { caseId, port } = await coreWithCase();
    const el = await mount(port, caseId);
    await waitUntil(() => shadowText(el).includes('25.06.2026'), 'appointment filled');
    const text = shadowText(el);
    expect(text)
      .to.contain('Einladung zum Gespräch am 25.06.2026')
      .and.to.contain('um 10:30 Uhr')
      .and.to.contain('Rathaus, Raum 2.14');
    expect(text).to.contain('Guten Tag Maria Muster').and.to.contain('Hauptstr. 1').and.to.contain('Sabine Krüger');
    await expect(el).to.be.accessible();
    el.addEventListener('fk-print', (e) => e.preventDefault());
    const printing = oneEvent(el, 'fk-print');
    el.print();
    await printing;
    expect(el.letter?.subject).to.equal('Einladung zum Gespräch am 25.06.2026');
    const result = (await executeServerCommand('fk-print-pdf', { name: 'letter-invitation' })) as PdfResult;
    expect(result.bytes).to.be.greaterThan(1000);
    expect(result.text, result.error).to.be.a('string');
    const pdf = (result.text ?? '').replace(/\s+/g, ' ');
    expect(pdf).to.contain('Kommunales Integrationsmanagement Musterstadt');
    expect(pdf).to.contain('Einladung zum Gespräch am 25.06.2026');
    expect(pdf).to.contain('Maria Muster').and.to.contain('10:30');
    // The print stylesheet leaves the choices and the button out of the printed page.
    expect(pdf).not.to.contain('Drucken / als PDF speichern');
    expect(pdf).not.to.contain('Vorlage');
  });

  it("DP-29, DP-06: a letter to the person is filled from the person's own data: a household member's health appointment is a gap; to the member, it is his", async () => {
    const store = new MemoryCaseStore();
    const clock = new FixedClock('2026-06-20T10:00:00.000Z');
    const ids = new SequentialIds();
    const core = createCaseService({ store, clock, ids, actor: EXAMPLE_ACTORS.kimCaseManager });
    const opened = await core.execute(open);
    if (!opened.ok) throw new Error(opened.errors[0]?.message.en);
    const caseId = opened.value.caseId;
    const added = await core.execute({
      type: 'addPerson',
      caseId,
      input: {
        roles: ['child', 'householdMember'],
        givenName: 'Jonas',
        familyName: 'Muster',
        relationToAddressee: 'Sohn',
        inHousehold: true,
        contact: { address: 'Hauptstr. 1\n45127 Musterstadt' },
      },
    });
    if (!added.ok) throw new Error(added.errors[0]?.message.en);
    const jonas = added.value.state.persons.find((p) => p.givenName === 'Jonas')!.id;
    const scheduled = await core.execute({
      type: 'scheduleFollowUp',
      caseId,
      input: {
        dueOn: '2026-06-24',
        time: '08:15',
        place: 'Kinderklinik Musterstadt, Allergologie',
        subject: 'Allergietest Jonas',
        categories: ['health'],
        subjectIds: [jonas],
      },
    });
    if (!scheduled.ok) throw new Error(scheduled.errors[0]?.message.en);
    const port = connectCaseService({
      service: core,
      views: createCaseViews({ service: core, store, clock, ids }),
      clock,
    });
    const el = await mount(port, caseId);
    // The writer sees the appointment (it is offered); the letter to Maria leaves it out.
    await waitUntil(() => shadowText(el).includes('Guten Tag Maria Muster'), 'letter to the person filled');
    const offered = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#appointment option')].map((o) => o.text);
    expect(offered.join(' ')).to.contain('Allergietest Jonas');
    // The page (what is printed) holds none of it; only the writer's own choice list names the appointment.
    const page = () => el.shadowRoot!.querySelector('[part~="page"]')!.textContent!.replace(/\s+/g, ' ');
    const toMaria = page();
    expect(shadowText(el)).to.contain('Angaben über andere Personen');
    expect(toMaria).not.to.contain('Kinderklinik');
    expect(toMaria).not.to.contain('08:15');
    expect(toMaria).not.to.contain('Allergietest');
    expect(toMaria).to.contain('Einladung zum Gespräch am [ausgeblendet]');
    expect(el.letter?.withheld).to.include('appointment.place');
    await expect(el).to.be.accessible();
    await executeServerCommand('fk-screenshot', { name: 'letter-to-person-third-party-gap' });
    // To Jonas, his own appointment is filled in (and Maria's birth date would be his third party's).
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#recipient')!;
    select.value = jonas;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => page().includes('Kinderklinik'), 'letter to the member filled');
    expect(page()).to.contain('Guten Tag Jonas Muster').and.to.contain('08:15');
  });

  it("DP-23/DP-24: what the writer's view withholds is never filled in (a team lead writes a gap, and is told)", async () => {
    const lead: Actor = { id: 'u-kim-lead', role: 'teamLead', agencyId: 'kim-musterstadt', name: 'Team Lead' };
    const { caseId, port } = await coreWithCase(lead);
    const el = await mount(port, caseId);
    const text = shadowText(el);
    expect(text).not.to.contain('Hauptstr');
    expect(text).not.to.contain('Rathaus, Raum 2.14');
    expect(text).not.to.contain('10:30');
    expect(text).to.match(/ausgeblendet|fehlt/);
  });
});
