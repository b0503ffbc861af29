import { FkRedacted } from '../fields/redacted.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-redacted', FkRedacted);

declare global {
  interface HTMLElementTagNameMap {
    'fk-redacted': FkRedacted;
  }
}
