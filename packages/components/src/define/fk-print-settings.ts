import { FkPrintSettings } from '../print/print-settings.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-print-settings', FkPrintSettings);

declare global {
  interface HTMLElementTagNameMap {
    'fk-print-settings': FkPrintSettings;
  }
}
