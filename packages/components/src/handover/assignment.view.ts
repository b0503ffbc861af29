import { html, nothing } from 'lit';
import type { CaseManagerPeriod, CaseState } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { handoverMessages } from './handover.messages.js';

/** A member of staff who may take over the case: the host's list (e.g. its staff directory). */
export interface Assignee {
  readonly userId: string;
  readonly name: string;
  readonly agencyId: string;
}

/** The `assignCaseManager` input the assignment sends (and `fk-assign` carries). */
export interface AssignmentDetail {
  readonly userId: string;
  readonly name: string;
  readonly agencyId: string;
  readonly role: 'primary';
  readonly from: string;
  readonly replaces?: string;
  readonly replacesAgencyId?: string;
}

/** What the assignment section reads and may do. */
export interface AssignmentView {
  readonly t: LocalizeController<typeof handoverMessages.de>;
  /** Who may be chosen: the staff of the lead agency in force, without its current case manager. */
  readonly candidates: readonly Assignee[];
  /** The chosen candidate's id. */
  readonly chosen: string;
  readonly pending: boolean;
  /** The confirmation of the last stored assignment, shown where the user works. */
  readonly done?: string | undefined;
  choose(userId: string): void;
  assign(): void;
}

/** The primary case manager in force on `day`, if any (the one an assignment replaces). */
export function currentPrimary(state: CaseState | undefined, day: string): CaseManagerPeriod | undefined {
  return (state?.caseManagers ?? []).find(
    (p) => p.role === 'primary' && p.from <= day && (p.to === undefined || p.to > day),
  );
}

/**
 * The staff of the lead agency in force who could take over: the host's `assignees` at that agency,
 * without the case manager in force. Whether the actor may assign is the core's decision (the view's
 * `mayIssue`); this only narrows the choice to people who can lead the case.
 */
export function assignmentCandidates(
  assignees: readonly Assignee[],
  state: CaseState | undefined,
  day: string,
): Assignee[] {
  const leads = (state?.leadAgencies ?? []).filter((p) => p.from <= day && (p.to === undefined || p.to > day));
  const lead = leads.at(-1)?.agencyId;
  if (lead === undefined) return [];
  const current = currentPrimary(state, day);
  return assignees.filter(
    (a) => a.agencyId === lead && !(current && current.userId === a.userId && current.agencyId === a.agencyId),
  );
}

/** The input of `assignCaseManager` for `chosen`, replacing the case manager in force. */
export function assignmentDetail(chosen: Assignee, state: CaseState | undefined, day: string): AssignmentDetail {
  const current = currentPrimary(state, day);
  return {
    userId: chosen.userId,
    name: chosen.name,
    agencyId: chosen.agencyId,
    role: 'primary',
    from: day,
    ...(current ? { replaces: current.userId, replacesAgencyId: current.agencyId } : {}),
  };
}

/**
 * "Fallverantwortung übertragen": after a handover the case manager is named here, in the element, so
 * every host gets the confirmation that says who gets the case and who loses access when.
 */
export function assignmentSection(v: AssignmentView) {
  const t = v.t;
  if (v.candidates.length === 0 && v.done === undefined) return nothing;
  return html`<section class="section assignment" part="assignment" aria-labelledby="assign-title">
    <h3 id="assign-title">${t.t('assign.title')}</h3>
    ${
      v.candidates.length === 0
        ? nothing
        : html`<p class="fk-hint">${t.t('assign.lead')}</p>
            <fk-select
              label=${t.t('assign.who')}
              .options=${v.candidates.map((c) => ({ value: c.userId, label: c.name }))}
              .value=${v.chosen}
              @change=${(e: FkFieldChangeEvent<string>) => v.choose(e.value)}
            ></fk-select>
            <div class="actions">
              <button
                type="button"
                class="fk-button fk-button--primary"
                part="assign"
                ?disabled=${v.pending}
                @click=${() => v.assign()}
              >
                ${t.t('assign.submit')}
              </button>
            </div>`
    }
    ${v.done ? html`<p class="fk-saved" part="assign-done" role="status" tabindex="-1">${v.done}</p>` : nothing}
  </section>`;
}
