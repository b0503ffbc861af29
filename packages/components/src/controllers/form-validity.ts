import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IssuePath, Notice, Refusal } from '@fallkit/core';
import { feedbackAt, feedbackFromNotices, feedbackFromRefusals, pathKey, type Feedback } from '../base/feedback.js';
import type { Validator } from '../base/validator.js';
import { setState } from '../base/control-states.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import type { LocalizeController } from './localize-controller.js';

/*
 * A form's validity and feedback: the validators' output for the current value, which fields the user
 * touched, the error and warning texts per field path, the form-level summary of a failed submit, and what
 * the element tells the host form (validity with its message anchored at the field, the custom states).
 * The base form keeps the value and its flags (`showAllErrors`, `dirty`, ...) and hands them in; this
 * controller keeps the reasoning, so it can be read (and tested) alone.
 */

/** Options of {@link FormValidity}: the form's parts it works with and the flags only the form keeps. */
export interface FormValidityOptions<V> {
  /** Where validity and custom states go (the element's internals; a test may fake it). */
  readonly internals: Pick<ElementInternals, 'setValidity' | 'validity' | 'states'>;
  readonly i18n: Pick<LocalizeController<MessageDictionary>, 't' | 'resolve'>;
  /** The blocking and informing validators (the form's `validators()`). */
  validators(): readonly Validator<V>[];
  /** Whether `value` counts as empty for `required` (the form's `isEmptyValue()`). */
  isEmpty(value: V): boolean;
  /** The refusals of the last connected save and the core's notices, shown at their paths. */
  refusals(): readonly Refusal[];
  notices(): readonly Notice[];
  /** The form's flags now. */
  flags(): {
    readonly required: boolean;
    readonly disabled: boolean;
    readonly readonly: boolean;
    readonly dirty: boolean;
    /** After a submit attempt or `reportValidity()`: every error shows, not only those of touched fields. */
    readonly showAll: boolean;
  };
  /** The element in the form that stands for `path` (where the browser's bubble anchors). */
  anchor(path: IssuePath): HTMLElement | undefined;
}

/** Why a submit did not go through: the sentence to announce, and where the first error is. */
export interface InvalidSubmit {
  readonly announcement: string;
  readonly firstPath: IssuePath;
}

/**
 * The validity and feedback of a form's value. The base form owns one, calls {@link validate} when the value
 * was set and {@link sync} when a flag changed or after rendering, and delegates `errorAt()`, `warningAt()`,
 * `mayShowErrors()`, `touch()`, `feedback`, `setCustomValidity()` and the check of `requestSubmit()`.
 */
