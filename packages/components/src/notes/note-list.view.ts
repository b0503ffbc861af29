import { html, nothing } from 'lit';
import { isRedactionMarker, type RedactionMarker } from '@fallkit/core';
import { relatesToLine } from '../shared/item-ref.js';
import { shown, type NoteEntry } from './notes.model.js';
import type { NotesView } from './notes.view.js';

/** A withheld note or text: "ausgeblendet" with the plain reason, never the text (DP-24). */
function withheld(v: NotesView, marker: RedactionMarker) {
  return html`<p class="withheld" part="withheld">
    ${v.t.t('notes.withheldReason', { reason: v.t.text(marker.message) })}
  </p>`;
}

/** One listed note: date and author, the text (or its marker), what it relates to, its categories. */
function noteItem(v: NotesView, note: NoteEntry) {
  const t = v.t;
  if (isRedactionMarker(note)) {
    return html`<li part="note" data-withheld>${withheld(v, note)}</li>`;
  }
  const on = shown(note.on);
  const categories = shown(note.categories);
  return html`<li part="note" ?data-withheld=${isRedactionMarker(note.text)}>
    <p class="meta">
      ${t.t('notes.meta', {
        date: on === undefined ? t.t('notes.withheld') : t.date(on),
        author: v.author(shown(note.recordedBy)),
      })}
    </p>
    ${isRedactionMarker(note.text) ? withheld(v, note.text) : html`<p class="text">${note.text}</p>`}
    ${relatesToLine(t, shown(note.relatesTo), v.caseView)}
    ${
      categories && categories.some((c) => c !== 'notes')
        ? html`<p class="meta">
            ${t.t('notes.categories', { list: t.list(categories.map((c) => v.categoryLabel(c))) })}
          </p>`
        : nothing
    }
  </li>`;
}

/** The notes, newest first (or the line that there are none). */
export function noteList(v: NotesView, listed: readonly NoteEntry[]) {
  if (listed.length === 0) return html`<p>${v.t.t('notes.empty')}</p>`;
  return html`<ol part="list">
    ${listed.map((n) => noteItem(v, n))}
  </ol>`;
}
