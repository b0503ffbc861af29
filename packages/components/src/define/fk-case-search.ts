import './foundation.js';
import { FkCaseSearch } from '../case-search/case-search.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-case-search', FkCaseSearch);

declare global {
  interface HTMLElementTagNameMap {
    'fk-case-search': FkCaseSearch;
  }
}
