import { html, nothing } from 'lit';
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
 * The notices every form shows around its save (the base form's `renderRemoteChanged()`, `renderConflict()`
 * and `renderSubmitButton()` render these): the remote-change and conflict notices, the save button. Plain
 * functions of what they show; the refusals block is `form-refusals.ts`.
 */

/** What the notices need of the element's localisation. */
type Localizer = Pick<LocalizeController<MessageDictionary>, 't' | 'list' | 'dateTime'>;

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
