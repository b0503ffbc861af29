import type { Actor } from '../../ports/actor.js';
import type { AccessNotice } from '../../process/handover-continuity.js';
import type { CaseState } from '../../model/case-state.js';
import type { DataCategory } from '../../model/record-meta.js';
import { ok, refused, type Result } from '../../result/refusal.js';
import type { CaseSection } from '../categories.js';
import { prepareDecision, type Decider, type DecisionUnit, type UnitVerdict } from '../decide.js';
import { isRedactionMarker, type Decision, type DecisionReason, type RedactionMarker } from '../decision.js';
import { EMPTY_PRIVACY_STATE, type PrivacyState } from '../privacy-state.js';
import { parsePurpose } from '../purposes.js';
import {
  assessmentUnits,
  CONTENT_SECTIONS,
  idOf,
  itemUnit,
  PERSON_FIELD_GROUPS,
  personUnits,
  sectionItems,
  SINGLE_ITEM_SECTIONS,
  type PersonFieldGroup,
} from './case-units.js';
import { prepareRestriction, type ViewRestriction, type ViewRights } from './view-restrictions.js';

/** A value of a view: what the actor may see, or a marker in its place. */
export type Redactable<T> = T | RedactionMarker;

/** An item in a view: each field may be replaced by a marker (person details, assessment domains). */
export type ViewItem<T> = { readonly [K in keyof T]: Redactable<T[K]> };

/** The case as one actor may see it: same shape as {@link CaseState}, items or fields replaced by markers or left out. */
export type RedactedCaseState = {
  readonly [K in keyof CaseState]: CaseState[K] extends readonly (infer I)[]
    ? readonly Redactable<ViewItem<I>>[]
    : CaseState[K] extends object | null
      ? Redactable<ViewItem<NonNullable<CaseState[K]>>> | null
      : CaseState[K];
};

/** A view of a case for one actor and purpose (DP-23, DP-24). */
export interface CaseView {
  readonly caseId: string;
  readonly purpose: string;
  readonly actor: Pick<Actor, 'id' | 'role' | 'agencyId'>;
  /** The decision over everything the view was asked for. */
  readonly decision: Decision;
  /** The case as this actor may see it. */
  readonly case: RedactedCaseState;
  /** Categories of the content shown (for the access log, DP-28). */
  readonly categories: readonly DataCategory[];
  /** How many items or parts were replaced by a marker. */
  readonly redacted: number;
  /** Whether the view was opened under break-glass (DP-25). */
  readonly breakGlass: boolean;
  /**
   * The case-wide marker when the whole case is restricted (`REDACT_RESTRICTED`, DP-31) or erased
   * (`ERASED`, DP-32); absent otherwise and for those who work on the restriction.
   */
  readonly restriction?: RedactionMarker;
  /**
   * The command types this actor may issue on the case today, as the one access decision
   * (`authoriseCommand` over `COMMAND_ACCESS`, DP-23, DP-40) answers for a command without item ids;
   * set by the case views' `viewCase` and `observeCaseView`. Elements show an action only when its
   * command is listed, so a read-only viewer is offered nothing it cannot do. Every write is still
   * decided again when it is sent.
   */
  readonly mayIssue?: readonly string[];
  /**
   * Notices about the actor's own access on the case (HO-4 in process/handover-continuity.ts): a
   * transition period after a handover that ends soon, or an open-ended involvement. Set with
   * `mayIssue`; absent when there is nothing to say.
   */
  readonly accessNotices?: readonly AccessNotice[];
}

