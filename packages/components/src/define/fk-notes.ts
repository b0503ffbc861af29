import './foundation.js';
import { FkNotes } from '../notes/notes.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-notes', FkNotes);

declare global {
  interface HTMLElementTagNameMap {
    'fk-notes': FkNotes;
  }
}
