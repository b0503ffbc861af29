import { html, nothing } from 'lit';
import { CATEGORY_LABELS, isRedactionMarker, type CaseDocument } from '@fallkit/core';
import { relatesToLine } from '../shared/item-ref.js';
import type { DocumentEntry } from './documents.model.js';
import type { DocumentRemoval, DocumentsView } from './documents.view.js';

/** A file size in the page's language (KB under 1 MB). */
function size(v: DocumentsView, bytes: number): string {
  const t = v.t;
  return bytes >= 1024 * 1024
    ? t.t('documents.mb', { value: t.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) })
    : t.t('documents.kb', { value: t.number(Math.max(1, Math.round(bytes / 1024))) });
}

/** One row: the document with what it contains, or the marker of a withheld one (DP-23). */
function documentRow(v: DocumentsView, entry: DocumentEntry) {
  const t = v.t;
  if (isRedactionMarker(entry))
    return html`<tr part="document" data-withheld>
      <td colspan="4" class="withheld" part="withheld">
        ${t.t('documents.withheld', { reason: t.text(entry.message) })}
      </td>
    </tr>`;
  const categories = entry.categories.map((c) => t.text(CATEGORY_LABELS[c]));
  const removing = v.removing?.id === entry.id ? v.removing : undefined;
  return html`<tr part="document" data-document=${entry.id} ?data-removed=${entry.removed !== undefined}>
    <td>
      <strong>${entry.title}</strong>
      <div class="meta">${t.t('documents.size', { name: entry.fileName, size: size(v, entry.size) })}</div>
      ${relatesToLine(t, entry.relatesTo, v.caseView)}
      ${entry.professionalSecret ? html`<span class="badge">${t.t('documents.secret')}</span>` : nothing}
      ${entry.entrusted ? html`<span class="badge">${t.t('documents.entrusted')}</span>` : nothing}
      ${
        entry.removed
          ? html`<div class="removed">
              ${t.t('documents.removed', { date: t.date(entry.removed.on), reason: entry.removed.reason })}
            </div>`
          : nothing
      }
    </td>
    <td>${t.date(entry.receivedOn)}</td>
    <td>${t.list(categories)}</td>
    <td>${entry.removed ? nothing : documentActions(v, entry, removing)}</td>
  </tr>`;
}

/** Open and remove, and the removal's reason while it is asked for. */
function documentActions(v: DocumentsView, entry: CaseDocument, removing: DocumentRemoval | undefined) {
  const t = v.t;
  const canOpen = v.canOpen;
  return html`<div class="actions-cell">
      ${
        canOpen
          ? html`<button
              type="button"
              class="fk-button"
              data-open=${entry.id}
              aria-label=${t.t('documents.open', { title: entry.title })}
              ?disabled=${v.busy === entry.id}
              @click=${() => v.open(entry.id)}
            >
              ${v.busy === entry.id ? t.t('documents.opening') : t.t('documents.openShort')}
            </button>`
          : nothing
      }
      ${
        v.mayRemove && removing === undefined
          ? html`<button
              type="button"
              class="fk-button"
              data-remove=${entry.id}
              aria-label=${t.t('documents.remove', { title: entry.title })}
              @click=${() => v.setRemoval({ id: entry.id, reason: '', missing: false })}
            >
              ${t.t('documents.removeShort')}
            </button>`
          : nothing
      }
    </div>
    ${
      removing
        ? html`<div class="fk-field">
            <label class="fk-label" for="reason-${entry.id}">${t.t('documents.remove.reason')}</label>
            <input
              id="reason-${entry.id}"
              type="text"
              class="fk-control"
              aria-required="true"
              aria-invalid=${removing.missing ? 'true' : 'false'}
              aria-describedby=${removing.missing ? `reason-error-${entry.id}` : nothing}
              .value=${removing.reason}
              @input=${(e: Event) =>
                v.setRemoval({ ...removing, reason: (e.target as HTMLInputElement).value, missing: false })}
            />
            ${
              removing.missing
                ? html`<p class="fk-feedback fk-feedback--error error" id="reason-error-${entry.id}">
                    ${t.t('documents.remove.reasonRequired')}
                  </p>`
                : nothing
            }
            <button type="button" class="fk-button" data-confirm-remove @click=${() => v.confirmRemoval(entry)}>
              ${t.t('documents.removeShort')}
            </button>
            <button type="button" class="fk-button" @click=${() => v.setRemoval(undefined)}>
              ${t.t('documents.remove.cancel')}
            </button>
          </div>`
        : nothing
    }`;
}

/** The documents as a table (or the line that there are none). */
export function documentTable(v: DocumentsView, listed: readonly DocumentEntry[]) {
  const t = v.t;
  if (listed.length === 0) return html`<p>${t.t('documents.empty')}</p>`;
  return html`<table part="list">
    <thead>
      <tr>
        <th scope="col">${t.t('documents.column.title')}</th>
        <th scope="col">${t.t('documents.column.received')}</th>
        <th scope="col">${t.t('documents.column.categories')}</th>
        <th scope="col">${t.t('documents.column.actions')}</th>
      </tr>
    </thead>
    <tbody>
      ${listed.map((d) => documentRow(v, d))}
    </tbody>
  </table>`;
}
