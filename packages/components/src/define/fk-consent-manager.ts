import './foundation.js';
import { FkConsentManager } from '../consent-manager/consent-manager.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-consent-manager', FkConsentManager);

declare global {
  interface HTMLElementTagNameMap {
    'fk-consent-manager': FkConsentManager;
  }
}
