import { foldCase } from '../fold/fold-case.js';
import { erasureAuthorisations, erasureIsAuthorised } from '../journal/erasure-markers.js';
import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import type { HiddenLink } from '../journal/verify-cut-journal.js';
import { sameActor, type Actor } from '../ports/actor.js';
import { foldPrivacy } from '../privacy/privacy-state.js';
import { decideShownEvents } from '../privacy/view/case-history.js';
import { prepareViewJudge, viewCase } from '../privacy/view/view-case.js';
import type { DataCategory } from '../model/record-meta.js';
import { withoutErasedPayloads } from '../privacy/view/view-restrictions.js';
import type { Refusal } from '../result/refusal.js';
import { foldRights } from '../rights/rights-state.js';

/** The purpose a device reads its cases for: case work. */
export const SYNC_PURPOSE = 'caseManagement';

/** When and for which purpose a cut is decided. */
export interface CutOptions {
  /** The decision's time (ISO), from the server's clock. */
  readonly now: string;
  /** The organisation's local date (`YYYY-MM-DD`); periods in force count from it (DP-40). */
  readonly today?: string;
  /** The purpose; {@link SYNC_PURPOSE} if absent. */
  readonly purpose?: string;
}

/**
 * What a device may hold of one case (issue 15's sync scope), decided by the core:
 * - `full`: every event whole (the actor may see the whole case);
 * - `cut`: the events the actor may not see reduced to hash-only links (DP-24: no trace of what they
 *   were), everything else whole, so the cut still verifies against the server's seal;
 * - `revoked`: the actor may not see the case at all (assignment ended, case erased, role or purpose
 *   refused): the device deletes it and its key.
 */
export type JournalCut =
  | {
      readonly scope: 'full' | 'cut';
      readonly events: readonly (JournalEvent | HiddenLink)[];
      readonly hidden: number;
      /** The categories of what the device can show of the case (its view), for the access log (DP-28). */
      readonly categories: readonly DataCategory[];
      /** Whether the cut was decided under break-glass (DP-25), for the access log. */
      readonly breakGlass: boolean;
    }
  | {
      readonly scope: 'revoked';
      readonly reasons: readonly Refusal[];
      /**
       * Whether the actor may learn that its access ended: it held an assignment of the case or its agency
       * led it, at any time, so its device may hold the case. Otherwise the case is never mentioned to it
       * (DP-23: a case id of a case one may not see is not shown either).
       */
      readonly notify: boolean;
    };

function linkOf(event: JournalEvent): HiddenLink {
  return { hidden: true, caseId: event.caseId, seq: event.seq, prevHash: event.prevHash, hash: event.hash };
}

/** An erased event as a device receives it: the marker, no note (DP-43: erasure removes both). */
function withoutNote(event: JournalEvent): JournalEvent {
  if (event.note === undefined) return event;
  const { note: _dropped, ...rest } = event;
  return rest;
}

/**
 * Decides the journal cut of one case for an actor (DP-23, DP-24, DP-31, DP-32, DP-40), through the same
 * decisions as the case view and its history: an event is kept whole exactly when the actor's history
 * shows it (`decideShownEvents`), every other event becomes a hidden link. A payload an erasure has
 * decided is an erasure marker even before the store removed it; an erasure marker whose decision the
 * actor may not see is hidden too, so the cut never carries a marker it cannot back. Pure.
 */
export function cutJournalFor(actor: Actor, journal: readonly JournalEvent[], options: CutOptions): JournalCut {
  const rights = foldRights(journal);
  const readable = withoutErasedPayloads(journal, rights.erasedSeqs);
  const state = foldCase(readable);
  const notFound: Refusal = {
    code: 'CASE_NOT_FOUND',
    rule: 'SERVICE',
    message: { de: 'Die Akte gibt es nicht.', en: 'There is no case.' },
  };
  if (state === undefined) return { scope: 'revoked', reasons: [notFound], notify: false };
  const held =
    state.caseManagers.some((period) => sameActor({ userId: period.userId, agencyId: period.agencyId }, actor)) ||
    state.leadAgencies.some((period) => period.agencyId === actor.agencyId);
  const privacy = foldPrivacy(readable);
  const judged = prepareViewJudge(state, actor, options.purpose ?? SYNC_PURPOSE, {
    now: options.now,
    ...(options.today === undefined ? {} : { today: options.today }),
    privacy,
    rights,
  });
  if (!judged.ok) return { scope: 'revoked', reasons: judged.errors, notify: held };
  const { restriction } = judged.value;
  // An erased case keeps nothing a device could show (DP-32): it leaves the device like an ended assignment.
  if (restriction.erased)
    return {
      scope: 'revoked',
      reasons: [
        {
          code: 'ERASED',
          rule: 'DP-32',
          message: { de: 'Die Akte wurde gelöscht.', en: 'The case was erased.' },
        },
      ],
      notify: held,
    };
  const shown = decideShownEvents(readable, state, privacy, judged.value);
  const authorisations = erasureAuthorisations(readable.filter((_event, index) => shown[index]));
  let hidden = 0;
  const events = readable.map((event, index) => {
    const keep = shown[index] === true && erasureIsAuthorised(event, authorisations);
    if (!keep) {
      hidden += 1;
      return linkOf(event);
    }
    return isErasedPayload(event.payload) ? withoutNote(event) : event;
  });
  const view = viewCase(state, actor, options.purpose ?? SYNC_PURPOSE, {
    now: options.now,
    ...(options.today === undefined ? {} : { today: options.today }),
    privacy,
    rights,
  });
  return {
    scope: hidden === 0 ? 'full' : 'cut',
    events,
    hidden,
    categories: view.ok ? view.value.categories : [],
    breakGlass: judged.value.decider.relation === 'breakGlass',
  };
}
