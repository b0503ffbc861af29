import { expect } from 'chai';
import { youngAdultDebtsAddiction } from '@fallkit/core/examples';
import type { FkMonitoring } from '../../packages/components/src/monitoring/monitoring.component.js';
import { mountTab, type Tab } from './tab-app.js';
import { buttonOf, deepText, deleteDatabase, seededDatabase, typeAt, waitFor } from './write-path-helpers.js';

describe('write path: a form save is one decision (real core, real Dexie store)', function () {
  this.timeout(60_000);
  let tab: Tab | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    tab?.close();
    await cleanup?.();
  });

  it('fk-monitoring with two new contacts, the second dated in the future: refused whole, nothing stored; after the fix exactly two', async () => {
    const seeded = await seededDatabase(youngAdultDebtsAddiction);
    cleanup = async () => {
      seeded.store.close();
      await deleteDatabase(seeded.name);
    };
    const caseId = youngAdultDebtsAddiction.caseId;
    tab = await mountTab(document, {
      databaseName: seeded.name,
      caseId,
      actor: youngAdultDebtsAddiction.actor,
      now: '2026-05-04T10:00:00.000Z',
      tags: ['fk-monitoring'],
      attributes: { today: '2026-05-04' },
    });
    const el = tab.elements[0] as FkMonitoring;
    await waitFor(() => el.value.followUps.length > 0, 'the case loaded from Dexie');
    const contactsOf = async () =>
      (await seeded.store.readJournal(caseId)).filter((e) => e.type === 'ContactRecorded').length;
    const storedBefore = await contactsOf();
    const journalBefore = JSON.stringify(await seeded.store.readJournal(caseId));
    const n = el.value.contacts.length;
    buttonOf(el, /Kontakt dokumentieren/).click();
    await el.updateComplete;
    buttonOf(el, /Kontakt dokumentieren/).click();
    await el.updateComplete;
    await typeAt(el, `contacts.${n}.note`, 'Telefonat: Termin bei der Schuldnerberatung steht.');
    await typeAt(el, `contacts.${n + 1}.note`, 'Hausbesuch, Unterlagen für den Antrag gesammelt.');
    await typeAt(el, `contacts.${n + 1}.on`, '2026-05-10');

    expect(await el.requestSubmit()).to.equal(false);
    // The refusal is shown at the second contact; the first was not stored on its own.
    await waitFor(() => deepText(el).includes('Nicht gespeichert'), 'the refusal shown');
    // Refused by the core's invariant (not a check in the form), pointed at the second contact's date.
    expect(deepText(el)).to.contain('DATE_IN_FUTURE');
    const dateField = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(
      `[data-path="contacts.${n + 1}.on"]`,
    )!;
    expect(dateField.error ?? '').to.not.equal('');
    expect(JSON.stringify(await seeded.store.readJournal(caseId))).to.equal(journalBefore);
    expect(await contactsOf()).to.equal(storedBefore);
    // The typed text stays.
    expect(el.value.contacts[n]!.note).to.equal('Telefonat: Termin bei der Schuldnerberatung steht.');
    expect(el.value.contacts[n + 1]!.note).to.equal('Hausbesuch, Unterlagen für den Antrag gesammelt.');

    await typeAt(el, `contacts.${n + 1}.on`, '2026-05-03');
    expect(await el.requestSubmit()).to.equal(true);
    expect(await contactsOf()).to.equal(storedBefore + 2);
    const added = (await seeded.store.readJournal(caseId)).filter((e) => e.seq > JSON.parse(journalBefore).length);
    // One decision: one append, one commandId, both contacts in it.
    expect(added.map((e) => e.type)).to.deep.equal(['ContactRecorded', 'ContactRecorded']);
    expect(new Set(added.map((e) => e.commandId)).size).to.equal(1);
    expect(added[0]!.commandId).to.match(/^command-/);
    await waitFor(() => el.value.contacts.filter((c) => c.id).length === n + 2, 'both contacts come back live');
  });
});
