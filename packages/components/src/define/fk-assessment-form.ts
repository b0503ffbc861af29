import './foundation.js';
import { FkAssessmentForm } from '../assessment-form/assessment-form.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-assessment-form', FkAssessmentForm);

declare global {
  interface HTMLElementTagNameMap {
    'fk-assessment-form': FkAssessmentForm;
  }
}
