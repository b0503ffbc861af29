import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LocalizeController } from './localize-controller.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';

/** The host a confirmation renders into: an element with a render root to focus in. */
type ConfirmationHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The visible confirmation of a stored save (issue 21: success was only a 1x1 live region). It says
 * when it was saved and that the form now shows the stored state, sits where the form renders its
 * status (beside the save button, where the user works) and takes focus there, so a screen reader
 * reads it and keyboard users go on from the save bar instead of the top of the page. The next edit
 * clears it.
 */
export class SaveConfirmation implements ReactiveController {
  private savedAt: Date | undefined;
  private summary: string | undefined;

  constructor(
    private readonly host: ConfirmationHost,
    private readonly i18n: LocalizeController<MessageDictionary>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a confirmation shows. */
  get shown(): boolean {
    return this.savedAt !== undefined;
  }

  /** Shows the confirmation (with what was stored, if the form says) and moves focus to it. */
  async confirm(summary?: string): Promise<void> {
    this.savedAt = new Date();
    this.summary = summary;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="saved"]')?.focus();
  }

  /** Hides it (the user edits again). */
  clear(): void {
    if (!this.savedAt) return;
    this.savedAt = undefined;
    this.summary = undefined;
    this.host.requestUpdate();
  }

  render() {
    if (!this.savedAt) return nothing;
    const time = this.savedAt.toLocaleTimeString(this.i18n.lang, { hour: '2-digit', minute: '2-digit' });
    return html`<p part="saved" class="fk-saved" tabindex="-1">
      <span aria-hidden="true">✓</span> ${this.i18n.t('status.savedAt', { time })}${
        this.summary ? html` <span class="fk-saved__summary">${this.summary}</span>` : nothing
      }
    </p>`;
  }
}
