import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
  type CaseState,
  type RedactionMarker,
} from '@fallkit/core';
import { EXAMPLE_ACTORS, familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import '../../src/define/fk-notes.js';
import '../../src/define/fk-case-provider.js';
import type { FkNotes, NoteEntry, RecordNoteInput } from '../../src/notes/notes.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService, type CoreCaseServicePort } from '../../src/context/core-port.js';
import type { CaseBatchRequest } from '../../src/context/case-service-port.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';

const meta = {
  subjectIds: ['p-1'],
  categories: ['notes' as const],
  origin: 'caseManager' as const,
  recordedBy: 'u-km',
};

const older: NoteEntry = {
  id: 'note-1',
  on: '2026-03-02',
  text: 'Erstgespräch geführt.',
  ...meta,
  recordedAt: '2026-03-02T09:00:00.000Z',
};
const newer: NoteEntry = {
  id: 'note-2',
  on: '2026-03-12',
  text: 'Unterlagen zur Wohnung nachgereicht.',
  ...meta,
  recordedAt: '2026-03-12T09:00:00.000Z',
};
const marker: RedactionMarker = {
  redacted: true,
  code: 'REDACT_NEED_TO_KNOW',
  rule: 'DP-23',
  message: { de: 'Zurückgehalten: für Ihre Aufgabe nicht erforderlich.', en: 'Withheld: not needed for your task.' },
};

function shadowText(el: FkNotes): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

function listedTexts(el: FkNotes): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="note"]')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );
}

function textarea(el: FkNotes): HTMLTextAreaElement {
  return el.shadowRoot!.querySelector('textarea')!;
}

async function type(el: FkNotes, value: string): Promise<void> {
  const area = textarea(el);
  area.value = value;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The example case on a memory store, and the case manager the example assigned. */
async function exampleOnStore(): Promise<{ store: MemoryCaseStore; state: CaseState; caseManager: Actor }> {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store, cases: [familyDuldungToSgbII] });
  const state = results[0]!.state;
  const cm = state.caseManagers.filter((m) => !m.to).at(-1)!;
  return {
    store,
    state,
    caseManager: { id: cm.userId, role: 'caseManager', agencyId: cm.agencyId },
  };
}

/** The real core (service and decided views) over `store`, acting as `actor`, connected for the components. */
function connect(
  store: MemoryCaseStore,
  actor: Actor,
): { port: CoreCaseServicePort; core: ReturnType<typeof createCaseService> } {
  const clock = new FixedClock('2026-06-20T10:00:00.000Z');
  const ids = new SequentialIds();
  const core = createCaseService({ store, clock, ids, actor });
  const port = connectCaseService({
    service: core,
    views: createCaseViews({ service: core, store, clock, ids }),
    clock,
  });
  return { port, core };
}

async function mount(port: unknown, caseId: string, lang = 'de'): Promise<FkNotes> {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} case-id=${caseId} lang=${lang}><fk-notes></fk-notes></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-notes')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="list"], p') !== null, 'notes loaded');
  await waitUntil(() => !shadowText(el).includes('werden geladen') && !shadowText(el).includes('Loading'), 'loaded');
  await el.updateComplete;
  return el;
}

