import { FkCaseProvider } from '../context/case-provider.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-case-provider', FkCaseProvider);

declare global {
  interface HTMLElementTagNameMap {
    'fk-case-provider': FkCaseProvider;
  }
}
