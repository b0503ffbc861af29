import { text, type LocalizedText } from '../i18n/localized-text.js';
import { deDate, enDate } from '../i18n/calendar-date.js';
import { followUpHolders } from './handover-continuity.js';
import type { CaseState } from '../model/case-state.js';
import { READINESS_SIGNS, type ReadinessSign } from '../model/closure.js';
import { addDays, addMonths, laterDate } from './dates.js';
import { DEFAULT_PROCESS_STANDARD } from './standard/default-standard.js';
import { CONSENT_REMINDER_DAYS } from '../privacy/consent/consent-record.js';
import { standardRegistry, type StandardSource } from './standard/registry.js';
import type { ProcessStandard } from './standard/schema.js';
import { openStatutoryDeadlines } from './standard/statutory-deadlines.js';

/**
 * What a worklist item is about:
 * - `followUp`: an open follow-up (Wiedervorlage);
 * - `firstContact`: Erstberatung within the standard's days of the referral;
 * - `assessmentDue`: first assessment within the standard's weeks of the Erstberatung;
 * - `monitoringContact`: a contact or progress judgement within the monitoring interval;
 * - `goalReview`: an open goal not reviewed for the standard's months;
 * - `goalTimeFrame`: an open goal whose time frame ends (or has ended);
 * - `measureStart`: a planned measure that should have started;
 * - `referralFeedback`: a provider referral without news;
 * - `caseConference`: the next case conference that was agreed;
 * - `reassessmentTrigger`: a changed situation, a deviation flagged as trigger, or repeated deviations;
 * - `consentExpiry`: a consent that runs out within 30 days;
 * - `closureReadiness`: Ballew/Mink signs of readiness to close;
 * - `evaluationDue`: a closed case still to evaluate;
 * - `statutoryDeadline`: a deadline of the case's legal profile (§ 15 SGB II, § 14 SGB IX …), with its paragraph.
 */
export const WORKLIST_ITEM_KINDS = [
  'followUp',
  'firstContact',
  'assessmentDue',
  'monitoringContact',
  'goalReview',
  'goalTimeFrame',
  'measureStart',
  'referralFeedback',
  'caseConference',
  'reassessmentTrigger',
  'consentExpiry',
  'closureReadiness',
  'evaluationDue',
  'statutoryDeadline',
] as const;

/** One of {@link WORKLIST_ITEM_KINDS}. */
export type WorklistItemKind = (typeof WORKLIST_ITEM_KINDS)[number];

/** `overdue`: due before the date; `due`: within the standard's `dueWithinDays`; `upcoming`: later, within the horizon. */
export const WORKLIST_SEVERITIES = ['overdue', 'due', 'upcoming'] as const;

/** One of {@link WORKLIST_SEVERITIES}. */
export type WorklistSeverity = (typeof WORKLIST_SEVERITIES)[number];

/** One thing to do in one case, with when and why. */
export interface WorklistItem {
  readonly kind: WorklistItemKind;
  readonly caseId: string;
  /** The case's display label (never a name). */
  readonly label: string;
  readonly dueOn: string;
  readonly severity: WorklistSeverity;
  readonly explanation: LocalizedText;
  /** The item of the case it is about (goal, measure, follow-up …), if any. */
  readonly ref?: { readonly kind: string; readonly id: string };
  /** Who it is for, where the case says so (a follow-up's assignee). */
  readonly assignedTo?: string;
}

/** A consent as the worklist needs it (the data-protection module keeps consents beside the case state). */
export interface WorklistConsent {
  readonly id: string;
  readonly validUntil: string;
  /** Withdrawn consents are not listed. */
  readonly withdrawn?: boolean;
}

/**
 * The consents of a case as the worklist needs them, from the data-protection module's state
 * (`foldPrivacy(journal).consents`). A consent counts as withdrawn once it was withdrawn as a whole
 * (no categories or recipients named); a partial withdrawal leaves the rest running.
 */
export function worklistConsents(privacy: {
  readonly consents: readonly {
    readonly record: { readonly id: string; readonly validUntil: string };
    readonly withdrawals: readonly {
      readonly categories?: readonly unknown[];
      readonly recipientAgencyIds?: readonly unknown[];
    }[];
  }[];
}): WorklistConsent[] {
  return privacy.consents.map(({ record, withdrawals }) => ({
    id: record.id,
    validUntil: record.validUntil,
    withdrawn: withdrawals.some((w) => w.categories === undefined && w.recipientAgencyIds === undefined),
  }));
}

