import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FkFieldElement } from './field-element.js';

/**
 * A labelled single-line text input with hint and error in the same shadow root.
 *
 * @tagname fk-text-field
 * @summary Labelled text input (internal control of Fallkit forms).
 * @event input - While typing (native, composed).
 * @event change - On commit (bubbles, not composed).
 * @csspart control - The `<input>`.
 */
export class FkTextField extends FkFieldElement<string> {
  /** The text. */
  @property() value = '';
  /** Input type. */
  @property() type: 'text' | 'email' | 'tel' | 'url' | 'search' = 'text';
  /** Placeholder (use sparingly; never instead of a label). */
  @property() placeholder?: string;
  /** Maximum length. */
  @property({ type: Number }) maxlength?: number;
  /** Autocomplete hint for the browser. */
  @property() autocomplete?: string;

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
    return html`<div class="fk-field">
      ${this.renderLabel()} ${this.renderHint()}
      <input
        id="control"
        part="control"
        class="fk-control"
        type=${this.type}
        .value=${live(this.value ?? '')}
        placeholder=${ifDefined(this.placeholder)}
        maxlength=${ifDefined(this.maxlength)}
        autocomplete=${ifDefined(this.autocomplete as never)}
        ?disabled=${this.disabled}
        ?readonly=${this.readonly}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy())}
        @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)}
        @change=${() => this.emitChange()}
      />
      ${this.renderDescriptions()}
    </div>`;
  }
}
