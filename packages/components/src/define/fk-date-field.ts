import { FkDateField } from '../fields/date-field.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-date-field', FkDateField);

declare global {
  interface HTMLElementTagNameMap {
    'fk-date-field': FkDateField;
  }
}
