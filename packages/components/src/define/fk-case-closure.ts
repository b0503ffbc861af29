import './foundation.js';
import './fk-confirm-dialog.js';
import { FkCaseClosure } from '../case-closure/case-closure.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-case-closure', FkCaseClosure);

declare global {
  interface HTMLElementTagNameMap {
    'fk-case-closure': FkCaseClosure;
  }
}
