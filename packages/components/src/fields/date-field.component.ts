import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FkFieldElement } from './field-element.js';

/**
 * A labelled date input. The value is an ISO calendar date (`2026-11-23`) or `''`; the browser shows
 * it in the user's locale and offers its accessible date picker.
 *
 * @tagname fk-date-field
 * @summary Labelled date input (internal control of Fallkit forms).
 * @event input - While typing (native, composed).
 * @event change - On commit (bubbles, not composed).
 * @csspart control - The `<input type="date">`.
 */
export class FkDateField extends FkFieldElement<string> {
  /** ISO date or `''`. */
  @property() value = '';
  /** Earliest allowed ISO date. */
  @property() min?: string;
  /** Latest allowed ISO date. */
  @property() max?: string;

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
        type="date"
        .value=${live(this.value ?? '')}
        min=${ifDefined(this.min)}
        max=${ifDefined(this.max)}
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
