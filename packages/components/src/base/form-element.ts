import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { IssuePath, Result } from '@fallkit/core';
import { sharedStyles } from '../theme/shared-styles.js';
import { LocalizeController, type MessageRef } from '../controllers/localize-controller.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { SaveConfirmation } from '../controllers/save-confirmation.js';
import { FormDrafts, draftOnBase } from '../controllers/form-drafts.js';
import { FormSaving } from '../controllers/form-saving.js';
import { submitButton, type SaveConflict } from '../controllers/form-notices.js';
import { FormValidity } from '../controllers/form-validity.js';
import { FormRefusals } from '../controllers/form-refusals.js';
import { RemoteChange } from '../controllers/remote-change.js';
import { runSideAction, type SideActionHost } from '../controllers/side-action.js';
import type { MessageCatalog, MessageDictionary, MessageOverrides } from '../i18n/message-catalog.js';
import { pathKey, type Feedback } from './feedback.js';
import { schemaValidator, type ParsingSchema, type SchemaResult, type Validator } from './validator.js';
import { getIn, setIn, unsetIn } from './value-path.js';
import type { FieldBinding, FieldPath, ValueAt } from './field-binding.js';
import { isEmptyLike } from './control-states.js';
import { anchorIn } from './field-anchor.js';
import { FkChangeEvent, type FkChangeDetail } from '../events/fk-change.js';
import { FkSubmitEvent } from '../events/fk-submit.js';
import type { FkEvent } from '../events/fk-event.js';
import type { BatchSaving } from '../list-editing/save-items.js';

export type { SaveConflict } from '../controllers/form-notices.js';

/**
 * The form-associated base of every Fallkit form. A subclass renders its fields, sets `schema` (a core
 * zod/mini schema) or `validators`, and calls `setField()` / `setValue()` on user edits; the base does
 * the rest:
 *
 * - standalone: `value` in, `change` / `fk-change` and `fk-submit` out; inside a host `<form>` it behaves
 *   like a native control: submits its value as JSON under its `name`, takes part in `checkValidity()` /
 *   `reportValidity()` with messages in the user's language (synchronously after a property set), honours
 *   `required` (an empty optional form does not block the host form), `setCustomValidity()`, reset,
 *   restore after back navigation, `disabled` (also from a `<fieldset disabled>`) and `readonly`;
 * - connected (inside `<fk-case-provider>`): loads the case view through `valueFromView()`, saves
 *   through `commandsFor()` (or an overridden `save()`), shows refusals in place and keeps the typed
 *   text as a draft.
 *
 * @summary Form-associated base element: value, validation, drafts, connected saving.
 *
 * @event {FkChangeEvent} change - The user changed the value. `detail: { value, valid }`. Bubbles, composed.
 * @event {FkChangeEvent} fk-change - The same as `change`, under a name hosts can type (React: `onfk-change`).
 * @event {FkSubmitEvent} fk-submit - The user submitted a valid value. `detail` is the validated (parsed) data. Cancel it to stop a connected save.
 * @event {FkSavedEvent} fk-saved - The connected save succeeded. `detail` is the service's result value.
 * @event {FkRefusedEvent} fk-refused - The connected save was refused. `detail: { errors, value }`; the value stays.
 *
 * @csspart status - The live region announcing saved / refused.
 * @csspart saved - The visible confirmation of a stored save (focused after the save).
 * @csspart refusals - The in-place list of refusals of the last save.
 *
 * @cssstate invalid - Fails constraint validation (what blocks the host form).
 * @cssstate valid - Passes constraint validation.
 * @cssstate user-invalid - Invalid and the user has interacted or tried to submit.
 * @cssstate user-valid - Valid after interaction.
 * @cssstate dirty - Changed since the last load, save or reset.
 * @cssstate empty - The value is the empty value.
 * @cssstate required - The form is required.
 * @cssstate disabled - Disabled by its attribute or a disabled `<fieldset>`.
 * @cssstate readonly - Read-only.
 */
export abstract class FkFormElement<
  V extends object = Record<string, unknown>,
  Out = V,
  View = unknown,
  Command = unknown,
