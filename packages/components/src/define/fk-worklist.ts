import './foundation.js';
import { FkWorklist } from '../worklist/worklist.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-worklist', FkWorklist);

declare global {
  interface HTMLElementTagNameMap {
    'fk-worklist': FkWorklist;
  }
}
