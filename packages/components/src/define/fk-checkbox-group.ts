import { FkCheckboxGroup } from '../fields/checkbox-group.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-checkbox-group', FkCheckboxGroup);

declare global {
  interface HTMLElementTagNameMap {
    'fk-checkbox-group': FkCheckboxGroup;
  }
}
