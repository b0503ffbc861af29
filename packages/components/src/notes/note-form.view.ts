import { html, nothing } from 'lit';
import { NOTE_MAX } from '@fallkit/core';
import { NOTE_FORM_CATEGORIES } from './notes.model.js';
import { refusalList, type NotesView } from './notes.view.js';

/** The core's DP-03 free-text notices, as a hint beside the form. */
function hintBlock(v: NotesView) {
  const notices = v.notices;
  if (notices.length === 0) return nothing;
  return html`<div class="hint fk-feedback fk-feedback--warning" part="hint" role="status">
    <p><strong>${v.t.t('notes.hint.title')}</strong></p>
    <ul>
      ${notices.map((n) => html`<li>${v.t.text(n.message)}</li>`)}
    </ul>
  </div>`;
}

/** The write form (only for who may write; a line that this is read-only otherwise). */
export function noteForm(v: NotesView) {
  if (!v.writable) {
    return v.status === 'ready' || !v.connected ? html`<p class="fk-hint">${v.t.t('notes.readOnly')}</p>` : nothing;
  }
  const draft = v.draft;
  const pending = v.pending;
  const refusals = v.refusals;
  const entrustedByError = v.error === 'entrustedBy' ? v.t.t('notes.form.entrustedByRequired') : undefined;
  const errorText =
    v.error === 'required'
      ? v.t.t('notes.form.textRequired')
      : v.error === 'tooLong'
        ? v.t.t('notes.form.textTooLong', { max: NOTE_MAX })
        : undefined;
  return html`<form
    part="form"
    aria-labelledby="form-title"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      v.submit();
    }}
  >
    <h3 id="form-title">${v.t.t('notes.form.title')}</h3>
    <div class="fk-field">
      <label class="fk-label" for="text">${v.t.t('notes.form.text')}</label>
      <p class="fk-hint" id="text-hint">${v.t.t('notes.form.textHint')}</p>
      <textarea
        id="text"
        class="fk-control"
        maxlength=${NOTE_MAX}
        aria-describedby=${errorText ? 'text-hint text-error' : 'text-hint'}
        aria-invalid=${errorText ? 'true' : 'false'}
        aria-required="true"
        .value=${draft.text}
        @input=${(e: Event) => v.edit({ text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      ${errorText ? html`<p class="fk-feedback fk-feedback--error error" id="text-error">${errorText}</p>` : nothing}
    </div>
    <fk-date-field
      id="on"
      label=${v.t.t('notes.form.on')}
      .value=${draft.on}
      @input=${(e: Event) => v.edit({ on: (e.target as HTMLInputElement).value })}
      @change=${(e: Event) => v.edit({ on: (e.target as HTMLInputElement).value })}
    ></fk-date-field>
    <fieldset aria-describedby="categories-hint">
      <legend>${v.t.t('notes.form.categories')}</legend>
      <p class="fk-hint" id="categories-hint">${v.t.t('notes.form.categoriesHint')}</p>
      ${NOTE_FORM_CATEGORIES.map(
        (c) =>
          html`<label
            ><input
              type="checkbox"
              name="category"
              value=${c}
              .checked=${draft.categories.includes(c)}
              @change=${(e: Event) => v.toggleCategory(c, (e.target as HTMLInputElement).checked)}
            />${v.categoryLabel(c)}</label
          >`,
      )}
    </fieldset>
    <fieldset>
      <legend>${v.t.t('notes.form.flags')}</legend>
      <label
        ><input
          type="checkbox"
          name="entrusted"
          .checked=${draft.entrusted}
          @change=${(e: Event) => v.edit({ entrusted: (e.target as HTMLInputElement).checked })}
        />${v.t.t('notes.form.entrusted')}</label
      >
      <label
        ><input
          type="checkbox"
          name="thirdParty"
          .checked=${draft.thirdParty}
          @change=${(e: Event) => v.edit({ thirdParty: (e.target as HTMLInputElement).checked })}
        />${v.t.t('notes.form.thirdParty')}</label
      >
      ${
        draft.entrusted
          ? html`<div class="fk-field">
              <label class="fk-label" for="entrusted-by">${v.t.t('notes.form.entrustedBy')}</label>
              <input
                id="entrusted-by"
                type="text"
                class="fk-control"
                aria-required="true"
                aria-invalid=${entrustedByError ? 'true' : 'false'}
                aria-describedby=${entrustedByError ? 'entrusted-by-error' : nothing}
                .value=${draft.entrustedBy}
                @input=${(e: Event) => v.edit({ entrustedBy: (e.target as HTMLInputElement).value })}
              />
              ${
                entrustedByError
                  ? html`<p class="fk-feedback fk-feedback--error error" id="entrusted-by-error">
                      ${entrustedByError}
                    </p>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </fieldset>
    ${
      refusals.length > 0 && v.status === 'ready'
        ? html`<div class="fk-refusals refusal" role="alert">
            <p>${v.t.t('notes.form.refused')}</p>
            ${refusalList(v, refusals)}
          </div>`
        : nothing
    }
    ${hintBlock(v)}
    <p role="status">${v.saved ? v.t.t('notes.form.saved') : nothing}</p>
    <div>
      <button class="fk-button fk-button--primary" part="submit" type="submit" ?disabled=${pending}>
        ${pending ? v.t.t('notes.form.saving') : v.t.t('notes.form.submit')}
      </button>
    </div>
  </form>`;
}
