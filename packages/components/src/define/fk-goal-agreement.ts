import './foundation.js';
import { FkGoalAgreement } from '../goal-agreement/goal-agreement.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-goal-agreement', FkGoalAgreement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-goal-agreement': FkGoalAgreement;
  }
}
