import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { FkReorderEvent } from '../events/fk-reorder.js';

/** One entry of {@link FkReorderList}: a stable id and the label spoken on moves. */
export interface ReorderItem {
  readonly id: string;
  readonly label: string;
}

/** Detail of `fk-reorder`. */
export interface ReorderDetail {
  /** The ids in their new order. */
  readonly order: readonly string[];
  /** The moved item. */
  readonly id: string;
  readonly from: number;
  readonly to: number;
}

/**
 * An ordered list whose entries the user can move by keyboard alone (Alt + Arrow up/down while focus
 * is anywhere inside an entry) or with the up/down buttons; every move is announced in a live region
 * ("„Schuldnerberatung“ steht jetzt an Position 2 von 5."). Entry content comes from slots named
 * `item-<id>`; without one, the label shows.
 *
 * @tagname fk-reorder-list
 * @summary Keyboard-reorderable list (help-plan measures, goals).
 * @slot item-<id> - Content of the entry with that id (rendered in the form's own shadow root).
 * @event fk-reorder - After a move. `detail: { order, id, from, to }`. Bubbles, not composed.
 * @csspart list - The `<ol>`.
 * @csspart item - Each `<li>`.
 * @csspart position - The position number.
 * @csspart actions - The button group of an entry.
 * @csspart move-up - The "up" button.
 * @csspart move-down - The "down" button.
 * @csspart status - The live region.
 */
export class FkReorderList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: ${token('space-xs')};
      }
      li {
        display: grid;
        grid-template-columns: auto 1fr auto;
        align-items: center;
        gap: ${token('space-s')};
        padding: ${token('space-s')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-m')};
        background: ${token('color-surface')};
      }
      li:focus-within {
        border-color: ${token('color-primary')};
      }
      .position {
        min-inline-size: 1.75rem;
        font-weight: ${token('font-weight-strong')};
        color: ${token('color-text-muted')};
        font-variant-numeric: tabular-nums;
      }
      .content {
        min-inline-size: 0;
      }
      .actions {
        display: flex;
        gap: ${token('space-2xs')};
      }
      .instructions {
        margin: 0 0 ${token('space-xs')};
      }
      @media (max-width: 30rem) {
        li {
          grid-template-columns: auto 1fr;
        }
        .actions {
          grid-column: 1 / -1;
          justify-content: flex-end;
        }
      }
      @media (forced-colors: active) {
        li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The entries in their current order. */
  @property({ attribute: false }) items: readonly ReorderItem[] = [];
  /** Accessible name of the list. */
  @property() label = '';
  /** Shows the list without move controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Disables the move controls. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  private readonly i18n = new LocalizeController(this);
  private readonly announcer = new AnnouncerController(this);

  /** Moves the entry `id` by `delta` places; returns whether it moved. */
  async move(id: string, delta: number): Promise<boolean> {
    const from = this.items.findIndex((i) => i.id === id);
    if (from < 0) return false;
    const item = this.items[from]!;
    const to = from + delta;
    if (to < 0 || to >= this.items.length) {
      this.announcer.announce(this.i18n.t(to < 0 ? 'reorder.atTop' : 'reorder.atBottom', { item: item.label }));
      return false;
    }
    const focused = deepActiveElement();
    const next = [...this.items];
    next.splice(from, 1);
    next.splice(to, 0, item);
    this.items = next;
    this.dispatchEvent(new FkReorderEvent({ order: next.map((i) => i.id), id, from, to }));
    this.announcer.announce(this.i18n.t('reorder.moved', { item: item.label, position: to + 1, count: next.length }));
    await this.updateComplete;
    this.restoreFocus(focused, id, delta);
    return true;
  }

  // Moving DOM nodes drops focus; put it back where the user was, or on the other button at an end.
  private restoreFocus(focused: Element | null, id: string, delta: number): void {
    const root = this.shadowRoot!;
    if (focused instanceof HTMLButtonElement && root.contains(focused)) {
      const preferred = root.querySelector<HTMLButtonElement>(
        `li[data-id="${CSS.escape(id)}"] button[data-move="${delta < 0 ? 'up' : 'down'}"]`,
      );
      const other = root.querySelector<HTMLButtonElement>(
        `li[data-id="${CSS.escape(id)}"] button[data-move="${delta < 0 ? 'down' : 'up'}"]`,
      );
      (preferred && !preferred.disabled ? preferred : other)?.focus();
    } else if (focused instanceof HTMLElement && deepActiveElement() !== focused) {
      focused.focus();
    }
  }

  private onKeydown(event: KeyboardEvent, id: string): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (this.readonly || this.disabled) return;
    event.preventDefault();
    void this.move(id, event.key === 'ArrowUp' ? -1 : 1);
  }

  override render() {
    const count = this.items.length;
    const locked = this.readonly || this.disabled;
    return html`${
        locked || count < 2
          ? ''
          : html`<p id="instructions" class="fk-hint instructions">${this.i18n.t('reorder.instructions')}</p>`
      }
      <ol part="list" aria-label=${this.label}>
        ${repeat(
          this.items,
          (item) => item.id,
          (item, index) =>
            // An item renders again only when its label, place or the list's lock changed (200 measures:
            // a keystroke in one title re-renders one item).
            guard(
              [item.id, item.label, index, count, locked, this.i18n.lang],
              () =>
                html`<li part="item" data-id=${item.id} @keydown=${(e: KeyboardEvent) => this.onKeydown(e, item.id)}>
                  <span class="position" part="position" aria-hidden="true">${this.i18n.number(index + 1)}.</span>
                  <div class="content"><slot name=${`item-${item.id}`}>${item.label}</slot></div>
                  ${
                    locked || count < 2
                      ? ''
                      : html`<div class="actions" part="actions">
                          <button
                            type="button"
                            class="fk-button fk-button--icon"
                            part="move-up"
                            data-move="up"
                            aria-label=${this.i18n.t('reorder.moveUp', { item: item.label })}
                            aria-describedby="instructions"
                            aria-keyshortcuts="Alt+ArrowUp"
                            ?disabled=${index === 0}
                            @click=${() => this.move(item.id, -1)}
                          >
                            <span aria-hidden="true">↑</span>
                          </button>
                          <button
                            type="button"
                            class="fk-button fk-button--icon"
                            part="move-down"
                            data-move="down"
                            aria-label=${this.i18n.t('reorder.moveDown', { item: item.label })}
                            aria-describedby="instructions"
                            aria-keyshortcuts="Alt+ArrowDown"
                            ?disabled=${index === count - 1}
                            @click=${() => this.move(item.id, 1)}
                          >
                            <span aria-hidden="true">↓</span>
                          </button>
                        </div>`
                  }
                </li>`,
            ),
        )}
      </ol>
      ${count === 0 ? html`<p class="fk-hint">${this.i18n.t('reorder.empty')}</p>` : ''} ${this.announcer.render()}`;
  }
}

function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
