import './foundation.js';
import { FkSyncStatus } from '../sync-status/sync-status.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-sync-status', FkSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'fk-sync-status': FkSyncStatus;
  }
}
