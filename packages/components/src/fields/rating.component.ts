import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FkFieldElement } from './field-element.js';

/**
 * A rating on a small scale (life-domain ratings, satisfaction) as native radio buttons: arrow keys
 * change it, each step has a spoken label ("3 von 5" or the given step labels), and "keine Bewertung"
 * keeps a rating optional.
 *
 * @tagname fk-rating
 * @summary Rating scale (internal control of Fallkit forms).
 * @event change - On selection (bubbles, not composed). `value` is a number or `null`.
 * @csspart group - The `<fieldset>`.
 * @csspart step - Each step's label.
 */
export class FkRating extends FkFieldElement<number | null> {
  override readonly locksAsDisabled = true;

  /** The rating, or `null` for none. */
  @property({ type: Number }) value: number | null = null;
  /** Lowest step. */
  @property({ type: Number }) min = 1;
  /** Highest step. */
  @property({ type: Number }) max = 5;
  /** Optional labels per step, lowest first (e.g. "sehr belastet" … "sehr stabil"). */
  @property({ attribute: false }) stepLabels?: readonly string[];
  /** Offer "keine Bewertung". */
  @property({ type: Boolean, attribute: 'allow-none' }) allowNone = true;

  /** The value the base form's `bind()` reads and writes. */
  get fieldValue(): number | null {
    return this.value;
  }
  set fieldValue(next: number | null) {
    this.value = next;
  }
  get emptyFieldValue(): number | null {
    return null;
  }

  private select(value: number | null): void {
    this.value = value;
    this.emitChange();
  }

  override render() {
    const steps: number[] = [];
    for (let v = this.min; v <= this.max; v++) steps.push(v);
    const locked = this.disabled || this.readonly;
    return html`<fieldset
      class="fk-field"
      part="group"
      role="radiogroup"
      aria-invalid=${this.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy())}
    >
      ${this.renderLegend()} ${this.renderHint()}
      <div class="fk-choices fk-choices--inline">
        ${steps.map((v, i) => {
          const spoken =
            this.stepLabels?.[i] ??
            this.i18n.t('rating.value', { value: this.i18n.number(v), max: this.i18n.number(this.max) });
          return html`<label class="fk-choice" part="step">
            <input
              type="radio"
              name="rating"
              value=${v}
              .checked=${this.value === v}
              ?disabled=${locked}
              @change=${() => this.select(v)}
            />
            <span
              >${this.stepLabels?.[i] ? html`${v} – ${spoken}` : html`<span aria-hidden="true">${v}</span><span class="fk-visually-hidden">${spoken}</span>`}</span
            >
          </label>`;
        })}
        ${
          this.allowNone
            ? html`<label class="fk-choice" part="step">
                <input
                  type="radio"
                  name="rating"
                  value=""
                  .checked=${this.value === null}
                  ?disabled=${locked}
                  @change=${() => this.select(null)}
                />
                <span>${this.i18n.t('rating.none')}</span>
              </label>`
            : nothing
        }
      </div>
      ${this.renderDescriptions()}
    </fieldset>`;
  }
}
