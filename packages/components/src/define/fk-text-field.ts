import { FkTextField } from '../fields/text-field.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-text-field', FkTextField);

declare global {
  interface HTMLElementTagNameMap {
    'fk-text-field': FkTextField;
  }
}
