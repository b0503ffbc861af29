import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FkFieldElement } from './field-element.js';
import { renderChoiceText, type ChoiceOption } from './choice-option.js';

/**
 * One answer out of several: native radio buttons in a `<fieldset>`, so arrow keys move the choice and
 * Tab enters and leaves the group, as screen-reader users expect.
 *
 * @tagname fk-radio-group
 * @summary Labelled radio group (internal control of Fallkit forms).
 * @event change - On selection (bubbles, not composed).
 * @csspart group - The `<fieldset>`.
 * @csspart option - Each option's label.
 */
export class FkRadioGroup extends FkFieldElement<string> {
  override readonly locksAsDisabled = true;

  /** The chosen value, `''` for none. */
  @property() value = '';
  /** The options. */
  @property({ attribute: false }) options: readonly ChoiceOption[] = [];
  /** Lay options out in a row. */
  @property({ type: Boolean }) inline = false;

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
    return html`<fieldset
      class="fk-field"
      part="group"
      role="radiogroup"
      aria-required=${this.required ? 'true' : 'false'}
      aria-invalid=${this.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy())}
    >
      ${this.renderLegend()} ${this.renderHint()}
      <div class="fk-choices ${this.inline ? 'fk-choices--inline' : ''}">
        ${this.options.map(
          (o, i) =>
            html`<label class="fk-choice" part="option">
              <input
                type="radio"
                name="choice"
                value=${o.value}
                .checked=${o.value === this.value}
                ?disabled=${this.disabled || this.readonly || (o.disabled ?? false)}
                aria-describedby=${ifDefined(o.description ? `description-${i}` : undefined)}
                @change=${(e: Event) => {
                  this.value = (e.target as HTMLInputElement).value;
                  this.emitChange();
                }}
              />
              ${renderChoiceText(o, i)}
            </label>`,
        )}
      </div>
      ${this.renderDescriptions()}
    </fieldset>`;
  }
}
