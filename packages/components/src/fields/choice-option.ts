import { html, nothing, type TemplateResult } from 'lit';

/** One option of a select, checkbox group or radio group. Labels are already localized. */
export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  /** A short explanation under the label (e.g. what a casefinding criterion means). */
  readonly description?: string;
  readonly disabled?: boolean;
}

/**
 * The text of option `index` in a checkbox or radio group: its label and, if it has one, its
 * description with the id (`description-<index>`) the option's input is described by. The description
 * sits inside the `<label>` for the layout, so it is hidden from the accessible name (otherwise a screen
 * reader reads "konformDie Hilfe passt …" as one name, issue 21) and reaches assistive technology as the
 * input's description through `aria-describedby` instead.
 */
export function renderChoiceText(option: ChoiceOption, index: number): TemplateResult {
  return html`<span class="fk-choice__text"
    ><span>${option.label}</span>${
      option.description
        ? html`<span id=${`description-${index}`} class="fk-choice__description" aria-hidden="true"
            >${option.description}</span
          >`
        : nothing
    }</span
  >`;
}
