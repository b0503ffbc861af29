import './foundation.js';
import { FkProcessStepper } from '../process-stepper/process-stepper.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-process-stepper', FkProcessStepper);

declare global {
  interface HTMLElementTagNameMap {
    'fk-process-stepper': FkProcessStepper;
  }
}
