import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  NOTE_MAX,
  isCaseWorkRole,
  isRedactionMarker,
  type CaseCommand,
  type CaseCommandInput,
  type DataCategory,
  type Note,
  type Notice,
  type RedactionMarker,
  type Refusal,
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
import { relatesToLine } from '../shared/item-ref.js';

/** A value as the data-protected view hands it: the value, or the marker that stands in its place. */
type Shown<T> = T | RedactionMarker;

/**
 * One note as the element lists it: a note of the case, a note whose fields the view replaced by
 * markers, or a whole-item marker (DP-24). The element never reads a withheld note's text: there is none.
 */
export type NoteEntry = { readonly [K in keyof Note]: Shown<Note[K]> } | RedactionMarker;

/** The input of the core's `recordNote` command. */
export type RecordNoteInput = CaseCommandInput<'recordNote'>;

/** What the write form holds while the user types. */
export interface NoteDraft {
  readonly text: string;
  /** The day the note is about (`YYYY-MM-DD`); the core's "today" if empty. */
  readonly on: string;
  /** Data categories beyond `notes` (which every note carries). */
  readonly categories: readonly DataCategory[];
  /** Entrusted for personal help (§ 65 SGB VIII). */
  readonly entrusted: boolean;
  /** Who entrusted it, when `entrusted`. */
  readonly entrustedBy: string;
  /** About a third person (child, partner, relative). */
  readonly thirdParty: boolean;
}

/** The categories the form offers besides `notes`: those a note most often holds. */
export const NOTE_FORM_CATEGORIES: readonly DataCategory[] = [
  'health',
  'addiction',
  'disability',
  'religion',
  'offences',
  'household',
  'income',
  'debts',
  'housing',
];

const EMPTY_DRAFT: NoteDraft = {
  text: '',
  on: '',
  categories: [],
  entrusted: false,
  entrustedBy: '',
  thirdParty: false,
};

/** The `recordNote` input of a draft: `notes` always among the categories (the note kind's own). */
export function noteInput(draft: NoteDraft): RecordNoteInput {
  const categories: DataCategory[] = ['notes', ...draft.categories.filter((c) => c !== 'notes')];
  return {
    text: draft.text.trim(),
    categories,
    ...(draft.on === '' ? {} : { on: draft.on }),
    ...(draft.entrusted ? { entrusted: true } : {}),
    ...(draft.entrusted && draft.entrustedBy.trim() !== '' ? { entrustedBy: draft.entrustedBy.trim() } : {}),
    ...(draft.thirdParty ? { thirdParty: true } : {}),
  };
}

function shown<T>(value: Shown<T> | undefined): T | undefined {
  return value === undefined || isRedactionMarker(value) ? undefined : value;
}

