import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FkFieldElement } from './field-element.js';
import type { ChoiceOption } from './choice-option.js';

/**
 * A labelled native `<select>`. The empty option ("Bitte wählen") stands for "no value" (`''`).
 *
 * @tagname fk-select
 * @summary Labelled select (internal control of Fallkit forms).
 * @event change - On selection (bubbles, not composed).
 * @csspart control - The `<select>`.
 */
export class FkSelect extends FkFieldElement<string> {
  override readonly locksAsDisabled = true;

  /** The selected option's value, `''` for none. */
  @property() value = '';
  /** The options. */
  @property({ attribute: false }) options: readonly ChoiceOption[] = [];
  /** Text of the empty option; defaults to "Bitte wählen". */
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
    return html`<div class="fk-field">
      ${this.renderLabel()} ${this.renderHint()}
      <select
        id="control"
        part="control"
        class="fk-control"
        ?disabled=${this.disabled || this.readonly}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy())}
        @change=${(e: Event) => {
          this.value = (e.target as HTMLSelectElement).value;
          this.emitChange();
        }}
      >
        <option value="" ?selected=${!this.value}>${this.placeholder ?? this.i18n.t('field.selectPlaceholder')}</option>
        ${this.options.map(
          (o) =>
            html`<option value=${o.value} ?selected=${o.value === this.value} ?disabled=${o.disabled ?? false}>
              ${o.label}
            </option>`,
        )}
      </select>
      ${this.renderDescriptions()}
    </div>`;
  }
}
