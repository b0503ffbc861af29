/** One option of a select, checkbox group or radio group. Labels are already localized. */
export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  /** A short explanation under the label (e.g. what a casefinding criterion means). */
  readonly description?: string;
  readonly disabled?: boolean;
}
