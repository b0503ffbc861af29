import { deDate, enDate } from '../i18n/calendar-date.js';
import { text, type LocalizedText } from '../i18n/localized-text.js';
import { inForce } from '../access/periods.js';
import type { CaseState } from '../model/case-state.js';
import type { CaseManagerPeriod } from '../model/case-header.js';
import type { Handover } from '../model/handover.js';
import { addDays, dayNumber } from './dates.js';

/**
 * Handover continuity (issue 21, DOMAIN.md 3, DP-23, DP-40): what the sending agency keeps when the
 * receiving agency names its case manager, and what becomes of the sender's open follow-ups. The
 * variant of the handover decides; nothing outside the core decides it.
 *
 * - **HO-1** Warm handover (variant 1): the sender's case manager stays involved as deputy for a
 *   transition period, up to and including the day the handover names in `involvedUntil`, or
 *   {@link WARM_HANDOVER_TRANSITION_DAYS} days after the receiver's case manager starts.
 * - **HO-2** Contractor (variant 2), further needs (variant 3), and a warm handover with a continuing
 *   role: the sender's case manager stays involved as deputy with no end date, or up to
 *   `involvedUntil` when the handover names one; the role is ended with `endCaseManagerAssignment`.
 * - **HO-3** Open follow-ups of the sender (assigned to the sender's case manager, or to no one) are
 *   handed over to the receiver's case manager when the handover names the consent it relies on
 *   (`consentRef`, checked by PR-24); without one they stay with the sender, who is still involved.
 * - **HO-4** Before an involvement ends, the involved case manager gets a notice
 *   ({@link accessNotices}): from the handover on for the sender's staff, else from
 *   {@link ACCESS_NOTICE_DAYS} days ahead, for the elements to show.
 * @module
 */

/** Length of the transition period of a warm handover when the handover names no end (HO-1). */
export const WARM_HANDOVER_TRANSITION_DAYS = 28;

/** How many days before an involvement ends the involved case manager is told (HO-4). */
export const ACCESS_NOTICE_DAYS = 14;

/** The handover fields that decide continuity. */
export type ContinuityHandover = Pick<Handover, 'variant' | 'continuingRole' | 'consentRef'> & {
  readonly involvedUntil?: string | undefined;
};

/** What the sender's case manager keeps once the receiver's case manager starts on `from`. */
export interface SenderInvolvement {
  /** The rule that decided (HO-1 or HO-2). */
  readonly rule: 'HO-1' | 'HO-2';
  /** The day access ends (exclusive, as periods end); the last day is the day before. Absent: until ended. */
  readonly until?: string;
  /** The same as a sentence, German and English. */
  readonly explanation: LocalizedText;
}

/** Whether the handover keeps a continuing role for the sender (variants 2 and 3, or 1 with a role). */
export function keepsContinuingRole(handover: ContinuityHandover): boolean {
  return handover.variant !== 'warmHandover' || (handover.continuingRole ?? '').trim() !== '';
}

/** HO-1/HO-2: the sender's involvement after the receiver's case manager starts on `from`. */
export function senderInvolvement(handover: ContinuityHandover, from: string): SenderInvolvement {
  // `involvedUntil` is the last day (inclusive); the period's `to` is the day after (exclusive).
  const named =
    handover.involvedUntil !== undefined && handover.involvedUntil >= from
      ? addDays(handover.involvedUntil, 1)
      : undefined;
  if (!keepsContinuingRole(handover)) {
    const until = named ?? addDays(from, WARM_HANDOVER_TRANSITION_DAYS);
    return {
      rule: 'HO-1',
      until,
      explanation: text(
        `Warme Übergabe: Die bisher fallverantwortliche Person bleibt bis einschließlich ${deDate(addDays(until, -1))} als Vertretung beteiligt; danach endet ihr Zugang zum Fall.`,
        `Warm handover: the previous case manager stays involved as deputy up to and including ${enDate(addDays(until, -1))}; then their access to the case ends.`,
      ),
    };
  }
  if (named !== undefined)
    return {
      rule: 'HO-2',
      until: named,
      explanation: text(
        `Die bisherige Stelle bleibt mit ihrer fortbestehenden Aufgabe bis einschließlich ${deDate(addDays(named, -1))} als Vertretung beteiligt; danach endet ihr Zugang zum Fall.`,
        `The previous agency stays involved as deputy with its continuing role up to and including ${enDate(addDays(named, -1))}; then its access to the case ends.`,
      ),
    };
  return {
    rule: 'HO-2',
    explanation: text(
      'Die bisherige Stelle bleibt mit ihrer fortbestehenden Aufgabe als Vertretung beteiligt, bis diese Beteiligung beendet wird.',
      'The previous agency stays involved as deputy with its continuing role until that involvement is ended.',
    ),
  };
}

