import './foundation.js';
import { FkSyncConflicts } from '../sync-conflicts/sync-conflicts.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-sync-conflicts', FkSyncConflicts);

declare global {
  interface HTMLElementTagNameMap {
    'fk-sync-conflicts': FkSyncConflicts;
  }
}
