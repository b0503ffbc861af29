import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../../src/controllers/localize-controller.js';
import { de } from '../../src/i18n/messages/de.js';
import { en } from '../../src/i18n/messages/en.js';
import { clearMessages, setMessages } from '../../src/i18n/message-overrides.js';
import { defineMessages, interpolate } from '../../src/i18n/message-catalog.js';
import { formatDate, formatDateTime, formatList, formatNumber } from '../../src/i18n/format.js';
import { closestLanguage, normalizeLanguage } from '../../src/i18n/language.js';
import '../../src/define/fk-case-provider.js';

const probeMessages = defineMessages({
  de: { 'probe.greeting': 'Guten Tag, {name}' },
  en: { 'probe.greeting': 'Good day, {name}' },
});

class I18nProbe extends LitElement {
  messages?: { de?: Record<string, string>; en?: Record<string, string> };
  readonly i18n = new LocalizeController<typeof probeMessages.de>(this, {
    catalog: probeMessages,
    overrides: () => this.messages,
  });
  override render() {
    return html`<p>${this.i18n.t('probe.greeting', { name: 'Frau A.' })}</p>
      <span>${this.i18n.t('status.saved')}</span>`;
  }
}
customElements.define('fk-i18n-probe', I18nProbe);

// Nests a probe inside another element's shadow root, to prove lang is found across roots.
class I18nShell extends LitElement {
  override render() {
    return html`<fk-i18n-probe></fk-i18n-probe>`;
  }
}
customElements.define('fk-i18n-shell', I18nShell);

const textOf = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('i18n', () => {
  afterEach(() => clearMessages());

  it('has the same keys in German and English, none empty', () => {
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(de).sort());
    for (const [key, value] of Object.entries({ ...de, ...en })) expect(value, key).to.not.equal('');
  });

  it('defaults to German and follows the closest lang attribute', async () => {
    const plain = await fixture<I18nProbe>(html`<fk-i18n-probe></fk-i18n-probe>`);
    expect(textOf(plain)).to.contain('Guten Tag, Frau A.').and.to.contain('Gespeichert');
    const wrapper = await fixture(html`<div lang="en-GB"><fk-i18n-probe></fk-i18n-probe></div>`);
    const probe = wrapper.querySelector<I18nProbe>('fk-i18n-probe')!;
    expect(probe.i18n.lang).to.equal('en');
    expect(textOf(probe)).to.contain('Good day, Frau A.').and.to.contain('Saved');
  });

  it('finds lang across shadow roots and re-renders when it changes', async () => {
    const wrapper = await fixture(html`<section lang="de"><fk-i18n-shell></fk-i18n-shell></section>`);
    const shell = wrapper.querySelector('fk-i18n-shell')!;
    await (shell as LitElement).updateComplete;
    const probe = shell.shadowRoot!.querySelector<I18nProbe>('fk-i18n-probe')!;
    expect(textOf(probe)).to.contain('Gespeichert');
    wrapper.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 0));
    await probe.updateComplete;
    expect(textOf(probe)).to.contain('Saved');
  });

  it('takes the language from <fk-case-provider lang>', async () => {
    const provider = await fixture(
      html`<fk-case-provider lang="en"><fk-i18n-probe></fk-i18n-probe></fk-case-provider>`,
    );
    const probe = provider.querySelector<I18nProbe>('fk-i18n-probe')!;
    await probe.updateComplete;
    expect(textOf(probe)).to.contain('Saved');
  });

  it('applies page-wide overrides per language (setMessages), live', async () => {
    const probe = await fixture<I18nProbe>(html`<fk-i18n-probe lang="de"></fk-i18n-probe>`);
    setMessages('de', { 'status.saved': 'Im Fall gespeichert', 'probe.greeting': 'Hallo {name}' });
    await probe.updateComplete;
    expect(textOf(probe)).to.contain('Im Fall gespeichert').and.to.contain('Hallo Frau A.');
    setMessages('en', { 'status.saved': 'Stored' });
    expect(textOf(probe)).to.not.contain('Stored');
  });

  it('lets element overrides win over provider and page overrides', async () => {
    setMessages('de', { 'status.saved': 'Seite' });
    const provider = await fixture(
      html`<fk-case-provider .messages=${{ de: { 'status.saved': 'Provider', 'probe.greeting': 'Provider {name}' } }}
        ><fk-i18n-probe .messages=${{ de: { 'status.saved': 'Element' } }}></fk-i18n-probe
      ></fk-case-provider>`,
    );
    const probe = provider.querySelector<I18nProbe>('fk-i18n-probe')!;
    await probe.updateComplete;
    expect(textOf(probe)).to.contain('Element').and.to.contain('Provider Frau A.');
  });

  it('falls back to German, then to the key, for missing texts', async () => {
    const probe = await fixture<I18nProbe>(html`<fk-i18n-probe lang="en"></fk-i18n-probe>`);
    setMessages('de', { 'only.german': 'Nur deutsch' });
    expect(probe.i18n.t('only.german' as never)).to.equal('Nur deutsch');
    expect(probe.i18n.t('missing.key' as never)).to.equal('missing.key');
  });

  it('resolves core texts and message references', async () => {
    const probe = await fixture<I18nProbe>(html`<fk-i18n-probe lang="en"></fk-i18n-probe>`);
    expect(probe.i18n.text({ de: 'Abgelehnt', en: 'Refused' })).to.equal('Refused');
    expect(probe.i18n.resolve({ key: 'validation.tooShort', params: { minimum: 3 } })).to.equal(
      'Please enter at least 3 characters.',
    );
  });

  it('formats dates and numbers with Intl (no off-by-one for ISO dates)', () => {
    expect(formatDate('2026-03-01', 'de')).to.equal('01.03.2026');
    expect(formatDate('2026-03-01', 'en')).to.equal('1 Mar 2026');
    expect(formatDate('2026-03-01', 'de', { dateStyle: 'long' })).to.equal('1. März 2026');
    expect(formatNumber(1234.5, 'de')).to.equal('1.234,5');
    expect(formatNumber(1234.5, 'en')).to.equal('1,234.5');
    expect(formatList(['A', 'B', 'C'], 'de')).to.equal('A, B und C');
    expect(formatDateTime('2026-03-01T10:00:00Z', 'de')).to.match(/01\.03\.2026/);
    expect(formatDate('kein Datum', 'de')).to.equal('kein Datum');
  });

  it('normalizes language tags and interpolates placeholders', () => {
    expect(normalizeLanguage('de-AT')).to.equal('de');
    expect(normalizeLanguage('EN_us')).to.equal('en');
    expect(normalizeLanguage('fr')).to.equal(undefined);
    expect(interpolate('{a} und {b}', { a: 1 })).to.equal('1 und {b}');
    const div = document.createElement('div');
    div.lang = 'fr';
    expect(closestLanguage(div)).to.equal(undefined);
  });
});
