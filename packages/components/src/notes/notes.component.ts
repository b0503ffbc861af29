import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  NOTE_MAX,
  isCaseWorkRole,
  isRedactionMarker,
  type CaseCommand,
  type DataCategory,
  type Notice,
} from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import { FkChangeEvent } from '../events/fk-change.js';
import { FkRefusedEvent } from '../events/fk-refused.js';
import { FkSavedEvent } from '../events/fk-saved.js';
import { FkSubmitEvent } from '../events/fk-submit.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { notesMessages } from './notes.messages.js';
import { notesStyles } from './notes.styles.js';
import {
  EMPTY_DRAFT,
  newestFirst,
  noteInput,
  shown,
  type NoteDraft,
  type NoteEntry,
  type RecordNoteInput,
} from './notes.model.js';
import { statusLine, type NoteDraftError, type NotesView } from './notes.view.js';
import { noteList } from './note-list.view.js';
import { noteForm } from './note-form.view.js';

export { NOTE_FORM_CATEGORIES, noteInput } from './notes.model.js';
export type { NoteDraft, NoteEntry, RecordNoteInput } from './notes.model.js';

/**
 * The notes of a case (Aktenvermerke): lists them newest first with author and date in the page's
 * language, and writes a new one through the core's `recordNote`.
 *
 * Standalone, the host hands the notes in (`notes`) and handles `fk-submit`, whose detail is the
 * validated `recordNote` input. Inside `<fk-case-provider>` the notes come only from the data-protected
 * view the port pushes: a note withheld from the actor is a redaction marker, listed as "ausgeblendet"
 * with the plain reason, never with its text (DP-24); a note whose very existence is protected (entrusted,
 * § 65 SGB VIII) is not in the view at all. Saving goes through the port's `executeBatch` with one
 * `commandId` per user save (a retry stores nothing twice); the core's DP-03 free-text notices come back
 * as a hint. Roles that do no case work see no write form (the core decides every write anyway, DP-40).
 *
 * @tagname fk-notes
 * @summary The notes (Vermerke) of a case: newest first, with a form to write one.
 *
 * @event change - The draft changed; `detail` is `{ value, valid }` (also as `fk-change`).
 * @event fk-change - The draft changed (typed: `FkChangeEvent<NoteDraft>`).
 * @event fk-submit - A valid note is to be saved; `detail` is the `recordNote` input. Cancel it to stop the connected save.
 * @event fk-saved - The connected save succeeded; `detail` is the service's result value.
 * @event fk-refused - The connected save was refused; `detail` is `{ errors, value }`, the draft stays.
 *
 * @csspart list - The list of notes.
 * @csspart note - One listed note.
 * @csspart withheld - The marker of a withheld note.
 * @csspart form - The write form.
 * @csspart hint - The data-protection hint (DP-03).
 * @csspart submit - The save button.
 */
export class FkNotes extends LitElement {
  static override styles = [sharedStyles, notesStyles];

  /** The notes to list (standalone); connected, the provider's view wins. */
  @property({ attribute: false }) notes: readonly NoteEntry[] = [];

  /** The draft of the write form. */
  @property({ attribute: false }) value: NoteDraft = EMPTY_DRAFT;

  /** Hides the write form (a viewer). Connected, roles without case work are read-only too. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Display names of authors by actor id; the id is shown for anyone not named. */
  @property({ attribute: false }) authors: Readonly<Record<string, string>> = {};

  /** DP-03 notices to show as a hint (standalone; connected, the last save's notices). */
  @property({ attribute: false }) notices: readonly Notice[] = [];

  /** The case to work on; the provider's case id if absent. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private error?: NoteDraftError;
  @state() private saved = false;

  private readonly i18n = new LocalizeController(this, { catalog: notesMessages, overrides: () => this.messages });
  private readonly connection = new CaseConnectionController<ConnectedCaseView, CaseCommand>(this, {
    caseId: () => this.caseId,
  });
  /** One id per user save: kept while the same draft is retried, new once the draft changes. */
  private saveAttempt: { readonly key: string; readonly commandId: string } | undefined;

  /** The notes listed now, newest first. */
  get listed(): readonly NoteEntry[] {
    const view = this.connection.connected ? this.connection.view : undefined;
    const source = (view?.notes as readonly NoteEntry[] | undefined) ?? (this.connection.connected ? [] : this.notes);
    return [...source].sort(newestFirst);
  }

  /** Whether the write form is shown. */
  get writable(): boolean {
    if (this.readonly) return false;
    if (!this.connection.connected) return true;
    const actor = this.connection.request?.actor;
    return this.connection.status === 'ready' && actor !== undefined && isCaseWorkRole(actor.role);
  }

