/*
 * <fk-documents> through the real core (issue 22): filing, opening and removing a document; a reader whose
 * view withholds it sees the reason and nothing to open (DP-03, DP-23); German and English; axe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  createCaseDocuments,
  createCaseService,
  createCaseViews,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type Actor,
} from '@fallkit/core';
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import '../../src/define/fk-documents.js';
import '../../src/define/fk-case-provider.js';
import type { FkDocuments } from '../../src/documents/documents.component.js';
import type { FkDocumentOpenedEvent } from '../../src/events/fk-document-opened.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';
import type { FkConfirmDialog } from '../../src/dialogs/confirm-dialog.component.js';

const KIM = EXAMPLE_ACTORS.kimCaseManager;
const CASE = 'F-EL-DOC';
const CONTENT = '%PDF-1.4 Ärztliche Stellungnahme (Test)';

function connect(store: MemoryCaseStore, actor: Actor) {
  const clock = new FixedClock('2026-06-20T10:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  const documents = createCaseDocuments({ service, views, store });
  return { service, documents, port: connectCaseService({ service, views, clock, documents }) };
}

async function openedStore(): Promise<MemoryCaseStore> {
  const store = new MemoryCaseStore();
  const { service } = connect(store, KIM);
  const opened = await service.execute({
    type: 'openCase',
    caseId: CASE,
    input: {
      caseId: CASE,
      addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Muster' },
      leadAgency: { agencyId: KIM.agencyId, name: EXAMPLE_AGENCIES.kim.name, legalDomain: 'AsylbLG' },
    },
  } as never);
  expect(opened.ok).to.equal(true);
  return store;
}

const text = (el: FkDocuments) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function mount(port: unknown, lang = 'de'): Promise<FkDocuments> {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} case-id=${CASE} lang=${lang}
      ><fk-documents></fk-documents
    ></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-documents')!;
  await waitUntil(() => !/werden geladen|Loading/.test(text(el)) && text(el).length > 40, 'loaded');
  await el.updateComplete;
  return el;
}

async function file(el: FkDocuments, name: string, type: string, content = CONTENT): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

function check(el: FkDocuments, selector: string): void {
  el.shadowRoot!.querySelector<HTMLInputElement>(selector)!.click();
}

async function fileStatement(el: FkDocuments): Promise<void> {
  await file(el, 'stellungnahme.pdf', 'application/pdf');
  check(el, 'input[name="category"][value="health"]');
  check(el, 'input[name="professionalSecret"]');
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  await waitUntil(() => text(el).includes('Dokument abgelegt.'), 'filed');
}

describe('<fk-documents> through the core (issue 22)', () => {
  it('DP-01, DP-37: the case manager files a document with what it contains; the list shows it with its § 76 mark; focus goes to the confirmation; axe', async () => {
    const store = await openedStore();
    const el = await mount(connect(store, KIM).port);
    expect(text(el)).to.contain('Noch keine Dokumente abgelegt.');
    await fileStatement(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="document"]'), 'listed');
    expect(text(el)).to.contain('stellungnahme');
    expect(text(el)).to.contain('Berufsgeheimnis (§ 76 SGB X)');
    expect(text(el)).to.contain('Gesundheit');
    expect(el.shadowRoot!.activeElement?.hasAttribute('data-status')).to.equal(true);
    const journal = await store.readJournal(CASE);
    const filed = journal.find((e) => e.type === 'DocumentAttached')!.payload as Record<string, unknown>;
    expect(filed).to.deep.include({ professionalSecret: true, origin: 'secretHolder', mediaType: 'application/pdf' });
    expect(filed['categories']).to.deep.equal(['health']);
    await expect(el).to.be.accessible();
    const shot = (await executeServerCommand('fk-screenshot', { name: 'fk-documents-de' })) as { bytes: number };
    expect(shot.bytes).to.be.greaterThan(1000);
  });

  it('issue 20: a document that relates to a person of the case names that person from the view', async () => {
    const store = await openedStore();
    const { port, documents } = connect(store, KIM);
    const addressee = (await store.readJournal(CASE))[0]!.payload as { addressee: { id: string } };
    const attached = await documents.attach(
      CASE,
      {
        title: 'Meldebescheinigung',
        fileName: 'meldebescheinigung.pdf',
        mediaType: 'application/pdf',
        relatesTo: { kind: 'person', id: addressee.addressee.id },
        categories: ['identity'],
      },
      new TextEncoder().encode(CONTENT),
    );
    expect(attached.ok, attached.ok ? '' : attached.errors[0]!.code).to.equal(true);
    const el = await mount(port);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="relates-to"]'), 'relates-to line');
    expect(el.shadowRoot!.querySelector('[part="relates-to"]')!.textContent).to.contain(
      'Bezieht sich auf: Person „Mia Muster“',
    );
    await expect(el).to.be.accessible();
  });

  it('opens a document through the core: the opened event carries exactly the stored bytes', async () => {
    const store = await openedStore();
    const el = await mount(connect(store, KIM).port);
    await fileStatement(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-open]'), 'open button');
    let event: FkDocumentOpenedEvent | undefined;
    let refused: unknown;
    el.addEventListener('fk-document-opened', (e) => {
      e.preventDefault();
      event = e as FkDocumentOpenedEvent;
    });
    el.addEventListener('fk-refused', (e) => (refused = (e as CustomEvent).detail));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-open]')!.click();
    await waitUntil(() => event !== undefined || refused !== undefined, 'opened or refused');
    expect(refused, JSON.stringify(refused)).to.equal(undefined);
    expect(new TextDecoder().decode(event!.document.bytes)).to.equal(CONTENT);
    expect(event!.document.fileName).to.equal('stellungnahme.pdf');
  });

  it('DP-03, DP-23: a team lead sees that a document is withheld and why, with nothing to open or file', async () => {
    const store = await openedStore();
    // Filed through the core directly: one connected element per store here (two live views on one memory
    // store re-decide each other's access-log appends).
    const clock = new FixedClock('2026-06-20T10:00:00.000Z');
    const ids = new SequentialIds();
    const service = createCaseService({ store, clock, ids, actor: KIM });
    const views = createCaseViews({ service, store, clock, ids });
    const filed = await createCaseDocuments({ service, views, store }).attach(
      CASE,
      { title: 'Stellungnahme', fileName: 'stellungnahme.pdf', mediaType: 'application/pdf', categories: ['health'] },
      new TextEncoder().encode(CONTENT),
    );
    expect(filed.ok).to.equal(true);
    const lead = { id: 'u-lead', role: 'teamLead', agencyId: KIM.agencyId } as Actor;
    const other = await mount(connect(store, lead).port);
    await waitUntil(() => other.shadowRoot!.querySelector('[part~="withheld"]'), 'withheld row');
    expect(text(other)).to.contain('Zurückgehalten');
    expect(text(other)).to.not.contain('stellungnahme');
    // Booleans, not elements: chai's failure message would render a whole element tree.
    expect(other.shadowRoot!.querySelector('[data-open]') === null, 'no open button').to.equal(true);
    expect(other.shadowRoot!.querySelector('form') === null, 'no form: the core lists no attachDocument').to.equal(
      true,
    );
    await expect(other).to.be.accessible();
  });

  it('a file of a type the file cannot take is refused in the form; nothing is stored', async () => {
    const store = await openedStore();
    const el = await mount(connect(store, KIM).port, 'en');
    await file(el, 'setup.exe', 'application/x-msdownload');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitUntil(() => text(el).includes('This kind of file cannot be filed.'), 'type error');
    expect((await store.readJournal(CASE)).some((e) => e.type === 'DocumentAttached')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('DP-32: removing asks for a reason and a confirmation, then shows the document as removed; its content is gone', async () => {
    const store = await openedStore();
    const el = await mount(connect(store, KIM).port);
    await fileStatement(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-remove]'), 'remove button');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-remove]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-confirm-remove]')!.click();
    await waitUntil(() => text(el).includes('Bitte einen Grund angeben.'), 'reason required');
    const reason = el.shadowRoot!.querySelector<HTMLInputElement>('input[id^="reason-"]')!;
    reason.value = 'Falsche Akte.';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-confirm-remove]')!.click();
    const dialog = el.shadowRoot!.querySelector<FkConfirmDialog>('fk-confirm-dialog')!;
    await waitUntil(() => dialog.open, 'confirmation open');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm"]')!.click();
    await waitUntil(() => text(el).includes('aus der Akte genommen: Falsche Akte.'), 'removed');
    const filed = (await store.readJournal(CASE)).find((e) => e.type === 'DocumentAttached')!;
    expect(await store.readContent(CASE, (filed.payload as { contentHash: string }).contentHash)).to.equal(undefined);
  });
});
