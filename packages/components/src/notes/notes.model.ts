import {
  isRedactionMarker,
  type CaseCommandInput,
  type DataCategory,
  type Note,
  type RedactionMarker,
} from '@fallkit/core';

/*
 * The data of `<fk-notes>`: a note as the view lists it, the write form's draft, and how a draft becomes the
 * core's `recordNote` input. Plain functions and types, no element.
 */

/** A value as the data-protected view hands it: the value, or the marker that stands in its place. */
export type Shown<T> = T | RedactionMarker;

/**
 * One note as the element lists it: a note of the case, a note whose fields the view replaced by
 * markers, or a whole-item marker (DP-24). The element never reads a withheld note's text: there is none.
 */
export type NoteEntry = { readonly [K in keyof Note]: Shown<Note[K]> } | RedactionMarker;

/** The input of the core's `recordNote` command. */
export type RecordNoteInput = CaseCommandInput<'recordNote'>;

/** What the write form holds while the user types. */
export interface NoteDraft {
  readonly text: string;
  /** The day the note is about (`YYYY-MM-DD`); the core's "today" if empty. */
  readonly on: string;
  /** Data categories beyond `notes` (which every note carries). */
  readonly categories: readonly DataCategory[];
  /** Entrusted for personal help (§ 65 SGB VIII). */
  readonly entrusted: boolean;
  /** Who entrusted it, when `entrusted`. */
  readonly entrustedBy: string;
  /** About a third person (child, partner, relative). */
  readonly thirdParty: boolean;
}

/** The categories the form offers besides `notes`: those a note most often holds. */
export const NOTE_FORM_CATEGORIES: readonly DataCategory[] = [
  'health',
  'addiction',
  'disability',
  'religion',
  'offences',
  'household',
  'income',
  'debts',
  'housing',
];

/** The empty draft (the form after a save). */
export const EMPTY_DRAFT: NoteDraft = {
  text: '',
  on: '',
  categories: [],
  entrusted: false,
  entrustedBy: '',
  thirdParty: false,
};

/** The `recordNote` input of a draft: `notes` always among the categories (the note kind's own). */
export function noteInput(draft: NoteDraft): RecordNoteInput {
  const categories: DataCategory[] = ['notes', ...draft.categories.filter((c) => c !== 'notes')];
  return {
    text: draft.text.trim(),
    categories,
    ...(draft.on === '' ? {} : { on: draft.on }),
    ...(draft.entrusted ? { entrusted: true } : {}),
    ...(draft.entrusted && draft.entrustedBy.trim() !== '' ? { entrustedBy: draft.entrustedBy.trim() } : {}),
    ...(draft.thirdParty ? { thirdParty: true } : {}),
  };
}

/** The value, or `undefined` where the view put a marker. */
export function shown<T>(value: Shown<T> | undefined): T | undefined {
  return value === undefined || isRedactionMarker(value) ? undefined : value;
}

/** Newest first: by the day the note is about, then by when it was recorded. */
export function newestFirst(a: NoteEntry, b: NoteEntry): number {
  const key = (n: NoteEntry): string =>
    isRedactionMarker(n) ? '' : `${shown(n.on) ?? ''}|${shown(n.recordedAt) ?? ''}`;
  return key(b).localeCompare(key(a));
}