/** Newest first: by the day the note is about, then by when it was recorded. */
function newestFirst(a: NoteEntry, b: NoteEntry): number {
  const key = (n: NoteEntry): string =>
    isRedactionMarker(n) ? '' : `${shown(n.on) ?? ''}|${shown(n.recordedAt) ?? ''}`;
  return key(b).localeCompare(key(a));
}

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

  @state() private error?: 'required' | 'tooLong' | 'entrustedBy';
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

  private withheld(marker: RedactionMarker) {
    return html`<p class="withheld" part="withheld">
      ${this.i18n.t('notes.withheldReason', { reason: this.i18n.text(marker.message) })}
    </p>`;
  }

  private renderNote(note: NoteEntry) {
    if (isRedactionMarker(note)) {
      return html`<li part="note" data-withheld>${this.withheld(note)}</li>`;
    }
    const on = shown(note.on);
    const categories = shown(note.categories);
    return html`<li part="note" ?data-withheld=${isRedactionMarker(note.text)}>
      <p class="meta">
        ${this.i18n.t('notes.meta', {
          date: on === undefined ? this.i18n.t('notes.withheld') : this.i18n.date(on),
          author: this.author(shown(note.recordedBy)),
        })}
      </p>
      ${isRedactionMarker(note.text) ? this.withheld(note.text) : html`<p class="text">${note.text}</p>`}
      ${relatesToLine(this.i18n, shown(note.relatesTo), this.connection.connected ? this.connection.view : undefined)}
      ${
        categories && categories.some((c) => c !== 'notes')
          ? html`<p class="meta">
              ${this.i18n.t('notes.categories', {
                list: this.i18n.list(categories.map((c) => this.categoryLabel(c))),
              })}
            </p>`
          : nothing
      }
    </li>`;
  }

  private categoryLabel(category: DataCategory): string {
    const key = `notes.category.${category}`;
    return this.i18n.has(key) ? this.i18n.t(key as 'notes.category.notes') : category;
  }

  private renderStatus() {
    const status = this.connection.status;
    if (status === 'loading') return html`<p class="fk-status" role="status">${this.i18n.t('notes.loading')}</p>`;
    if (status === 'not-found') return html`<p class="fk-status" role="status">${this.i18n.t('notes.notFound')}</p>`;
    if (status === 'denied') {
      return html`<div class="fk-refusals" role="alert">
        <p>${this.i18n.t('notes.denied')}</p>
        ${this.renderRefusalList(this.connection.refusals)}
      </div>`;
    }
    return nothing;
  }

  private renderRefusalList(refusals: readonly Refusal[]) {
    return html`<ul>
      ${refusals.map((r) => html`<li>${this.i18n.text(r.message)}</li>`)}
    </ul>`;
  }

  private renderHint() {
    const notices =
      this.connection.connected && this.connection.notices.length > 0 ? this.connection.notices : this.notices;
    if (notices.length === 0) return nothing;
    return html`<div class="hint fk-feedback fk-feedback--warning" part="hint" role="status">
      <p><strong>${this.i18n.t('notes.hint.title')}</strong></p>
      <ul>
        ${notices.map((n) => html`<li>${this.i18n.text(n.message)}</li>`)}
      </ul>
    </div>`;
  }

  private renderForm() {
    if (!this.writable) {
      return this.connection.status === 'ready' || !this.connection.connected
        ? html`<p class="fk-hint">${this.i18n.t('notes.readOnly')}</p>`
        : nothing;
    }
    const draft = this.value;
    const pending = this.connection.pending;
    const refusals = this.connection.refusals;
    const entrustedByError = this.error === 'entrustedBy' ? this.i18n.t('notes.form.entrustedByRequired') : undefined;
    const errorText =
      this.error === 'required'
        ? this.i18n.t('notes.form.textRequired')
        : this.error === 'tooLong'
          ? this.i18n.t('notes.form.textTooLong', { max: NOTE_MAX })
          : undefined;
    return html`<form
      part="form"
      aria-labelledby="form-title"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.requestSubmit();
      }}
    >
      <h3 id="form-title">${this.i18n.t('notes.form.title')}</h3>
      <div class="fk-field">
        <label class="fk-label" for="text">${this.i18n.t('notes.form.text')}</label>
        <p class="fk-hint" id="text-hint">${this.i18n.t('notes.form.textHint')}</p>
        <textarea
          id="text"
          class="fk-control"
          maxlength=${NOTE_MAX}
          aria-describedby=${errorText ? 'text-hint text-error' : 'text-hint'}
          aria-invalid=${errorText ? 'true' : 'false'}
          aria-required="true"
          .value=${draft.text}
          @input=${(e: Event) => this.edit({ text: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${errorText ? html`<p class="fk-feedback fk-feedback--error error" id="text-error">${errorText}</p>` : nothing}
      </div>
      <fk-date-field
        id="on"
        label=${this.i18n.t('notes.form.on')}
        .value=${draft.on}
        @input=${(e: Event) => this.edit({ on: (e.target as HTMLInputElement).value })}
        @change=${(e: Event) => this.edit({ on: (e.target as HTMLInputElement).value })}
      ></fk-date-field>
      <fieldset aria-describedby="categories-hint">
        <legend>${this.i18n.t('notes.form.categories')}</legend>
        <p class="fk-hint" id="categories-hint">${this.i18n.t('notes.form.categoriesHint')}</p>
        ${NOTE_FORM_CATEGORIES.map(
          (c) =>
            html`<label
              ><input
                type="checkbox"
                name="category"
                value=${c}
                .checked=${draft.categories.includes(c)}
                @change=${(e: Event) => this.toggleCategory(c, (e.target as HTMLInputElement).checked)}
              />${this.categoryLabel(c)}</label
            >`,
        )}
      </fieldset>
      <fieldset>
        <legend>${this.i18n.t('notes.form.flags')}</legend>
        <label
          ><input
            type="checkbox"
            name="entrusted"
            .checked=${draft.entrusted}
            @change=${(e: Event) => this.edit({ entrusted: (e.target as HTMLInputElement).checked })}
          />${this.i18n.t('notes.form.entrusted')}</label
        >
        <label
          ><input
            type="checkbox"
            name="thirdParty"
            .checked=${draft.thirdParty}
            @change=${(e: Event) => this.edit({ thirdParty: (e.target as HTMLInputElement).checked })}
          />${this.i18n.t('notes.form.thirdParty')}</label
        >
        ${
          draft.entrusted
            ? html`<div class="fk-field">
                <label class="fk-label" for="entrusted-by">${this.i18n.t('notes.form.entrustedBy')}</label>
                <input
                  id="entrusted-by"
                  type="text"
                  class="fk-control"
                  aria-required="true"
                  aria-invalid=${entrustedByError ? 'true' : 'false'}
                  aria-describedby=${entrustedByError ? 'entrusted-by-error' : nothing}
                  .value=${draft.entrustedBy}
                  @input=${(e: Event) => this.edit({ entrustedBy: (e.target as HTMLInputElement).value })}
                />
                ${
                  entrustedByError
                    ? html`<p class="fk-feedback fk-feedback--error error" id="entrusted-by-error">
                        ${entrustedByError}
                      </p>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </fieldset>
      ${
        refusals.length > 0 && this.connection.status === 'ready'
          ? html`<div class="fk-refusals refusal" role="alert">
              <p>${this.i18n.t('notes.form.refused')}</p>
              ${this.renderRefusalList(refusals)}
            </div>`
          : nothing
      }
      ${this.renderHint()}
      <p role="status">${this.saved ? this.i18n.t('notes.form.saved') : nothing}</p>
      <div>
        <button class="fk-button fk-button--primary" part="submit" type="submit" ?disabled=${pending}>
          ${pending ? this.i18n.t('notes.form.saving') : this.i18n.t('notes.form.submit')}
        </button>
      </div>
    </form>`;
  }

  override render() {
    const listed = this.listed;
    const status = this.connection.connected ? this.connection.status : 'ready';
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.i18n.t('notes.title')}</h2>
      <p class="lead">${this.i18n.t('notes.lead')}</p>
      ${this.renderStatus()}
      ${
        status === 'ready'
          ? listed.length === 0
            ? html`<p>${this.i18n.t('notes.empty')}</p>`
            : html`<ol part="list">
                ${listed.map((n) => this.renderNote(n))}
              </ol>`
          : nothing
      }
      ${this.renderForm()}
    </section>`;
  }
}
