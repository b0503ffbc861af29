/**
 * What a form-associated element hands its host form: the value as one JSON entry (`setFormValue`), both
 * as the submitted value and as the state the browser restores after back navigation. Not a reactive
 * controller: it follows each property set at once (like a native control), not Lit's update cycle.
 */
export class FormEntry<V> {
  /** The value last handed over ({@link sync} skips the same object). */
  private handedOver: V | undefined;

  /**
   * @param internals - Where the entry goes (the element's internals; a test may fake it).
   * @param json - The value as JSON text (the form's `formValueJson()`).
   */
  constructor(
    private readonly internals: Pick<ElementInternals, 'setFormValue'>,
    private readonly json: (value: V) => string,
  ) {}

  /** Hands `value` to the host form, unless it is the object handed over last. */
  sync(value: V): void {
    // The value setter and `updated()` both sync; the second time the value is the same object (edits are
    // immutable), and re-serialising a 200-measure plan twice per keystroke was most of its cost.
    if (this.handedOver === value && value !== undefined) return;
    this.handedOver = value;
    const text = this.json(value);
    this.internals.setFormValue(text, text);
  }
}
