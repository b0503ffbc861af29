import { FkSelect } from '../fields/select.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-select', FkSelect);

declare global {
  interface HTMLElementTagNameMap {
    'fk-select': FkSelect;
  }
}
