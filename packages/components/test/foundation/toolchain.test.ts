import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { text } from '@fallkit/core';

class ToolchainProbe extends LitElement {
  @property() label = 'Probe';
  override render() {
    return html`<button>${this.label}</button>`;
  }
}
customElements.define('fk-toolchain-probe', ToolchainProbe);

describe('toolchain', () => {
  it('compiles Lit decorators and resolves @fallkit/core from source', async () => {
    const el = await fixture<ToolchainProbe>(html`<fk-toolchain-probe label="Hallo"></fk-toolchain-probe>`);
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Hallo');
    expect(text('a', 'b').en).to.equal('b');
    await expect(el).to.be.accessible();
  });
});