/** Options of {@link buildWorklist}. */
export interface WorklistOptions {
  /** How far ahead `upcoming` items are listed (days; default 30). */
  readonly horizonDays?: number;
  /** The consents of a case, where the host has them (e.g. from the privacy module's state). */
  readonly consentsOf?: (state: CaseState) => readonly WorklistConsent[];
}

/** Consents expiring within this many days are listed (issue 5). */
export const CONSENT_EXPIRY_WINDOW_DAYS = CONSENT_REMINDER_DAYS;

const SEVERITY_ORDER: Record<WorklistSeverity, number> = { overdue: 0, due: 1, upcoming: 2 };
const PLAN_RUNNING = new Set(['helpPlanning', 'linking', 'monitoring']);
const WORKING = new Set(['goalAgreement', 'helpPlanning', 'linking', 'monitoring']);
const GROUP_OF = new Map<string, string>(
  Object.entries(READINESS_SIGNS).flatMap(([group, signs]) => signs.map((sign): [string, string] => [sign, group])),
);

/** Builds the items of one case into `out`. */
function caseItems(
  state: CaseState,
  standard: ProcessStandard,
  date: string,
  limit: string,
  dueUntil: string,
  options: WorklistOptions,
  out: WorklistItem[],
): void {
  const push = (
    kind: WorklistItemKind,
    dueOn: string,
    // A thunk: texts are only built for items inside the horizon.
    explanation: () => LocalizedText,
    extra: { ref?: WorklistItem['ref']; assignedTo?: string; signal?: boolean } = {},
  ): void => {
    if (dueOn > limit) return;
    const severity: WorklistSeverity = extra.signal
      ? 'due'
      : dueOn < date
        ? 'overdue'
        : dueOn <= dueUntil
          ? 'due'
          : 'upcoming';
    const item: { -readonly [K in keyof WorklistItem]: WorklistItem[K] } = {
      kind,
      caseId: state.caseId,
      label: state.label,
      dueOn,
      severity,
      explanation: explanation(),
    };
    if (extra.ref !== undefined) item.ref = extra.ref;
    if (extra.assignedTo !== undefined) item.assignedTo = extra.assignedTo;
    out.push(item);
  };
  const { deadlines } = standard;

  if (state.status === 'closed') {
    const closedOn = state.closure?.closedOn;
    if (state.stage === 'closure' && closedOn !== undefined && state.evaluation === null)
      push('evaluationDue', addDays(closedOn, deadlines.evaluationDays), () =>
        text(
          `Auswertung des abgeschlossenen Falls (Abschluss am ${deDate(closedOn)}).`,
          `Evaluate the closed case (closed on ${enDate(closedOn)}).`,
        ),
      );
    return;
  }

  for (const open of openStatutoryDeadlines(state, standard))
    push('statutoryDeadline', open.dueOn, () => open.explanation, { ref: { kind: 'deadline', id: open.deadline.id } });

  // HO-3: open follow-ups a handover handed to the receiver's case manager are listed for that person.
  // Asked only once an open follow-up needs it: most cases have none, and the holders map (with the
  // handover it reads) would be built per case for nothing (issue 18).
  let holders: ReadonlyMap<string, string> | undefined;
  for (const followUp of state.followUps) {
    if (followUp.done) continue;
    holders ??= followUpHolders(state, date);
    const assignedTo = holders.get(followUp.id);
    push(
      'followUp',
      followUp.dueOn,
      () => text(`Wiedervorlage: ${followUp.subject}`, `Follow-up: ${followUp.subject}`),
      {
        ref: { kind: 'followUp', id: followUp.id },
        ...(assignedTo === undefined ? {} : { assignedTo }),
      },
    );
  }

  const firstReferral = state.referrals[0];
  if (state.firstCounselling === null && state.admission?.admitted !== false && firstReferral !== undefined)
    push('firstContact', addDays(firstReferral.referredOn, deadlines.firstContactDays), () =>
      text(
        `Erstberatung binnen ${deadlines.firstContactDays} Tagen nach der Zuweisung vom ${deDate(firstReferral.referredOn)}.`,
        `First counselling within ${deadlines.firstContactDays} days of the referral of ${enDate(firstReferral.referredOn)}.`,
      ),
    );

  const counselling = state.firstCounselling;
  if (counselling !== null && counselling.decision.kind === 'assessment' && state.assessments.length === 0)
    push('assessmentDue', addDays(counselling.heldOn, deadlines.assessmentWeeks * 7), () =>
      text(
        `Assessment binnen ${deadlines.assessmentWeeks} Wochen nach der Erstberatung vom ${deDate(counselling.heldOn)}.`,
        `Assessment within ${deadlines.assessmentWeeks} weeks of the first counselling of ${enDate(counselling.heldOn)}.`,
      ),
    );

  if (PLAN_RUNNING.has(state.stage)) {
    let last: string | undefined;
    for (const contact of state.contacts) if (contact.reached) last = laterDate(last, contact.on);
    for (const judgement of state.progressJudgements) last = laterDate(last, judgement.on);
    for (const measure of state.measures) last = laterDate(last, measure.recordedAt.slice(0, 10));
    if (last !== undefined)
      push('monitoringContact', addDays(last, deadlines.monitoringIntervalDays), () =>
        text(
          `Kontakt oder Verlaufsbeurteilung spätestens ${deadlines.monitoringIntervalDays} Tage nach dem letzten (${deDate(last)}).`,
          `Contact or progress judgement at the latest ${deadlines.monitoringIntervalDays} days after the last one (${enDate(last)}).`,
        ),
      );
  }

  for (const goal of state.goals) {
    if (goal.level !== 'case' || goal.status !== 'open') continue;
    const ref = { kind: 'goal', id: goal.id };
    if (goal.agreement !== undefined) {
      let reviewed: string | undefined = goal.agreement.agreedOn;
      for (const revision of goal.revisions) reviewed = laterDate(reviewed, revision.revisedOn);
      for (const judgement of state.progressJudgements)
        if (judgement.target.kind === 'goal' && judgement.target.id === goal.id)
          reviewed = laterDate(reviewed, judgement.on);
      if (reviewed !== undefined)
        push(
          'goalReview',
          addMonths(reviewed, deadlines.goalReviewMonths),
          () =>
            text(
              `Ziel „${goal.title}“ spätestens ${deadlines.goalReviewMonths} Monate nach der letzten Überprüfung (${deDate(reviewed)}) überprüfen.`,
              `Review goal "${goal.title}" at the latest ${deadlines.goalReviewMonths} months after its last review (${enDate(reviewed)}).`,
            ),
          { ref },
        );
    }
    const until = goal.timeFrame?.until;
    if (until !== undefined)
      push(
        'goalTimeFrame',
        until,
        () =>
          text(
            `Zeitrahmen des Ziels „${goal.title}“ endet am ${deDate(until)}: Zielerreichung beurteilen.`,
            `The time frame of goal "${goal.title}" ends on ${enDate(until)}: judge attainment.`,
          ),
        { ref },
      );
  }

  for (const measure of state.measures) {
    const startOn = measure.startOn;
    if (measure.status !== 'planned' || startOn === undefined) continue;
    push(
      'measureStart',
      startOn,
      () =>
        text(
          `Maßnahme „${measure.title}“ sollte am ${deDate(startOn)} beginnen: Stand klären.`,
          `Measure "${measure.title}" should start on ${enDate(startOn)}: check its status.`,
        ),
      { ref: { kind: 'measure', id: measure.id } },
    );
  }

  for (const referral of state.providerReferrals) {
    if (referral.status === 'completed' || referral.status === 'declined') continue;
    const lastNews = referral.statusHistory.at(-1)?.on ?? referral.referredOn;
    const agreed = referral.feedback.nextFeedbackOn;
    const dueOn =
      agreed !== undefined && agreed > lastNews
        ? agreed
        : addDays(lastNews, referral.feedback.intervalDays ?? deadlines.referralFeedbackDays);
    push(
      'referralFeedback',
      dueOn,
      () =>
        text(
          `Rückmeldung von ${referral.provider.name} (letzter Stand ${deDate(lastNews)}).`,
          `Feedback from ${referral.provider.name} (last news ${enDate(lastNews)}).`,
        ),
      { ref: { kind: 'providerReferral', id: referral.id } },
    );
  }

  const nextConferenceOn = state.caseConferences.at(-1)?.nextConferenceOn;
  if (nextConferenceOn !== undefined)
    push('caseConference', nextConferenceOn, () =>
      text(
        `Vereinbarte Fallkonferenz am ${deDate(nextConferenceOn)}.`,
        `Agreed case conference on ${enDate(nextConferenceOn)}.`,
      ),
    );

  const assessment = state.assessments.at(-1);
  if (WORKING.has(state.stage) && assessment !== undefined) {
    let count = 0;
    let trigger: { on: string; explanation: LocalizedText } | undefined;
    for (const deviation of state.deviations) {
      if (deviation.recordedAt <= assessment.recordedAt) continue;
      count += 1;
      if (deviation.triggersReassessment || deviation.kind === 'situationChanged') {
        trigger = {
          on: deviation.on,
          explanation: text(
            `Re-Assessment prüfen: ${deviation.description}`,
            `Consider a re-assessment: ${deviation.description}`,
          ),
        };
        break;
      }
      if (count === standard.reassessment.deviationThreshold) {
        trigger = {
          on: deviation.on,
          explanation: text(
            `Re-Assessment prüfen: ${count} Abweichungen seit dem Assessment vom ${deDate(assessment.recordedOn)}.`,
            `Consider a re-assessment: ${count} deviations since the assessment of ${enDate(assessment.recordedOn)}.`,
          ),
        };
        break;
      }
    }
    if (trigger !== undefined) {
      const found = trigger;
      push('reassessmentTrigger', trigger.on, () => found.explanation, { signal: true });
    }
  }

  if (options.consentsOf !== undefined) {
    const windowEnd = addDays(date, CONSENT_EXPIRY_WINDOW_DAYS);
    for (const consent of options.consentsOf(state)) {
      if (consent.withdrawn === true || consent.validUntil < date || consent.validUntil > windowEnd) continue;
      push(
        'consentExpiry',
        consent.validUntil,
        () =>
          text(
            `Einwilligung läuft am ${deDate(consent.validUntil)} ab: verlängern oder Übermittlungen beenden.`,
            `Consent expires on ${enDate(consent.validUntil)}: renew it or stop transfers.`,
          ),
        { ref: { kind: 'consent', id: consent.id } },
      );
    }
  }

  if (state.readinessObservations.length > 0) {
    const signs = new Set<ReadinessSign>();
    let latest = '';
    for (const observation of state.readinessObservations) {
      for (const sign of observation.signs) signs.add(sign);
      if (observation.on > latest) latest = observation.on;
    }
    const groups = new Set([...signs].map((sign) => GROUP_OF.get(sign)));
    if (signs.size >= standard.readiness.minSigns && groups.size >= standard.readiness.minGroups)
      push(
        'closureReadiness',
        latest,
        () =>
          text(
            `${signs.size} Zeichen der Abschlussbereitschaft (Ballew/Mink) in ${groups.size} Bereichen: Abschluss besprechen.`,
            `${signs.size} signs of readiness to close (Ballew/Mink) in ${groups.size} groups: discuss closure.`,
          ),
        { signal: true },
      );
  }
}

