import type { Actor } from '../../ports/actor.js';
import type { CaseState } from '../../model/case-state.js';
import { isErasedPayload, type JournalEvent } from '../../journal/journal-event.js';
import type { RightsState } from '../../rights/rights-state.js';
import type { DecisionUnit, UnitVerdict } from '../decide.js';
import type { RedactionMarker } from '../decision.js';
import { parsePurpose } from '../purposes.js';
import { reasonFor, redactionMarker } from '../reason-codes.js';

/**
 * What a view needs to know of the data-subject rights (`foldRights(journal)`): whether the whole case
 * is restricted or erased, and which restrictions hold for single persons.
 */
export type ViewRights = Pick<RightsState, 'restricted' | 'erased' | 'restrictions'>;

/**
 * Whether an actor and purpose work on the restriction itself (DP-31): the data-protection officer and
 * anyone answering the person's request (`dataSubjectRequest`) see restricted data; nobody else does.
 */
export function seesRestrictedData(actor: Pick<Actor, 'role'>, purpose: string): boolean {
  return actor.role === 'dataProtectionOfficer' || parsePurpose(purpose)?.kind === 'dataSubjectRequest';
}

/** The persons under an active subject-scoped restriction. */
function restrictedSubjects(rights: ViewRights): ReadonlySet<string> {
  return new Set(rights.restrictions.filter((r) => r.liftedOn === undefined).map((r) => r.subjectId));
}

/**
 * The restriction rule of one view: a wrapper around the decision's judge that turns every unit about
 * a restricted person (or every unit of a restricted case) into a `REDACT_RESTRICTED` marker (DP-31).
 * Units the decision hides without a trace stay hidden: a restriction must not reveal them.
 */
export interface ViewRestriction {
  /** The case-wide marker, when the whole case is restricted or erased. */
  readonly marker: RedactionMarker | undefined;
  /** Whether the case was erased: the view shows that and nothing else (DP-32). */
  readonly erased: boolean;
  /** The verdict on a unit, `about` naming the person a person record's unit describes. */
  judge(unit: DecisionUnit, base: UnitVerdict, about?: string): UnitVerdict;
}

/** Prepares the {@link ViewRestriction} for one view. */
export function prepareRestriction(
  state: CaseState,
  actor: Pick<Actor, 'role'>,
  purpose: string,
  rights: ViewRights | undefined,
): ViewRestriction {
  if (rights?.erased === true) {
    return { marker: redactionMarker('ERASED', { rule: 'DP-32' }), erased: true, judge: (_unit, base) => base };
  }
  if (rights === undefined || seesRestrictedData(actor, purpose)) {
    return { marker: undefined, erased: false, judge: (_unit, base) => base };
  }
  const subjects = restrictedSubjects(rights);
  const whole = rights.restricted;
  const restrictedVerdict: UnitVerdict = { effect: 'redact', reason: reasonFor('REDACT_RESTRICTED') };
  return {
    marker: whole ? redactionMarker('REDACT_RESTRICTED') : undefined,
    erased: false,
    judge(unit, base, about) {
      if (base.effect === 'hide') return base;
      if (whole) return restrictedVerdict;
      if (subjects.size === 0) return base;
      const unitSubjects = unit.subjectIds ?? [state.addresseeId];
      const hit = (about !== undefined && subjects.has(about)) || unitSubjects.some((id) => subjects.has(id));
      return hit ? restrictedVerdict : base;
    },
  };
}

/** The `erased` payload a pending erasure stands for, so views never read it before the store removed it. */
function pendingErasure(event: JournalEvent): JournalEvent {
  return { ...event, payload: { erased: true, erasedAt: event.at, rule: 'DP-32' } };
}

/**
 * The journal as the views may read it: payloads an erasure has decided (`DataErased`, DP-32) are
 * treated as erased even while the store has not removed them yet.
 */
export function withoutErasedPayloads(
  journal: readonly JournalEvent[],
  erasedSeqs: ReadonlySet<number>,
): JournalEvent[] {
  if (erasedSeqs.size === 0) return [...journal];
  return journal.map((event) =>
    erasedSeqs.has(event.seq) && !isErasedPayload(event.payload) ? pendingErasure(event) : event,
  );
}
