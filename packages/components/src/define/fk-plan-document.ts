import './foundation.js';
import { FkPlanDocument } from '../plan-document/plan-document.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-plan-document', FkPlanDocument);

declare global {
  interface HTMLElementTagNameMap {
    'fk-plan-document': FkPlanDocument;
  }
}
