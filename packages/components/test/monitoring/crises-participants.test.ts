/*
 * <fk-monitoring>: the case's crises with their resolution (`crises.resolution`, `resolvedOn`; an open one is
 * resolved here with `resolveCrisis`) and who took part in a contact (`contacts.participantIds`), issue 20's
 * "every field the core records has a place". Through the core's real case service; read-only and English too.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FixedClock, MemoryCaseStore, SequentialIds, createCaseService, type CaseState } from '@fallkit/core';
import { runExampleCases, youngAdultDebtsAddiction } from '@fallkit/core/examples';
import '../../src/define/fk-monitoring.js';
import '../../src/define/fk-case-provider.js';
import type { FkMonitoring } from '../../src/monitoring/monitoring.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
/** The text of a node and of every shadow root below it (the node itself may sit inside a shadow root). */
function text(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of Array.from(n.childNodes)) walk(child);
  };
  walk(node);
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([:.,])/g, '$1')
    .trim();
}

async function connected(options: { readonly?: boolean; lang?: string; openCrisis?: boolean; contact?: boolean } = {}) {
  const store = new MemoryCaseStore();
  await runExampleCases({ store, cases: [youngAdultDebtsAddiction] });
  const core = createCaseService({
    store,
    clock: new FixedClock('2026-05-04T10:00:00.000Z'),
    ids: new SequentialIds(),
    actor: youngAdultDebtsAddiction.actor,
  });
  const caseId = youngAdultDebtsAddiction.caseId;
  if (options.openCrisis) {
    const flagged = await core.execute({
      type: 'flagCrisis',
      caseId,
      input: { flaggedOn: '2026-05-02', description: 'Räumungsklage angekündigt.', immediateHelp: 'Mieterverein.' },
    });
    expect(flagged.ok).to.equal(true);
  }
  if (options.contact) {
    const recorded = await core.execute({
      type: 'recordContact',
      caseId,
      input: { on: '2026-05-03', mode: 'phone', withInterpreter: false, reached: true, note: 'Telefonat.' },
    });
    expect(recorded.ok).to.equal(true);
  }
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${core} case-id=${caseId} lang=${options.lang ?? 'de'}>
      <fk-monitoring today="2026-05-04" ?readonly=${options.readonly ?? false}></fk-monitoring>
    </fk-case-provider>`,
  );
  const el = provider.querySelector('fk-monitoring')!;
  await waitUntil(() => (el.value.crises ?? []).length > 0, 'the case loaded');
  await el.updateComplete;
  const state = async (): Promise<CaseState> => {
    const loaded = await core.loadCase(caseId);
    if (!loaded.ok) throw new Error('no case');
    return loaded.value.state;
  };
  return { el, state };
}

/** Adds a new contact with `note` through the form; returns its participants field. */
async function newContact(el: FkMonitoring, note: string): Promise<HTMLElement> {
  const add = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    /Kontakt dokumentieren/.test(b.textContent ?? ''),
  )!;
  add.click();
  await el.updateComplete;
  const index = el.value.contacts.length - 1;
  const field = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="contacts.${index}.note"]`)!;
  const area = field.shadowRoot!.querySelector('textarea')!;
  area.value = note;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-path="contacts.${index}.participantIds"]`)!;
}

describe('<fk-monitoring>: crises and contact participants (issue 20)', () => {
  beforeEach(() => pageDrafts.clear());

  it('shows a resolved crisis with its day and resolution, read-only', async () => {
    const { el } = await connected();
    const section = el.shadowRoot!.querySelector('[part~="crises"]')!;
    expect(text(section)).to.contain('Stromsperre zum 10.02. angekündigt');
    expect(text(section)).to.contain('gelöst am 06.02.2026');
    expect(text(section)).to.contain('Wie gelöst: Ratenvereinbarung mit den Stadtwerken, Sperre abgewendet.');
    expect(section.querySelector('fk-textarea') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('resolves an open crisis through resolveCrisis: the resolution is stored and then shown as history', async () => {
    const { el, state } = await connected({ openCrisis: true });
    const open = (el.value.crises ?? []).findIndex((c) => !c.resolvedOn);
    expect(open).to.be.greaterThan(-1);
    expect(text(el.shadowRoot!.querySelector('[part~="crises"]')!)).to.contain('offen');
    await expect(el).to.be.accessible();
    const field = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="crises.${open}.resolution"]`)!;
    const input = field.shadowRoot!.querySelector('textarea')!;
    input.value = 'Mietschulden vom Jobcenter als Darlehen übernommen.';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const saved = oneEvent(el, 'fk-saved');
    expect(await el.requestSubmit()).to.equal(true);
    await saved;
    const crisis = (await state()).crises.find((c) => c.description === 'Räumungsklage angekündigt.')!;
    expect(crisis.resolution).to.equal('Mietschulden vom Jobcenter als Darlehen übernommen.');
    expect(crisis.resolvedOn).to.equal('2026-05-04');
    await waitUntil(
      () => text(el.shadowRoot!.querySelector('[part~="crises"]')!).includes('gelöst am 04.05.2026'),
      'the resolution as history',
    );
    expect(el.shadowRoot!.querySelectorAll('[part~="crises"] fk-textarea').length).to.equal(0);
  });

  it('an open crisis left untouched stays open: nothing is sent for it', async () => {
    const { el, state } = await connected({ openCrisis: true });
    expect(text(el)).to.contain('Noch keine neuen Einträge.');
    await el.requestSubmit();
    expect((await state()).crises.filter((c) => c.resolvedOn === undefined)).to.have.length(1);
  });

  it('names who took part in a stored contact, and records the persons picked for a new one', async () => {
    const { el, state } = await connected({ contact: true });
    const before = await state();
    const names = (id: string) => {
      const p = before.persons.find((person) => person.id === id)!;
      return `${p.givenName} ${p.familyName}`;
    };
    const addressee = names(before.addresseeId);
    const other = before.persons.find((p) => p.id !== before.addresseeId)!;
    expect(text(el.shadowRoot!.querySelector('[part~="contacts"]')!)).to.contain(`Beteiligt: ${addressee}`);
    const group = await newContact(el, 'Gespräch mit beiden.');
    expect(text(group)).to.contain('Wer hat teilgenommen?');
    for (const box of group.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'fk-saved');
    expect(await el.requestSubmit()).to.equal(true);
    await saved;
    const contact = (await state()).contacts.at(-1)!;
    expect(contact.note).to.equal('Gespräch mit beiden.');
    expect([...contact.participantIds].sort()).to.deep.equal([before.addresseeId, other.id].sort());
    await waitUntil(
      () => text(el.shadowRoot!.querySelector('[part~="contacts"]')!).includes(names(other.id)),
      'the participants of the new contact',
    );
  });

  it('a new contact with nobody picked is recorded with the addressee (not with nobody)', async () => {
    const { el, state } = await connected();
    // Pick and unpick: the value holds an empty list, which must not be sent as "nobody took part".
    const group = await newContact(el, 'Kurzes Telefonat.');
    const box = group.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box.click();
    box.click();
    await el.updateComplete;
    const saved = oneEvent(el, 'fk-saved');
    expect(await el.requestSubmit()).to.equal(true);
    await saved;
    const after = await state();
    expect(after.contacts.at(-1)!.participantIds).to.deep.equal([after.addresseeId]);
  });

  it('read-only: crises and participants are shown, nothing to type; English', async () => {
    const { el } = await connected({ readonly: true, lang: 'en', openCrisis: true, contact: true });
    const crises = text(el.shadowRoot!.querySelector('[part~="crises"]')!);
    expect(crises).to.contain('Crises');
    expect(crises).to.contain('How resolved: Ratenvereinbarung');
    expect(crises).to.contain('open');
    expect(el.shadowRoot!.querySelectorAll('[part~="crises"] fk-textarea').length).to.equal(0);
    expect(text(el.shadowRoot!.querySelector('[part~="contacts"]')!)).to.contain('Took part:');
    await expect(el).to.be.accessible();
  });

  it('DP-24: a participant the view withholds is counted, not named', async () => {
    const el = await fixture<FkMonitoring>(html`<fk-monitoring today="2026-05-04"></fk-monitoring>`);
    el.participants = [{ id: 'p-1', name: 'Kevin Schulte' }];
    el.value = {
      contacts: [
        {
          id: 'c-1',
          on: '2026-04-20',
          mode: 'inPerson',
          withInterpreter: false,
          reached: true,
          note: 'Gespräch.',
          participantIds: ['p-1', 'p-hidden'],
        },
      ],
      followUps: [],
      progress: [],
      deviations: [],
    };
    await el.updateComplete;
    const contacts = text(el.shadowRoot!.querySelector('[part~="contacts"]')!);
    expect(contacts).to.contain('Beteiligt: Kevin Schulte und 1 weitere (ausgeblendet)');
    expect(contacts).to.not.contain('p-hidden');
  });
});
