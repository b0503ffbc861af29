/* global document, customElements -- runs in the page */
// The baseline: lit alone, as a page with one plain Lit element would load it.
import { LitElement, html } from 'lit';

class HelloElement extends LitElement {
  render() {
    return html`Hallo`;
  }
}
customElements.define('hello-element', HelloElement);
document.body.append(document.createElement('hello-element'));
