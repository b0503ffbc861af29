import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttonStyles, focusStyles, hostStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';

/** What a confirmation asks: the step in words, what follows from it, and the two buttons' labels. */
export interface ConfirmRequest {
  /** The question, e.g. "Fall wirklich abschließen?". */
  readonly heading: string;
  /** What happens and what cannot be undone, in plain words. */
  readonly body: string;
  /** Further lines (who is affected, what ends when). */
  readonly details?: readonly string[];
  /** The label of the button that carries out the step (names the step, never just "OK"). */
  readonly confirmLabel: string;
  /** The label of the button that goes back. */
  readonly cancelLabel: string;
}

/**
 * A confirmation before an irreversible step (handover, assignment, closure): a modal native
 * `<dialog>` (focus kept inside, Escape goes back, the page behind is inert) that names the step and
 * its consequences. Going back is the default: the cancel button has the focus when it opens.
 *
 * ```ts
 * const ok = await dialog.ask({ heading, body, confirmLabel, cancelLabel });
 * ```
 *
 * @tagname fk-confirm-dialog
 * @summary Modal confirmation before an irreversible step.
 * @csspart dialog - The `<dialog>`.
 * @csspart confirm - The button that carries out the step.
 * @csspart cancel - The button that goes back.
 */
export class FkConfirmDialog extends LitElement {
  static override styles = [
    hostStyles,
    focusStyles,
    buttonStyles,
    css`
      dialog {
        max-inline-size: min(34rem, calc(100vw - 2rem));
        padding: ${token('space-l')};
        border: ${token('border-width')} solid ${token('color-border')};
        border-radius: ${token('radius-m')};
        background: ${token('color-surface')};
        color: ${token('color-text')};
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      h2 {
        margin: 0 0 ${token('space-s')};
        font-size: ${token('font-size-l')};
      }
      .fk-button--danger {
        background: ${token('color-danger')};
        border-color: ${token('color-danger')};
        color: ${token('color-on-primary')};
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: ${token('space-xs')};
        margin-block-start: ${token('space-m')};
      }
    `,
  ];

  /** The request shown while open. */
  @state() private request?: ConfirmRequest;

  /** Whether the step is a dangerous one (the confirm button in the danger colour). */
  @property({ type: Boolean }) danger = true;

  private settle?: (confirmed: boolean) => void;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.renderRoot?.querySelector('dialog')?.open ?? false;
  }

  /** Opens the dialog; resolves `true` when the user confirms, `false` when they go back (button or Escape). */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this.settle?.(false);
    this.request = request;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (!dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="cancel"]')?.focus();
    return new Promise<boolean>((resolve) => (this.settle = resolve));
  }

  private close(confirmed: boolean): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    const settle = this.settle;
    this.settle = undefined;
    settle?.(confirmed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close(false);
  }

  override render() {
    const r = this.request;
    return html`<dialog
      part="dialog"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close(false);
      }}
    >
      ${
        r
          ? html`<h2 id="confirm-heading">${r.heading}</h2>
              <div id="confirm-body">
                <p>${r.body}</p>
                ${
                  r.details?.length
                    ? html`<ul>
                        ${r.details.map((d) => html`<li>${d}</li>`)}
                      </ul>`
                    : nothing
                }
              </div>
              <div class="actions">
                <button type="button" class="fk-button" part="cancel" @click=${() => this.close(false)}>
                  ${r.cancelLabel}
                </button>
                <button
                  type="button"
                  class="fk-button ${this.danger ? 'fk-button--danger' : 'fk-button--primary'}"
                  part="confirm"
                  @click=${() => this.close(true)}
                >
                  ${r.confirmLabel}
                </button>
              </div>`
          : nothing
      }
    </dialog>`;
  }
}
