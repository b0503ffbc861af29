import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FkFieldElement } from './field-element.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day, month, year with `.`, `/` or `-` between them (German `05.03.2026`, English `05/03/2026`). */
const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

/** Whether `y-m-d` is a real calendar day. */
function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Reads a typed date in the page's format (`TT.MM.JJJJ` in German, `DD/MM/YYYY` in English; an ISO date
 * is taken in either): the ISO date, `''` for nothing typed, `undefined` for text that is no date.
 */
export function parseFieldDate(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return '';
  const iso = ISO.exec(typed);
  const dmy = DMY.exec(typed);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  return realDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : undefined;
}

/** An ISO date as the page's language writes it in a date field: `05.03.2026` (de), `05/03/2026` (en). */
export function formatFieldDate(iso: string, lang: string): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  return lang === 'en' ? `${match[3]}/${match[2]}/${match[1]}` : `${match[3]}.${match[2]}.${match[1]}`;
}

/** `iso` moved by `days`. */
function shifted(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * A labelled date field in the page's language, not the browser's: German `TT.MM.JJJJ`, English
 * `DD/MM/YYYY` (an ISO date is accepted in both), with the format as hint. The value stays an ISO
 * calendar date (`2026-11-23`) or `''`. Keyboard: type the date; arrow up/down move it by a day. Text
 * that is no date keeps the value empty and says so under the field until it is corrected.
 *
 * @tagname fk-date-field
 * @summary Labelled date field in the page's language (internal control of Fallkit forms).
 * @event input - While typing (native, composed).
 * @event change - On commit (bubbles, not composed).
 * @csspart control - The text input.
 */
export class FkDateField extends FkFieldElement<string> {
  /** ISO date or `''`. */
  @property() value = '';
  /** Earliest allowed ISO date. */
  @property() min?: string;
  /** Latest allowed ISO date. */
  @property() max?: string;

  /** What the user committed that is no date, or a date outside `min`/`max` (shown as typed, with an error). */
  @state() private typed: string | undefined;
  /** Why `typed` was not taken: no date, or a date before `min` or after `max`. */
  @state() private typedProblem: 'invalid' | 'tooEarly' | 'tooLate' = 'invalid';
  /** What the user is typing (kept across re-renders until committed). */
  private draft: string | undefined;
  /** Set while the field itself changes `value` (typing), so `willUpdate` keeps the typed text. */
  private own = false;

  private setOwn(next: string): void {
    this.own = true;
    this.value = next;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.own = false;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // A value set from outside (a form reset, a new case) replaces what was being typed.
    if (changed.has('value') && !this.own && (this.draft !== undefined || this.typed !== undefined)) {
      this.draft = undefined;
      this.typed = undefined;
    }
  }

  /** The value the base form's `bind()` reads and writes. */
  get fieldValue(): string {
    return this.value;
  }
  set fieldValue(next: string) {
    this.value = next;
  }
  get emptyFieldValue(): string {
    return '';
  }

  private get ownError(): string | undefined {
    if (this.typed === undefined) return undefined;
    const lang = this.i18n.lang;
    if (this.typedProblem === 'tooEarly' && this.min)
      return this.i18n.t('validation.dateTooEarly', { minimum: formatFieldDate(this.min, lang) });
    if (this.typedProblem === 'tooLate' && this.max)
      return this.i18n.t('validation.dateTooLate', { maximum: formatFieldDate(this.max, lang) });
    return this.i18n.t('field.dateInvalid');
  }

  /** Whether a date lies outside `min`/`max`, and on which side. */
  private outOfRange(iso: string): 'tooEarly' | 'tooLate' | undefined {
    if (this.min && iso < this.min) return 'tooEarly';
    if (this.max && iso > this.max) return 'tooLate';
    return undefined;
  }

  protected override describedBy(): string | undefined {
    const ids = [
      'format',
      this.hint ? 'hint' : '',
      this.error || this.ownError ? 'error' : '',
      this.warning ? 'warning' : '',
    ];
    return ids.filter(Boolean).join(' ');
  }

  private commit(text: string): void {
    const parsed = parseFieldDate(text);
    // A typed date outside min/max is refused like text that is no date (the arrow keys stop at them):
    // the value stays empty and the field says which day is the first or last one allowed.
    const outside = parsed ? this.outOfRange(parsed) : undefined;
    if (parsed === undefined || outside !== undefined) {
      this.typedProblem = outside ?? 'invalid';
      this.typed = text;
      this.draft = undefined;
      this.setOwn('');
      this.emitChange();
      return;
    }
    this.typed = undefined;
    this.draft = undefined;
    this.setOwn(parsed);
    this.emitChange();
  }

  private onKey(event: KeyboardEvent): void {
    if (this.readonly || this.disabled) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const base = parseFieldDate((event.target as HTMLInputElement).value) || this.value || '';
    const start = base === '' ? new Date().toISOString().slice(0, 10) : base;
    let next = base === '' ? start : shifted(start, event.key === 'ArrowUp' ? 1 : -1);
    if (this.min && next < this.min) next = this.min;
    if (this.max && next > this.max) next = this.max;
    this.typed = undefined;
    this.draft = undefined;
    this.setOwn(next);
    this.emitChange();
  }

  override render() {
    const lang = this.i18n.lang;
    const shown = this.draft ?? this.typed ?? (this.value ? formatFieldDate(this.value, lang) : '');
    const error = this.error ?? this.ownError;
    return html`<div class="fk-field">
      ${this.renderLabel()} ${this.renderHint()}
      <p id="format" class="fk-hint">${this.i18n.t('field.dateHint')}</p>
      <input
        id="control"
        part="control"
        class="fk-control fk-control--date"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        size="10"
        .value=${live(shown)}
        ?disabled=${this.disabled}
        ?readonly=${this.readonly}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy())}
        aria-keyshortcuts="ArrowUp ArrowDown"
        title=${this.i18n.t('field.dateKeys')}
        @input=${(e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          this.draft = text;
          const parsed = parseFieldDate(text);
          if (parsed && this.outOfRange(parsed) === undefined) this.setOwn(parsed);
        }}
        @change=${(e: Event) => this.commit((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => this.onKey(e)}
      />
      ${this.renderDateDescriptions(error)}
    </div>`;
  }

  private renderDateDescriptions(error: string | undefined) {
    if (error === this.error) return this.renderDescriptions();
    return html`<p id="error" part="error" class="fk-feedback fk-feedback--error">
        <span class="fk-feedback__icon" aria-hidden="true">!</span><span>${error}</span>
      </p>
      ${this.warning ? this.renderDescriptions() : ''}`;
  }
}
