import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
  type RedactionMarker,
} from '@fallkit/core';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import '../../src/define/fk-person-record.js';
import '../../src/define/fk-case-provider.js';
import type { FkPersonRecord, PersonRecordSubmit } from '../../src/person-record/person-record.component.js';
import type { PersonEntry } from '../../src/person-record/person-record.view.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';

const meta = {
  categories: ['identity' as const],
  origin: 'caseManager' as const,
  recordedBy: 'u-a',
  recordedAt: '2026-03-01T09:00:00.000Z',
};
const marker: RedactionMarker = {
  redacted: true,
  code: 'REDACT_NEED_TO_KNOW',
  rule: 'DP-23',
  message: { de: 'Zurückgehalten: für Ihre Aufgabe nicht erforderlich.', en: 'Withheld: not needed for your task.' },
};
const maria: PersonEntry = {
  id: 'p-1',
  subjectIds: ['p-1'],
  roles: ['addressee'],
  givenName: 'Maria',
  familyName: 'Muster',
  birthDate: '1990-04-12',
  gender: 'female',
  languages: ['Arabisch', 'Deutsch'],
  interpreter: { needed: true, language: 'Arabisch', kind: 'professional', arranged: false },
  contact: { phone: '0201 123456', address: 'Hauptstr. 1\n45127 Musterstadt' },
  ...meta,
};
const amir: PersonEntry = {
  id: 'p-2',
  subjectIds: ['p-2'],
  roles: ['child'],
  givenName: 'Amir',
  familyName: 'Muster',
  birthDate: '2015-09-01',
  relationToAddressee: 'Sohn',
  inHousehold: true,
  contact: marker,
  ...meta,
};
const guardian: PersonEntry = {
  id: 'p-3',
  subjectIds: ['p-3'],
  roles: ['legalGuardian'],
  givenName: 'Bernd',
  familyName: 'Betreuer',
  relationToAddressee: 'Berufsbetreuer',
  inHousehold: false,
  representations: [
    {
      kind: 'legalGuardian',
      forPersonId: 'p-1',
      scope: ['health', 'authorities'],
      consentReservation: true,
      from: '2025-01-01',
      courtReference: '12 XVII 34/25',
    },
  ],
  ...meta,
};

function shadowText(el: HTMLElement): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

async function typeInto(el: FkPersonRecord, selector: string, value: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const open = {
  type: 'openCase',
  input: {
    addressee: { roles: ['addressee'], givenName: 'Maria', familyName: 'Muster', birthDate: '1990-04-12' },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt', legalDomain: 'SGB_XII' },
    legalDomains: [{ domain: 'SGB_XII' }],
  },
} as const;

async function coreWithCase() {
  const store = new MemoryCaseStore();
  const clock = new FixedClock('2026-06-20T10:00:00.000Z');
  const ids = new SequentialIds();
  const core = createCaseService({ store, clock, ids, actor: EXAMPLE_ACTORS.kimCaseManager });
  const opened = await core.execute(open);
  if (!opened.ok) throw new Error(opened.errors[0]?.message.en);
  const port = connectCaseService({
    service: core,
    views: createCaseViews({ service: core, store, clock, ids }),
    clock,
  });
  return { store, core, caseId: opened.value.caseId, port };
}

async function mount(port: unknown, caseId: string, lang = 'de'): Promise<FkPersonRecord> {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} case-id=${caseId} lang=${lang}
      ><fk-person-record></fk-person-record
    ></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-person-record')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="person"], .fk-refusals') !== null, 'persons shown');
  return el;
}

