import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FkFieldElement } from './field-element.js';

/**
 * A labelled multi-line text area for free text (free text first: the domain warns against
 * questionnaires). Shows the characters left when `maxlength` is set.
 *
 * @tagname fk-textarea
 * @summary Labelled text area (internal control of Fallkit forms).
 * @event input - While typing (native, composed).
 * @event change - On commit (bubbles, not composed).
 * @csspart control - The `<textarea>`.
 * @csspart counter - The characters-left counter.
 */
export class FkTextarea extends FkFieldElement<string> {
  /** The text. */
  @property() value = '';
  /** Visible rows. */
  @property({ type: Number }) rows = 4;
  /** Maximum length; shows a counter. */
  @property({ type: Number }) maxlength?: number;
  /** Placeholder. */
  @property() placeholder?: string;

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

  override render() {
    const left = this.maxlength !== undefined ? this.maxlength - (this.value ?? '').length : undefined;
    return html`<div class="fk-field">
      ${this.renderLabel()} ${this.renderHint()}
      <textarea
        id="control"
        part="control"
        class="fk-control"
        rows=${this.rows}
        .value=${live(this.value ?? '')}
        placeholder=${ifDefined(this.placeholder)}
        maxlength=${ifDefined(this.maxlength)}
        ?disabled=${this.disabled}
        ?readonly=${this.readonly}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy())}
        @input=${(e: Event) => (this.value = (e.target as HTMLTextAreaElement).value)}
        @change=${() => this.emitChange()}
      ></textarea>
      ${
        left !== undefined
          ? html`<p part="counter" class="fk-hint">
              ${this.i18n.t('field.charactersLeft', { count: this.i18n.number(left) })}
            </p>`
          : nothing
      }
      ${this.renderDescriptions()}
    </div>`;
  }
}
