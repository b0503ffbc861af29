import { FkRadioGroup } from '../fields/radio-group.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-radio-group', FkRadioGroup);

declare global {
  interface HTMLElementTagNameMap {
    'fk-radio-group': FkRadioGroup;
  }
}
