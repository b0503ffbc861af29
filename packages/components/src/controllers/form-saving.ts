import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IssuePath, Refusal, Result } from '@fallkit/core';
import { commandRefusals } from '../base/batch-refusals.js';
import { changedPaths } from '../base/three-way-merge.js';
import { FkSavedEvent } from '../events/fk-saved.js';
import { FkRefusedEvent } from '../events/fk-refused.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import type { AnnouncerController } from './announcer-controller.js';
import type { CaseConnectionController } from './case-connection-controller.js';
import type { SaveConflict } from './form-notices.js';
import type { LocalizeController } from './localize-controller.js';
import type { SaveConfirmation } from './save-confirmation.js';

/** The journal position a pushed case view is at (`CaseState.lastSeq`), if it has one. */
export function seqOfView(view: unknown): number | undefined {
  const seq = (view as { lastSeq?: unknown } | null | undefined)?.lastSeq;
  return typeof seq === 'number' ? seq : undefined;
}

/** The refusal of a form that has no command for its data (`commandsFor()` returned nothing). */
const NO_COMMAND: Refusal = {
  code: 'COMPONENT_NO_COMMAND',
  rule: 'COMPONENT',
  message: {
    de: 'Dieses Formular kann nicht direkt im Fall speichern.',
    en: 'This form cannot save to the case directly.',
  },
};

/** What the saving needs of the connection (the case connection controller has it; a test may fake it). */
export type SavingConnection<View, Command> = Pick<
  CaseConnectionController<View, Command>,
  'executeBatch' | 'newCommandId' | 'writesAfter' | 'refusals'
>;

/** Options of {@link FormSaving}: the form's parts it works with and the steps only the form can take. */
export interface FormSavingOptions<V, Out, View, Command> {
  readonly connection: SavingConnection<View, Command>;
  readonly announcer: Pick<AnnouncerController, 'announce'>;
  readonly i18n: Pick<LocalizeController<MessageDictionary>, 't' | 'text'>;
  readonly confirmation: Pick<SaveConfirmation, 'confirm'>;
  /** The form's value now. */
  value(): V;
  /** The stored value the edits started from (the base of a three-way comparison). */
  baseline(): V | undefined;
  /** The form's value in the case as stored now (the connection's latest view), if there is one. */
  stored(): V | undefined;
  /** Saves validated data (the form's `save()`, which may be overridden). */
  save(data: Out): Promise<Result<unknown>>;
  /** One sentence on what a save stored, for the confirmation. */
  savedSummary(result: unknown): string | undefined;
  /** The save was stored: the form takes its value as the new baseline and forgets the draft. */
  afterStored(): Promise<void>;
  /** The save was refused: the form keeps its value (as a draft). */
  afterRefused(): Promise<void>;
  /** Moves focus to the field at `path` (or the refusals block for `[]`). */
  focusPath(path: IssuePath): void;
}

/**
 * The connected save of a form, from the valid data to the user's next step: one batch write with the
 * journal position the value rests on (`expectedSeq`) and one command id per user save (a retry of the
 * same save keeps it, so it is never stored twice); then either the stored case (announced, `fk-saved`,
 * the confirmation beside the save bar takes focus) or the refusal (announced with "draft kept",
 * `fk-refused`, refusals in place, focus at the first refused field). A `STORE_CONFLICT` opens the
 * conflict ({@link conflict}): who wrote since, and which of the form's fields differ.
 *
 * The base form owns one and delegates `saveBatch()`, `save()` and the saving half of `requestSubmit()`.
 */
export class FormSaving<V, Out, View, Command> implements ReactiveController {
  private position: number | undefined;
  private openedConflict: SaveConflict | undefined;
  /** The current user save and its id: the same save retried keeps the id (idempotent), a new one gets a new id. */
  private attempt: { readonly key: string; readonly commandId: string } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: FormSavingOptions<V, Out, View, Command>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * The journal position (`lastSeq`) of the case version the value rests on: sent as `expectedSeq` with
   * every save, so a save over someone else's newer version is refused instead of overwriting it.
   */
  get baseSeq(): number | undefined {
    return this.position;
  }
  set baseSeq(seq: number | undefined) {
    this.position = seq;
  }

  /** The open conflict after a `STORE_CONFLICT`; cleared by a stored save, or by the form (adopt, reset). */
  get conflict(): SaveConflict | undefined {
    return this.openedConflict;
  }
  set conflict(next: SaveConflict | undefined) {
    if (next === this.openedConflict) return;
    this.openedConflict = next;
    this.host.requestUpdate();
  }

