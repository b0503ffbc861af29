import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FkFieldElement } from './field-element.js';
import { renderChoiceText, type ChoiceOption } from './choice-option.js';

/**
 * A group of checkboxes in a `<fieldset>` with the label as `<legend>`: several answers (casefinding
 * criteria, data categories). Tab reaches each box, Space toggles.
 *
 * @tagname fk-checkbox-group
 * @summary Labelled checkbox group (internal control of Fallkit forms).
 * @event change - On toggle (bubbles, not composed). `value` holds the checked values in option order.
 * @csspart group - The `<fieldset>`.
 * @csspart option - Each option's label.
 */
export class FkCheckboxGroup extends FkFieldElement<readonly string[]> {
  override readonly locksAsDisabled = true;

  /** The checked values. */
  @property({ attribute: false }) value: readonly string[] = [];
  /** The options. */
  @property({ attribute: false }) options: readonly ChoiceOption[] = [];
  /** Lay options out in a row. */
  @property({ type: Boolean }) inline = false;

  /** The value the base form's `bind()` reads and writes. */
  get fieldValue(): readonly string[] {
    return this.value;
  }
  set fieldValue(next: readonly string[]) {
    this.value = next;
  }
  get emptyFieldValue(): readonly string[] {
    return [];
  }

  private toggle(option: string, on: boolean): void {
    const set = new Set(this.value);
    if (on) set.add(option);
    else set.delete(option);
    this.value = this.options.map((o) => o.value).filter((v) => set.has(v));
    this.emitChange();
  }

  override render() {
    return html`<fieldset
      class="fk-field"
      part="group"
      aria-describedby=${ifDefined(this.describedBy())}
      aria-invalid=${this.error ? 'true' : 'false'}
    >
      ${this.renderLegend()} ${this.renderHint()}
      <div class="fk-choices ${this.inline ? 'fk-choices--inline' : ''}">
        ${this.options.map(
          (o, i) =>
            html`<label class="fk-choice" part="option">
              <input
                type="checkbox"
                id=${`option-${i}`}
                .checked=${this.value.includes(o.value)}
                value=${o.value}
                ?disabled=${this.disabled || this.readonly || (o.disabled ?? false)}
                aria-describedby=${ifDefined(o.description ? `description-${i}` : undefined)}
                @change=${(e: Event) => this.toggle(o.value, (e.target as HTMLInputElement).checked)}
              />
              ${renderChoiceText(o, i)}
            </label>`,
        )}
      </div>
      ${this.renderDescriptions()}
    </fieldset>`;
  }
}