/**
 * What a handover will do to the sender's access and open follow-ups (HO-1 to HO-3), as sentences
 * for the confirmation an element asks before the irreversible step. `from` is the day the receiver's
 * case manager is expected to start (the handover's `effectiveFrom` when not known yet).
 */
export function handoverConsequences(handover: ContinuityHandover, from: string): LocalizedText[] {
  return [
    text(
      'Bis die aufnehmende Stelle eine fallverantwortliche Person benennt, bleibt Ihr Zugang unverändert.',
      'Until the receiving agency names a case manager, your access stays as it is.',
    ),
    senderInvolvement(handover, from).explanation,
    handover.consentRef === undefined
      ? text(
          'Offene Wiedervorlagen bleiben bei Ihnen, weil die Übergabe keine Einwilligung nennt.',
          'Open follow-ups stay with you, because the handover names no consent.',
        )
      : text(
          'Offene Wiedervorlagen gehen an die fallverantwortliche Person der aufnehmenden Stelle, sobald sie benannt ist.',
          'Open follow-ups go to the receiving agency’s case manager once named.',
        ),
  ];
}

/** The latest handover, if it took effect on or before `day` (undefined otherwise). */
export function handoverInForce(state: CaseState, day: string): Handover | undefined {
  const latest = state.handovers.at(-1);
  return latest !== undefined && latest.effectiveFrom <= day ? latest : undefined;
}

/**
 * When the receiving agency's case manager replaces the sender's primary case manager: the sender's
 * deputy period that continuity keeps (HO-1/HO-2), or `undefined` when this assignment is not the
 * receiver taking over from the sender after a handover (then nothing is kept: an ordinary change).
 */
export function continuityOnTakeover(
  state: CaseState,
  replaced: CaseManagerPeriod | undefined,
  assignee: { readonly agencyId: string; readonly from: string },
): { readonly period: CaseManagerPeriod; readonly involvement: SenderInvolvement } | undefined {
  const handover = handoverInForce(state, assignee.from);
  if (handover === undefined || replaced === undefined || replaced.role !== 'primary') return undefined;
  if (handover.to.agencyId !== assignee.agencyId || handover.fromAgencyId !== replaced.agencyId) return undefined;
  if (replaced.agencyId === assignee.agencyId) return undefined;
  const alreadyDeputy = state.caseManagers.some(
    (p) =>
      p.role === 'deputy' && p.userId === replaced.userId && p.agencyId === replaced.agencyId && p.to === undefined,
  );
  if (alreadyDeputy) return undefined;
  const involvement = senderInvolvement(handover, assignee.from);
  return {
    involvement,
    period: {
      userId: replaced.userId,
      ...(replaced.name === undefined ? {} : { name: replaced.name }),
      agencyId: replaced.agencyId,
      role: 'deputy',
      from: assignee.from,
      ...(involvement.until === undefined ? {} : { to: involvement.until }),
    },
  };
}

/** The follow-ups the handover in force hands to the receiver's primary case manager (HO-3), by id. */
export interface FollowUpHandover {
  /** The receiver's primary case manager in force, who now holds the follow-ups. */
  readonly holder: string;
  /** Ids of the open follow-ups handed over. */
  readonly handedOver: readonly string[];
  /** Ids of the open follow-ups that stay with the sender (no consent named by the handover). */
  readonly staying: readonly string[];
}

/**
 * HO-3: the open follow-ups of the sender once the receiver's case manager is in force on `day`:
 * handed over when the handover names its consent (`consentRef`), else staying with the sender.
 * `undefined` when there is no handover in force or the receiver has not yet named its case manager.
 */
export function followUpHandover(state: CaseState, day: string): FollowUpHandover | undefined {
  const handover = handoverInForce(state, day);
  if (handover === undefined || handover.fromAgencyId === null) return undefined;
  const receiver = state.caseManagers.find(
    (p) => p.role === 'primary' && p.agencyId === handover.to.agencyId && inForce(p, day),
  );
  if (receiver === undefined) return undefined;
  const senders = new Set(state.caseManagers.filter((p) => p.agencyId === handover.fromAgencyId).map((p) => p.userId));
  const open = state.followUps.filter(
    (f) => !f.done && (f.assignedTo === undefined || senders.has(f.assignedTo)) && f.assignedTo !== receiver.userId,
  );
  const ids = open.map((f) => f.id);
  return handover.consentRef === undefined
    ? { holder: receiver.userId, handedOver: [], staying: ids }
    : { holder: receiver.userId, handedOver: ids, staying: [] };
}