/** Options of {@link viewCase}. */
export interface ViewOptions {
  /** ISO timestamp of the view (from the clock port). */
  readonly now: string;
  /**
   * The local date of the view (`YYYY-MM-DD`, the organisation's "today"): assignments and lead-agency
   * periods count from that day (DP-40); the UTC date of `now` if absent.
   */
  readonly today?: string;
  /** Consents, transfers and grants (`foldPrivacy(journal)`). */
  readonly privacy?: PrivacyState;
  /** Only these sections (the assessment tab: `['assessments']`); all if absent. */
  readonly sections?: readonly CaseSection[];
  /** For a case conference: the categories on its agenda; units outside it are not part of the view. */
  readonly agenda?: readonly DataCategory[];
  /**
   * The data-subject rights (`foldRights(journal)`, DP-31/DP-32): restricted data become
   * `REDACT_RESTRICTED` markers for everyone but the data-protection officer and the
   * `dataSubjectRequest` purpose; an erased case shows only that it was erased.
   */
  readonly rights?: ViewRights;
  /**
   * Narrows the view to what a recipient may receive (issue 22, a letter's view): asked only for units
   * the actor's own view allows, so a recipient never gets more than the sender sees.
   */
  readonly narrow?: (unit: DecisionUnit, about?: string) => UnitVerdict;
}

function markerOf(reason: DecisionReason): RedactionMarker {
  return { redacted: true, code: reason.code, rule: reason.rule, message: reason.message };
}

interface Tally {
  readonly categories: Set<DataCategory>;
  readonly withheld: DecisionReason[];
  readonly allowed: DecisionReason[];
  redacted: number;
}

/** Applies a verdict: the value, a marker, or nothing (hidden). */
function apply<T>(
  verdict: UnitVerdict,
  unit: DecisionUnit,
  value: T,
  tally: Tally,
  shown = true,
): T | RedactionMarker | undefined {
  if (verdict.effect === 'allow') {
    // Only content actually shown counts for the access log (an empty text shows nothing).
    if (shown) for (const category of unit.categories) tally.categories.add(category);
    tally.allowed.push(verdict.reason);
    return value;
  }
  if (verdict.effect === 'hide') return undefined;
  tally.redacted += 1;
  tally.withheld.push(verdict.reason);
  return markerOf(verdict.reason);
}

function onAgenda(unit: DecisionUnit, agenda: readonly DataCategory[] | undefined): boolean {
  return agenda === undefined || unit.categories.length === 0 || unit.categories.some((c) => agenda.includes(c));
}

/**
 * The reasons once each by code and rule, in the order first given, without their subjects. A view
 * withholds dozens of items for the same two or three reasons: looked up by code, then rule, with no key
 * text built per reason.
 */
function dedupe(reasons: readonly DecisionReason[]): DecisionReason[] {
  const seen = new Map<string, (string | undefined)[]>();
  const out: DecisionReason[] = [];
  for (const r of reasons) {
    const rules = seen.get(r.code);
    if (rules === undefined) seen.set(r.code, [r.rule]);
    else if (rules.includes(r.rule)) continue;
    else rules.push(r.rule);
    out.push({ code: r.code, rule: r.rule, message: r.message });
  }
  return out;
}

/**
 * The decisions behind one actor's view of a case: the case-level gate, the restriction (DP-31/DP-32)
 * and the judge of every unit. The view and every other read channel (history, consents, transfer
 * previews, worklist and list rows) decide through this, so a channel can never show what the view
 * withholds.
 */
export interface ViewJudge {
  /** The read decision of `decide` (DP-23..DP-27) for this actor, case and purpose. */
  readonly decider: Decider;
  readonly restriction: ViewRestriction;
  /** The verdict on a unit, `about` naming the person a person record's unit describes. */
  judge(unit: DecisionUnit, about?: string): UnitVerdict;
}

/**
 * Prepares the {@link ViewJudge} of an actor for a case and purpose; refused when the actor may not
 * see the case at all (DP-23, DP-26, DP-05). An erased case has no assignments left to check: only
 * role and purpose refusals still apply, and its view shows nothing but the erasure.
 */
