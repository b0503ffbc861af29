import { waitUntil } from '@open-wc/testing';
import type { FkConfirmDialog } from '../../src/dialogs/confirm-dialog.component.js';

/** The confirmation dialog in an element's shadow root. */
export function confirmDialogOf(el: HTMLElement): FkConfirmDialog {
  const dialog = el.shadowRoot!.querySelector<FkConfirmDialog>('fk-confirm-dialog');
  if (!dialog) throw new Error(`no fk-confirm-dialog in ${el.localName}`);
  return dialog;
}

/**
 * Answers the next confirmation the element asks, as a user would: waits until the modal dialog is
 * open, then clicks its confirm (or cancel) button. Start it before the click that opens the dialog.
 * Resolves with the dialog's heading and text.
 */
export async function answerConfirmation(el: HTMLElement, confirm = true): Promise<string> {
  await waitUntil(() => el.shadowRoot?.querySelector<FkConfirmDialog>('fk-confirm-dialog')?.open, 'dialog open');
  const dialog = confirmDialogOf(el);
  const text = dialog.shadowRoot!.querySelector('dialog')!.textContent ?? '';
  dialog.shadowRoot!.querySelector<HTMLButtonElement>(confirm ? '[part~="confirm"]' : '[part~="cancel"]')!.click();
  return text.replace(/\s+/g, ' ').trim();
}
