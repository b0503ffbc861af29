import './foundation.js';
import { FkSubjectExport } from '../subject-export/subject-export.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-subject-export', FkSubjectExport);

declare global {
  interface HTMLElementTagNameMap {
    'fk-subject-export': FkSubjectExport;
  }
}
