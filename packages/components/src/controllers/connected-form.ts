import type { ReactiveControllerHost } from 'lit';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import { AnnouncerController } from './announcer-controller.js';
import { CaseConnectionController, type CaseConnectionOptions } from './case-connection-controller.js';
import { FormDrafts, type FormDraftsOptions } from './form-drafts.js';
import { FormRefusals } from './form-refusals.js';
import { FormSaving, type FormSavingOptions } from './form-saving.js';
import type { LocalizeController } from './localize-controller.js';
import { RemoteChange, type RemoteChangeOptions } from './remote-change.js';
import { SaveConfirmation } from './save-confirmation.js';
import { runSideAction, type SideActionOutcome } from './side-action.js';
import type { FkEvent } from '../events/fk-event.js';

/*
 * The controllers of a connected form, wired to each other: the connection hands each case view to the
 * remote-change handling, the drafts key by the connected case, the saving announces, confirms and keeps
 * the draft of a refused save, the refusals block leaves out what the conflict notice explains. The wiring
 * among them lives here, beside them; the form hands over its own state and steps once
 * ({@link ConnectedFormHooks}) and keeps only what a subclass sees.
 */

/** The element a connected form's controllers are added to, with the render root they focus in. */
type ConnectedHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * What the connected controllers need of their form: its state and steps, each read when needed, under the
 * names the controllers' options give them (so they are handed on as they are, not wrapped once more).
 */
export type ConnectedFormHooks<V, Out, View> = Required<Pick<CaseConnectionOptions<View>, 'caseId' | 'onContext'>> &
  Pick<FormDraftsOptions, 'formId' | 'standaloneKey'> &
  Pick<
    FormSavingOptions<V, Out, View, unknown>,
    'value' | 'baseline' | 'save' | 'savedSummary' | 'afterStored' | 'focusPath'
  > &
  Pick<
    RemoteChangeOptions<V, View>,
    'valueFromView' | 'edits' | 'setRemoteChanged' | 'rest' | 'adopt' | 'edit' | 'submit' | 'reapply'
  > & {
    readonly i18n: LocalizeController<MessageDictionary>;
    /** The form has no unsaved edits any more (they were dropped for the stored version). */
    clean(): void;
  };

/**
 * The connected part of a form: the case connection, its drafts, the save with its conflict, the
 * remote-change handling, the refusals block, the live region and the save confirmation. The base form
 * owns one (built in its constructor, so the controllers are added in the order they always were).
 */
export class ConnectedForm<V, Out, View, Command> {
  /** The polite live region. */
  readonly announcer: AnnouncerController;
  /** The visible, focused confirmation of a stored save. */
  readonly confirmation: SaveConfirmation;
  /** The connection to the provider's case service. */
  readonly connection: CaseConnectionController<View, Command>;
  /** Keeps unsaved values (memory, or the provider's draft store), with the version they were typed on. */
  readonly drafts: FormDrafts<V>;
  /** The connected save: batch write, conflict, and the stored-or-refused life cycle after it. */
  readonly saving: FormSaving<V, Out, View, Command>;
  /** Case versions arriving while the form is edited: the remote-change notice, adopt, re-apply. */
  readonly remote: RemoteChange<V, View>;
  /** The refusals block of the last save. */
  readonly refusals: FormRefusals;

  private readonly i18n: LocalizeController<MessageDictionary>;

  constructor(
    private readonly host: ConnectedHost,
    form: ConnectedFormHooks<V, Out, View>,
  ) {
    const { i18n } = form;
    this.i18n = i18n;
    this.announcer = new AnnouncerController(host);
    this.confirmation = new SaveConfirmation(host, i18n);
    this.connection = new CaseConnectionController<View, Command>(host, {
      ...form,
      onView: (view) => this.remote.receive(view),
    });
    const { connection } = this;
    this.drafts = new FormDrafts<V>(host, {
      ...form,
      caseId: () => (connection.connected ? connection.caseId : undefined),
      store: () => connection.context?.drafts,
    });
    this.saving = new FormSaving<V, Out, View, Command>(host, {
      ...form,
      connection,
      announcer: this.announcer,
      confirmation: this.confirmation,
      stored: () => {
        const view = connection.view;
        return view === undefined ? undefined : form.valueFromView(view);
      },
      afterRefused: () => this.drafts.keep(form.value(), this.saving.baseSeq, form.baseline()),
    });
    const { saving } = this;
    this.remote = new RemoteChange<V, View>(host, {
      ...form,
      connection,
      saving,
      announcer: this.announcer,
      dropEdits: () => {
        form.clean();
        void this.drafts.discard();
      },
    });
    this.refusals = new FormRefusals({
      connection,
      i18n,
      root: () => host.renderRoot,
      inConflict: () => saving.conflict !== undefined,
    });
  }

  /**
   * Runs an action beside the form's save (see {@link runSideAction}): the event on the form, then,
   * connected, the command. Not async: the action's own promise goes back as it is (see `runSideAction()`
   * of the base form).
   */
  sideAction<D>(event: FkEvent<D>, command: Command): Promise<SideActionOutcome> {
    const { host } = this;
    return runSideAction<D, View, Command>(
      {
        dispatch: (e) => host.dispatchEvent(e),
        connection: this.connection,
        announcer: this.announcer,
        i18n: this.i18n,
        rendered: () => host.updateComplete,
        renderRoot: host.renderRoot,
      },
      event,
      command,
    );
  }
}
