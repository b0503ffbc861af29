import './foundation.js';
import { FkReferrals } from '../referrals/referrals.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-referrals', FkReferrals);

declare global {
  interface HTMLElementTagNameMap {
    'fk-referrals': FkReferrals;
  }
}
