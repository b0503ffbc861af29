import './foundation.js';
import { FkMonitoring } from '../monitoring/monitoring.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-monitoring', FkMonitoring);

declare global {
  interface HTMLElementTagNameMap {
    'fk-monitoring': FkMonitoring;
  }
}
