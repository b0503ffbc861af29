import './foundation.js';
import { FkFirstCounselling } from '../first-counselling/first-counselling.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-first-counselling', FkFirstCounselling);

declare global {
  interface HTMLElementTagNameMap {
    'fk-first-counselling': FkFirstCounselling;
  }
}
