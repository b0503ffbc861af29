/**
 * The `change` an internal field (`fk-text-field`, `fk-select`, `fk-checkbox` ...) fires on commit, with
 * the field's value typed: a form reads `event.value` instead of casting the target to a native element
 * type it is not. Bubbles inside the form's shadow root and is not composed, so the page only sees the
 * form's own `change`/`fk-change`. It keeps the native name `change` (which `GlobalEventHandlersEventMap`
 * types as a plain `Event`), so listen through the base form's `bind()` directive, or narrow with
 * `instanceof FkFieldChangeEvent`.
 */
export class FkFieldChangeEvent<T = unknown> extends Event {
  /** The field's value after the change (`string`, `boolean` for a checkbox, `string[]` for a group ...). */
  readonly value: T;

  constructor(value: T) {
    super('change', { bubbles: true, composed: false });
    this.value = value;
  }
}