export class FormValidity<V> implements ReactiveController {
  /** The value {@link validation} was computed for (the setter computes it; an update only when it did not). */
  private validatedFor: V | undefined;
  private validation: readonly Feedback[] = [];
  private readonly touched = new Set<string>();
  private customMessage = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FormValidityOptions<V>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The value was set: validates it (again, like the element's setter always did). */
  validate(value: V | undefined): void {
    if (value === undefined || value === null) return;
    this.validation = this.options.validators().flatMap((v) => v.validate(value));
    this.validatedFor = value;
  }

  /** Validates `value` unless it is the value validated last (the setter did it already). */
  validateIfNew(value: V | undefined): void {
    if (this.validatedFor !== value) this.validate(value);
  }

  /** All feedback: validator output, refusals of the last connected save, and notices of the core. */
  get feedback(): readonly Feedback[] {
    return [
      ...this.validation,
      ...feedbackFromRefusals(this.options.refusals()),
      ...feedbackFromNotices(this.options.notices()),
    ];
  }

  /** Whether the validators found an error that blocks saving. */
  get blocked(): boolean {
    return this.validation.some((f) => f.type === 'error');
  }

  /** Marks the field at `path` touched (its errors may show); `true` when it was not before. */
  touch(path: IssuePath | string): boolean {
    const key = typeof path === 'string' ? path : pathKey(path);
    if (this.touched.has(key)) return false;
    this.touched.add(key);
    return true;
  }

  /** Forgets which fields were touched (reset, stored save). */
  clearTouched(): void {
    this.touched.clear();
  }

  /** Whether errors at `path` may be shown (touched, or after a submit attempt). */
  mayShow(path: IssuePath | string): boolean {
    if (this.options.flags().showAll) return true;
    const key = typeof path === 'string' ? path : pathKey(path);
    for (const t of this.touched) if (t === key || key.startsWith(`${t}.`) || t.startsWith(`${key}.`)) return true;
    return false;
  }

  /** The localized error text at `path` (`nested`: with its children): refusals always, validation once it may show. */
  errorAt(path: IssuePath | string, nested = false): string | undefined {
    const p = splitPath(path);
    const validation = this.mayShow(p) ? feedbackAt(this.validation, p, nested) : [];
    const refusals = feedbackAt(feedbackFromRefusals(this.options.refusals()), p, nested);
    return this.texts([...refusals, ...validation].filter((f) => f.type === 'error'));
  }

  /** Warnings and infos at `path`, localized (not blocking). */
  warningAt(path: IssuePath | string): string | undefined {
    return this.texts(
      feedbackAt(this.feedback, splitPath(path)).filter((f) => f.type === 'warning' || f.type === 'info'),
    );
  }

  /** The custom error (`setCustomValidity()`), '' for none. */
  get customValidity(): string {
    return this.customMessage;
  }
  set customValidity(message: string) {
    this.customMessage = String(message ?? '');
  }

  /**
   * The check of a submit: `undefined` when the validators found no error, else the form-level summary to
   * announce ("Bitte prüfen Sie 2 Angaben.") and the path of the first error, where focus goes.
   */
  invalidSubmit(): InvalidSubmit | undefined {
    const errors = this.validation.filter((f) => f.type === 'error');
    if (errors.length === 0) return undefined;
    const t = this.options.i18n;
    const reason =
      errors.length === 1 ? t.t('validation.summaryOne') : t.t('validation.summary', { count: errors.length });
    return { announcement: t.t('status.invalid', { reason }), firstPath: errors[0]!.path };
  }

  /** Validity (with its message, anchored at the field) and custom states follow the value and flags now. */
  sync(value: V | undefined): void {
    this.syncValidity(value);
    this.syncStates(value);
  }

  /** The validity alone, as `checkValidity()` needs it. */
  syncValidity(value: V | undefined): void {
    const { internals } = this.options;
    const flags = this.options.flags();
    const error = flags.disabled || flags.readonly ? undefined : this.constraintError(value);
    if (!error) {
      internals.setValidity({});
      return;
    }
    const anchor = this.options.anchor(error.path);
    if (anchor) internals.setValidity(error.flags, error.message, anchor);
    else internals.setValidity(error.flags, error.message);
  }

  /** The error that makes the element invalid for the host form, if any. */
  private constraintError(
    value: V | undefined,
  ): { flags: ValidityStateFlags; message: string; path: IssuePath } | undefined {
    if (this.customMessage) return { flags: { customError: true }, message: this.customMessage, path: [] };
    if (value === undefined || value === null) return undefined;
    const empty = this.options.isEmpty(value);
    if (empty && !this.options.flags().required) return undefined;
    const first = this.validation.find((f) => f.type === 'error');
    if (first)
      return {
        flags: { [first.flag ?? 'customError']: true },
        message: this.options.i18n.resolve(first.message),
        path: first.path,
      };
    if (empty) return { flags: { valueMissing: true }, message: this.options.i18n.t('validation.required'), path: [] };
    return undefined;
  }

  private syncStates(value: V | undefined): void {
    const { internals } = this.options;
    const flags = this.options.flags();
    const barred = flags.disabled || flags.readonly;
    const invalid = !barred && !internals.validity.valid;
    const interacted = flags.showAll || this.touched.size > 0;
    setState(internals, 'invalid', invalid);
    setState(internals, 'valid', !invalid);
    setState(internals, 'user-invalid', interacted && invalid);
    setState(internals, 'user-valid', interacted && !invalid);
    setState(internals, 'dirty', flags.dirty);
    setState(internals, 'empty', value !== undefined && value !== null && this.options.isEmpty(value));
    setState(internals, 'required', flags.required);
    setState(internals, 'disabled', flags.disabled);
    setState(internals, 'readonly', flags.readonly);
  }

  private texts(items: readonly Feedback[]): string | undefined {
    return items.length ? [...new Set(items.map((f) => this.options.i18n.resolve(f.message)))].join(' ') : undefined;
  }
}

function splitPath(path: IssuePath | string): IssuePath {
  return typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path;
}