export function prepareViewJudge(
  state: CaseState,
  actor: Actor,
  purpose: string,
  options: Pick<ViewOptions, 'now' | 'today' | 'privacy' | 'rights'>,
): Result<ViewJudge> {
  const privacy = options.privacy ?? EMPTY_PRIVACY_STATE;
  const decider = prepareDecision({
    actor,
    action: 'read',
    caseState: state,
    privacy,
    purpose,
    now: options.now,
    ...(options.today === undefined ? {} : { today: options.today }),
    metadata: true,
  });
  const restriction = prepareRestriction(state, actor, purpose, options.rights);
  const gate = restriction.erased && decider.gate?.reasons[0]?.code === 'DENY_NOT_ASSIGNED' ? undefined : decider.gate;
  if (gate !== undefined) {
    const [first, ...more] = gate.reasons.map((r) => ({ code: r.code, rule: r.rule, message: r.message }));
    return refused(first!, ...more);
  }
  return ok({
    decider,
    restriction,
    judge: (unit, about) => restriction.judge(unit, decider.judge(unit), about),
  });
}

/**
 * The case as this actor may see it for this purpose. Pure: decides every item and part
 * (`decide`'s rules), leaves allowed ones as they are, puts a {@link RedactionMarker} in place of
 * withheld ones and leaves out entrusted or child-protection items outside their circle without a
 * trace (DP-24). Refused when the actor may not see the case at all (DP-23, DP-26, DP-05).
 */
export function viewCase(state: CaseState, actor: Actor, purpose: string, options: ViewOptions): Result<CaseView> {
  const prepared = prepareViewJudge(state, actor, purpose, options);
  if (!prepared.ok) return prepared;
  const { restriction } = prepared.value;
  const narrow = options.narrow;
  const judge: ViewJudge['judge'] =
    narrow === undefined
      ? prepared.value.judge
      : (unit, about) => {
          const own = prepared.value.judge(unit, about);
          return own.effect === 'allow' ? narrow(unit, about) : own;
        };
  if (restriction.erased && restriction.marker !== undefined) {
    return ok(erasedView(state, actor, purpose, restriction.marker));
  }
  const decider = prepared.value.decider;
  const tally: Tally = { categories: new Set(), withheld: [], allowed: [], redacted: 0 };
  const wanted = (section: CaseSection) => options.sections === undefined || options.sections.includes(section);
  const out: Record<string, unknown> = { ...state };
  for (const section of CONTENT_SECTIONS) {
    const single = SINGLE_ITEM_SECTIONS.includes(section);
    if (!wanted(section)) {
      out[section] = single ? null : [];
      continue;
    }
    const items = sectionItems(state, section);
    const viewed: unknown[] = [];
    items.forEach((item, index) => {
      if (section === 'persons') {
        const person = item as CaseState['persons'][number];
        const units = personUnits(state, person);
        const copy: Record<string, unknown> = { ...person };
        let shown = false;
        for (const group of Object.keys(PERSON_FIELD_GROUPS) as PersonFieldGroup[]) {
          const unit = units[group];
          const fields = PERSON_FIELD_GROUPS[group].filter((f) => person[f] !== undefined);
          if (fields.length === 0) continue;
          const result = onAgenda(unit, options.agenda) ? apply(judge(unit, person.id), unit, true, tally) : undefined;
          if (result === true || isRestricted(result)) shown = true;
          for (const field of fields) {
            if (result === undefined) delete copy[field];
            else if (result !== true) copy[field] = result;
          }
          // DP-06: with the basics only, a household member's birth date is reduced to the year.
          if (
            group === 'details' &&
            result !== true &&
            person.birthDate !== undefined &&
            person.id !== state.addresseeId
          ) {
            copy['birthDate'] = person.birthDate.slice(0, 4);
          }
        }
        if (shown || person.id === state.addresseeId) viewed.push(copy);
        return;
      }
      if (section === 'assessments') {
        const assessment = item as CaseState['assessments'][number];
        const { container, domains } = assessmentUnits(assessment);
        const copy: Record<string, unknown> = { ...assessment };
        const ownText = assessment.wishesAndDreams !== '' || (assessment.narrative ?? '') !== '';
        const own = apply(judge(container), container, true, tally, ownText);
        if (own !== true) {
          // The assessment's own texts share the container's decision: the wishes and the narrative
          // (a narrative assessment is one free text; withheld, it is a marker, hidden, it is gone).
          copy['wishesAndDreams'] = own ?? '';
          if (assessment.narrative !== undefined) {
            if (own === undefined) delete copy['narrative'];
            else copy['narrative'] = own;
          }
        }
        const shownDomains: unknown[] = [];
        assessment.domains.forEach((domain, i) => {
          const unit = domains[i]!;
          if (!onAgenda(unit, options.agenda)) return;
          const result = apply(judge(unit), unit, domain, tally);
          if (result !== undefined)
            shownDomains.push(
              result === domain ? domain : { ...(result as RedactionMarker), domainId: domain.domainId },
            );
        });
        copy['domains'] = shownDomains;
        if (own === undefined && shownDomains.length === 0) return;
        viewed.push(copy);
        return;
      }
      const unit = itemUnit(section, item, undefined, undefined, index);
      if (!onAgenda(unit, options.agenda)) return;
      const verdict = judge(unit);
      if (verdict.effect === 'allow') {
        apply(verdict, unit, item, tally);
        viewed.push(item);
      } else if (verdict.effect !== 'hide') {
        // Exactly `{ ...markerOf(reason), id }` (what `apply` tallies and returns), in one object.
        const { code, rule, message } = verdict.reason;
        tally.redacted += 1;
        tally.withheld.push(verdict.reason);
        viewed.push({ redacted: true, code, rule, message, id: idOf(item, index) });
      }
    });
    out[section] = single ? (viewed[0] ?? null) : viewed;
  }
  const withheld = dedupe(tally.withheld);
  const allowed = dedupe(tally.allowed);
  const decision: Decision =
    withheld.length === 0
      ? {
          outcome: 'allow',
          reasons: allowed.length > 0 ? allowed : dedupe([decider.judge({ key: 'metadata', categories: [] }).reason]),
        }
      : { outcome: 'allow-redacted', reasons: [...withheld, ...allowed] };
  return ok({
    caseId: state.caseId,
    purpose,
    actor: { id: actor.id, role: actor.role, agencyId: actor.agencyId },
    decision,
    case: out as unknown as RedactedCaseState,
    categories: [...tally.categories].sort(),
    redacted: tally.redacted,
    breakGlass: decider.relation === 'breakGlass',
    ...(restriction.marker === undefined ? {} : { restriction: restriction.marker }),
  });
}

