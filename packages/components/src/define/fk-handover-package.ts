import './foundation.js';
import { FkHandoverPackage } from '../handover-package/handover-package.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-handover-package', FkHandoverPackage);

declare global {
  interface HTMLElementTagNameMap {
    'fk-handover-package': FkHandoverPackage;
  }
}
