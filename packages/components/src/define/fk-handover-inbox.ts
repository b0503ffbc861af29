import './foundation.js';
import { FkHandoverInbox } from '../handover-inbox/handover-inbox.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-handover-inbox', FkHandoverInbox);

declare global {
  interface HTMLElementTagNameMap {
    'fk-handover-inbox': FkHandoverInbox;
  }
}
