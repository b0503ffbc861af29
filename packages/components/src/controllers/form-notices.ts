import { html, nothing } from 'lit';
import type { Refusal } from '@fallkit/core';
import { plainMessage } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import type { LocalizeController } from './localize-controller.js';

/**
 * A save refused with `STORE_CONFLICT`: someone else stored a newer version of the case after the one
 * the form's value is based on. The user's input stays; the form says who changed what and offers to
 * take the stored version or to re-apply the change on top of it.
 */
export interface SaveConflict {
  /** The journal position the refused save was based on. */
  readonly baseSeq: number;
  /** Who wrote since (display names, else user ids); empty while loading or when the port shows no history. */
  readonly who: readonly string[];
  /** When the last of those writes happened (ISO timestamp), if known. */
  readonly at?: string;
  /** The fields of the form that differ in the stored version, as readable paths. */
  readonly fields: readonly string[];
}

/*
 * The notices every form shows around its save (the base form's `renderRefusals()`,
 * `renderRemoteChanged()`, `renderConflict()` and `renderSubmitButton()` render these): the refusals of
 * the last save in place, the remote-change and conflict notices, the save button. Plain functions of
 * what they show, so the base form keeps only the state.
 */

type Localizer = LocalizeController<MessageDictionary>;

/**
 * The refusals of the last save, in place: message, hint and rule per refusal. Focusable so focus can
 * move there after a refusal that names no field. A conflict is explained by the conflict notice, so its
 * `STORE_CONFLICT` is left out here.
 */
export function refusalsNotice(all: readonly Refusal[], inConflict: boolean, t: Localizer) {
  const refusals = inConflict ? all.filter((r) => r.code !== 'STORE_CONFLICT') : all;
  if (refusals.length === 0) return nothing;
  return html`<div part="refusals" class="fk-refusals" tabindex="-1">
    <p class="fk-feedback fk-feedback--error">
      <span class="fk-feedback__icon" aria-hidden="true">!</span>${t.t('form.refusedTitle')}
    </p>
    <ul>
      ${refusals.map(
        (r) =>
          html`<li>
            ${plainMessage(r, t.lang)}
            ${r.hint ? html`<span class="fk-hint">${t.t('form.hint', { hint: t.text(r.hint) })}</span>` : nothing}
          </li>`,
      )}
    </ul>
    ${adminDetails(refusals, t.lang)}
  </div>`;
}

/** The notice that the case changed elsewhere while the user has unsaved edits, with the button to take it over. */
export function remoteChangeNotice(message: string, adoptLabel: string, adopt: () => void) {
  return html`<p class="notice notice--warn" role="status">
    ${message}
    <button type="button" class="fk-button fk-button--small" @click=${adopt}>${adoptLabel}</button>
  </p>`;
}

/**
 * The conflict notice after a `STORE_CONFLICT`: who changed the case and when, which of the form's
 * fields differ, that the input is kept, and the two ways on: take the stored version, or re-apply the
 * change on top of it.
 */
export function conflictNotice(
  conflict: SaveConflict,
  t: Localizer,
  actions: { readonly pending: boolean; adopt(): void; reapply(): void },
) {
  const who =
    conflict.who.length > 0
      ? t.t('conflict.by', {
          who: t.list([...conflict.who]),
          when: conflict.at === undefined ? '' : t.dateTime(conflict.at),
        })
      : t.t('conflict.byUnknown');
  return html`<div class="notice notice--warn" role="alert" part="conflict">
    <p><strong>${t.t('conflict.title')}</strong> ${who}</p>
    ${
      conflict.fields.length > 0
        ? html`<p>${t.t('conflict.fields', { fields: t.list(conflict.fields.slice(0, 8)) })}</p>`
        : nothing
    }
    <p>${t.t('conflict.kept')}</p>
    <div class="actions">
      <button type="button" class="fk-button fk-button--small" part="conflict-adopt" @click=${() => actions.adopt()}>
        ${t.t('conflict.adopt')}
      </button>
      <button
        type="button"
        class="fk-button fk-button--small fk-button--primary"
        part="conflict-reapply"
        ?disabled=${actions.pending}
        @click=${() => actions.reapply()}
      >
        ${t.t('conflict.reapply')}
      </button>
    </div>
  </div>`;
}

/** The form's save button (`part="submit"`), disabled while `disabled` (a command on its way, or a form's own reason). */
export function submitButton(label: string, disabled: boolean, submit: () => void) {
  return html`<button
    type="button"
    class="fk-button fk-button--primary"
    part="submit"
    ?disabled=${disabled}
    @click=${submit}
  >
    ${label}
  </button>`;
}
