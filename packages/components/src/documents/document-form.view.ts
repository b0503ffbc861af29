import { html, nothing } from 'lit';
import { CATEGORY_LABELS, DOCUMENT_MEDIA_TYPES } from '@fallkit/core';
import { todayIso } from '../base/parts-schema.js';
import { DOCUMENT_FORM_CATEGORIES, MAX_MB } from './documents.model.js';
import type { DocumentsView } from './documents.view.js';

/** The filing form (for who may file, DP-40), or the line that the list is read-only. */
export function documentForm(v: DocumentsView) {
  const t = v.t;
  if (!v.writable) {
    return v.connected && v.status === 'ready' ? html`<p class="fk-hint">${t.t('documents.readOnly')}</p>` : nothing;
  }
  const fileError =
    v.error === 'file'
      ? t.t('documents.form.fileRequired')
      : v.error === 'type'
        ? t.t('documents.form.fileType')
        : v.error === 'size'
          ? t.t('documents.form.fileTooLarge', { max: MAX_MB })
          : undefined;
  const titleError = v.error === 'title' ? t.t('documents.form.nameRequired') : undefined;
  return html`<h3 id="form-heading">${t.t('documents.form.title')}</h3>
    <form
      part="form"
      aria-labelledby="form-heading"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        v.submit();
      }}
    >
      <div class="wide">
        <span class="fk-label" id="doc-file-label">${t.t('documents.form.file')}</span>
        <p class="fk-hint" id="doc-file-hint">${t.t('documents.form.fileHint', { max: MAX_MB })}</p>
        <!-- The native picker names its button in the browser's language: filePickerStyles. -->
        <input
          id="doc-file"
          class="file-input"
          type="file"
          accept=${DOCUMENT_MEDIA_TYPES.join(',')}
          aria-labelledby="doc-file-label doc-file-button"
          aria-required="true"
          aria-invalid=${fileError ? 'true' : 'false'}
          aria-describedby=${fileError ? 'doc-file-hint doc-file-chosen doc-file-error' : 'doc-file-hint doc-file-chosen'}
          @change=${(e: Event) => v.pickFile((e.target as HTMLInputElement).files?.[0])}
        />
        <label for="doc-file" class="fk-button file-button" id="doc-file-button">${t.t('documents.form.choose')}</label>
        <span id="doc-file-chosen" class="meta"
          >${v.draft.file ? v.draft.file.name : t.t('documents.form.noFile')}</span
        >
        ${fileError ? html`<p class="fk-feedback fk-feedback--error error" id="doc-file-error">${fileError}</p>` : nothing}
      </div>
      <div>
        <label for="doc-title">${t.t('documents.form.name')}</label>
        <input
          id="doc-title"
          type="text"
          maxlength="120"
          aria-required="true"
          aria-invalid=${titleError ? 'true' : 'false'}
          aria-describedby=${titleError ? 'doc-title-error' : nothing}
          .value=${v.draft.title}
          @input=${(e: Event) => v.editTitle((e.target as HTMLInputElement).value)}
        />
        ${titleError ? html`<p class="fk-feedback fk-feedback--error error" id="doc-title-error">${titleError}</p>` : nothing}
      </div>
      <fk-date-field
        label=${t.t('documents.form.received')}
        max=${todayIso()}
        .value=${v.draft.receivedOn}
        @input=${(e: Event) => v.editDraft({ receivedOn: (e.currentTarget as HTMLInputElement).value })}
        @change=${(e: Event) => v.editDraft({ receivedOn: (e.currentTarget as HTMLInputElement).value })}
      ></fk-date-field>
      <fieldset aria-describedby="doc-categories-hint">
        <legend>${t.t('documents.form.categories')}</legend>
        <p class="fk-hint" id="doc-categories-hint">${t.t('documents.form.categoriesHint')}</p>
        ${DOCUMENT_FORM_CATEGORIES.map(
          (c) =>
            html`<label
              ><input
                type="checkbox"
                name="category"
                value=${c}
                .checked=${v.draft.categories.includes(c)}
                @change=${(e: Event) => v.toggleCategory(c, (e.target as HTMLInputElement).checked)}
              />${t.text(CATEGORY_LABELS[c])}</label
            >`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t.t('documents.form.flags')}</legend>
        <label
          ><input
            type="checkbox"
            name="professionalSecret"
            .checked=${v.draft.professionalSecret}
            @change=${(e: Event) => v.editDraft({ professionalSecret: (e.target as HTMLInputElement).checked })}
          />${t.t('documents.form.secret')}</label
        >
        <label
          ><input
            type="checkbox"
            name="thirdParty"
            .checked=${v.draft.thirdParty}
            @change=${(e: Event) => v.editDraft({ thirdParty: (e.target as HTMLInputElement).checked })}
          />${t.t('documents.form.thirdParty')}</label
        >
      </fieldset>
      <div class="actions">
        <button class="fk-button fk-button--primary" part="submit" type="submit" ?disabled=${v.busy === 'attach'}>
          ${v.busy === 'attach' ? t.t('documents.form.saving') : t.t('documents.form.submit')}
        </button>
      </div>
    </form>`;
}
