import './foundation.js';
import './fk-confirm-dialog.js';
import './fk-date-field.js';
import { FkDocuments } from '../documents/documents.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-documents', FkDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'fk-documents': FkDocuments;
  }
}