/** Kinds that are signals to consider (a changed situation, readiness to close), not deadlines with a date of their own. */
const SIGNAL_KINDS: ReadonlySet<WorklistItemKind> = new Set(['reassessmentTrigger', 'closureReadiness']);

/** Far enough ahead that no deadline of a case lies beyond it. */
const NO_HORIZON = '9999-12-31';

/**
 * The case's next deadline on `date`: the earliest due date among the items {@link buildWorklist}
 * lists for it (overdue ones included, signals left out), without a horizon; `null` when nothing is due.
 * The case list's "next deadline" column (`CaseIndexEntry.nextDueDate`) is this figure, so list and
 * worklist never disagree (issue 21 item 7: the list said 15.06.2026 while the worklist had 16.02.2026
 * overdue, because the list looked at follow-ups and referral feedback only). Consent expiry is left
 * out: consents live beside the case state, in the data-protection module.
 */
export function nextDeadline(state: CaseState, date: string, standards?: StandardSource): string | null {
  const standard = standardRegistry(standards).get(state.processStandard) ?? DEFAULT_PROCESS_STANDARD;
  const out: WorklistItem[] = [];
  caseItems(state, standard, date, NO_HORIZON, addDays(date, standard.deadlines.dueWithinDays), {}, out);
  let earliest: string | null = null;
  for (const item of out) {
    if (SIGNAL_KINDS.has(item.kind)) continue;
    if (earliest === null || item.dueOn < earliest) earliest = item.dueOn;
  }
  return earliest;
}

