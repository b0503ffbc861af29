import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { FkFieldElement } from '../fields/field-element.js';

/** One step of a path into a form value: a property name or a list position. */
export type FieldKey = string | number;

type Depth = [never, 0, 1, 2, 3, 4];

/**
 * Every path into a value of type `T`, as a tuple (`['contacts', number, 'note']`), up to five steps
 * deep (form values are flat: a list of entries of fields, at most a list inside an entry).
 */
export type FieldPath<T, D extends number = 5> = [D] extends [never]
  ? never
  : NonNullable<T> extends readonly (infer E)[]
    ? readonly [number] | readonly [number, ...FieldPath<E, Depth[D]>]
    : NonNullable<T> extends object
      ? {
          [K in keyof NonNullable<T> & string]: readonly [K] | readonly [K, ...FieldPath<NonNullable<T>[K], Depth[D]>];
        }[keyof NonNullable<T> & string]
      : never;

/** The type of the value at `path` inside `T`. */
export type ValueAt<T, P extends readonly FieldKey[]> = P extends readonly []
  ? T
  : P extends readonly [infer H, ...infer R extends readonly FieldKey[]]
    ? H extends number
      ? NonNullable<T> extends readonly (infer E)[]
        ? ValueAt<E, R>
        : never
      : H extends keyof NonNullable<T>
        ? ValueAt<NonNullable<T>[H], R>
        : never
    : never;

/**
 * A field of a form bound to one place in the form's value: what `<fk-text-field>`, `<fk-select>`,
 * `<fk-checkbox>` ... show (value, error, disabled, read-only) and how an edit goes back (`set`). The base
 * form makes it (`this.fieldAt(['contacts', 2, 'note'])`); the `bind()` directive applies it to a field.
 */
export interface FieldBinding<T> {
  /** The dotted path (`contacts.2.note`): the field's `data-path`, where errors anchor and focus goes. */
  readonly path: string;
  /** The value at the path now. */
  readonly value: T;
  /** The blocking error to show there (validation once touched or submitted, refusals always). */
  readonly error: string | undefined;
  /** The warning or hint to show there (not blocking). */
  readonly warning: string | undefined;
  /** The whole form is disabled. */
  readonly disabled: boolean;
  /** The form is read-only (the field shows its value without edits). */
  readonly readonly: boolean;
  /**
   * Records the user's edit: an immutable update at the path, the form marked dirty, `change` fired.
   * (A method, so a binding of any value type is a `FieldBinding<unknown>` for the directive.)
   */
  set(next: T): void;
}

/**
 * Binds an internal field to a {@link FieldBinding}: sets `data-path`, the value (as `live()` would: only
 * when the field shows something else), `error`, `warning`, `disabled` and `readonly` (as `disabled` for
 * the choices that have no read-only state, see `FkFieldElement.locksAsDisabled`), and sends the user's
 * edits back through `set`, read from the field's typed `fieldValue`, never from a cast target.
 *
 * ```ts
 * html`<fk-textarea label=${t.t('contacts.field.note')} ${bind(this.fieldAt(['contacts', i, 'note']))}></fk-textarea>`
 * ```
 */
class BindFieldDirective extends Directive {
  private element: FkFieldElement<unknown> | undefined;
  private binding: FieldBinding<unknown> | undefined;
  /** What this directive last sent for the current binding, so `input` then `change` send it once. */
  private sent: { readonly value: unknown } | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('bind() belongs on an element: <fk-text-field ${bind(...)}>');
  }

  render(_binding: FieldBinding<unknown>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [binding]: [FieldBinding<unknown>]): unknown {
    if (this.binding?.value !== binding.value) this.sent = undefined;
    this.binding = binding;
    const element = part.element;
    if (isField(element)) this.apply(element, binding);
    else if (element.localName.includes('-') && !customElements.get(element.localName)) {
      // Not upgraded yet (its define file runs later): bind once it is.
      void customElements.whenDefined(element.localName).then(() => {
        if (this.binding && isField(element)) this.apply(element, this.binding);
      });
    } else throw new Error(`bind() needs a Fallkit field (fk-text-field, fk-select ...), not <${element.localName}>`);
    return noChange;
  }

  private apply(field: FkFieldElement<unknown>, binding: FieldBinding<unknown>): void {
    if (this.element !== field) {
      this.element = field;
      field.addEventListener('input', this.edited);
      field.addEventListener('change', this.edited);
    }
    field.dataset['path'] = binding.path;
    const shown = binding.value ?? field.emptyFieldValue;
    if (field.fieldValue !== shown) field.fieldValue = shown;
    field.error = binding.error;
    field.warning = binding.warning;
    field.disabled = binding.disabled || (field.locksAsDisabled && binding.readonly);
    field.readonly = field.locksAsDisabled ? false : binding.readonly;
  }

  private readonly edited = (): void => {
    const field = this.element;
    const binding = this.binding;
    if (!field || !binding) return;
    const next = field.fieldValue;
    if (this.sent ? this.sent.value === next : (binding.value ?? field.emptyFieldValue) === next) return;
    this.sent = { value: next };
    binding.set(next);
  };
}

/**
 * Whether `element` is a Fallkit field (by shape, not by class: with two copies of the library on a page
 * the fields are the first copy's classes).
 */
function isField(element: Element): element is FkFieldElement<unknown> {
  return 'fieldValue' in element && 'emptyFieldValue' in element && 'locksAsDisabled' in element;
}

/** Binds an internal field to a {@link FieldBinding} (see `FkFormElement.fieldAt`). */
export const bind = directive(BindFieldDirective);
