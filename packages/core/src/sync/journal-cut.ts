import { foldCase } from '../fold/fold-case.js';
import { erasureAuthorisations, erasureIsAuthorised } from '../journal/erasure-markers.js';
import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import type { HiddenLink } from '../journal/verify-cut-journal.js';
import { sameActor, type Actor } from '../ports/actor.js';
import { foldPrivacy } from '../privacy/privacy-state.js';
import { decideShownEvents } from '../privacy/view/case-history.js';
import { prepareViewJudge, viewCase, type CaseView } from '../privacy/view/view-case.js';
import { authoriseCommand } from '../access/authorise.js';
import { COMMAND_ACCESS } from '../access/command-access.js';
import { DEFAULT_TIME_ZONE, localDate } from '../service/local-date.js';
import { SPECIAL_DATA_CATEGORIES, type DataCategory } from '../model/record-meta.js';
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
      /**
       * For scope `cut`: the core's decided view of the case for the actor at the journal's head (the same
       * `viewCase` decision as the case views, purpose {@link SYNC_PURPOSE}, with the commands it may issue),
       * which the device shows for a case it cannot fold from the events the cut keeps whole (a hidden
       * `CaseOpened`). Absent for scope `full`: the device folds and decides that one itself.
       */
      readonly view?: CaseView;
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

/** What of a withheld part's marker reaches a device: that something is withheld and why, and the item's id. */
const DEVICE_MARKER_KEYS = new Set(['redacted', 'code', 'rule', 'message', 'id']);
const SPECIAL = new Set<string>(SPECIAL_DATA_CATEGORIES);

/**
 * A decided view as a device keeps it (DP-01, DP-24): the view as decided, except that a marker keeps only
 * what it says (withheld, code, rule, sentence, the item's id) and not what it stands for (a marker keyed by
 * a legal domain `health` says that there is a health domain), and a shown record's category list names no
 * special category (Art. 9) the view shows nothing of. Never more than the view; the device holds it at rest.
 */
function forDevice(value: unknown, shown: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => forDevice(item, shown));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (record['redacted'] === true)
    return Object.fromEntries(Object.entries(record).filter(([key]) => DEVICE_MARKER_KEYS.has(key)));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record))
    out[key] =
      key === 'categories' && Array.isArray(item)
        ? item.filter((c) => typeof c !== 'string' || !SPECIAL.has(c) || shown.has(c))
        : forDevice(item, shown);
  return out;
}

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
  const scope = hidden === 0 ? 'full' : 'cut';
  const decided =
    scope === 'cut' && view.ok
      ? {
          view: {
            ...view.value,
            case: forDevice(view.value.case, new Set(view.value.categories)) as CaseView['case'],
            // What the actor may issue today, as the case views' `viewCase` answers it (DP-23, DP-40): the
            // device offers only these; each is queued and decided again by the server.
            mayIssue: Object.keys(COMMAND_ACCESS).filter(
              (type) =>
                authoriseCommand({
                  type,
                  input: {},
                  actor,
                  state,
                  privacy,
                  now: options.now,
                  today: options.today ?? localDate(options.now, DEFAULT_TIME_ZONE),
                }).length === 0,
            ),
          },
        }
      : {};
  return {
    scope,
    events,
    hidden,
    categories: view.ok ? view.value.categories : [],
    breakGlass: judged.value.decider.relation === 'breakGlass',
    ...decided,
  };
}
