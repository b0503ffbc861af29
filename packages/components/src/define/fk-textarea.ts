import { FkTextarea } from '../fields/textarea.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-textarea', FkTextarea);

declare global {
  interface HTMLElementTagNameMap {
    'fk-textarea': FkTextarea;
  }
}
