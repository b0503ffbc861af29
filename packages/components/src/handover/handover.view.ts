import { html, nothing } from 'lit';
import {
  isRedactionMarker,
  type AccessNotice,
  type DataCategory,
  type Handover,
  type LeadAgencyPeriod,
  type RedactionMarker,
} from '@fallkit/core';
import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { DirectoryController } from '../directory/directory.js';
import type { ConsentStateLike } from '../shared/privacy-shapes.js';
import type { PreviewState } from '../shared/transfer-preview/transfer-preview.view.js';
import type { handoverMessages } from './handover.messages.js';
import type { HandoverValue } from './handover.schema.js';

/**
 * What the section views of `<fk-handover>` read and may do: the element builds it once per render
 * and hands it to each view function (no access to the element's internals).
 */
export interface HandoverView {
  readonly t: LocalizeController<typeof handoverMessages.de>;
  readonly value: HandoverValue;
  /** The form is disabled (own attribute or a disabled fieldset). */
  readonly disabled: boolean;
  /** The form is read-only. */
  readonly readonly: boolean;
  /** "Today" (ISO date) for consent validity. */
  readonly today: string;
  /** Whether the value keeps a continuing role (variants 2 and 3, or 1 together with 3). */
  readonly keepsRole: boolean;
  /** Variant 1 together with variant 3. */
  readonly alsoCoversFurtherNeeds: boolean;
  /** The participant lines as typed (empty: shown from the value). */
  readonly participantsText: string;
  readonly consents: readonly ConsentStateLike[];
  readonly accessNotices: readonly AccessNotice[];
  readonly leadAgencies: readonly LeadAgencyPeriod[];
  readonly handovers: readonly (Handover | RedactionMarker)[];
  readonly packetCategories: readonly DataCategory[];
  readonly preview: PreviewState;
  /** The host's directory (`<fk-directory>`). */
  readonly directory: DirectoryController;
  /** The binding of one field (see `FkFormElement.fieldAt`). */
  field<const P extends FieldPath<HandoverValue>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<HandoverValue, P>>;
  errorAt(path: string): string | undefined;
  warningAt(path: string): string | undefined;
  /** Records an edit of a field the views do not bind (choices shown read-only). */
  setField(path: string, value: unknown): void;
  /** The receiving agency picked from the directory (its id comes with it), or none. */
  pickAgency(agencyId: string): void;
  /** The receiving agency's name typed; its id follows the name until the id is typed. */
  setAgencyName(name: string): void;
  setAgencyId(agencyId: string): void;
  setAlsoCoversFurtherNeeds(on: boolean): void;
  toggleConference(on: boolean): void;
  setParticipants(text: string): void;
  /** The label of a legal domain (its code when there is no label). */
  domainLabel(domain: string): string;
  /** How a transfer's legal basis reads. */
  basisLabel(basis: string | undefined): string;
}

/**
 * One earlier handover: when, from which agency (`fromAgencyId`, named from the lead periods the view shows)
 * to which, and its variant.
 */
function historyItem(v: HandoverView, h: Handover) {
  const t = v.t;
  const from = h.fromAgencyId ? v.leadAgencies.find((p) => p.agencyId === h.fromAgencyId)?.name : undefined;
  const params = {
    date: t.date(h.effectiveFrom),
    agency: h.to.name,
    variant:
      h.variant === 'warmHandover' && h.continuingRole
        ? t.t('handover.variant.warmPlusFurtherNeeds')
        : t.t(`handover.variant.${h.variant}`),
  };
  return from === undefined
    ? t.t('handover.historyItem', params)
    : t.t('handover.historyItemFrom', { ...params, from });
}

/** The current lead agency and the earlier handovers. */
export function currentLead(v: HandoverView) {
  const t = v.t;
  const current = [...v.leadAgencies].reverse().find((p) => !p.to);
  const earlier = v.handovers;
  return html`<div part="current-lead">
    <p class="current">
      ${
        current
          ? t.t('handover.currentLead', {
              agency: current.name,
              domain: current.legalDomain
                ? ` (${current.legalDomain === 'nonStatutory' ? v.domainLabel(current.legalDomain) : current.legalDomain.replace('_', ' ')})`
                : '',
              date: t.date(current.from),
            })
          : t.t('handover.noLead')
      }
    </p>
    ${
      earlier.length
        ? html`<details>
            <summary>${t.t('handover.history')}</summary>
            <ul class="history">
              ${earlier.map((h) =>
                isRedactionMarker(h)
                  ? html`<li><fk-redacted label=${t.t('handover.history')} .marker=${h}></fk-redacted></li>`
                  : html`<li>${historyItem(v, h)}</li>`,
              )}
            </ul>
          </details>`
        : nothing
    }
  </div>`;
}

/** The core's notices about the actor's own access (HO-4): a transition ending soon, a continuing role. */
export function accessNotices(v: HandoverView) {
  if (v.accessNotices.length === 0) return nothing;
  const t = v.t;
  return html`<div
    class="notice notice--warn"
    part="access-notice"
    role="note"
    aria-label=${t.t('handover.accessNotice')}
  >
    ${v.accessNotices.map((n) => html`<p>${t.text(n.message)}</p>`)}
  </div>`;
}
