import './foundation.js';
import './fk-confirm-dialog.js';
import { FkHandover } from '../handover/handover.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-handover', FkHandover);

declare global {
  interface HTMLElementTagNameMap {
    'fk-handover': FkHandover;
  }
}
