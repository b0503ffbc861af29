import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { changedPaths, mergeThreeWay } from '../base/three-way-merge.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import type { AnnouncerController } from './announcer-controller.js';
import type { CaseConnectionController } from './case-connection-controller.js';
import { seqOfView, type FormSaving } from './form-saving.js';
import { conflictNotice, remoteChangeNotice, type SaveConflict } from './form-notices.js';
import type { LocalizeController } from './localize-controller.js';

/*
 * A newer case version arriving while the user edits: whether it is the version the edits rest on (the
 * edits move onto it) or someone else's change (the user's text is never overwritten; the form says so and
 * offers to take the stored version), taking the stored version over, and re-applying the user's change on
 * top of it after a conflict. The base form keeps the value and the `remoteChanged` flag; this controller
 * keeps the decision and the notices.
 */

/** What a pushed case view means for a form (see {@link viewOnEdits}). */
export type ViewArrival = 'take' | 'rebase' | 'same' | 'elsewhere';

/**
 * What a pushed view means for the form's edits (`next`: the form's value in it, `seq`: its journal position):
 *
 * - `take`: no unsaved edits, the form shows the view;
 * - `rebase`: the version the edits rest on after all (the first view after a reload when the draft came back
 *   before it, a draft of an older format without its version), or a write elsewhere that left this form's
 *   fields as they were (another tab's save): the edits move onto `seq`;
 * - `same`: the same version pushed again, nothing to do;
 * - `elsewhere`: someone else changed this form's fields while the user was typing (a view without a journal
 *   position counts as a change).
 */
export function viewOnEdits<V>(
  edits: { readonly dirty: boolean; readonly baseSeq: number | undefined; readonly baseline: V | undefined },
  next: V,
  seq: number | undefined,
): ViewArrival {
  if (!edits.dirty) return 'take';
  const untouched = edits.baseline !== undefined && changedPaths(edits.baseline, next).length === 0;
  if (seq === undefined || !(edits.baseSeq === undefined || seq === edits.baseSeq || untouched)) return 'elsewhere';
  return edits.baseSeq === undefined || untouched ? 'rebase' : 'same';
}

/** Options of {@link RemoteChange}: the form's parts it works with and the steps only the form can take. */
export interface RemoteChangeOptions<V, View> {
  readonly connection: Pick<CaseConnectionController<View, unknown>, 'view' | 'pending'>;
  readonly saving: Pick<FormSaving<V, unknown, View, unknown>, 'baseSeq' | 'conflict' | 'refreshConflict'>;
  readonly announcer: Pick<AnnouncerController, 'announce'>;
  readonly i18n: Pick<LocalizeController<MessageDictionary>, 't' | 'list' | 'dateTime'>;
  /** The form value for a case view (the form's `valueFromView()`). */
  valueFromView(view: View): V | undefined;
  /** The form's edits now: unsaved or not, the value, and the stored value they started from. */
  edits(): { readonly dirty: boolean; readonly value: V; readonly baseline: V | undefined };
  /** Sets the form's `remoteChanged` flag (the notice shows while it is set). */
  setRemoteChanged(on: boolean): void;
  /** Shows `value` as the stored version the form rests on (its new baseline, not an edit). */
  rest(value: V): void;
  /** Drops the unsaved edits (not dirty any more, the draft discarded). */
  dropEdits(): void;
  /** The form's `adoptRemote()` (a subclass may extend it). */
  adopt(): void;
  /** Records `value` as the user's edit (the form's `setValue()`). */
  edit(value: V): void;
  /** Submits the form (its `requestSubmit()`). */
  submit(): Promise<boolean>;
  /** The form's `reapplyOnTop()` (the conflict notice's second way on). */
  reapply(): Promise<boolean>;
}

/** A form's handling of case versions that arrive while it is edited. The base form owns one. */
export class RemoteChange<V, View> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RemoteChangeOptions<V, View>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A case view arrived: show it, move the edits onto it, or keep the edits and say the case changed. */
  receive(view: View): void {
    const { saving, i18n } = this.options;
    const next = this.options.valueFromView(view);
    if (next === undefined) return;
    const seq = seqOfView(view);
    const { dirty, baseline } = this.options.edits();
    switch (viewOnEdits({ dirty, baseSeq: saving.baseSeq, baseline }, next, seq)) {
      case 'take':
        this.options.rest(next);
        saving.baseSeq = seq;
        return;
      case 'rebase':
        saving.baseSeq = seq;
        return;
      case 'same':
        return;
      case 'elsewhere':
        // Someone else wrote while the user was typing: never overwrite their text.
        this.options.setRemoteChanged(true);
        this.options.announcer.announce(i18n.t('status.remoteChange'));
        saving.refreshConflict();
    }
  }

  /** Discards the local edits and takes the case's current version. */
  adopt(): void {
    const { connection, saving } = this.options;
    const view = connection.view;
    const next = view === undefined ? undefined : this.options.valueFromView(view);
    this.options.setRemoteChanged(false);
    saving.conflict = undefined;
    this.options.dropEdits();
    if (next !== undefined) {
      this.options.rest(next);
      saving.baseSeq = seqOfView(view);
    }
  }

  /**
   * After a conflict: takes the stored version as the new base and puts the user's change on top of it
   * (see `mergeThreeWay`), then saves again. `false` when there is no stored version to put it on.
   */
  async reapplyOnTop(): Promise<boolean> {
    const view = this.options.connection.view;
    const stored = view === undefined ? undefined : this.options.valueFromView(view);
    if (stored === undefined) return false;
    const { value, baseline } = this.options.edits();
    const merged = mergeThreeWay(baseline, value, stored);
    this.options.adopt();
    // Let the form take the stored version as its baseline (item forms compare revisions to it).
    await this.host.updateComplete;
    this.options.edit(merged);
    return this.options.submit();
  }

  /** The notice that the case changed elsewhere, with the button to take the stored version over. */
  notice(message: string, adoptLabel: string) {
    return remoteChangeNotice(message, adoptLabel, () => this.options.adopt());
  }

  /** The conflict notice after a `STORE_CONFLICT`: who, when, which fields, and the two ways on. */
  conflictNotice(conflict: SaveConflict) {
    return conflictNotice(conflict, this.options.i18n, {
      pending: this.options.connection.pending,
      adopt: () => this.options.adopt(),
      reapply: () => void this.options.reapply(),
    });
  }
}
