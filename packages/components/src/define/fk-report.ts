import './foundation.js';
import { FkReport } from '../report/report.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-report', FkReport);

declare global {
  interface HTMLElementTagNameMap {
    'fk-report': FkReport;
  }
}
