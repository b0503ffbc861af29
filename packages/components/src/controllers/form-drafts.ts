import type { ReactiveControllerHost } from 'lit';
import { changedPaths } from '../base/three-way-merge.js';
import { DraftKeeper } from './draft-keeper.js';
import { draftKey, type DraftStore } from './draft-store.js';

/*
 * A form's drafts: the typed value kept under a key per case and form (or a standalone key) until it is
 * saved, with the journal position it was typed on and the stored value the edits started from, and the
 * decision what a restored draft means for the version the form rests on. The base form keeps the value
 * and its flags; this module keeps the draft's envelope, its key and the draft-versus-case reasoning, so
 * both can be read (and tested) alone.
 */

/** A draft as kept: the value and the journal position of the case version it was typed on. */
interface KeptDraft<V> {
  readonly fkDraft: 1;
  readonly value: V;
  readonly baseSeq?: number;
  /** The stored value the edits started from (tells a change elsewhere to this form from one to others). */
  readonly base?: V;
}

/** A restored draft: the typed value, and (when a current version kept it) what it was typed on. */
export interface RestoredDraft<V> {
  readonly value: V;
  /** The journal position of the case version the draft was typed on; unknown for a draft of an older format. */
  readonly baseSeq?: number;
  /** The stored value the edits started from, if kept. */
  readonly base?: V;
}

function keptDraft<V>(value: V, baseSeq: number | undefined, base: V | undefined): KeptDraft<V> {
  return {
    fkDraft: 1,
    value,
    ...(baseSeq === undefined ? {} : { baseSeq }),
    ...(base === undefined ? {} : { base }),
  };
}

/** A kept draft, or a bare value kept by an older version (its base version unknown). */
export function unwrapDraft<V>(kept: KeptDraft<V> | V): RestoredDraft<V> {
  const envelope = kept as Partial<KeptDraft<V>> | null;
  if (envelope !== null && typeof envelope === 'object' && envelope.fkDraft === 1 && 'value' in envelope)
    return envelope as KeptDraft<V>;
  return { value: kept as V };
}

/** What the form's value rests on: the journal position and the stored value the edits started from. */
export interface DraftBase<V> {
  readonly baseSeq: number | undefined;
  readonly initial: V | undefined;
}

/**
 * What a restored draft means for the version the form rests on (`current`: what the form knew before the
 * draft came back). A draft names the version it was typed on:
 *
 * - the form knew no version yet (the draft came back before the case view): the draft's version and base
 *   become the form's;
 * - the case moved on since the draft was typed and this form's fields moved with it (the draft's base
 *   differs from the stored value): a change elsewhere (`remoteChanged`), the draft's version and base are
 *   kept so a save is checked against them;
 * - the case moved on but left this form's fields as they were (someone wrote to another part): nothing
 *   changes, the edits move onto the current version.
 */
export function draftOnBase<V>(
  current: DraftBase<V>,
  draft: RestoredDraft<V>,
): DraftBase<V> & { readonly remoteChanged: boolean } {
  if (current.baseSeq === undefined)
    return { baseSeq: draft.baseSeq, initial: draft.base ?? current.initial, remoteChanged: false };
  if (draft.baseSeq === undefined || draft.baseSeq === current.baseSeq) return { ...current, remoteChanged: false };
  const untouched =
    draft.base === undefined || current.initial === undefined
      ? false
      : changedPaths(draft.base, current.initial).length === 0;
  if (untouched) return { ...current, remoteChanged: false };
  return { baseSeq: draft.baseSeq, initial: draft.base ?? current.initial, remoteChanged: true };
}

/** Where a form's drafts go and under which key (see {@link FormDrafts}). */
export interface FormDraftsOptions {
  /** The form's own id among the page's forms: its tag, and `#name` when it has a name. */
  formId(): string;
  /** The host-given standalone key (`draft-key`), if any. */
  standaloneKey(): string | undefined;
  /** The connected case, if the form is connected (drafts of a connected form are keyed by case). */
  caseId(): string | undefined;
  /** The provider's draft store, if any (else the page's memory). */
  store(): DraftStore | undefined;
}

/**
 * Keeps a form's unsaved value as a draft and gives it back once per key (after the element was
 * re-created, or when it connects to another case). Drafts are off for a form with neither a case nor a
 * `draft-key`. Wraps {@link DraftKeeper} (the store calls) with the envelope that remembers the version.
 */
export class FormDrafts<V> {
  private readonly keeper: DraftKeeper<KeptDraft<V> | V>;
  private restoredKey: string | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: FormDraftsOptions,
  ) {
    this.keeper = new DraftKeeper<KeptDraft<V> | V>(host, { key: () => this.key, store: () => options.store() });
  }

  /** The draft's key now, or `undefined` while drafts are off. */
  get key(): string | undefined {
    const formId = this.options.formId();
    const standalone = this.options.standaloneKey();
    if (standalone) return draftKey(`standalone:${standalone}`, formId);
    const caseId = this.options.caseId();
    return caseId ? draftKey(caseId, formId) : undefined;
  }

  /** Keeps `value` as the draft, with the version (`baseSeq`) and stored value (`base`) it was typed on. */
  keep(value: V, baseSeq: number | undefined, base: V | undefined): Promise<void> {
    return this.keeper.keep(keptDraft(value, baseSeq, base));
  }

  /** Forgets the draft (after a save, a reset, or taking the stored version). */
  discard(): Promise<void> {
    return this.keeper.discard();
  }

  /**
   * Looks for a kept draft under the current key, once per key: `apply` gets it (synchronously when the
   * store answers synchronously) unless the key changed meanwhile or there is none.
   */
  restoreOnce(apply: (draft: RestoredDraft<V>) => void): void {
    const key = this.key;
    if (key === undefined || key === this.restoredKey) return;
    this.restoredKey = key;
    const take = (kept: KeptDraft<V> | V | undefined) => {
      if (kept === undefined || this.key !== key) return;
      apply(unwrapDraft(kept));
    };
    const restored = this.keeper.restore();
    if (restored instanceof Promise) void restored.then(take);
    else take(restored);
  }
}
