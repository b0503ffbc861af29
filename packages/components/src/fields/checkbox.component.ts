import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FkFieldElement } from './field-element.js';

/**
 * A single labelled checkbox (crisis flag, "confirmed with the person").
 *
 * @tagname fk-checkbox
 * @summary Labelled checkbox (internal control of Fallkit forms).
 * @event change - On toggle (bubbles, not composed).
 * @csspart control - The `<input type="checkbox">`.
 */
export class FkCheckbox extends FkFieldElement<boolean> {
  override readonly locksAsDisabled = true;

  /** Whether it is checked. */
  @property({ type: Boolean }) checked = false;

  /** The value the base form's `bind()` reads and writes. */
  get fieldValue(): boolean {
    return this.checked;
  }
  set fieldValue(next: boolean) {
    this.checked = next;
  }
  get emptyFieldValue(): boolean {
    return false;
  }

  override render() {
    return html`<div class="fk-field">
      <label class="fk-choice" part="label">
        <input
          id="control"
          part="control"
          type="checkbox"
          .checked=${live(this.checked)}
          ?disabled=${this.disabled || this.readonly}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy())}
          @change=${(e: Event) => {
            this.checked = (e.target as HTMLInputElement).checked;
            this.emitChange();
          }}
        />
        <span class="fk-choice__text"><span>${this.label}${this.renderMarker()}</span></span>
      </label>
      ${this.renderHint()}${this.renderDescriptions()}
    </div>`;
  }
}
