import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/fk-text-field.js';

describe('clean accessible names (issue 21 item 11)', () => {
  it('a required field is named "Zugewiesen durch (Pflichtfeld)", not "Zugewiesen durch(Pflichtfeld)"', async () => {
    const el = await fixture(html`<fk-text-field label="Zugewiesen durch" required></fk-text-field>`);
    const label = el.shadowRoot!.querySelector('label')!;
    expect(label.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Zugewiesen durch (Pflichtfeld)');
    const plain = await fixture(html`<fk-text-field label="Vorname"></fk-text-field>`);
    expect(plain.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('Vorname');
  });
});
