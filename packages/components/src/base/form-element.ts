import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { IssuePath, Notice, Refusal, Result } from '@fallkit/core';
import type { AnnouncerController } from '../controllers/announcer-controller.js';
import type { CaseConnectionController } from '../controllers/case-connection-controller.js';
import type { SaveConfirmation } from '../controllers/save-confirmation.js';
import { ConnectedForm } from '../controllers/connected-form.js';
import { draftOnBase } from '../controllers/form-drafts.js';
import { submitButton, type SaveConflict } from '../controllers/form-notices.js';
import { FkFormControl } from './form-control.js';
import type { SchemaResult } from './validator.js';
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
 * The native control's part (value, flags, validity, the feedback per field) is {@link FkFormControl}; the
 * connected controllers, wired to each other, are one `ConnectedForm`.
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
> extends FkFormControl<V, Out> {
  /** The case to work on when connected; defaults to the provider's case id. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Keeps a standalone draft under this key (connected forms key drafts by case automatically). */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** A newer case version arrived while the user had unsaved edits (see `adoptRemote()`). */
  @state() protected remoteChanged = false;

  /** A draft was restored on connect. */
  @state() protected draftRestored = false;

  /** The last save was refused with `STORE_CONFLICT` (see {@link SaveConflict}); cleared by adopt, re-apply or a save. */
  protected get conflict(): SaveConflict | undefined {
    return this.connectedForm.saving.conflict;
  }
  protected set conflict(next: SaveConflict | undefined) {
    this.connectedForm.saving.conflict = next;
  }

  /**
   * The journal position (`lastSeq`) of the case version the value is based on: sent as `expectedSeq`
   * with every save, so a save over someone else's newer version is refused instead of overwriting it.
   */
  protected get baseSeq(): number | undefined {
    return this.connectedForm.saving.baseSeq;
  }
  protected set baseSeq(seq: number | undefined) {
    this.connectedForm.saving.baseSeq = seq;
  }

  /**
   * After a successful save, take over the case as stored: for forms whose saved items get ids,
   * versions or defaults from the core.
   */
  protected adoptStoredAfterSave = false;

  /** The polite live region; render it with `renderStatus()`. */
  protected readonly announcer: AnnouncerController;

  /** The connection to the provider's case service. */
  protected readonly connection: CaseConnectionController<View, Command>;

  /** The visible, focused confirmation of a stored save (rendered by `renderStatus()`). */
  protected readonly confirmation: SaveConfirmation;

  /** The connected controllers (drafts, saving, remote changes, refusals), wired to each other. */
  private readonly connectedForm: ConnectedForm<V, Out, View, Command>;

  constructor() {
    super();
    this.connectedForm = new ConnectedForm<V, Out, View, Command>(this, {
      i18n: this.i18n,
      caseId: () => this.caseId,
      onContext: () => this.restoreDraft(),
      formId: () => (this.name ? `${this.localName}#${this.name}` : this.localName),
      standaloneKey: () => this.draftKey,
      value: () => this.value,
      baseline: () => this.initialValue,
      save: (data) => this.save(data),
      savedSummary: (result) => this.savedSummary(result),
      afterStored: () => this.settleStored(),
      focusPath: (path) => this.focusPath(path),
      valueFromView: (view) => this.valueFromView(view),
      edits: () => ({ dirty: this.dirty, value: this.value, baseline: this.initialValue }),
      setRemoteChanged: (on) => (this.remoteChanged = on),
      rest: (value) => {
        this.writeValue(value);
        this.initialValue = value;
      },
      clean: () => (this.dirty = false),
      adopt: () => this.adoptRemote(),
      edit: (value) => this.setValue(value),
      submit: () => this.requestSubmit(),
      reapply: () => this.reapplyOnTop(),
    });
    ({ announcer: this.announcer, connection: this.connection, confirmation: this.confirmation } = this.connectedForm);
    // The case's own echo of a save arrives while the form is still dirty and is held back; once the
    // save is through, forms that ask for it show the case as stored (ids of new items, defaults the
    // core filled in).
    this.addEventListener('fk-saved', (e) => {
      if (e.target === this && this.adoptStoredAfterSave) this.adoptRemote();
    });
  }

  /** @internal The connection's refusals of the last save and the core's notices, shown at their paths. */
  protected override placedFeedback(): { readonly refusals: readonly Refusal[]; readonly notices: readonly Notice[] } {
    // Asked for by the validity controller, which the base builds before this constructor made the connection.
    const { connection } = this;
    return connection ? { refusals: connection.refusals, notices: connection.notices } : super.placedFeedback();
  }

  // ---- hooks for subclasses ---------------------------------------------------------------

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
    return this.connectedForm.saving.saveCommands(this.commandsFor(data));
  }

  /**
   * Saves commands as one decision (the port's `executeBatch`): all stored or none, with the
   * `expectedSeq` of the version the value is based on and one `commandId` per user save (the same
   * save retried, e.g. after a timeout, keeps its id, so it is never stored twice). Refusal paths start
   * with `['commands', i]`; a `STORE_CONFLICT` opens the conflict notice ({@link conflict}).
   */
  protected saveBatch(commands: readonly Command[]): Promise<Result<unknown>> {
    return this.connectedForm.saving.saveBatch(commands);
  }

  /** The form's batch save for the list helpers (`saveItemCommands`): `saveBatch` and in-place refusals. */
  protected get batchSaving(): BatchSaving<Command> {
    return {
      saveBatch: (commands) => this.saveBatch(commands),
      showRefusals: (errors) => this.connectedForm.refusals.show(errors),
    };
  }

  /**
   * After a conflict: takes the stored version as the new base and puts the user's change on top of
   * it (fields only one side changed come from that side; where both changed a field the user's value
   * wins; lists of items merge item by item), then saves again.
   */
  reapplyOnTop(): Promise<boolean> {
    return this.connectedForm.remote.reapplyOnTop();
  }

  // ---- value -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.restoreDraft();
  }

  /**
   * Records a user edit of the whole value: marks the form dirty, keeps the draft, validates and
   * fires `change`. `touchedPath` marks which field's errors may now show.
   */
  protected override setValue(next: V, touchedPath?: IssuePath | string): void {
    if (this.isDisabled || this.readonly) return;
    if (touchedPath !== undefined) this.checks.touch(touchedPath);
    this.writeValue(next);
    this.dirty = true;
    this.confirmation.clear();
    this.draftRestored = false;
    void this.connectedForm.drafts.keep(next, this.baseSeq, this.initialValue);
    const detail: FkChangeDetail<V> = { value: next, valid: !this.checks.blocked };
    // `change` keeps the native name hosts already listen for; `fk-change` is the typed one (a native name
    // cannot be given another type in GlobalEventHandlersEventMap, and React maps `onChange` to its own).
    this.dispatchEvent(new CustomEvent<FkChangeDetail<V>>('change', { detail, bubbles: true, composed: true }));
    this.dispatchEvent(new FkChangeEvent<V>(detail));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('caseId') || changed.has('draftKey')) this.restoreDraft();
  }

  /**
   * Submits: shows all errors and focuses the first if invalid; otherwise fires `fk-submit` with the
   * validated data and, when connected and not cancelled, saves to the case. Resolves `true` when the
   * data was accepted (saved, or handed to the host standalone).
   */
  async requestSubmit(): Promise<boolean> {
    if (this.isDisabled) return false;
    this.showAllErrors = true;
    this.connectedForm.refusals.clear();
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
    return this.connectedForm.saving.store(data);
  }

  /** A save was stored: the value is the new baseline, the draft and the attempt's errors go. */
  private async settleStored(): Promise<void> {
    this.dirty = false;
    this.remoteChanged = false;
    this.draftRestored = false;
    this.initialValue = this.value;
    await this.connectedForm.drafts.discard();
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
    ((path.length === 0 ? this.connectedForm.refusals.block() : undefined) ?? this.anchorFor(path))?.focus();
  }

  /** Resets to the default value (host form reset, or called directly). */
  override formResetCallback(): void {
    super.formResetCallback();
    this.remoteChanged = false;
    this.conflict = undefined;
    this.draftRestored = false;
    this.connectedForm.refusals.clear();
    void this.connectedForm.drafts.discard();
  }

  // ---- connected mode ----------------------------------------------------------------------

  /** Discards the local edits and takes the case's current version. */
  adoptRemote(): void {
    this.connectedForm.remote.adopt();
  }

  /** Throws away the kept draft and goes back to the default / loaded value. */
  discardDraft(): void {
    this.formResetCallback();
  }

  private restoreDraft(): void {
    // Called by the connection's first context callback too, which can come before the constructor is done.
    if (!this.connectedForm) return;
    this.connectedForm.drafts.restoreOnce((draft) => {
      this.writeValue(draft.value);
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
    return this.connectedForm.sideAction(event, command);
  }

  /**
   * The notice that the case changed elsewhere while the user has unsaved edits (`remoteChanged`),
   * with a button to take the stored version over; nothing otherwise.
   */
  protected renderRemoteChanged(message: string, adoptLabel: string) {
    if (this.conflict) return this.renderConflict(this.conflict);
    if (!this.remoteChanged) return nothing;
    return this.connectedForm.remote.notice(message, adoptLabel);
  }

  /**
   * The conflict notice after a `STORE_CONFLICT` (rendered by {@link renderRemoteChanged}): who
   * changed the case and when, which of the form's fields differ, that the input is kept, and the two
   * ways on: take the stored version, or re-apply the change on top of it.
   */
  protected renderConflict(conflict: SaveConflict) {
    return this.connectedForm.remote.conflictNotice(conflict);
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
    return this.connectedForm.refusals.render();
  }
}