describe('fk-person-record', () => {
  describe('standalone', () => {
    it('shows person, languages, interpreter need, contact details, household and representation (lang="de")', async () => {
      const el = await fixture<FkPersonRecord>(
        html`<fk-person-record lang="de" addressee-id="p-1" .persons=${[amir, guardian, maria]}></fk-person-record>`,
      );
      const cards = [...el.shadowRoot!.querySelectorAll('[part~="person"]')].map((c) =>
        c.textContent!.replace(/\s+/g, ' '),
      );
      expect(cards[0], 'the addressee first')
        .to.contain('Maria Muster')
        .and.to.contain('geboren am 12.04.1990 · weiblich');
      expect(cards[0])
        .to.contain('Arabisch und Deutsch')
        .and.to.contain('Dolmetschen nötig: Arabisch, professionell, noch nicht organisiert');
      expect(cards[0]).to.contain('Telefon: 0201 123456').and.to.contain('Hauptstr. 1');
      expect(cards[1]).to.contain('Amir Muster').and.to.contain('Sohn').and.to.contain('lebt im Haushalt');
      expect(cards[1], 'a withheld field (DP-24)').to.contain('Kontaktdaten ausgeblendet');
      expect(cards[2]).to.contain('Rechtliche Betreuung (§ 1814 BGB) für Maria Muster: Gesundheit und Behörden');
      expect(cards[2]).to.contain('mit Einwilligungsvorbehalt').and.to.contain('12 XVII 34/25');
      const household = [...el.shadowRoot!.querySelectorAll('[part~="household"] tbody tr')].map((r) =>
        r.textContent!.replace(/\s+/g, ' '),
      );
      expect(household).to.have.length(1);
      expect(household[0]).to.contain('Amir Muster').and.to.contain('01.09.2015');
    });

    it('speaks English (lang="en")', async () => {
      const el = await fixture<FkPersonRecord>(
        html`<fk-person-record lang="en" addressee-id="p-1" .persons=${[maria, guardian]}></fk-person-record>`,
      );
      const text = shadowText(el);
      expect(text).to.contain('People and household').and.to.contain('born 12 Apr 1990');
      expect(text).to.contain('Legal guardianship (§ 1814 BGB) for Maria Muster: health and authorities');
      expect(text).not.to.contain('Personen und Haushalt');
    });

    it('a wholly withheld person shows only the reason (DP-24)', async () => {
      const el = await fixture<FkPersonRecord>(
        html`<fk-person-record lang="de" addressee-id="p-1" .persons=${[maria, marker]}></fk-person-record>`,
      );
      const withheld = el.shadowRoot!.querySelector('[part~="person"][data-withheld]')!;
      expect(withheld.textContent).to.contain('Eine Person ist für Sie ausgeblendet: Zurückgehalten');
    });

    it('adds a household member by keyboard: fk-submit carries the addPerson input; names are required', async () => {
      const el = await fixture<FkPersonRecord>(
        html`<fk-person-record lang="de" addressee-id="p-1" .persons=${[maria]}></fk-person-record>`,
      );
      expect(await el.submitPerson()).to.equal(false);
      expect(el.shadowRoot!.activeElement?.id).to.equal('given-name');
      expect(shadowText(el)).to.contain('Bitte Vor- und Nachnamen angeben.');
      await sendKeys({ type: 'Lina' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Muster' });
      await typeInto(el, '#relation', 'Tochter');
      const submitted = oneEvent(el, 'fk-submit');
      el.shadowRoot!.querySelector<HTMLButtonElement>('#add-title ~ .actions button[type="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });
      const { detail } = (await submitted) as CustomEvent<PersonRecordSubmit>;
      expect(detail).to.deep.equal({
        type: 'addPerson',
        input: {
          roles: ['householdMember'],
          givenName: 'Lina',
          familyName: 'Muster',
          relationToAddressee: 'Tochter',
          inHousehold: true,
        },
      });
    });

    it('records a relation between two members by keyboard: fk-submit carries updatePerson with the whole list', async () => {
      const sister: PersonEntry = { ...amir, id: 'p-4', subjectIds: ['p-4'], givenName: 'Lea', relations: [] };
      const brother: PersonEntry = { ...amir, relations: [{ toPersonId: 'p-3', relation: 'Patenkind von' }] };
      const el = await fixture<FkPersonRecord>(
        html`<fk-person-record
          lang="de"
          addressee-id="p-1"
          .persons=${[maria, brother, sister, guardian]}
        ></fk-person-record>`,
      );
      expect(shadowText(el)).to.contain('Weitere Beziehungen');
      expect(shadowText(el)).to.contain('Patenkind von: Bernd Betreuer');
      expect(await el.submitRelation()).to.equal(false);
      expect(shadowText(el)).to.contain('Bitte zwei verschiedene Personen wählen');
      const pick = async (id: string, value: string) => {
        const select = el.shadowRoot!.querySelector<HTMLSelectElement>(id)!;
        select.value = value;
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
      };
      await pick('#rel-from', 'p-2');
      await pick('#rel-to', 'p-2');
      await typeInto(el, '#rel-relation', 'Geschwister');
      expect(await el.submitRelation()).to.equal(false);
      await pick('#rel-to', 'p-4');
      const submitted = oneEvent(el, 'fk-submit');
      el.shadowRoot!.querySelector<HTMLButtonElement>('#relation-title ~ .actions button[type="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });
      const { detail } = (await submitted) as CustomEvent<PersonRecordSubmit>;
      expect(detail).to.deep.equal({
        type: 'updatePerson',
        input: {
          personId: 'p-2',
          changes: {
            relations: [
              { toPersonId: 'p-3', relation: 'Patenkind von' },
              { toPersonId: 'p-4', relation: 'Geschwister' },
            ],
          },
        },
      });
    });

    it('DP-24: a withheld relation list is shown as withheld and is never overwritten from the form', async () => {
      const hiddenRelations: PersonEntry = { ...amir, relations: marker };
      const el = await fixture<FkPersonRecord>(
        html`<fk-person-record
          lang="en"
          addressee-id="p-1"
          .persons=${[maria, hiddenRelations, guardian]}
        ></fk-person-record>`,
      );
      expect(shadowText(el)).to.contain('Other relations');
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#rel-from')!;
      select.value = 'p-2';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(shadowText(el)).to.contain("This person's relations are withheld from you");
      expect(el.shadowRoot!.querySelector<HTMLButtonElement>('#relation-title ~ .actions button')!.disabled).to.equal(
        true,
      );
      el['relation'] = { fromId: 'p-2', toId: 'p-3', relation: 'Neffe von' };
      let fired = false;
      el.addEventListener('fk-submit', () => (fired = true));
      expect(await el.submitRelation()).to.equal(false);
      expect(fired).to.equal(false);
    });

    it('is accessible (axe), with the contact form open', async () => {
      const el = await fixture<FkPersonRecord>(
        html`<fk-person-record lang="de" addressee-id="p-1" .persons=${[maria, amir, guardian]}></fk-person-record>`,
      );
      await expect(el).to.be.accessible();
      el.editContact('p-1');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('connected through the real core', () => {
    it('adds a household member (the core marks it third-party data), edits contact, languages and interpreter, records a guardian', async () => {
      const { core, caseId, port } = await coreWithCase();
      const el = await mount(port, caseId);
      expect(shadowText(el)).to.contain('Maria Muster');
      await typeInto(el, '#given-name', 'Lina');
      await typeInto(el, '#family-name', 'Muster');
      await typeInto(el, '#birth-date', '2012-02-03');
      await typeInto(el, '#relation', 'Tochter');
      let saved = oneEvent(el, 'fk-saved');
      void el.submitPerson();
      await saved;
      await waitUntil(() => shadowText(el).includes('Lina Muster'), 'the new member in the view');
      let loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      const lina = loaded.value.state.persons.find((p) => p.givenName === 'Lina')!;
      expect(lina).to.deep.include({ relationToAddressee: 'Tochter', inHousehold: true, thirdParty: true });
      expect(el.shadowRoot!.querySelector('[part~="household"]')!.textContent).to.contain('Lina Muster');

      const addresseeId = loaded.value.state.addresseeId;
      el.editContact(addresseeId);
      await el.updateComplete;
      await typeInto(el, '#phone', '0201 987654');
      await typeInto(el, '#address', 'Hauptstr. 1\n45127 Musterstadt');
      await typeInto(el, '#languages', 'Arabisch, Deutsch');
      const needed = el.shadowRoot!.querySelector<HTMLInputElement>('#interpreter-needed')!;
      needed.click();
      await el.updateComplete;
      await typeInto(el, '#interpreter-language', 'Arabisch');
      saved = oneEvent(el, 'fk-saved');
      void el.submitContact();
      await saved;
      loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      expect(loaded.value.state.persons.find((p) => p.id === addresseeId)).to.deep.include({
        contact: { phone: '0201 987654', address: 'Hauptstr. 1\n45127 Musterstadt' },
        languages: ['Arabisch', 'Deutsch'],
        interpreter: { needed: true, language: 'Arabisch', arranged: false },
      });
      await waitUntil(() => shadowText(el).includes('0201 987654'), 'the view shows the new phone');

      // Lina's mother has parental responsibility: the representation is kept on the holder (the addressee).
      el['representation'] = {
        holderId: addresseeId,
        forPersonId: lina.id,
        kind: 'parentalResponsibility',
        scope: ['all'],
        from: '',
        courtReference: '',
      };
      saved = oneEvent(el, 'fk-saved');
      void el.submitRepresentation();
      await saved;
      loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      expect(loaded.value.state.persons.find((p) => p.id === addresseeId)!.representations).to.deep.equal([
        { kind: 'parentalResponsibility', forPersonId: lina.id, scope: ['all'] },
      ]);
      await waitUntil(() => shadowText(el).includes('Elterliche Sorge (§ 1626 BGB) für Lina Muster'), 'shown');
      await expect(el).to.be.accessible();
    });

    it('records "Mutter von" between two members other than the addressee; the core keeps it on the person', async () => {
      const { core, caseId, port } = await coreWithCase();
      for (const [givenName, relationToAddressee] of [
        ['Grete', 'Mutter'],
        ['Lina', 'Tochter'],
      ] as const) {
        await core.execute({
          type: 'addPerson',
          caseId,
          input: { roles: ['relative'], givenName, familyName: 'Muster', relationToAddressee, inHousehold: true },
        });
      }
      const el = await mount(port, caseId);
      let loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      const [grete, lina] = ['Grete', 'Lina'].map(
        (n) => loaded.ok && loaded.value.state.persons.find((p) => p.givenName === n)!.id,
      );
      el['relation'] = { fromId: grete as string, toId: lina as string, relation: 'Großmutter von' };
      const saved = oneEvent(el, 'fk-saved');
      void el.submitRelation();
      await saved;
      loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      expect(loaded.value.state.persons.find((p) => p.id === grete)!.relations).to.deep.equal([
        { toPersonId: lina, relation: 'Großmutter von' },
      ]);
      await waitUntil(() => shadowText(el).includes('Großmutter von: Lina Muster'), 'the relation on the card');
      await expect(el).to.be.accessible();
    });

    it("a refused change (IN-01: a birth date in the future) shows the core's refusal and stores nothing", async () => {
      const { core, caseId, port } = await coreWithCase();
      const el = await mount(port, caseId, 'en');
      await typeInto(el, '#given-name', 'Zukunft');
      await typeInto(el, '#family-name', 'Kind');
      await typeInto(el, '#birth-date', '2030-01-01');
      const refused = oneEvent(el, 'fk-refused');
      void el.submitPerson();
      const { detail } = await refused;
      expect(detail.errors[0].code).to.be.a('string');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.fk-refusals')!.textContent).to.contain('Not saved');
      const loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      expect(loaded.value.state.persons).to.have.length(1);
    });

    it('DP-23: a team lead does not see the contact details, languages or household of the person', async () => {
      const { core, store, caseId } = await coreWithCase();
      const loaded = await core.loadCase(caseId);
      if (!loaded.ok) throw new Error('load');
      await core.execute({
        type: 'updatePerson',
        caseId,
        input: {
          personId: loaded.value.state.addresseeId,
          changes: { contact: { phone: '0201 555' }, languages: ['Tigrinya'] },
        },
      });
      await core.execute({
        type: 'addPerson',
        caseId,
        input: { roles: ['child'], givenName: 'Lina', familyName: 'Muster', inHousehold: true },
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
      const el = await mount(port, caseId);
      const text = shadowText(el);
      // The team lead is not refused the case: the persons are listed, their content withheld.
      expect(el.shadowRoot!.querySelectorAll('[part~="person"]').length, text).to.be.greaterThan(0);
      expect(text).to.contain('ausgeblendet');
      expect(text).not.to.contain('0201 555');
      expect(text).not.to.contain('Tigrinya');
      expect(text).not.to.contain('Lina');
    });
  });
});
