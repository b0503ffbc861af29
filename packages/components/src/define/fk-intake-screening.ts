import './foundation.js';
import { FkIntakeScreening } from '../intake-screening/intake-screening.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-intake-screening', FkIntakeScreening);

declare global {
  interface HTMLElementTagNameMap {
    'fk-intake-screening': FkIntakeScreening;
  }
}
