import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocalizedText, Unsubscribable } from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import { FkSubmitEvent } from '../events/fk-submit.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import type { SyncConflictEventView, SyncConflictView, SyncConflictsSource } from './sync-conflicts-port.js';
import { syncConflictsMessages } from './sync-conflicts.messages.js';
import { syncConflictsStyles } from './sync-conflicts.styles.js';

/** At most this many fields are listed per command or event (the rest is summarised by the count). */
const MAX_FIELDS = 12;
/** Longer texts are cut in the comparison (the whole text is in the case). */
const MAX_TEXT = 400;

/** One line of a comparison: where in the input or payload, and the value in words. */
interface FieldLine {
  readonly label: string;
  readonly value: string;
}

/** The leaf values of a command input or event payload, labelled by their path (`changes › title`). */
export function fieldLines(value: unknown, path: readonly string[] = [], out: FieldLine[] = []): FieldLine[] {
  if (out.length >= MAX_FIELDS) return out;
  if (value === null || value === undefined) return out;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value);
    out.push({
      label: path.join(' › ') || '–',
      value: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)} …` : text,
    });
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => fieldLines(item, [...path, String(i + 1)], out));
    return out;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) fieldLines(item, [...path, key], out);
  }
  return out;
}

/** The `fk-submit` detail of `<fk-sync-conflicts>`: the person's decision on one conflict. */
export type SyncConflictDecision =
  | { readonly action: 'reapply'; readonly conflictId: string }
  | { readonly action: 'discard'; readonly conflictId: string; readonly reason: string };

/**
 * The conflicts of this device's sync, each side by side: mine (the own change as decided here),
 * theirs (what another writer changed since, as the server lets this actor see it) or the server's
 * refusal, and what to do: apply mine again on top of theirs, or discard mine with a reason (recorded).
 * Nothing is resolved without a person; a conflict stays listed until then.
 *
 * Give it `source` (the sync client: `createSyncClient(...)` from `@fallkit/sync`) or, standalone, the
 * `conflicts` and handle `fk-submit`. Each decision fires `fk-submit` first; cancel it to stop the
 * source from carrying it out.
 *
 * @tagname fk-sync-conflicts
 * @summary Sync conflicts side by side (mine, theirs), to re-apply or discard with a reason.
 *
 * @event fk-submit - A decision: `detail` is `{ action: 'reapply', conflictId }` or `{ action: 'discard', conflictId, reason }`. Cancel it to stop the source.
 *
 * @csspart conflict - One conflict.
 * @csspart mine - The own side.
 * @csspart theirs - The other side (or the server's answer).
 * @csspart actions - The buttons of one conflict.
 */
export class FkSyncConflicts extends LitElement {
  static override styles = [sharedStyles, syncConflictsStyles];

  /** The sync client (or anything with live `conflicts`, `reapply` and `discard`). */
  @property({ attribute: false }) source?: SyncConflictsSource;

  /** The conflicts to show (standalone); with a `source`, its live list wins. */
  @property({ attribute: false }) conflicts: readonly SyncConflictView[] = [];

  /** Display names for command and event types (`{ recordNote: 'Vermerk' }`); the type itself otherwise. */
  @property({ attribute: false }) typeLabels: Readonly<Record<string, string>> = {};

  /** Display names of authors by actor id. */
  @property({ attribute: false }) authors: Readonly<Record<string, string>> = {};

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private live?: readonly SyncConflictView[];
  /** The conflict whose discard form is open. */
  @state() private discarding?: string;
  @state() private reason = '';
  @state() private reasonMissing = false;
  @state() private busy?: string;
  @state() private failure?: { readonly id: string; readonly messages: readonly LocalizedText[] };

  private readonly i18n = new LocalizeController(this, {
    catalog: syncConflictsMessages,
    overrides: () => this.messages,
  });
  #subscription: Unsubscribable | undefined;

  /** The conflicts listed now. */
  get listed(): readonly SyncConflictView[] {
    return this.live ?? this.conflicts;
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
    this.#subscription = this.source.conflicts.subscribe((list) => {
      this.live = list;
    });
  }

  /** Re-applies mine on top of theirs (through the source, or as an event standalone). */
  async reapply(conflictId: string): Promise<boolean> {
    const submit = new FkSubmitEvent<SyncConflictDecision>({ action: 'reapply', conflictId });
    this.dispatchEvent(submit);
    if (submit.defaultPrevented) return false;
    if (this.source === undefined) return true;
    return this.#run(conflictId, () => this.source!.reapply(conflictId));
  }

  /** Discards mine with the reason typed into the open form; refuses an empty reason. */
  async confirmDiscard(conflictId: string): Promise<boolean> {
    const reason = this.reason.trim();
    if (reason === '') {
      this.reasonMissing = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return false;
    }
    const submit = new FkSubmitEvent<SyncConflictDecision>({ action: 'discard', conflictId, reason });
    this.dispatchEvent(submit);
    if (submit.defaultPrevented) return false;
    if (this.source === undefined) {
      this.#closeDiscard();
      return true;
    }
    const done = await this.#run(conflictId, () => this.source!.discard(conflictId, reason));
    if (done) this.#closeDiscard();
    return done;
  }

  async #run(
    conflictId: string,
    work: () => Promise<{ ok: boolean; errors?: readonly { message: LocalizedText }[] }>,
  ): Promise<boolean> {
    this.busy = conflictId;
    this.failure = undefined;
    try {
      const result = await work();
      if (!result.ok) {
        this.failure = { id: conflictId, messages: (result.errors ?? []).map((e) => e.message) };
        return false;
      }
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
      return true;
    } finally {
      this.busy = undefined;
    }
  }

  async #openDiscard(conflictId: string): Promise<void> {
    this.discarding = conflictId;
    this.reason = '';
    this.reasonMissing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  #closeDiscard(): void {
    const id = this.discarding;
    this.discarding = undefined;
    this.reason = '';
    this.reasonMissing = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-discard="${CSS.escape(id ?? '')}"]`)?.focus(),
    );
  }

  #label(type: string): string {
    return this.typeLabels[type] ?? type;
  }

  #fields(lines: readonly FieldLine[]) {
    if (lines.length === 0) return nothing;
    return html`<dl>
      ${lines.map(
        (line) =>
          html`<dt>${line.label}</dt>
            <dd>${line.value}</dd>`,
      )}
    </dl>`;
  }

  #mine(conflict: SyncConflictView) {
    return html`<div class="side" role="group" part="mine" aria-labelledby="mine-${conflict.id}">
      <h4 id="mine-${conflict.id}">${this.i18n.t('syncConflicts.mine')}</h4>
      <ul class="entries">
        ${conflict.mine.commands.map((command) => {
          const c = (command ?? {}) as { type?: unknown; input?: unknown };
          return html`<li>
            <strong>${this.#label(typeof c.type === 'string' ? c.type : '–')}</strong
            >${this.#fields(fieldLines(c.input))}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #event(event: SyncConflictEventView) {
    if (event.hidden === true || event.type === undefined)
      return html`<li><p class="muted">${this.i18n.t('syncConflicts.hiddenEvent')}</p></li>`;
    const author = event.actor ? (this.authors[event.actor.id] ?? event.actor.name ?? event.actor.id) : '–';
    return html`<li>
      <strong>${this.#label(event.type)}</strong>
      <p class="muted">
        ${this.i18n.t('syncConflicts.by', { time: event.at ? this.i18n.dateTime(event.at) : '–', author })}
      </p>
      ${
        event.payload === undefined
          ? html`<p class="muted">${this.i18n.t('syncConflicts.withheld')}</p>`
          : this.#fields(fieldLines(event.payload))
      }
    </li>`;
  }

  #theirs(conflict: SyncConflictView) {
    const refused = conflict.kind === 'refused';
    const heading = refused ? this.i18n.t('syncConflicts.server') : this.i18n.t('syncConflicts.theirs');
    return html`<div class="side" role="group" part="theirs" aria-labelledby="theirs-${conflict.id}">
      <h4 id="theirs-${conflict.id}">${heading}</h4>
      ${
        conflict.errors.length > 0
          ? html`<ul class="entries">
              ${conflict.errors.map((e) => html`<li>${this.i18n.text(e.message)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        refused
          ? nothing
          : conflict.theirs.length === 0
            ? html`<p class="muted">${this.i18n.t('syncConflicts.theirsNone')}</p>`
            : html`<ul class="entries">
                ${conflict.theirs.map((event) => this.#event(event))}
              </ul>`
      }
    </div>`;
  }

  #actions(conflict: SyncConflictView) {
    const busy = this.busy === conflict.id;
    const open = this.discarding === conflict.id;
    const failure = this.failure?.id === conflict.id ? this.failure : undefined;
    return html`<div part="actions">
      <h4>${this.i18n.t('syncConflicts.todo')}</h4>
      <div class="actions">
        <button
          class="fk-button fk-button--primary"
          type="button"
          ?disabled=${busy}
          @click=${() => void this.reapply(conflict.id)}
        >
          ${this.i18n.t('syncConflicts.reapply')}
        </button>
        ${
          open
            ? nothing
            : html`<button
                class="fk-button"
                type="button"
                data-discard=${conflict.id}
                ?disabled=${busy}
                @click=${() => void this.#openDiscard(conflict.id)}
              >
                ${this.i18n.t('syncConflicts.discard')}
              </button>`
        }
        ${open ? this.#discardForm(conflict, busy) : nothing}
      </div>
      ${
        failure
          ? html`<p class="error" role="alert">
              ${this.i18n.t('syncConflicts.refused')} ${failure.messages.map((m) => this.i18n.text(m)).join(' ')}
            </p>`
          : nothing
      }
    </div>`;
  }

  #discardForm(conflict: SyncConflictView, busy: boolean) {
    const id = `reason-${conflict.id}`;
    return html`<form
      class="discard"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.confirmDiscard(conflict.id);
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') this.#closeDiscard();
      }}
    >
      <label for=${id}>${this.i18n.t('syncConflicts.reason')}</label>
      <textarea
        id=${id}
        required
        aria-describedby="${id}-hint${this.reasonMissing ? ` ${id}-error` : ''}"
        aria-invalid=${this.reasonMissing ? 'true' : 'false'}
        .value=${this.reason}
        @input=${(event: Event) => {
          this.reason = (event.target as HTMLTextAreaElement).value;
          if (this.reason.trim() !== '') this.reasonMissing = false;
        }}
      ></textarea>
      <p id="${id}-hint" class="muted">${this.i18n.t('syncConflicts.reasonHint')}</p>
      ${
        this.reasonMissing
          ? html`<p id="${id}-error" class="error">${this.i18n.t('syncConflicts.reasonRequired')}</p>`
          : nothing
      }
      <div class="actions">
        <button class="fk-button fk-button--primary" type="submit" ?disabled=${busy}>
          ${this.i18n.t('syncConflicts.confirmDiscard')}
        </button>
        <button class="fk-button" type="button" @click=${() => this.#closeDiscard()}>
          ${this.i18n.t('syncConflicts.cancel')}
        </button>
      </div>
    </form>`;
  }

  protected override render() {
    const list = this.listed;
    return html`<h2 tabindex="-1">${this.i18n.t('syncConflicts.title')}</h2>
      ${
        list.length === 0
          ? html`<p class="muted">${this.i18n.t('syncConflicts.empty')}</p>`
          : html`<p class="lead">${this.i18n.t('syncConflicts.lead')}</p>
              <ol class="conflicts">
                ${list.map(
                  (conflict) =>
                    html`<li>
                      <article part="conflict" aria-labelledby="case-${conflict.id}">
                        <h3 id="case-${conflict.id}">
                          ${this.i18n.t('syncConflicts.case', { caseId: conflict.caseId })}
                        </h3>
                        <p>
                          ${this.i18n.t(
                            conflict.kind === 'conflict' ? 'syncConflicts.kind.conflict' : 'syncConflicts.kind.refused',
                          )}
                          <span class="muted">${this.i18n.dateTime(conflict.createdAt)}</span>
                        </p>
                        <div class="sides">${this.#mine(conflict)} ${this.#theirs(conflict)}</div>
                        ${this.#actions(conflict)}
                      </article>
                    </li>`,
                )}
              </ol>`
      }`;
  }
}