  /** Validates the draft, fires `fk-submit` and, connected and not cancelled, saves it. */
  async requestSubmit(): Promise<boolean> {
    const text = this.value.text.trim();
    this.error =
      text === ''
        ? 'required'
        : text.length > NOTE_MAX
          ? 'tooLong'
          : this.value.entrusted && this.value.entrustedBy.trim() === ''
            ? 'entrustedBy'
            : undefined;
    if (this.error) {
      await this.updateComplete;
      const first = this.error === 'entrustedBy' ? '#entrusted-by' : 'textarea';
      this.renderRoot.querySelector<HTMLElement>(first)?.focus();
      return false;
    }
    const input = noteInput(this.value);
    const submit = new FkSubmitEvent<RecordNoteInput>(input);
    this.dispatchEvent(submit);
    if (submit.defaultPrevented || !this.connection.connected) return !submit.defaultPrevented;
    const caseId = this.connection.caseId;
    if (caseId === undefined) return false;
    const key = JSON.stringify([caseId, input]);
    if (this.saveAttempt?.key !== key) this.saveAttempt = { key, commandId: this.connection.newCommandId() };
    const result = await this.connection.executeBatch([{ type: 'recordNote', caseId, input } as CaseCommand], {
      commandId: this.saveAttempt.commandId,
    });
    if (!result.ok) {
      this.dispatchEvent(new FkRefusedEvent<NoteDraft>({ errors: result.errors, value: this.value }));
      return false;
    }
    this.saveAttempt = undefined;
    this.notices = result.notices ?? [];
    this.value = EMPTY_DRAFT;
    this.saved = true;
    this.dispatchEvent(new FkSavedEvent(result.value));
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== EMPTY_DRAFT) this.saved = false;
  }

  private edit(patch: Partial<NoteDraft>): void {
    this.value = { ...this.value, ...patch };
    if (this.error === 'required' && this.value.text.trim() !== '') this.error = undefined;
    if (this.error === 'entrustedBy' && (!this.value.entrusted || this.value.entrustedBy.trim() !== '')) {
      this.error = undefined;
    }
    this.connection.clearRefusals();
    const detail = { value: this.value, valid: this.value.text.trim() !== '' && this.value.text.length <= NOTE_MAX };
    this.dispatchEvent(new CustomEvent('change', { detail, bubbles: true, composed: true }));
    this.dispatchEvent(new FkChangeEvent<NoteDraft>(detail));
  }

  private toggleCategory(category: DataCategory, on: boolean): void {
    const rest = this.value.categories.filter((c) => c !== category);
    this.edit({ categories: on ? [...rest, category] : rest });
  }

  private author(id: string | undefined): string {
    if (id === undefined) return this.i18n.t('notes.withheld');
    const own = this.connection.request?.actor;
    return this.authors[id] ?? (own?.id === id ? own.name : undefined) ?? this.caseManagerName(id) ?? id;
  }

  /** The name the case's assignments give a worker, where the view shows it. */
  private caseManagerName(id: string): string | undefined {
    const managers = this.connection.connected ? this.connection.view?.caseManagers : undefined;
    for (const m of managers ?? []) {
      if (isRedactionMarker(m) || m.userId !== id) continue;
      const name = shown(m.name);
      if (name !== undefined) return name;
    }
    return undefined;
  }

  private categoryLabel(category: DataCategory): string {
    const key = `notes.category.${category}`;
    return this.i18n.has(key) ? this.i18n.t(key as 'notes.category.notes') : category;
  }

  /** What the views read and may do (see {@link NotesView}). */
  private view(): NotesView {
    const connection = this.connection;
    return {
      t: this.i18n,
      status: connection.status,
      caseView: connection.connected ? connection.view : undefined,
      writable: this.writable,
      connected: connection.connected,
      draft: this.value,
      error: this.error,
      pending: connection.pending,
      refusals: connection.refusals,
      notices: connection.connected && connection.notices.length > 0 ? connection.notices : this.notices,
      saved: this.saved,
      author: (id) => this.author(id),
      categoryLabel: (category) => this.categoryLabel(category),
      edit: (patch) => this.edit(patch),
      toggleCategory: (category, on) => this.toggleCategory(category, on),
      submit: () => void this.requestSubmit(),
    };
  }

  override render() {
    const v = this.view();
    const status = this.connection.connected ? this.connection.status : 'ready';
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.i18n.t('notes.title')}</h2>
      <p class="lead">${this.i18n.t('notes.lead')}</p>
      ${statusLine(v)} ${status === 'ready' ? noteList(v, this.listed) : nothing} ${noteForm(v)}
    </section>`;
  }
}