/**
 * HO-3: who holds each open follow-up on `day`, by id: the receiver's case manager for those a handover
 * handed over, else the stored `assignedTo` (none: the case's case manager). The one answer the worklist,
 * the monitoring and the appointments give, so a handed-over follow-up is never shown with the sender
 * while the receiver's worklist lists it. Reads a decided view's case too: withheld items (markers, no id)
 * and withheld assignees are left out.
 */
export function followUpHolders(state: CaseState, day: string): ReadonlyMap<string, string> {
  const handed = followUpHandover(state, day);
  const handedOver = new Set(handed?.handedOver ?? []);
  const holders = new Map<string, string>();
  for (const followUp of state.followUps as readonly Partial<CaseState['followUps'][number]>[]) {
    if (typeof followUp.id !== 'string' || followUp.done === true) continue;
    const holder = handedOver.has(followUp.id) ? handed!.holder : followUp.assignedTo;
    if (typeof holder === 'string') holders.set(followUp.id, holder);
  }
  return holders;
}

/** A notice for the acting case manager about their access to the case (HO-4). */
export interface AccessNotice {
  readonly code: 'ACCESS_ENDS_SOON' | 'INVOLVED_AFTER_HANDOVER';
  readonly rule: 'HO-4';
  /** The last day of access (`YYYY-MM-DD`), when it ends. */
  readonly lastDay?: string;
  /** Whole days left including today, when it ends. */
  readonly daysLeft?: number;
  readonly message: LocalizedText;
}

/**
 * HO-4: what the actor (agency and user id) should be told about their access on `day`: that it ends
 * soon (within {@link ACCESS_NOTICE_DAYS} days of the last day), or that they are involved after a
 * handover with no end set. Empty for everyone else; the elements show these notices as they are.
 */
export function accessNotices(
  state: CaseState,
  actor: { readonly id: string; readonly agencyId: string },
  day: string,
): AccessNotice[] {
  const mine = state.caseManagers.filter(
    (p) => p.userId === actor.id && p.agencyId === actor.agencyId && inForce(p, day),
  );
  if (mine.length === 0) return [];
  if (mine.some((p) => p.to === undefined && p.role === 'primary')) return [];
  const ending = mine.filter((p) => p.to !== undefined).sort((a, b) => (a.to! < b.to! ? 1 : -1));
  const open = mine.find((p) => p.to === undefined);
  if (open !== undefined) {
    const handover = handoverInForce(state, day);
    return handover !== undefined && handover.fromAgencyId === actor.agencyId
      ? [
          {
            code: 'INVOLVED_AFTER_HANDOVER',
            rule: 'HO-4',
            message: text(
              `${handover.to.name} führt den Fall seit ${deDate(handover.effectiveFrom)}. Sie bleiben als Vertretung beteiligt, bis Ihre Beteiligung beendet wird.`,
              `${handover.to.name} has led the case since ${enDate(handover.effectiveFrom)}. You stay involved as deputy until your involvement is ended.`,
            ),
          },
        ]
      : [];
  }
  const last = ending[0];
  if (last === undefined) return [];
  const lastDay = addDays(last.to!, -1);
  const daysLeft = dayNumber(last.to!) - dayNumber(day);
  // After a handover from the actor's agency the end is said from the start; otherwise from 14 days ahead.
  const afterHandover = handoverInForce(state, day)?.fromAgencyId === actor.agencyId;
  if (daysLeft > ACCESS_NOTICE_DAYS && !afterHandover) return [];
  return [
    {
      code: 'ACCESS_ENDS_SOON',
      rule: 'HO-4',
      lastDay,
      daysLeft,
      message:
        daysLeft === 1
          ? text(
              'Heute ist Ihr letzter Tag mit Zugang zu diesem Fall. Offene Aufgaben bitte jetzt übergeben.',
              'Today is your last day with access to this case. Please hand over open tasks now.',
            )
          : text(
              `Ihr Zugang zu diesem Fall endet nach dem ${deDate(lastDay)} (noch ${daysLeft} Tage). Offene Aufgaben bitte bis dahin übergeben.`,
              `Your access to this case ends after ${enDate(lastDay)} (${daysLeft} days left). Please hand over open tasks by then.`,
            ),
    },
  ];
}