/** Whether a view value is a restriction marker (a restricted person stays in the list, as a marker). */
function isRestricted(value: unknown): boolean {
  return isRedactionMarker(value) && value.code === 'REDACT_RESTRICTED';
}

/** The view of an erased case (DP-32): that it was erased, its id and stage, no content and no label. */
function erasedView(state: CaseState, actor: Actor, purpose: string, marker: RedactionMarker): CaseView {
  const out: Record<string, unknown> = { ...state, label: '', leadAgencies: [], caseManagers: [] };
  for (const section of CONTENT_SECTIONS) out[section] = SINGLE_ITEM_SECTIONS.includes(section) ? null : [];
  const reason = { code: marker.code, rule: marker.rule, message: marker.message };
  return {
    caseId: state.caseId,
    purpose,
    actor: { id: actor.id, role: actor.role, agencyId: actor.agencyId },
    decision: { outcome: 'allow-redacted', reasons: [reason] },
    case: out as unknown as RedactedCaseState,
    categories: [],
    redacted: 0,
    breakGlass: false,
    restriction: marker,
  };
}

/** Whether a purpose string is one a view may be asked for (anything but `statistics`, DP-05). */
export function isViewPurpose(purpose: string): boolean {
  const parsed = parsePurpose(purpose);
  return parsed !== undefined && parsed.kind !== 'statistics';
}
