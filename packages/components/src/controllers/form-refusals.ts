import { html, nothing } from 'lit';
import type { Refusal } from '@fallkit/core';
import { plainMessage } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import type { CaseConnectionController } from './case-connection-controller.js';
import type { LocalizeController } from './localize-controller.js';

/*
 * How a form shows the refusals of its last save: in place, as one block (the typed refusal in plain words,
 * German or English, its hint, and the disclosure with the rule and code for administrators), which focus
 * can move to after a refusal that names no field. The refusals themselves stay on the case connection
 * (they come back with the command); the field texts at the refused paths are the validity's
 * (`FormValidity.errorAt`).
 */

/** What the block needs of the element's localisation: its language and texts. */
type Localizer = Pick<LocalizeController<MessageDictionary>, 't' | 'text' | 'lang'>;

/** The refusals block in a form's render root, if it shows. */
export function refusalsBlock(root: ParentNode | undefined): HTMLElement | undefined {
  return root?.querySelector?.<HTMLElement>('[part~="refusals"]') ?? undefined;
}

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

/** Options of {@link FormRefusals}. */
export interface FormRefusalsOptions {
  readonly connection: Pick<CaseConnectionController<unknown, unknown>, 'refusals' | 'clearRefusals'>;
  readonly i18n: Localizer;
  /** The form's shadow root (read when focusing). */
  root(): ParentNode | undefined;
  /** Whether a conflict notice explains the refusal (its `STORE_CONFLICT` is then left out of the block). */
  inConflict(): boolean;
}

/** The refusal display of a form: the block, what it lists, and focus on it. The base form owns one. */
export class FormRefusals {
  constructor(private readonly options: FormRefusalsOptions) {}

  /** The refusals of the last save (or side action). */
  get list(): readonly Refusal[] {
    return this.options.connection.refusals;
  }

  /** Shows `refusals` in place (the list helpers' batch saves report theirs so). */
  show(refusals: readonly Refusal[]): void {
    this.options.connection.refusals = refusals;
  }

  /** Hides the refusals (a new submit, a reset). */
  clear(): void {
    this.options.connection.clearRefusals();
  }

  /** The block, or nothing when there is no refusal to show. */
  render() {
    return refusalsNotice(this.list, this.options.inConflict(), this.options.i18n);
  }

  /** The rendered block, if it shows (where focus goes after a refusal that names no field). */
  block(): HTMLElement | undefined {
    return refusalsBlock(this.options.root());
  }
}
