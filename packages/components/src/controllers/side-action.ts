import type { Result } from '@fallkit/core';
import { commandRefusals } from '../base/batch-refusals.js';
import type { FkEvent } from '../events/fk-event.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import type { AnnouncerController } from './announcer-controller.js';
import { refusalsBlock } from './form-refusals.js';
import type { CaseConnectionController } from './case-connection-controller.js';
import type { LocalizeController } from './localize-controller.js';

/** How a side action ended (see {@link runSideAction}). */
export type SideActionOutcome = 'cancelled' | 'standalone' | 'done' | 'refused';

/** What a side action needs of its form. */
export interface SideActionHost<View, Command> {
  /** Fires the action's event on the form; `false` when a listener cancelled it. */
  dispatch(event: Event): boolean;
  readonly connection: CaseConnectionController<View, Command>;
  readonly announcer: AnnouncerController;
  readonly i18n: LocalizeController<MessageDictionary>;
  /** The form's next render (read after the command, like `updateComplete`). */
  rendered(): Promise<unknown>;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Runs an action beside a form's save (confirm, withdraw, a status change): fires `event` (a cancelable
 * Fallkit event, so a host may handle the action itself), then, connected, executes `command` as a
 * batch of one with a fresh command id (one click, one id: a retried action is not stored twice) and no
 * `expectedSeq` (the action applies to the case as it stands: the guards decide, not the version a form
 * was based on). A refusal is shown in place, announced, and focus moves to it. The base form's
 * `runSideAction()` calls this.
 */
export async function runSideAction<D, View, Command>(
  host: SideActionHost<View, Command>,
  event: FkEvent<D>,
  command: Command,
): Promise<SideActionOutcome> {
  const proceed = host.dispatch(event);
  if (!proceed) return 'cancelled';
  const connection = host.connection;
  if (!connection.connected) return 'standalone';
  const sent = await connection.executeBatch([command], { commandId: connection.newCommandId() });
  const result: Result<unknown> = sent.ok
    ? sent
    : { ok: false, errors: commandRefusals(sent.errors).map(({ refusal }) => refusal) };
  if (!result.ok) connection.refusals = result.errors;
  if (result.ok) return 'done';
  const t = host.i18n;
  host.announcer.announce(t.t('status.refused', { reason: result.errors.map((e) => t.text(e.message)).join(' ') }));
  await host.rendered();
  refusalsBlock(host.renderRoot)?.focus();
  return 'refused';
}