/** The sort key: severity, date, case, kind, item; one string compare per pair instead of five. */
function sortKey(item: WorklistItem): string {
  return `${SEVERITY_ORDER[item.severity]}${item.dueOn}\u0000${item.caseId}\u0000${item.kind}\u0000${item.ref?.id ?? ''}`;
}

/** An item with its sort key. */
interface Keyed {
  readonly key: string;
  readonly item: WorklistItem;
}

/** What one case contributed to a worklist, and for which day, horizon and standard. */
interface CaseEntry {
  readonly date: string;
  readonly limit: string;
  readonly standard: ProcessStandard;
  readonly items: readonly Keyed[];
}

/**
 * The items each case state gave, by the state object (issue 18: an incremental worklist). A folded state
 * is never changed in place: a new event gives a new state object, so an unchanged case keeps its entry and
 * is not looked at again; a dropped state takes its entry with it. Not used with `consentsOf`, whose
 * answer can change while the state stays the same.
 */
const itemsByState = new WeakMap<CaseState, CaseEntry>();

/** A whole worklist, for a caseload that gives the very same states again. */
interface LastList {
  readonly states: readonly CaseState[];
  readonly date: string;
  readonly limit: string;
  readonly standards: StandardSource | undefined;
  readonly items: readonly WorklistItem[];
}

