import { isHiddenLink } from '../journal/verify-cut-journal.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { DataCategory } from '../model/record-meta.js';
import type { Actor } from '../ports/actor.js';
import type { AccessLogEntry, ReadChannel } from '../privacy/access-log/access-log.js';
import { foldPrivacy } from '../privacy/privacy-state.js';
import type { CaseConsents } from '../privacy/view/case-views.js';
import { consentUnit, releaseUnit } from '../privacy/view/record-units.js';
import type { CaseView } from '../privacy/view/view-case.js';
import { searchHit, type CaseSearchHit } from '../privacy/view/case-search.js';
import type { CaseIndexEntry } from '../store/case-store.js';

/*
 * The read channels of a case a device holds as a journal cut (issue 15), beside `cutHistory`: what the
 * device shows of the case's consents, its search hit and its worklist row comes from the server's decision
 * and nothing else (DP-23, DP-24, DP-40). The cut keeps an event whole exactly when the actor's history shows
 * it (`decideShownEvents`), and the history shows a consent, a withdrawal or a release exactly when the view's
 * judge allows its unit (`consentUnit`, `releaseUnit`), which is the consents channel's own decision: so the
 * consents the cut's whole events fold to are the consents channel's answer at the cut's head, for
 * `SYNC_PURPOSE`. Search hits and worklist cases are the decided view's visible state (`visibleState`), as the
 * online channels compute them from each case's view.
 */

/** The whole events of a cut, in order (hidden links carry nothing to fold). */
function wholeOf(cut: readonly unknown[]): JournalEvent[] {
  return cut.filter((event): event is JournalEvent => !isHiddenLink(event));
}

/** The consents and releases of a case held as a cut, as the actor may see them (see above). */
export function cutConsents(view: CaseView, cut: readonly unknown[]): CaseConsents {
  // An erased case keeps nothing to show (DP-32).
  if (view.restriction?.code === 'ERASED') return { caseId: view.caseId, consents: [], releases: [] };
  const privacy = foldPrivacy(wholeOf(cut));
  return { caseId: view.caseId, consents: privacy.consents, releases: privacy.releases };
}

/** The categories the consents channel shows of a case's consents (for its access-log entry, DP-28). */
export function consentCategories(consents: CaseConsents): DataCategory[] {
  return [
    ...consents.consents.flatMap((c) => consentUnit(c.record).categories),
    ...consents.releases.flatMap((r) => releaseUnit(r).categories),
  ];
}

/** The search hit of a case held as a cut: its list row and the decided view's visible addressee (DP-24). */
export function cutSearchHit(view: CaseView, row: CaseIndexEntry, today: string): CaseSearchHit {
  return searchHit(row, view, today);
}

/**
 * An access-log entry for a read of a case held as a cut (DP-28): the actor's own, as the core's views log
 * theirs, with the decided view's outcome, categories and withheld count unless the channel shows less.
 */
export function cutLogEntry(
  actor: Actor,
  view: CaseView,
  channel: ReadChannel,
  at: string,
  shown: { readonly categories?: readonly DataCategory[]; readonly redacted?: number } = {},
): AccessLogEntry {
  return {
    caseId: view.caseId,
    actorId: actor.id,
    role: actor.role,
    agencyId: actor.agencyId,
    purpose: view.purpose,
    categories: [...new Set(shown.categories ?? view.categories)].sort(),
    outcome: view.decision.outcome,
    redacted: shown.redacted ?? view.redacted,
    breakGlass: view.breakGlass,
    channel,
    at,
  };
}
