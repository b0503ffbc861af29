import { FkConfirmDialog } from '../dialogs/confirm-dialog.component.js';
import { defineElement } from './define-element.js';

defineElement('fk-confirm-dialog', FkConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'fk-confirm-dialog': FkConfirmDialog;
  }
}
