import {
  foldHandoverPackages,
  type HandoverLoop,
  type ReceivedPackage,
} from '../../handover-package/handover-package-state.js';
import type { HandoverStatusStep } from '../../handover-package/handover-package-state.js';
import { isErasedPayload, type JournalEvent } from '../../journal/journal-event.js';
import type { CaseState } from '../../model/case-state.js';
import type { DataCategory } from '../../model/record-meta.js';
import type { PrivacyState } from '../privacy-state.js';
import { decideShownEvents } from './case-history.js';
import type { ViewJudge } from './view-case.js';

/**
 * The handover packages of a case as one actor may see them (issue 16, DP-23, DP-28): the package the case
 * was opened from, and the status loop of each package it sent or received (requested, received, accepted,
 * declined, withdrawn), read from the events the actor's history shows. A step's note is the other agency's
 * free text: it is kept only where the actor's view allows notes.
 */
export interface CaseHandoverStatus {
  readonly caseId: string;
  readonly received?: ReceivedPackage;
  readonly loops: readonly HandoverLoop[];
}

/** What {@link decideHandoverStatus} decided, with what the access log records of it. */
export interface DecidedHandoverStatus {
  readonly status: CaseHandoverStatus;
  readonly categories: readonly DataCategory[];
  /** How many notes were withheld. */
  readonly redacted: number;
}

/**
 * Decides the handover status of a case for the actor of `judge`. Pure: the events the actor may see
 * ({@link decideShownEvents}, the same as the history and the journal cut), their notes judged as
 * `notes`, then folded with `foldHandoverPackages`. An erased case shows none.
 */
export function decideHandoverStatus(
  caseId: string,
  read: { readonly journal: readonly JournalEvent[]; readonly state: CaseState; readonly privacy: PrivacyState },
  judge: ViewJudge,
): DecidedHandoverStatus {
  if (judge.restriction.erased) return { status: { caseId, loops: [] }, categories: [], redacted: 0 };
  const shown = decideShownEvents(read.journal, read.state, read.privacy, judge);
  let redacted = 0;
  let notes = false;
  const events = read.journal.flatMap((event, i): JournalEvent[] => {
    if (!shown[i]) return [];
    if (event.type !== 'HandoverStatusRecorded' || isErasedPayload(event.payload)) return [event];
    const step = event.payload as HandoverStatusStep;
    if (step.note === undefined) return [event];
    const verdict = judge.judge({ key: `events/${event.id}`, categories: ['notes'], recordedBy: event.actor.id });
    if (verdict.effect === 'allow') {
      notes = true;
      return [event];
    }
    redacted += 1;
    const { note: _withheld, ...rest } = step;
    return [{ ...event, payload: rest }];
  });
  const folded = foldHandoverPackages(events);
  return {
    status: { caseId, ...folded },
    categories: notes ? ['notes'] : [],
    redacted,
  };
}
