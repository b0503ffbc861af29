import { FkCheckbox } from '../fields/checkbox.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-checkbox', FkCheckbox);

declare global {
  interface HTMLElementTagNameMap {
    'fk-checkbox': FkCheckbox;
  }
}