describe('fk-notes', () => {
  describe('standalone', () => {
    it('lists the notes newest first with author and German date (lang="de")', async () => {
      const el = await fixture<FkNotes>(
        html`<fk-notes lang="de" .notes=${[older, newer]} .authors=${{ 'u-km': 'Frau Yılmaz' }}></fk-notes>`,
      );
      const items = listedTexts(el);
      expect(items).to.have.length(2);
      expect(items[0]).to.contain('12.03.2026').and.to.contain('Frau Yılmaz').and.to.contain('Unterlagen zur Wohnung');
      expect(items[1]).to.contain('02.03.2026').and.to.contain('Erstgespräch');
      expect(shadowText(el)).to.contain('Vermerke').and.to.contain('Vermerk speichern');
    });

    it('speaks English with English dates (lang="en")', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="en" .notes=${[older, newer]}></fk-notes>`);
      const items = listedTexts(el);
      expect(items[0]).to.contain('12 Mar 2026').and.to.contain('u-km');
      expect(shadowText(el)).to.contain('Notes').and.to.contain('Save note');
      expect(shadowText(el)).not.to.contain('Vermerk speichern');
      // The form's date field follows the page's language, not the browser's locale (issue 21 item 9).
      const dateField = el.shadowRoot!.querySelector('fk-date-field')!;
      await (dateField as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(dateField.shadowRoot!.textContent).to.contain('DD/MM/YYYY');
      expect(dateField.shadowRoot!.querySelector('input')!.type).to.equal('text');
    });

    it('replaces any text through messages', async () => {
      const el = await fixture<FkNotes>(
        html`<fk-notes lang="de" .messages=${{ de: { 'notes.title': 'Aktenvermerke' } }}></fk-notes>`,
      );
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Aktenvermerke');
    });

    it('shows a withheld note as "ausgeblendet" with the plain reason, a withheld text likewise (DP-24)', async () => {
      const textWithheld: NoteEntry = { ...older, text: marker };
      const el = await fixture<FkNotes>(html`<fk-notes lang="de" .notes=${[marker, textWithheld]}></fk-notes>`);
      const withheld = [...el.shadowRoot!.querySelectorAll('[part~="withheld"]')].map((p) => p.textContent!.trim());
      expect(withheld).to.have.length(2);
      for (const w of withheld)
        expect(w).to.contain('ausgeblendet: Zurückgehalten: für Ihre Aufgabe nicht erforderlich.');
      expect(shadowText(el)).not.to.contain('Erstgespräch');
    });

    it('is accessible with notes, a marker and the form', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="de" .notes=${[older, newer, marker]}></fk-notes>`);
      await expect(el).to.be.accessible();
    });

    it('is accessible with a validation error shown', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="de"></fk-notes>`);
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Bitte einen Text eingeben.');
      await expect(el).to.be.accessible();
    });

    it('fires typed change events and a validated fk-submit with the recordNote input', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="de"></fk-notes>`);
      const changed = oneEvent(el, 'fk-change');
      await type(el, '  Telefonat mit Frau M.  ');
      const change = await changed;
      expect(change.detail.valid).to.equal(true);
      const health = el.shadowRoot!.querySelector<HTMLInputElement>('input[value="health"]')!;
      health.click();
      await el.updateComplete;
      const submitted = oneEvent(el, 'fk-submit');
      await el.requestSubmit();
      const submit = await submitted;
      const input: RecordNoteInput = submit.detail as RecordNoteInput;
      expect(input).to.deep.equal({ text: 'Telefonat mit Frau M.', categories: ['notes', 'health'] });
    });

    it('refuses an empty note without firing fk-submit', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="en"></fk-notes>`);
      let fired = false;
      el.addEventListener('fk-submit', () => (fired = true));
      await type(el, '   ');
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      expect(fired).to.equal(false);
      expect(shadowText(el)).to.contain('Please enter a text.');
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    });

    it('asks who entrusted an entrusted note before firing fk-submit (§ 65 SGB VIII)', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="de"></fk-notes>`);
      let fired = 0;
      el.addEventListener('fk-submit', () => fired++);
      await type(el, 'Anvertraut im Gespräch');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name="entrusted"]')!.click();
      await el.updateComplete;
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(shadowText(el)).to.contain('Bitte angeben, wer den Inhalt anvertraut hat.');
      await expect(el).to.be.accessible();
      const by = el.shadowRoot!.querySelector<HTMLInputElement>('#entrusted-by')!;
      by.value = 'p-1';
      by.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      const submitted = oneEvent(el, 'fk-submit');
      expect(await el.requestSubmit()).to.equal(true);
      expect((await submitted).detail).to.deep.equal({
        text: 'Anvertraut im Gespräch',
        categories: ['notes'],
        entrusted: true,
        entrustedBy: 'p-1',
      });
    });

    it('writes and saves a note with the keyboard only', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="de"></fk-notes>`);
      textarea(el).focus();
      await sendKeys({ type: 'Hausbesuch vereinbart' });
      // Tab through the form to the third-party flag, tick it with Space, then on to the save button.
      const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
      let ticked = false;
      for (let i = 0; i < 40 && active()?.getAttribute('part') !== 'submit'; i++) {
        await sendKeys({ press: 'Tab' });
        if (!ticked && active()?.getAttribute('name') === 'thirdParty') {
          await sendKeys({ press: 'Space' });
          ticked = true;
        }
      }
      expect(ticked).to.equal(true);
      expect(active()?.getAttribute('part')).to.equal('submit');
      const submitted = oneEvent(el, 'fk-submit');
      await sendKeys({ press: 'Enter' });
      const submit = await submitted;
      expect(submit.detail).to.deep.equal({ text: 'Hausbesuch vereinbart', categories: ['notes'], thirdParty: true });
    });

    it('shows no write form when read-only', async () => {
      const el = await fixture<FkNotes>(html`<fk-notes lang="de" readonly .notes=${[older]}></fk-notes>`);
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      expect(shadowText(el)).to.contain('keine schreiben');
      await expect(el).to.be.accessible();
    });
  });

  describe('connected through the real core', () => {
    it('writes a note through executeBatch with a commandId and lists it from the decided view', async () => {
      const { store, state, caseManager } = await exampleOnStore();
      const { port } = connect(store, caseManager);
      const batches: CaseBatchRequest[] = [];
      const spied: CoreCaseServicePort = {
        ...port,
        executeBatch: (batch, request) => {
          batches.push(batch);
          return port.executeBatch!(batch, request);
        },
      };
      const el = await mount(spied, state.caseId);
      const before = (await store.readJournal(state.caseId)).length;
      await type(el, 'Rückruf beim Vermieter: Mietvertrag liegt vor.');
      const saved = oneEvent(el, 'fk-saved');
      expect(await el.requestSubmit()).to.equal(true);
      await saved;
      await waitUntil(() => shadowText(el).includes('Mietvertrag liegt vor'), 'new note listed');
      expect(batches).to.have.length(1);
      expect(batches[0]!.commandId).to.be.a('string').and.not.equal('');
      expect(batches[0]!.commands).to.deep.equal([
        {
          type: 'recordNote',
          caseId: state.caseId,
          input: { text: 'Rückruf beim Vermieter: Mietvertrag liegt vor.', categories: ['notes'] },
        },
      ]);
      expect((await store.readJournal(state.caseId)).length).to.equal(before + 1);
      // Newest first, author named, German date of the core's "today".
      expect(listedTexts(el)[0]).to.contain('20.06.2026').and.to.contain('Murat Demir');
      expect(textarea(el).value).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('issue 20, DP-24: a note names what it relates to from the view: a person by name, a goal the view withholds by its kind only', async () => {
      const { store, state, caseManager } = await exampleOnStore();
      const { port, core } = connect(store, caseManager);
      const views = createCaseViews({
        service: core,
        store,
        clock: new FixedClock('2026-06-20T10:00:00.000Z'),
        ids: new SequentialIds(),
      });
      const viewed = await views.viewCase(state.caseId, 'caseManagement');
      if (!viewed.ok) throw new Error(viewed.errors[0]!.code);
      const addressee = state.persons.find((p) => p.id === state.addresseeId)!;
      const shownGoals = (viewed.value.case.goals as readonly unknown[]).filter(
        (g) => typeof g === 'object' && g !== null && typeof (g as { title?: unknown }).title === 'string',
      );
      // This worker (the Jobcenter's, after the handover) sees none of the municipality's goals (DP-23).
      expect(shownGoals.length, 'goals the view shows').to.equal(0);
      const goal = state.goals[0]!;
      for (const [text, relatesTo] of [
        ['Vermerk zur Person.', { kind: 'person', id: addressee.id }],
        ['Vermerk zum Ziel.', { kind: 'goal', id: goal.id }],
      ] as const) {
        const recorded = await core.execute({
          type: 'recordNote',
          caseId: state.caseId,
          input: { text, categories: ['notes'], relatesTo },
        });
        expect(recorded.ok, recorded.ok ? '' : recorded.errors[0]!.code).to.equal(true);
      }
      const el = await mount(port, state.caseId);
      await waitUntil(() => shadowText(el).includes('Vermerk zum Ziel.'), 'notes listed');
      const lines = [...el.shadowRoot!.querySelectorAll('[part="relates-to"]')].map((l) => l.textContent ?? '');
      // Without the person's consent this worker's view withholds the names too (DP-10): both by kind only.
      expect([...lines].sort()).to.deep.equal([
        'Bezieht sich auf: Person (ausgeblendet)',
        'Bezieht sich auf: Ziel (ausgeblendet)',
      ]);
      expect(shadowText(el), 'the withheld goal\u2019s title is not shown').to.not.contain(goal.title);
      expect(shadowText(el), 'the withheld name is not shown').to.not.contain(String(addressee.familyName));
      await expect(el).to.be.accessible();

      // Where the view shows the person, the note names them.
      const fresh = new MemoryCaseStore();
      const kim = EXAMPLE_ACTORS.kimCaseManager;
      const own = connect(fresh, kim);
      const opened = await own.core.execute({
        type: 'openCase',
        caseId: 'F-NOTE-REL',
        input: {
          caseId: 'F-NOTE-REL',
          addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
          leadAgency: { agencyId: kim.agencyId, name: 'Kommunales Integrationsmanagement', legalDomain: 'AsylbLG' },
        },
      } as never);
      expect(opened.ok).to.equal(true);
      const mia = ((await fresh.readJournal('F-NOTE-REL'))[0]!.payload as { addressee: { id: string } }).addressee.id;
      await own.core.execute({
        type: 'recordNote',
        caseId: 'F-NOTE-REL',
        input: { text: 'Vermerk zu Mia.', categories: ['notes'], relatesTo: { kind: 'person', id: mia } },
      });
      const named = await mount(own.port, 'F-NOTE-REL');
      await waitUntil(() => shadowText(named).includes('Vermerk zu Mia.'), 'note listed');
      expect(named.shadowRoot!.querySelector('[part="relates-to"]')!.textContent).to.contain(
        'Bezieht sich auf: Person „Mia Muster“',
      );
    });

    it("shows the core's DP-03 free-text notice as a hint after saving an untagged health note", async () => {
      const { store, state, caseManager } = await exampleOnStore();
      const { port } = connect(store, caseManager);
      const el = await mount(port, state.caseId, 'en');
      await type(el, 'Termin im Krankenhaus wegen der Diagnose.');
      const saved = oneEvent(el, 'fk-saved');
      await el.requestSubmit();
      await saved;
      await el.updateComplete;
      const hint = el.shadowRoot!.querySelector('[part~="hint"]');
      expect(hint, 'DP-03 hint').to.not.equal(null);
      expect(hint!.textContent).to.contain('Data-protection hint').and.to.contain('Health');
    });

    it("DP-23: a team lead not assigned sees another worker's note only as a marker with the reason, never its text", async () => {
      const { store, state, caseManager } = await exampleOnStore();
      const writer = connect(store, caseManager);
      const written = await writer.core.execute({
        type: 'recordNote',
        caseId: state.caseId,
        input: { text: 'Vertraulich: Streit in der Familie.', categories: ['notes'] },
      });
      expect(written.ok, JSON.stringify(written)).to.equal(true);
      const teamLead: Actor = { id: 'u-tl', role: 'teamLead', agencyId: caseManager.agencyId, name: 'Herr Brandt' };
      const el = await mount(connect(store, teamLead).port, state.caseId);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="withheld"]') !== null, 'marker shown');
      expect(shadowText(el)).to.contain('ausgeblendet: Zurückgehalten: für Ihre Aufgabe nicht erforderlich.');
      expect(el.shadowRoot!.innerHTML).not.to.contain('Streit in der Familie');
      await expect(el).to.be.accessible();
    });

    it('DP-24/§ 65 SGB VIII (DP-20): an entrusted note is not listed for anyone outside the circle, not even as a marker', async () => {
      const { store, state, caseManager } = await exampleOnStore();
      const writer = connect(store, caseManager);
      const before = await mount(connect(store, { ...caseManager, role: 'teamLead', id: 'u-tl' }).port, state.caseId);
      const markersBefore = before.shadowRoot!.querySelectorAll('[part~="note"]').length;
      before.parentElement!.remove();
      const written = await writer.core.execute({
        type: 'recordNote',
        caseId: state.caseId,
        input: {
          text: 'Frau A. hat mir anvertraut: Angst vor dem Ex-Partner.',
          categories: ['notes'],
          entrusted: true,
          entrustedBy: state.addresseeId,
        },
      });
      expect(written.ok, JSON.stringify(written)).to.equal(true);
      const own = await mount(writer.port, state.caseId);
      expect(shadowText(own)).to.contain('Angst vor dem Ex-Partner');
      const el = await mount(connect(store, { ...caseManager, role: 'teamLead', id: 'u-tl' }).port, state.caseId);
      expect(el.shadowRoot!.innerHTML).not.to.contain('Angst vor dem Ex-Partner');
      expect(el.shadowRoot!.querySelectorAll('[part~="note"]').length).to.equal(markersBefore);
    });

    it('DP-40: a team lead who is not assigned is refused by the core when writing, nothing stored', async () => {
      const { store, state, caseManager } = await exampleOnStore();
      const teamLead: Actor = { id: 'u-tl', role: 'teamLead', agencyId: caseManager.agencyId };
      const el = await mount(connect(store, teamLead).port, state.caseId);
      const before = (await store.readJournal(state.caseId)).length;
      await type(el, 'Notiz der Teamleitung');
      const refused = oneEvent(el, 'fk-refused');
      expect(await el.requestSubmit()).to.equal(false);
      const event = await refused;
      expect(event.detail.errors.length).to.be.greaterThan(0);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.fk-refusals')).to.not.equal(null);
      expect(textarea(el).value).to.equal('Notiz der Teamleitung');
      expect((await store.readJournal(state.caseId)).length).to.equal(before);
    });
  });

  describe('connected save path', () => {
    it('keeps the commandId when the same note is retried, and takes a new one for the next note', async () => {
      const service = new FakeCaseService<unknown>({ id: 'u-km', role: 'caseManager', agencyId: 'kommune' });
      service.setView('case-1', { caseId: 'case-1', notes: [] });
      let fail = true;
      service.respond = () =>
        fail
          ? refusedWith('STORE_UNAVAILABLE', 'Speicher nicht erreichbar', 'Store down')
          : { ok: true, value: undefined };
      const el = await mount(service, 'case-1');
      await type(el, 'Erster Versuch');
      expect(await el.requestSubmit()).to.equal(false);
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Nicht gespeichert:').and.to.contain('Speicher nicht erreichbar');
      expect(textarea(el).value).to.equal('Erster Versuch');
      fail = false;
      expect(await el.requestSubmit()).to.equal(true);
      await type(el, 'Zweiter Vermerk');
      expect(await el.requestSubmit()).to.equal(true);
      const ids = service.batches.map((b) => b.batch.commandId);
      expect(ids).to.have.length(3);
      expect(ids[0]).to.be.a('string');
      expect(ids[1]).to.equal(ids[0]);
      expect(ids[2]).to.not.equal(ids[0]);
    });
  });

  describe('connected read-only viewer', () => {
    it('shows a partner agency the notes of its view but no write form (DP-23 markers from the view)', async () => {
      const partner: Actor = { id: 'u-p', role: 'partnerAgency', agencyId: 'beratung-e-v' };
      const service = new FakeCaseService<unknown>(partner);
      service.setView('case-1', { caseId: 'case-1', notes: [marker, newer] });
      const el = await mount(service, 'case-1');
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      expect(shadowText(el)).to.contain('Unterlagen zur Wohnung').and.to.contain('ausgeblendet');
      await expect(el).to.be.accessible();
    });
  });
});
