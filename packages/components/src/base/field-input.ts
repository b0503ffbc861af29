/**
 * A listener for the native `input` of a Fallkit text field (`fk-text-field`, `fk-textarea`) whose text
 * goes into the element's own state, not into the value (a name typed before it is added, a note of a
 * side action): it reads the field's typed `fieldValue`, so no form casts the field to a native element
 * type it is not. Fields bound to the value use `bind()` (see `field-binding.ts`); a field's `change` is
 * an `FkFieldChangeEvent<T>` and carries its value itself.
 *
 * ```ts
 * html`<fk-text-field label=${t.t('note')} .value=${this.note} @input=${onFieldText((text) => (this.note = text))}></fk-text-field>`
 * ```
 */
export function onFieldText(apply: (text: string) => void): (event: Event) => void {
  return (event) => {
    const field = event.currentTarget;
    if (field && 'fieldValue' in field && typeof field.fieldValue === 'string') apply(field.fieldValue);
  };
}
