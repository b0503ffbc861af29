import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { IssuePath, Notice, Refusal } from '@fallkit/core';
import { sharedStyles } from '../theme/shared-styles.js';
import { LocalizeController, type MessageRef } from '../controllers/localize-controller.js';
import { FormValidity } from '../controllers/form-validity.js';
import { FormEntry } from '../controllers/form-entry.js';
import type { MessageCatalog, MessageDictionary, MessageOverrides } from '../i18n/message-catalog.js';
import { pathKey, type Feedback } from './feedback.js';
import { getIn, setIn, unsetIn } from './value-path.js';
import type { FieldBinding, FieldPath, ValueAt } from './field-binding.js';
import { schemaValidator, type ParsingSchema, type Validator } from './validator.js';
import { isEmptyLike } from './control-states.js';
import { anchorIn } from './field-anchor.js';
import { touchOnLeave } from './touch-on-leave.js';
import { cloneValue } from './clone-value.js';

/**
 * The part of {@link FkFormElement} that behaves like a native form control, kept apart from editing and
 * saving the way `ReactiveElement` is kept apart from `LitElement`: the value and its flags (`disabled`,
 * `readonly`, `required`, the custom error), validity and the custom states following every property set
 * at once, the host form's entry, reset and restore, and the validation feedback per field. Forms extend
 * {@link FkFormElement}, not this class.
 */