/**
 * The last whole worklist of a caseload, by its first state: held only while the caller holds that state,
 * so a dropped caseload (a signed-out user's) is not kept alive here.
 */
const lastLists = new WeakMap<CaseState, LastList>();

/**
 * What is overdue, due and upcoming on `date` across a caseload, by the deadlines of each case's own
 * process standard (the default standard where a case's standard is not given). Sorted: overdue
 * first, then due, then upcoming; within each by date, case and kind. Pure and synchronous; linear in
 * the size of the cases on a first call. Incremental: a case whose state object is the one of an
 * earlier call is not evaluated again (its items are reused), and the very same caseload on the same
 * day gives the last list again without sorting (without `consentsOf`). The items are shared between
 * calls: read them, do not change them.
 */
export function buildWorklist(
  cases: Iterable<CaseState>,
  date: string,
  standards?: StandardSource,
  options: WorklistOptions = {},
): WorklistItem[] {
  const registry = standardRegistry(standards);
  const limit = addDays(date, options.horizonDays ?? 30);
  const reuse = options.consentsOf === undefined;
  const states = [...cases];
  const last = states.length === 0 ? undefined : lastLists.get(states[0]!);
  if (
    reuse &&
    last !== undefined &&
    last.date === date &&
    last.limit === limit &&
    last.standards === standards &&
    last.states.length === states.length &&
    states.every((state, i) => state === last.states[i])
  )
    return [...last.items];
  const keyed: Keyed[] = [];
  const dueUntil = new Map<ProcessStandard, string>();
  for (const state of states) {
    const standard = registry.get(state.processStandard) ?? DEFAULT_PROCESS_STANDARD;
    const known = reuse ? itemsByState.get(state) : undefined;
    if (known !== undefined && known.date === date && known.limit === limit && known.standard === standard) {
      for (const entry of known.items) keyed.push(entry);
      continue;
    }
    let until = dueUntil.get(standard);
    if (until === undefined) {
      until = addDays(date, standard.deadlines.dueWithinDays);
      dueUntil.set(standard, until);
    }
    const out: WorklistItem[] = [];
    caseItems(state, standard, date, limit, until, options, out);
    const items = out.map((item) => ({ key: sortKey(item), item }));
    if (reuse) itemsByState.set(state, { date, limit, standard, items });
    for (const entry of items) keyed.push(entry);
  }
  // Stable: items with equal keys keep the order of their cases, as in one pass over the caseload.
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const items = keyed.map(({ item }) => item);
  if (reuse && states.length > 0) lastLists.set(states[0]!, { states, date, limit, standards, items });
  return [...items];
}
