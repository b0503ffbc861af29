import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { TOKEN_DEFAULTS, token, tokenDeclarations } from '../../src/theme/tokens.js';
import { AnnouncerController } from '../../src/controllers/announcer-controller.js';
import { sharedStyles } from '../../src/theme/shared-styles.js';
import '../../src/define/fk-text-field.js';
import type { FkTextField } from '../../src/fields/text-field.component.js';

class AnnouncerProbe extends LitElement {
  static override styles = [sharedStyles, css``];
  readonly announcer = new AnnouncerController(this);
  override render() {
    return this.announcer.render();
  }
}
customElements.define('fk-announcer-probe', AnnouncerProbe);

describe('theme and announcer', () => {
  it('uses token defaults and inherits a host theme set on any ancestor', async () => {
    const plain = await fixture<FkTextField>(html`<fk-text-field label="Name"></fk-text-field>`);
    const input = plain.shadowRoot!.querySelector('input')!;
    expect(getComputedStyle(plain).fontFamily).to.contain('system-ui');
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(115, 125, 140)');
    const themed = await fixture(html`<div class="themed"><fk-text-field label="Name"></fk-text-field></div>`);
    (themed as HTMLElement).style.setProperty('--fk-color-border', 'rgb(1, 2, 3)');
    (themed as HTMLElement).style.setProperty('--fk-font-family', 'serif');
    const el = themed.querySelector('fk-text-field')!;
    expect(getComputedStyle(el.shadowRoot!.querySelector('input')!).borderTopColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el).fontFamily).to.equal('serif');
  });

  it('exposes parts for host styling', async () => {
    const el = await fixture<FkTextField>(html`<fk-text-field label="Name" hint="Hinweis"></fk-text-field>`);
    const parts = [...el.shadowRoot!.querySelectorAll('[part]')].map((n) => n.getAttribute('part'));
    expect(parts).to.include.members(['label', 'control', 'hint']);
  });

  it('lists every token with the --fk- prefix', () => {
    expect(String(token('color-primary'))).to.equal(`var(--fk-color-primary, ${TOKEN_DEFAULTS['color-primary']})`);
    expect(
      tokenDeclarations()
        .split('\n')
        .every((line) => line.startsWith('--fk-')),
    ).to.equal(true);
  });

  it('announces in a polite status region, the same message twice as well', async () => {
    const el = await fixture<AnnouncerProbe>(html`<fk-announcer-probe></fk-announcer-probe>`);
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    el.announcer.announce('Gespeichert');
    await new Promise((r) => setTimeout(r, 60));
    await el.updateComplete;
    expect(region.textContent).to.equal('Gespeichert');
    el.announcer.announce('Gespeichert');
    await el.updateComplete;
    expect(region.textContent).to.equal('');
    await new Promise((r) => setTimeout(r, 60));
    await el.updateComplete;
    expect(region.textContent).to.equal('Gespeichert');
  });
});
