import './foundation.js';
import { FkLetter } from '../letter/letter.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-letter', FkLetter);

declare global {
  interface HTMLElementTagNameMap {
    'fk-letter': FkLetter;
  }
}
