import './foundation.js';
import './fk-plan-document.js';
import { FkConnectedPlanDocument } from '../letter/connected-plan-document.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-connected-plan-document', FkConnectedPlanDocument);

declare global {
  interface HTMLElementTagNameMap {
    'fk-connected-plan-document': FkConnectedPlanDocument;
  }
}
