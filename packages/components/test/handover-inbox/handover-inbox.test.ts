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

  it('issue 16: declining asks for the reason and carries it to the host; without one it says so and sends nothing', async () => {
    const el = await fixture<FkHandoverInbox>(html`<fk-handover-inbox .packages=${[received]}></fk-handover-inbox>`);
    const decline = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Ablehnen')!;
    let fired = 0;
    el.addEventListener('fk-handover-answer', () => (fired += 1));
    decline.click();
    await el.updateComplete;
    const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reason-0')!;
    expect(fired).to.equal(0);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(deepText(el)).to.contain('Bitte geben Sie einen Grund für die Ablehnung an.');
    expect(el.shadowRoot!.activeElement).to.equal(field);
    await expect(el).to.be.accessible();
    field.value = '  Nicht zuständig: Wohnort außerhalb des Kreises.  ';
    setTimeout(() => decline.click());
    const event = await oneEvent(el, 'fk-handover-answer');
    expect(event.detail).to.deep.equal({
      packageId: received.packageId,
      status: 'declined',
      note: 'Nicht zuständig: Wohnort außerhalb des Kreises.',
    });
  });

  it('issue 16: a chosen package file fires fk-handover-file with its name and text', async () => {
    const el = await fixture<FkHandoverInbox>(html`<fk-handover-inbox></fk-handover-inbox>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    // Named in the page's language, not the browser's: the native picker's own button is hidden.
    const named = (ids: string) =>
      ids
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim())
        .join(' ');
    expect(named(input.getAttribute('aria-labelledby')!)).to.equal(
      'Übergabepaket aus einer Datei öffnen Datei wählen …',
    );
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent!.trim()).to.equal('Datei wählen …');
    expect(named('package-file-chosen')).to.equal('Keine Datei gewählt.');
    await expect(el).to.be.accessible();
    const files = new DataTransfer();
    files.items.add(new File(['eyJhbGciOi.a.b.c.d'], 'uebergabe-1.fkhandover', { type: 'application/jose' }));
    input.files = files.files;
    setTimeout(() => input.dispatchEvent(new Event('change')));
    const event = await oneEvent(el, 'fk-handover-file');
    expect(event.detail).to.deep.equal({ name: 'uebergabe-1.fkhandover', text: 'eyJhbGciOi.a.b.c.d' });
    await el.updateComplete;
    expect(named('package-file-chosen')).to.equal('Zuletzt gewählt: uebergabe-1.fkhandover');
    await expect(el).to.be.accessible();
  });

  it("issue 16: a refused file (expired, for another agency) says why in words; the code only in the administrators' details", async () => {
    const refusal = (code: string, de: string, en: string): HandoverInboxEntry => ({
      ...received,
      packageId: code,
      fileName: `uebergabe-${code.length}.fkhandover`,
      refusal: { code, message: { de, en } },
    });
    const packages = [
      refusal(
        'HANDOVER_EXPIRED',
        'Das Paket ist abgelaufen; die absendende Stelle muss es neu erstellen.',
        'The package has expired; the sending agency must build it again.',
      ),
      refusal(
        'HANDOVER_DECRYPT_FAILED',
        'Das verschlüsselte Paket lässt sich mit dem Schlüssel dieser Stelle nicht öffnen.',
        "The encrypted package cannot be opened with this agency's key.",
      ),
    ];
    const el = await fixture<FkHandoverInbox>(html`<fk-handover-inbox .packages=${packages}></fk-handover-inbox>`);
    const articles = [...el.shadowRoot!.querySelectorAll('[part="refusal"]')];
    expect(articles).to.have.length(2);
    expect(articles[0]!.querySelector('h3')!.textContent).to.equal(
      'Übergabepaket aus der Datei uebergabe-16.fkhandover',
    );
    expect(articles[0]!.querySelector('.refusal')!.textContent).to.contain('Das Paket ist abgelaufen');
    for (const article of articles) {
      const details = article.querySelector('details')!;
      expect(details.open).to.equal(false);
      expect(details.querySelector('summary')!.textContent).to.equal('Details für die Administration');
      // The code is nowhere outside the disclosure.
      const outside = [...article.children]
        .filter((c) => c !== details)
        .map((c) => c.textContent)
        .join(' ');
      expect(outside).to.not.match(/HANDOVER_/);
    }
    expect(articles[1]!.querySelector('details')!.textContent).to.contain('Fehlercode: HANDOVER_DECRYPT_FAILED');
    await expect(el).to.be.accessible();
    document.documentElement.lang = 'en';
    const en = await fixture<FkHandoverInbox>(html`<fk-handover-inbox .packages=${packages}></fk-handover-inbox>`);
    expect(deepText(en)).to.contain('The package has expired');
    expect(deepText(en)).to.contain('Details for administrators');
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