export abstract class FkFormControl<V extends object = Record<string, unknown>, Out = V> extends LitElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles: CSSResultGroup = sharedStyles;

  /** The component's message catalog; subclasses set it (`static override catalog = myMessages`). */
  static catalog?: MessageCatalog<MessageDictionary>;

  /**
   * The value: a plain object the core's schema accepts. Replace it, do not mutate it. Like a native
   * control, `validity`, `validationMessage` and the host form's `FormData` follow at once (not after Lit's
   * next update).
   */
  @property({ attribute: false })
  get value(): V {
    return this.currentValue;
  }
  set value(next: V) {
    this.currentValue = next;
    this.controlValueChanged();
  }

  /**
   * What `reset` restores. Without it, the first value the host (or the connected case) set is used,
   * else the empty value.
   */
  @property({ attribute: false }) defaultValue?: V;

  /** Name under which the value (JSON) is submitted with a host form. */
  @property({ reflect: true }) name = '';

  /**
   * Disables every control; the value is not submitted. The attribute follows the property at once, so the
   * host form's `FormData` leaves the value out right after `el.disabled = true`.
   */
  @property({ type: Boolean, reflect: true })
  get disabled(): boolean {
    return this.ownDisabled;
  }
  set disabled(next: boolean) {
    this.ownDisabled = Boolean(next);
    if (this.hasAttribute('disabled') !== this.ownDisabled) this.toggleAttribute('disabled', this.ownDisabled);
    this.controlStateChanged();
  }

  /** Shows the value without allowing edits; always valid (barred from constraint validation). */
  @property({ type: Boolean, reflect: true })
  get readonly(): boolean {
    return this.ownReadonly;
  }
  set readonly(next: boolean) {
    this.ownReadonly = Boolean(next);
    this.controlStateChanged();
  }

  /**
   * Whether an empty form blocks the host form (like `required` on an input). Without it an empty form is
   * valid for the host form, so an optional stage left empty does not stop the page's submit; a form the
   * user started filling is checked in full either way. The form's own save always needs a valid value.
   */
  @property({ type: Boolean, reflect: true })
  get required(): boolean {
    return this.ownRequired;
  }
  set required(next: boolean) {
    this.ownRequired = Boolean(next);
    this.controlStateChanged();
  }

  /** A custom error message as an attribute (`custom-error`); the same as `setCustomValidity()`. */
  @property({ attribute: 'custom-error' })
  get customError(): string | undefined {
    return this.checks.customValidity || undefined;
  }
  set customError(message: string | undefined) {
    this.setCustomValidity(message ?? '');
  }

  /** Text overrides for this element, per language; win over the provider's and the page's. */
  @property({ attribute: false }) messages?: MessageOverrides;

  /** True after submit / reportValidity: every error shows, not only those of touched fields. */
  @state() protected showAllErrors = false;

  /** Whether the value changed since load, save or reset. */
  @state() protected dirty = false;

  /** The core schema of the value. Used for validation and for the `fk-submit` data. */
  protected schema?: ParsingSchema<Out>;

  /** The element's internals (form value, validity, custom states). */
  protected readonly internals: ElementInternals;

  /** Texts and formatting in the element's language. Redeclare with your catalog type for typed keys. */
  protected readonly i18n: LocalizeController<MessageDictionary>;

  /**
   * Validator output, touched fields, error texts per path, the submit check, validity and custom states:
   * for {@link FkFormElement}'s editing and saving (forms use `errorAt()`, `touch()` and the like). Not
   * tagged `@internal`: the manifest analyzer would then drop the declaration and list the constructor's
   * assignment as a public field.
   */
  protected readonly checks: FormValidity<V>;

  /**
   * The value the form's edits are measured against (what reset goes back to without a `defaultValue`, the
   * base of a draft, a merge and a save's changed fields).
   * @internal For {@link FkFormElement}'s drafts, saving and remote changes.
   */
  protected initialValue: V | undefined;

  private currentValue!: V;
  private ownDisabled = false;
  private ownReadonly = false;
  private ownRequired = false;
  private formDisabled = false;
  /** Set by {@link writeValue}: the next update takes the value as an edit, not as the host's baseline. */
  private internalWrite = false;
  private readonly formEntry: FormEntry<V>;

  constructor() {
    super();
    this.internals = this.attachInternals();
    const ctor = this.constructor as typeof FkFormControl;
    this.i18n = new LocalizeController(this, { catalog: ctor.catalog, overrides: () => this.messages });
    this.formEntry = new FormEntry<V>(this.internals, (value) => this.formValueJson(value));
    this.checks = new FormValidity<V>(this, {
      internals: this.internals,
      i18n: this.i18n,
      validators: () => this.validators(),
      isEmpty: (value) => this.isEmptyValue(value),
      refusals: () => this.placedFeedback().refusals,
      notices: () => this.placedFeedback().notices,
      flags: () => ({
        required: this.required,
        disabled: this.isDisabled,
        readonly: this.readonly,
        dirty: this.dirty,
        showAll: this.showAllErrors,
      }),
      anchor: (path) => this.anchorFor(path),
    });
    this.addEventListener('invalid', () => {
      // The host form's interactive validation found us invalid: show everything.
      this.showAllErrors = true;
    });
  }

  /** Whether the element is rendering now (see {@link createRenderRoot}). */
  #rendering = false;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // Leaving a field marks it touched, so its errors show without each form wiring blur handlers. A focused
    // field that the render itself removes (a goal or measure deleted) also fires `focusout`, in the middle of
    // the render: nobody left it, and touching its path then would mark the row that moves up into that path
    // and schedule a second render from within the first (Lit's "change-in-update").
    touchOnLeave(root, (path) => {
      if (!this.#rendering) this.touch(path);
    });
    return root;
  }

  protected override update(changed: PropertyValues<this>): void {
    this.#rendering = true;
    try {
      super.update(changed);
    } finally {
      this.#rendering = false;
    }
  }

  /**
   * The refusals and notices shown in place beside the validators' output (none here; the connected form
   * gives its connection's).
   * @internal For {@link FkFormElement}.
   */
  protected placedFeedback(): { readonly refusals: readonly Refusal[]; readonly notices: readonly Notice[] } {
    return { refusals: [], notices: [] };
  }

  /**
   * Sets the value as the form's own write (an edit, a draft, the case's version), not as the host's: the
   * next update keeps the baseline and the dirty flag.
   * @internal For {@link FkFormElement}.
   */
  protected writeValue(next: V): void {
    this.internalWrite = true;
    this.value = next;
  }

  /** The value of an empty form. Override; the default is `{}`. */
  protected emptyValue(): V {
    return {} as V;
  }

  /** The blocking and informing validators. Default: the `schema`, if set. */
  protected validators(): readonly Validator<V>[] {
    return this.schema ? [schemaValidator<V>(this.schema)] : [];
  }

  override connectedCallback(): void {
    if (this.value === undefined) this.writeValue(this.emptyValue());
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A host clearing the value gets an empty form, not a broken render.
    if (this.value === undefined || this.value === null) this.value = this.emptyValue();
    if (changed.has('value')) {
      if (!this.internalWrite) {
        // Set by the host: a new baseline, not an edit.
        this.initialValue ??= this.value;
        this.dirty = false;
      }
      this.internalWrite = false;
      this.checks.validateIfNew(this.value);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('value') || changed.has('disabled')) this.formEntry.sync(this.currentValue);
    // Again after rendering: the validity message now anchors at the rendered field.
    this.checks.sync(this.currentValue);
  }

  // ---- validation (FormValidity) ---------------------------------------------------------------

  /**
   * All feedback now: validator output, refusals of the last connected save (in place, at their
   * paths), and notices of the core.
   */
  get feedback(): readonly Feedback[] {
    return this.checks.feedback;
  }

  /** Whether errors at `path` may be shown (touched, or after a submit attempt). */
  protected mayShowErrors(path: IssuePath | string): boolean {
    return this.checks.mayShow(path);
  }

  /**
   * The localized error text for the field at `path` (exact path; `nested` includes children), or
   * `undefined`. Refusals always show; validation errors once the field was touched or after submit.
   * Bind it to an internal field's `error` property.
   */
  protected errorAt(path: IssuePath | string, nested = false): string | undefined {
    return this.checks.errorAt(path, nested);
  }

  /** Warnings and infos at `path`, localized (not blocking). */
  protected warningAt(path: IssuePath | string): string | undefined {
    return this.checks.warningAt(path);
  }

  /**
   * Records a user edit of the whole value (marks the form dirty, validates, fires `change`); `touchedPath`
   * marks which field's errors may now show. {@link FkFormElement} implements it.
   */
  protected abstract setValue(next: V, touchedPath?: IssuePath | string): void;

  /** Records a user edit of one field (immutable update at `path`, dotted or array). */
  protected setField(path: IssuePath | string, fieldValue: unknown): void {
    this.setValue(setIn(this.value, path, fieldValue), path);
  }

  /**
   * The binding of the field at `path` for the `bind()` directive: value, error, warning, disabled,
   * read-only, and the edit going back through `setField`. The path is checked against the form's value
   * type, and the binding's value type follows from it:
   *
   * ```ts
   * html`<fk-date-field label="Datum" ${bind(this.fieldAt(['contacts', i, 'on'], { optional: true }))}></fk-date-field>`
   * ```
   *
   * `optional`: an emptied field (`''`) removes its key instead of storing `''` (dates, optional choices).
   */
  protected fieldAt<const P extends FieldPath<V>>(
    path: P,
    options: { readonly optional?: boolean } = {},
  ): FieldBinding<ValueAt<V, P>> {
    const at: IssuePath = [...path];
    const key = pathKey(at);
    const value = getIn(this.value, at) as ValueAt<V, P>;
    return {
      path: key,
      value,
      error: this.errorAt(at),
      warning: this.warningAt(at),
      disabled: this.isDisabled,
      readonly: this.readonly,
      set: (next) => {
        if (options.optional && (next === '' || next === undefined)) this.setValue(unsetIn(this.value, at), key);
        else this.setField(at, next);
      },
    };
  }

  /** Marks a field as touched so its errors show (done automatically when focus leaves a `[data-path]`). */
  protected touch(path: IssuePath | string): void {
    if (this.checks.touch(path)) this.requestUpdate();
  }

  /** Localizes a message reference (key or core text). */
  protected msg(ref: MessageRef): string {
    return this.i18n.resolve(ref);
  }

  /**
   * The element inside the shadow root that stands for `path`: the nearest `[data-path]` match,
   * walking up the path; validation bubbles anchor there and focus goes there.
   */
  protected anchorFor(path: IssuePath): HTMLElement | undefined {
    return anchorIn(this.renderRoot, path);
  }

  // ---- form-associated API ------------------------------------------------------------------

  /** The host form, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The validity state. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The first blocking error in the user's language ('' when valid). */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Labels (`<label for>`) of the element in the host page. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /**
   * Sets a custom error, as on a native control: while `message` is not empty the element is invalid
   * (`validity.customError`) with that message, before any validation error of its own; `''` clears it.
   */
  setCustomValidity(message: string): void {
    this.checks.customValidity = message;
    this.controlStateChanged();
  }

  /** True when disabled by its own attribute or a disabled `<fieldset>`. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Checks validity without showing anything (fires `invalid` when invalid). */
  checkValidity(): boolean {
    this.checks.syncValidity(this.currentValue);
    return this.internals.checkValidity();
  }

  /** Checks validity and shows every error in place (and the browser's bubble at the field). */
  reportValidity(): boolean {
    this.showAllErrors = true;
    this.checks.sync(this.currentValue);
    return this.internals.reportValidity();
  }

  /** Resets to the default value (host form reset, or called directly). */
  formResetCallback(): void {
    this.internalWrite = false;
    this.value = cloneValue(this.defaultValue ?? this.initialValue ?? this.emptyValue());
    this.initialValue = this.defaultValue ?? this.initialValue;
    this.dirty = false;
    this.showAllErrors = false;
    this.checks.clearTouched();
  }

  /** Called by the browser when an ancestor `<fieldset>` (or the own attribute) disables the element. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.controlStateChanged();
    this.requestUpdate();
  }

  /** Restores the value after back/forward navigation or autofill (the JSON given to setFormValue). */
  formStateRestoreCallback(stateValue: string | File | FormData | null): void {
    if (typeof stateValue !== 'string') return;
    try {
      this.value = JSON.parse(stateValue) as V;
    } catch {
      // A state we did not write: keep the current value.
    }
  }

  /**
   * The value as the host form's entry: `JSON.stringify(value)`. A form with long lists overrides this to
   * reuse the text of entries that did not change (the result must stay exactly `JSON.stringify(value)`).
   */
  protected formValueJson(value: V): string {
    return JSON.stringify(value ?? null);
  }

  /**
   * Whether `value` counts as empty for `required`: the same content as `emptyValue()` (keys without
   * content ignored). Override for forms whose empty value carries more than defaults.
   */
  protected isEmptyValue(value: V): boolean {
    return isEmptyLike(value, this.emptyValue());
  }

  // ---- internals follow every property set at once, the way a native control keeps them ----------

  /** The value was set (by the host, an edit, a reset, a restore, the case): validate and sync now. */
  private controlValueChanged(): void {
    if (!this.internals || !this.checks || this.currentValue === undefined || this.currentValue === null) return;
    this.checks.validate(this.currentValue);
    this.formEntry.sync(this.currentValue);
    this.checks.sync(this.currentValue);
  }

  /** `disabled`, `readonly`, `required` or the custom error changed: validity and states follow now. */
  private controlStateChanged(): void {
    if (!this.internals || !this.checks) return;
    this.checks.sync(this.currentValue);
  }
}
