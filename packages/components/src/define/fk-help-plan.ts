import './foundation.js';
import { FkHelpPlan } from '../help-plan/help-plan.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-help-plan', FkHelpPlan);

declare global {
  interface HTMLElementTagNameMap {
    'fk-help-plan': FkHelpPlan;
  }
}
