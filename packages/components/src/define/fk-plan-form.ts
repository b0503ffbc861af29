import './foundation.js';
import { FkPlanForm } from '../plan-document/plan-form.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-plan-form', FkPlanForm);

declare global {
  interface HTMLElementTagNameMap {
    'fk-plan-form': FkPlanForm;
  }
}
