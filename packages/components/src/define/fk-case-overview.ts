import './foundation.js';
import './fk-process-stepper.js';
import { FkCaseOverview } from '../case-overview/case-overview.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-case-overview', FkCaseOverview);

declare global {
  interface HTMLElementTagNameMap {
    'fk-case-overview': FkCaseOverview;
  }
}
