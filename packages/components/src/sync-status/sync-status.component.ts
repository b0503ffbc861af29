import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Unsubscribable } from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import type { SyncStatusSource, SyncStatusView } from './sync-status-port.js';
import { syncStatusMessages } from './sync-status.messages.js';
import { syncStatusStyles } from './sync-status.styles.js';

/**
 * Tells the person how this device stands with the server: online or offline, how many changes wait,
 * how many conflicts wait for a decision, when it last synced, the last error in words (German and
 * English, as the sync client gives it), and what the server refused for good (a document's content, entries
 * of the device's access log), which no retry brings through, until the person marks it read. A live region (`role="status"`) announces changes politely.
 *
 * Give it `source` (the sync client: `createSyncClient(...)` from `@fallkit/sync`) or, standalone, the
 * `status` itself. With a source that can sync, a button starts a round now.
 *
 * @tagname fk-sync-status
 * @summary The device's sync state: online/offline, pending changes, last synced, the error in words.
 *
 * @csspart status - The block around everything.
 * @csspart error - The error line.
 * @csspart sync-now - The "sync now" button.
 * @csspart set-aside - The list of uploads the server refused for good.
 * @csspart acknowledge - The "read" button of that list.
 */
export class FkSyncStatus extends LitElement {
  static override styles = [sharedStyles, syncStatusStyles];

  /** The sync client (or anything with a live `status`). */
  @property({ attribute: false }) source?: SyncStatusSource;

  /** The state to show (standalone); with a `source`, its live state wins. */
  @property({ attribute: false }) status: SyncStatusView = { online: true, pending: 0 };

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private live?: SyncStatusView;
  @state() private starting = false;

  private readonly i18n = new LocalizeController(this, {
    catalog: syncStatusMessages,
    overrides: () => this.messages,
  });
  #subscription: Unsubscribable | undefined;

  /** The state shown now. */
  get shown(): SyncStatusView {
    return this.live ?? this.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') && this.isConnected) this.#subscribe();
  }

  #subscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.live = undefined;
    if (this.source === undefined) return;
    this.#subscription = this.source.status.subscribe((value) => {
      this.live = value;
    });
  }

  async #syncNow(): Promise<void> {
    if (this.source?.syncNow === undefined) return;
    this.starting = true;
    try {
      await this.source.syncNow();
    } finally {
      this.starting = false;
    }
  }

  #acknowledge(): void {
    this.source?.acknowledgeSetAside?.();
  }

  #count(prefix: 'syncStatus.pending' | 'syncStatus.conflicts' | 'syncStatus.setAside', count: number): string {
    if (count === 1) return this.i18n.t(`${prefix}.one`);
    return this.i18n.t(`${prefix}.many`, { count: this.i18n.number(count) });
  }

  /** Outside the live region: the list is announced once by its count, not re-read on every status change. */
  #renderSetAside(s: SyncStatusView) {
    const refused = s.setAside ?? [];
    if (refused.length === 0) return nothing;
    return html`<div class="set-aside" part="set-aside">
      <p class="error">${this.#count('syncStatus.setAside', refused.length)}</p>
      <ul>
        ${refused.map((r) => html`<li data-code=${r.code}>${this.i18n.text(r.message)}</li>`)}
      </ul>
      <p class="muted">${this.i18n.t('syncStatus.setAside.hint')}</p>
      ${
        this.source?.acknowledgeSetAside
          ? html`<button class="fk-button" part="acknowledge" type="button" @click=${this.#acknowledge}>
              ${this.i18n.t('syncStatus.acknowledge')}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const s = this.shown;
    const t = (key: keyof (typeof syncStatusMessages)['de']) => this.i18n.t(key);
    const busy = s.syncing === true || this.starting;
    return html`<section part="status" aria-label=${t('syncStatus.label')}>
      <div role="status" aria-live="polite">
        <p class="state" data-online=${String(s.online)}>
          ${busy ? t('syncStatus.syncing') : s.online ? t('syncStatus.online') : t('syncStatus.offline')}
        </p>
        <p>${s.pending === 0 ? t('syncStatus.pending.none') : this.#count('syncStatus.pending', s.pending)}</p>
        ${s.conflicts ? html`<p>${this.#count('syncStatus.conflicts', s.conflicts)}</p>` : nothing}
        ${
          s.progress && s.progress.done < s.progress.total
            ? html`<p class="muted">
                ${this.i18n.t('syncStatus.progress', {
                  done: this.i18n.number(s.progress.done),
                  total: this.i18n.number(s.progress.total),
                })}
              </p>`
            : nothing
        }
        <p class="muted">
          ${
            s.lastSyncedAt
              ? this.i18n.t('syncStatus.lastSynced', { time: this.i18n.dateTime(s.lastSyncedAt) })
              : t('syncStatus.neverSynced')
          }
        </p>
        ${
          s.error
            ? html`<p class="error" part="error">${t('syncStatus.error')} ${this.i18n.text(s.error.message)}</p>`
            : nothing
        }
      </div>
      ${this.#renderSetAside(s)}
      ${
        this.source?.syncNow
          ? html`<button class="fk-button" part="sync-now" type="button" ?disabled=${busy} @click=${this.#syncNow}>
              ${t('syncStatus.syncNow')}
            </button>`
          : nothing
      }
    </section>`;
  }
}