  /** A newer version arrived during a conflict: the changed fields are named again against it. */
  refreshConflict(): void {
    if (this.openedConflict) this.conflict = { ...this.openedConflict, fields: this.fieldsChangedElsewhere() };
  }

  /**
   * Saves the commands of a form's data as one batch (`undefined`: the form has none, refused with
   * `COMPONENT_NO_COMMAND`). Refusal paths come back as each command alone would have had them
   * (`['input', …]`, the form's field paths) and stay on the connection for display in place.
   */
  async saveCommands(commands: Command | readonly Command[] | undefined): Promise<Result<unknown>> {
    if (commands === undefined) return { ok: false, errors: [NO_COMMAND] };
    const list = (Array.isArray(commands) ? commands : [commands]) as readonly Command[];
    const result = await this.saveBatch(list);
    if (result.ok) return result;
    const errors = commandRefusals(result.errors).map(({ refusal }) => refusal);
    this.options.connection.refusals = errors;
    return { ok: false, errors };
  }

  /**
   * Saves commands as one decision (the port's `executeBatch`): all stored or none, with the
   * `expectedSeq` of the version the value rests on and one `commandId` per user save. Refusal paths start
   * with `['commands', i]`; a `STORE_CONFLICT` opens the conflict.
   */
  async saveBatch(commands: readonly Command[]): Promise<Result<unknown>> {
    const connection = this.options.connection;
    const expectedSeq = this.position;
    const key = JSON.stringify([expectedSeq ?? null, commands]);
    if (this.attempt?.key !== key) this.attempt = { key, commandId: connection.newCommandId() };
    const { commandId } = this.attempt;
    const result = await connection.executeBatch(commands, {
      commandId,
      ...(expectedSeq === undefined ? {} : { expectedSeq }),
    });
    if (result.ok) {
      this.attempt = undefined;
      const stored = seqOfView((result.value as { state?: unknown } | undefined)?.state);
      if (stored !== undefined) this.position = stored;
      this.conflict = undefined;
    } else if (expectedSeq !== undefined && result.errors.some((e) => e.code === 'STORE_CONFLICT')) {
      void this.openConflict(expectedSeq);
    }
    return result;
  }

  /**
   * Saves valid data (the form's `save()`) and carries the outcome to the user: stored, or refused with the
   * value kept. Resolves `true` when stored.
   */
  async store(data: Out): Promise<boolean> {
    const { announcer, i18n, confirmation } = this.options;
    announcer.announce(i18n.t('status.saving'));
    const result = await this.options.save(data);
    if (result.ok) {
      this.conflict = undefined;
      await this.options.afterStored();
      announcer.announce(i18n.t('status.saved'));
      this.host.dispatchEvent(new FkSavedEvent(result.value));
      await confirmation.confirm(this.options.savedSummary(result.value));
      return true;
    }
    // Never lose typed text: the value stays as it is and is kept as a draft.
    await this.options.afterRefused();
    const reason = result.errors.map((e) => i18n.text(e.message)).join(' ');
    announcer.announce(`${i18n.t('status.refused', { reason })} ${i18n.t('status.draftKept')}`);
    this.host.dispatchEvent(new FkRefusedEvent<V>({ errors: result.errors, value: this.options.value() }));
    this.host.requestUpdate();
    await this.host.updateComplete;
    const withPath = result.errors.find((e) => e.path && e.path.length > 0);
    this.options.focusPath(withPath?.path ?? []);
    return false;
  }

  /** Fills the conflict: the fields that differ in the stored version, and who wrote since. */
  private async openConflict(baseSeq: number): Promise<void> {
    this.conflict = { baseSeq, who: [], fields: this.fieldsChangedElsewhere() };
    const writes = await this.options.connection.writesAfter(baseSeq);
    if (this.openedConflict?.baseSeq !== baseSeq) return;
    const who = [...new Set(writes.map((w) => w.who))];
    const at = writes.at(-1)?.at;
    this.conflict = {
      ...this.openedConflict,
      who,
      ...(at === undefined ? {} : { at }),
      fields: this.fieldsChangedElsewhere(),
    };
  }

  /** The form fields whose stored version differs from the one the value rests on, as readable paths. */
  private fieldsChangedElsewhere(): string[] {
    const stored = this.options.stored();
    if (stored === undefined) return [];
    return changedPaths(this.options.baseline(), stored).map((path) => path.join(' › '));
  }
}