> extends LitElement {
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

  /** The case to work on when connected; defaults to the provider's case id. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Keeps a standalone draft under this key (connected forms key drafts by case automatically). */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Text overrides for this element, per language; win over the provider's and the page's. */
  @property({ attribute: false }) messages?: MessageOverrides;

  /** True after submit / reportValidity: every error shows, not only those of touched fields. */
  @state() protected showAllErrors = false;

  /** Whether the value changed since load, save or reset. */
  @state() protected dirty = false;

  /** A newer case version arrived while the user had unsaved edits (see `adoptRemote()`). */
  @state() protected remoteChanged = false;

  /** A draft was restored on connect. */
  @state() protected draftRestored = false;

  /** The last save was refused with `STORE_CONFLICT` (see {@link SaveConflict}); cleared by adopt, re-apply or a save. */
  protected get conflict(): SaveConflict | undefined {
    return this.saving.conflict;
  }
  protected set conflict(next: SaveConflict | undefined) {
    this.saving.conflict = next;
  }

  /**
   * The journal position (`lastSeq`) of the case version the value is based on: sent as `expectedSeq`
   * with every save, so a save over someone else's newer version is refused instead of overwriting it.
   */
  protected get baseSeq(): number | undefined {
    return this.saving.baseSeq;
  }
  protected set baseSeq(seq: number | undefined) {
    this.saving.baseSeq = seq;
  }

  /** The core schema of the value. Used for validation and for the `fk-submit` data. */
  protected schema?: ParsingSchema<Out>;

  /**
   * After a successful save, take over the case as stored: for forms whose saved items get ids,
   * versions or defaults from the core.
   */
  protected adoptStoredAfterSave = false;

  /** The element's internals (form value, validity, custom states). */
  protected readonly internals: ElementInternals;

  /** Texts and formatting in the element's language. Redeclare with your catalog type for typed keys. */
  protected readonly i18n: LocalizeController<MessageDictionary>;

  /** The polite live region; render it with `renderStatus()`. */
  protected readonly announcer: AnnouncerController;

  /** The connection to the provider's case service. */
  protected readonly connection: CaseConnectionController<View, Command>;

  /** Keeps unsaved values (memory, or the provider's draft store), with the version they were typed on. */
  private readonly drafts: FormDrafts<V>;

  /** The connected save: batch write, conflict, and the stored-or-refused life cycle after it. */
  private readonly saving: FormSaving<V, Out, View, Command>;

  /** Validator output, touched fields, error texts per path, the submit check, validity and custom states. */
  private readonly checks: FormValidity<V>;

  /** The refusals block of the last save. */
  private readonly refusals: FormRefusals;

  /** Case versions arriving while the form is edited: the remote-change notice, adopt, re-apply. */
  private readonly remote: RemoteChange<V, View>;

  /** The visible, focused confirmation of a stored save (rendered by `renderStatus()`). */
  protected readonly confirmation: SaveConfirmation;

  private currentValue!: V;
  private ownDisabled = false;
  private ownReadonly = false;
  private ownRequired = false;
  /** The value last handed to the host form (`syncFormValue` skips the same object). */
  private formValueFor: V | undefined;
  private formDisabled = false;
  private initialValue: V | undefined;
  private internalWrite = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    const ctor = this.constructor as typeof FkFormElement;
    this.i18n = new LocalizeController(this, { catalog: ctor.catalog, overrides: () => this.messages });
    this.announcer = new AnnouncerController(this);
    this.confirmation = new SaveConfirmation(this, this.i18n);
    this.connection = new CaseConnectionController<View, Command>(this, {
      caseId: () => this.caseId,
      onView: (view) => this.remote.receive(view),
      onContext: () => this.restoreDraft(),
    });
    this.drafts = new FormDrafts<V>(this, {
      formId: () => (this.name ? `${this.localName}#${this.name}` : this.localName),
      standaloneKey: () => this.draftKey,
      caseId: () => (this.connection?.connected ? this.connection.caseId : undefined),
      store: () => this.connection.context?.drafts,
    });
    this.saving = new FormSaving<V, Out, View, Command>(this, {
      connection: this.connection,
      announcer: this.announcer,
      i18n: this.i18n,
      confirmation: this.confirmation,
      value: () => this.value,
      baseline: () => this.initialValue,
      stored: () => this.storedValue(),
      save: (data) => this.save(data),
      savedSummary: (result) => this.savedSummary(result),
      afterStored: () => this.settleStored(),
      afterRefused: () => this.drafts.keep(this.value, this.baseSeq, this.initialValue),
      focusPath: (path) => this.focusPath(path),
    });
    this.remote = new RemoteChange<V, View>(this, {
      connection: this.connection,
      saving: this.saving,
      announcer: this.announcer,
      i18n: this.i18n,
      valueFromView: (view) => this.valueFromView(view),
      edits: () => ({ dirty: this.dirty, value: this.value, baseline: this.initialValue }),
      setRemoteChanged: (on) => (this.remoteChanged = on),
      rest: (value) => {
        this.internalWrite = true;
        this.value = value;
        this.initialValue = value;
      },
      dropEdits: () => {
        this.dirty = false;
        void this.drafts.discard();
      },
      adopt: () => this.adoptRemote(),
      edit: (value) => this.setValue(value),
      submit: () => this.requestSubmit(),
      reapply: () => this.reapplyOnTop(),
    });
    this.refusals = new FormRefusals({
      connection: this.connection,
      i18n: this.i18n,
      root: () => this.renderRoot,
      inConflict: () => this.conflict !== undefined,
    });
    this.checks = new FormValidity<V>(this, {
      internals: this.internals,
      i18n: this.i18n,
      validators: () => this.validators(),
      isEmpty: (value) => this.isEmptyValue(value),
      refusals: () => this.connection.refusals,
      notices: () => this.connection.notices,
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
    // The case's own echo of a save arrives while the form is still dirty and is held back; once the
    // save is through, forms that ask for it show the case as stored (ids of new items, defaults the
    // core filled in).
    this.addEventListener('fk-saved', (e) => {
      if (e.target === this && this.adoptStoredAfterSave) this.adoptRemote();
    });
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // Leaving a field marks it touched, so its errors show without each form wiring blur handlers.
    // Listened to on the shadow root: moves between two fields of this form never reach the host.
    root.addEventListener('focusout', (event) => {
      const field = event
        .composedPath()
        .find((node): node is HTMLElement => node instanceof HTMLElement && node.dataset['path'] !== undefined);
      if (field && field.getRootNode() === root) this.touch(field.dataset['path']!);
    });
    return root;
  }

  // ---- hooks for subclasses ---------------------------------------------------------------

  /** The value of an empty form. Override; the default is `{}`. */
  protected emptyValue(): V {
    return {} as V;
  }

  /** The blocking and informing validators. Default: the `schema`, if set. */
  protected validators(): readonly Validator<V>[] {
    return this.schema ? [schemaValidator<V>(this.schema)] : [];
  }

  /** The form value for a case view (connected mode), or `undefined` to keep the current value. */
  protected valueFromView(_view: View): V | undefined {
    return undefined;
  }

  /** The command(s) that save `data` (connected mode): saved as one batch, all of them or none. */
  protected commandsFor(_data: Out): Command | readonly Command[] | undefined {
    return undefined;
  }

  /** Saves validated data through the connection. Override for anything beyond `commandsFor()`. */
  protected save(data: Out): Promise<Result<unknown>> {
    // Each refusal comes back as its command alone would have been refused (`['input', …]`): the forms' field paths.
    return this.saving.saveCommands(this.commandsFor(data));
  }

  /**
   * Saves commands as one decision (the port's `executeBatch`): all stored or none, with the
   * `expectedSeq` of the version the value is based on and one `commandId` per user save (the same
   * save retried, e.g. after a timeout, keeps its id, so it is never stored twice). Refusal paths start
   * with `['commands', i]`; a `STORE_CONFLICT` opens the conflict notice ({@link conflict}).
   */
  protected saveBatch(commands: readonly Command[]): Promise<Result<unknown>> {
    return this.saving.saveBatch(commands);
  }

  /** The form's batch save for the list helpers (`saveItemCommands`): `saveBatch` and in-place refusals. */
  protected get batchSaving(): BatchSaving<Command> {
    return {
      saveBatch: (commands) => this.saveBatch(commands),
      showRefusals: (errors) => this.refusals.show(errors),
    };
  }

  /** The form's value in the case as stored now (the latest view), if connected and there is one. */
  private storedValue(): V | undefined {
    const view = this.connection.view;
    return view === undefined ? undefined : this.valueFromView(view);
  }

  /**
   * After a conflict: takes the stored version as the new base and puts the user's change on top of
   * it (fields only one side changed come from that side; where both changed a field the user's value
   * wins; lists of items merge item by item), then saves again.
   */
  reapplyOnTop(): Promise<boolean> {
    return this.remote.reapplyOnTop();
  }

  // ---- value -------------------------------------------------------------------------------

  override connectedCallback(): void {
    if (this.value === undefined) {
      this.internalWrite = true;
      this.value = this.emptyValue();
    }
    super.connectedCallback();
    this.restoreDraft();
  }

  /**
   * Records a user edit of the whole value: marks the form dirty, keeps the draft, validates and
   * fires `change`. `touchedPath` marks which field's errors may now show.
   */
  protected setValue(next: V, touchedPath?: IssuePath | string): void {
    if (this.isDisabled || this.readonly) return;
    if (touchedPath !== undefined) this.checks.touch(touchedPath);
    this.internalWrite = true;
    this.value = next;
    this.dirty = true;
    this.confirmation.clear();
    this.draftRestored = false;
    void this.drafts.keep(next, this.baseSeq, this.initialValue);
    const detail: FkChangeDetail<V> = { value: next, valid: !this.checks.blocked };
    // `change` keeps the native name hosts already listen for; `fk-change` is the typed one (a native name
    // cannot be given another type in GlobalEventHandlersEventMap, and React maps `onChange` to its own).
    this.dispatchEvent(new CustomEvent<FkChangeDetail<V>>('change', { detail, bubbles: true, composed: true }));
    this.dispatchEvent(new FkChangeEvent<V>(detail));
  }

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
    if (changed.has('caseId') || changed.has('draftKey')) this.restoreDraft();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('value') || changed.has('disabled')) this.syncFormValue();
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

  /**
   * Submits: shows all errors and focuses the first if invalid; otherwise fires `fk-submit` with the
   * validated data and, when connected and not cancelled, saves to the case. Resolves `true` when the
   * data was accepted (saved, or handed to the host standalone).
   */
  async requestSubmit(): Promise<boolean> {
    if (this.isDisabled) return false;
    this.showAllErrors = true;
    this.refusals.clear();
    await this.updateComplete;
    const invalid = this.checks.invalidSubmit();
    if (invalid) {
      this.announcer.announce(invalid.announcement);
      this.focusPath(invalid.firstPath);
      return false;
    }
    const data = this.output();
    const proceed = this.dispatchEvent(new FkSubmitEvent<Out>(data));
    if (!proceed || !this.connection.connected) return proceed;
    return this.saving.store(data);
  }

  /** A save was stored: the value is the new baseline, the draft and the attempt's errors go. */
  private async settleStored(): Promise<void> {
    this.dirty = false;
    this.remoteChanged = false;
    this.draftRestored = false;
    this.initialValue = this.value;
    await this.drafts.discard();
    // Stored: the errors of the attempt go (an emptied form is not wrong); the saving shows the
    // confirmation beside the save bar and moves focus there.
    this.showAllErrors = false;
    this.checks.clearTouched();
  }

  /**
   * The value as the schema should see it (default: the value itself). Override to leave out what the
   * form keeps only for the UI, e.g. the fields of a decision kind that is not chosen.
   */
  protected forParsing(value: V): unknown {
    return value;
  }

  /** The validated data: the schema's parse output, or the value itself without a schema. */
  protected output(): Out {
    if (!this.schema) return this.value as unknown as Out;
    const parsed = this.schema.safeParse(this.forParsing(this.value)) as SchemaResult<Out>;
    return parsed.success ? parsed.data : (this.value as unknown as Out);
  }

  /** Moves focus to the field for `path` (or the refusals block). */
  protected focusPath(path: IssuePath): void {
    ((path.length === 0 ? this.refusals.block() : undefined) ?? this.anchorFor(path))?.focus();
  }

  /** Resets to the default value (host form reset, or called directly). */
  formResetCallback(): void {
    this.internalWrite = false;
    this.value = structuredCloneSafe(this.defaultValue ?? this.initialValue ?? this.emptyValue());
    this.initialValue = this.defaultValue ?? this.initialValue;
    this.dirty = false;
    this.showAllErrors = false;
    this.remoteChanged = false;
    this.conflict = undefined;
    this.draftRestored = false;
    this.checks.clearTouched();
    this.refusals.clear();
    void this.drafts.discard();
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

  // ---- form-control behaviour: internals follow every property set at once ----------------------
  // (Kept apart from saving: validity, form value and custom states, the way a native control keeps them.)

  /** The value was set (by the host, an edit, a reset, a restore, the case): validate and sync now. */
  private controlValueChanged(): void {
    if (!this.internals || !this.checks || this.currentValue === undefined || this.currentValue === null) return;
    this.checks.validate(this.currentValue);
    this.syncFormValue();
    this.checks.sync(this.currentValue);
  }

  /** `disabled`, `readonly`, `required` or the custom error changed: validity and states follow now. */
  private controlStateChanged(): void {
    if (!this.internals || !this.checks) return;
    this.checks.sync(this.currentValue);
  }

  private syncFormValue(): void {
    // The setter and `updated()` both sync; the second time the value is the same object (edits are
    // immutable), and re-serialising a 200-measure plan twice per keystroke was most of its cost.
    if (this.formValueFor === this.currentValue && this.currentValue !== undefined) return;
    this.formValueFor = this.currentValue;
    const json = this.formValueJson(this.currentValue);
    this.internals.setFormValue(json, json);
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

  // ---- connected mode ----------------------------------------------------------------------

  /** Discards the local edits and takes the case's current version. */
  adoptRemote(): void {
    this.remote.adopt();
  }

  /** Throws away the kept draft and goes back to the default / loaded value. */
  discardDraft(): void {
    this.formResetCallback();
  }

  private restoreDraft(): void {
    // Called by the connection's first context callback too, which can come before the constructor is done.
    if (!this.drafts) return;
    this.drafts.restoreOnce((draft) => {
      this.internalWrite = true;
      this.value = draft.value;
      this.dirty = true;
      this.draftRestored = true;
      const base = draftOnBase({ baseSeq: this.baseSeq, initial: this.initialValue }, draft);
      this.baseSeq = base.baseSeq;
      this.initialValue = base.initial;
      if (base.remoteChanged) this.remoteChanged = true;
      this.announcer.announce(this.i18n.t('status.draftRestored'));
    });
  }

  // ---- rendering helpers -------------------------------------------------------------------

  /** The live region (polite). Render once; `visible` shows it as a status line as well. */
  /** The confirmation of the last stored save (when shown) and the live region. */
  protected renderStatus(visible = false) {
    return html`${this.confirmation.render()}${this.announcer.render({ visible })}`;
  }

  /**
   * One sentence on what the last save stored, shown in the confirmation (`"2 Kontakte, 1
   * Wiedervorlage"`); `undefined` for none. Override to name the new state.
   */
  protected savedSummary(_result: unknown): string | undefined {
    return undefined;
  }

  /**
   * Runs an action beside the form's save (confirm, withdraw, a status change): fires `event` (a cancelable
   * Fallkit event, so a host may handle the action itself), then, connected, executes `command`.
   * A refusal is announced and focus moves to the refusals shown in place.
   *
   * @returns `cancelled` (the host cancelled the event), `standalone` (no connection: the event was the
   * action), `done` (the command went through) or `refused`.
   */
  protected runSideAction<D>(
    event: FkEvent<D>,
    command: Command,
  ): Promise<'cancelled' | 'standalone' | 'done' | 'refused'> {
    // Not async: the action's own promise goes back as it is, so the caller resumes as early as it did
    // when the action ran here (a wrapping async function would add ticks, and the event's listeners
    // would see the form before the action's outcome was applied).
    const host: SideActionHost<View, Command> = {
      dispatch: (e) => this.dispatchEvent(e),
      connection: this.connection,
      announcer: this.announcer,
      i18n: this.i18n,
      rendered: () => this.updateComplete,
      renderRoot: this.renderRoot,
    };
    return runSideAction(host, event, command);
  }

  /**
   * The notice that the case changed elsewhere while the user has unsaved edits (`remoteChanged`),
   * with a button to take the stored version over; nothing otherwise.
   */
  protected renderRemoteChanged(message: string, adoptLabel: string) {
    if (this.conflict) return this.renderConflict(this.conflict);
    if (!this.remoteChanged) return nothing;
    return this.remote.notice(message, adoptLabel);
  }

  /**
   * The conflict notice after a `STORE_CONFLICT` (rendered by {@link renderRemoteChanged}): who
   * changed the case and when, which of the form's fields differ, that the input is kept, and the two
   * ways on: take the stored version, or re-apply the change on top of it.
   */
  protected renderConflict(conflict: SaveConflict) {
    return this.remote.conflictNotice(conflict);
  }

  /** The actions row with only the save button; nothing while the form is read-only or disabled. */
  protected renderSubmitActions(label: string) {
    if (this.readonly || this.isDisabled) return nothing;
    return html`<div class="actions actions--end" part="actions">${this.renderSubmitButton(label)}</div>`;
  }

  /**
   * The form's save button (`part="submit"`), disabled while a command is on its way so a second click
   * cannot send the edit twice, or while `blocked` (a form-specific reason not to save).
   */
  protected renderSubmitButton(label: string, blocked = false) {
    return submitButton(label, blocked || this.connection.pending, () => void this.requestSubmit());
  }

  /**
   * The refusals of the last save, in place: message, hint and rule per refusal. Focusable so focus
   * can move there after a refusal that names no field.
   */
  protected renderRefusals() {
    return this.refusals.render();
  }
}

function structuredCloneSafe<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
