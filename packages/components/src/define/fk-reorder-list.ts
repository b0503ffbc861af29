import { FkReorderList } from '../fields/reorder-list.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-reorder-list', FkReorderList);

declare global {
  interface HTMLElementTagNameMap {
    'fk-reorder-list': FkReorderList;
  }
}
