import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/fk-handover-inbox.js';
import type { FkHandoverInbox, HandoverInboxEntry } from '../../src/handover-inbox/handover-inbox.component.js';
import { deepText } from '../suites/form-control-suite.js';

/** A verified manifest as `@fallkit/handover` gives it (the Rahimi handover from the municipality). */
const received: HandoverInboxEntry = {
  packageId: '7d0f2a4e-1b7c-4c55-9a0e-3f1d2c9b8a71',
  sender: { agencyId: 'kim-musterstadt', name: 'Kommunales Integrationsmanagement Musterstadt' },
  issuedAt: '2026-05-27T11:00:00.000Z',
  expiresAt: '2026-06-10T11:00:00.000Z',
  purpose: 'caseManagement',
  legalBasis: { label: 'consent:kim-consent-1' },
  purposeBindingNotice: {
    de: 'Zweckbindung: Die Daten dürfen nur für „Fallsteuerung“ verwendet werden (§ 78 SGB X).',
    en: 'Purpose binding: the data may be used only for "Case management" (§ 78 SGB X).',
  },
  included: {
    categories: ['education', 'employment', 'goals', 'household', 'identity', 'residenceStatus'],
    items: [{ section: 'persons' }, { section: 'persons' }, { section: 'assessments' }, { section: 'goals' }],
  },
  withheld: [
    {
      category: 'health',
      code: 'REDACT_NO_CONSENT',
      message: {
        de: 'Zurückgehalten: keine Einwilligung für diese Daten gegenüber diesem Empfänger.',
        en: 'Withheld: no consent for these data to this recipient.',
      },
    },
    {
      category: 'household',
      code: 'REDACT_THIRD_PARTY',
      message: {
        de: 'Zurückgehalten: Angaben über Dritte.',
        en: 'Withheld: data about third parties.',
      },
    },
  ],
  status: 'received',
};

/** The withheld lines as read out: "category: reason". */
function withheldLines(el: FkHandoverInbox): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part="withheld"] li')].map((li) =>
    (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

describe('<fk-handover-inbox>', () => {
  afterEach(() => {
    document.documentElement.lang = 'de';
  });

  it('DP-24, DP-16: shows sender, purpose, basis, what came and what was withheld with its reason, in German', async () => {
    const el = await fixture<FkHandoverInbox>(html`<fk-handover-inbox .packages=${[received]}></fk-handover-inbox>`);
    const text = deepText(el);
    expect(text).to.contain('Übergabe von Kommunales Integrationsmanagement Musterstadt');
    expect(text).to.contain('Zweck: Fallsteuerung');
    // A consent basis is named in words, never by its id (issue 16); the consent itself stays with the sender.
    expect(text).to.contain('Rechtsgrundlage: Einwilligung der betroffenen Person, dokumentiert bei');
    expect(text).to.not.contain('consent:kim-consent-1');
    expect(text).to.contain('§ 78 SGB X');
    expect(text).to.contain('4 Einträge');
    expect(withheldLines(el)[0]).to.equal(
      'Gesundheit: Zurückgehalten: keine Einwilligung für diese Daten gegenüber diesem Empfänger.',
    );
    expect(text).to.contain('Empfangen, noch nicht angenommen');
    await expect(el).to.be.accessible();
  });

  it('issue 21: a package for a measure names the purpose in words, as the consent manager does, never by the measure id', async () => {
    const forMeasure = { ...received, purpose: 'measureDelivery:kim-measure-7' };
    const el = await fixture<FkHandoverInbox>(html`<fk-handover-inbox .packages=${[forMeasure]}></fk-handover-inbox>`);
    const text = deepText(el);
    expect(text).to.contain('Zweck: Durchführung einer Maßnahme');
    expect(text).to.not.contain('kim-measure-7');
  });

  it('DP-16: accepting sends fk-handover-answer with the package id; an answered package offers no buttons', async () => {
    const el = await fixture<FkHandoverInbox>(html`<fk-handover-inbox .packages=${[received]}></fk-handover-inbox>`);
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent?.trim())).to.deep.equal(['Annehmen', 'Ablehnen']);
    setTimeout(() => buttons[0]!.click());
    const event = await oneEvent(el, 'fk-handover-answer');
    expect(event.detail).to.deep.equal({ packageId: received.packageId, status: 'accepted' });
    el.packages = [{ ...received, status: 'accepted' }];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(deepText(el)).to.contain('Angenommen');
  });

  it('DP-14: a withdrawn consent says the data may no longer be used; a refused package shows only its refusal', async () => {
    const refused: HandoverInboxEntry = {
      ...received,
      packageId: 'b2',
      refusal: {
        code: 'HANDOVER_SIGNATURE_INVALID',
        message: {
          de: 'Die Signatur passt nicht zum Inhalt: Das Paket wurde verändert oder ist beschädigt.',
          en: 'The signature does not match the content: the package was changed or is damaged.',
        },
      },
    };
    const el = await fixture<FkHandoverInbox>(
      html`<fk-handover-inbox .packages=${[{ ...received, status: 'withdrawn' }, refused]}></fk-handover-inbox>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Einwilligung widerrufen: Die Daten dürfen nicht mehr verwendet werden');
    expect(
      el.shadowRoot!.querySelector('[part="refusal"] .refusal')!.textContent!.replace(/\s+/g, ' ').trim(),
    ).to.match(/^Nicht angenommen: Die Signatur passt nicht zum Inhalt/);
    expect(el.shadowRoot!.querySelectorAll('[part="refusal"]')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part="refusal"]')!.textContent).to.not.contain('Fallsteuerung');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('speaks English on an English page; an empty inbox says so', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<FkHandoverInbox>(html`<fk-handover-inbox .packages=${[received]}></fk-handover-inbox>`);
    const text = deepText(el);
    expect(text).to.contain('Handover from');
    expect(text).to.contain('Purpose: Case management');
    expect(withheldLines(el)[0]).to.equal('Health: Withheld: no consent for these data to this recipient.');
    expect(text).to.contain('Accept');
    const empty = await fixture<FkHandoverInbox>(html`<fk-handover-inbox></fk-handover-inbox>`);
    expect(deepText(empty)).to.contain('No handover packages have arrived.');
  });
});
