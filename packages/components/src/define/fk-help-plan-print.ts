import { FkHelpPlanPrint } from '../print/help-plan-print.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-help-plan-print', FkHelpPlanPrint);

declare global {
  interface HTMLElementTagNameMap {
    'fk-help-plan-print': FkHelpPlanPrint;
  }
}
