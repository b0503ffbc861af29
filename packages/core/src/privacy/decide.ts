import { text } from '../i18n/localized-text.js';
import type { Actor } from '../ports/actor.js';
import type { CaseState } from '../model/case-state.js';
import type { DataCategory } from '../model/record-meta.js';
import { isSpecialCategory } from './categories.js';
import { holdingAgencies, isAssignedOn, leadAgencyOn } from '../access/periods.js';
import { localDate } from '../service/local-date.js';
import { INTAKE_STAGES } from '../access/authorise.js';
import { INTAKE_POOL_ROLES, isCaseWorkRole } from '../access/roles.js';
import {
  consentGap,
  consentWindowGap,
  purposeCovered,
  releaseCovers,
  whollyWithdrawn,
} from './consent/consent-scope.js';
import type { Decision, DecisionReason, PrivacyAction } from './decision.js';
import {
  activeGrant,
  EMPTY_PRIVACY_STATE,
  recordAgencyKey,
  type ConsentState,
  type PrivacyState,
} from './privacy-state.js';
import { parsePurpose } from './purposes.js';
import { REASON_CODES, reasonFor, type ReasonCode } from './reason-codes.js';
import { normaliseLegalBasis, type LegalBasis, type TransferRecipient } from './transfer/legal-basis.js';

/**
 * One unit a decision is about: an item, a part of an item (an assessment's life domain, a person's
 * contact details) or a bare category. Carries what the rules act on (PRIVACY.md section 2).
 */
export interface DecisionUnit {
  /** A stable key (`assessments/assessment-1/health`, `category:debts`), used by views and previews. */
  readonly key: string;
  readonly categories: readonly DataCategory[];
  readonly subjectIds?: readonly string[];
  readonly professionalSecret?: boolean;
  readonly entrusted?: boolean;
  readonly entrustedBy?: string;
  readonly childProtection?: boolean;
  readonly thirdParty?: boolean;
  readonly purposeIds?: readonly string[];
  /** Actor id of who recorded it: whose agency's data it is and who is in the circle of entrusted data. */
  readonly recordedBy?: string;
  /** When it was recorded: with `recordedBy`, which agency's namesake recorded it (DP-40). */
  readonly recordedAt?: string;
}

/** A request to {@link decide}. */
export interface DecisionRequest {
  readonly actor: Actor;
  readonly action: PrivacyAction;
  readonly caseState: CaseState;
  /** Consents, transfers and grants of the case (`foldPrivacy(journal)`); none if absent. */
  readonly privacy?: PrivacyState;
  /** Categories asked for (each becomes a unit about the addressee). */
  readonly categories?: readonly DataCategory[];
  /** Items or parts asked for. */
  readonly items?: readonly DecisionUnit[];
  /** The case's metadata (stage, status, dates) is part of the request (a case list, a header). */
  readonly metadata?: boolean;
  readonly purpose: string;
  /** The recipient of a transfer. */
  readonly recipient?: TransferRecipient;
  /** The legal basis of a transfer (object or short form `consent:<id>`, `sgb10_69` …). */
  readonly legalBasis?: LegalBasis | string;
  /** A transfer of the whole case file was asked for (DP-17 refuses it). */
  readonly wholeCase?: boolean;
  /** ISO timestamp (from the clock port). */
  readonly now: string;
  /**
   * The decision's local date (`YYYY-MM-DD`, the service's "today"): assignment and lead-agency
   * periods count from `from` (inclusive) to `to` (exclusive) on this day (DP-40). Defaults to the
   * UTC date of `now`; callers that know the organisation's time zone pass it.
   */
  readonly today?: string;
}

/** How the actor relates to the case for reading (DP-23, DP-25). */
export type CaseRelation = 'assigned' | 'breakGlass' | 'supervisor' | 'teamLead' | 'recipient';

/** The verdict on one unit. `hide` withholds without a marker (DP-24: entrusted, child protection). */
export interface UnitVerdict {
  readonly effect: 'allow' | 'redact' | 'hide' | 'deny';
  readonly reason: DecisionReason;
}

/** A decision prepared for one request: the case-level gate and a judge for units. */
export interface Decider {
  /** A decision that settles the whole request (a refusal), or `undefined` when units decide. */
  readonly gate: Decision | undefined;
  readonly relation: CaseRelation | undefined;
  judge(unit: DecisionUnit): UnitVerdict;
}

function deny(code: ReasonCode, rule?: string, detail?: { de: string; en: string }): Decision {
  return { outcome: 'deny', reasons: [reasonFor(code, { ...(rule ? { rule } : {}), ...(detail ? { detail } : {}) })] };
}

function verdict(effect: UnitVerdict['effect'], code: ReasonCode, unit: DecisionUnit, rule?: string): UnitVerdict {
  // Exactly `reasonFor(code, { subject: unit.key, rule })`, built directly: a view builds one per item.
  const known = REASON_CODES[code];
  return { effect, reason: { code, rule: rule || known.rule, message: known.message, subject: unit.key } };
}

/**
 * Whether the person (agency and user id together, DP-40) holds a case-manager or deputy assignment
 * in force on `today` (from inclusive, to exclusive).
 */
export function isAssigned(
  state: CaseState,
  actor: { readonly id: string; readonly agencyId: string },
  today: string,
): boolean {
  return isAssignedOn(state, actor, today);
}

/**
 * The decision's local date: the request's `today`, else the date of `now` in the default time zone
 * (Europe/Berlin), the day the case service writes assignments and periods from. The UTC date would be
 * the day before between 22:00 and 24:00 UTC, and a case manager would not yet be assigned to the case
 * they just opened.
 */
export function decisionDay(request: { readonly now: string; readonly today?: string | undefined }): string {
  return request.today ?? localDate(request.now);
}

/** Agencies that recorded items in the case (their staff own those records). */
function recordingAgencies(state: CaseState, privacy: PrivacyState): Set<string> {
  const agencies = new Set<string>(state.caseManagers.map((p) => p.agencyId));
  for (const agency of Object.values(privacy.agencyOfUser)) agencies.add(agency);
  return agencies;
}

/** Whether an agency is a recipient of anything in the case: a consent, a transfer, a referral or a conference. */
export function isRecipientAgency(state: CaseState, privacy: PrivacyState, agencyId: string): boolean {
  return (
    privacy.consents.some((c) => c.record.recipients.some((r) => r.agencyId === agencyId)) ||
    privacy.transfers.some((t) => t.record.recipient.agencyId === agencyId) ||
    state.providerReferrals.some((r) => r.provider.agencyId === agencyId) ||
    state.caseConferences.some((c) => c.participants.some((p) => p.agencyId === agencyId))
  );
}

/** The actor's relation to the case, or the reason there is none. */
export function caseRelation(
  actor: Actor,
  state: CaseState,
  privacy: PrivacyState,
  now: string,
  today: string = localDate(now),
): CaseRelation | ReasonCode {
  if (actor.role === 'hr') return privacy.staffCaseOf !== undefined ? 'DENY_STAFF_CASE' : 'DENY_NOT_ASSIGNED';
  if (actor.role === 'statistics') return 'DENY_PURPOSE_MISMATCH';
  if (actor.role === 'admin' || actor.role === 'dataProtectionOfficer') return 'DENY_CONTENT_FOR_ROLE';
  if (actor.role === 'system' || actor.role === 'dataSubject') return 'DENY_NOT_ASSIGNED';
  if (isCaseWorkRole(actor.role) && isAssigned(state, actor, today)) return 'assigned';
  const lead = leadAgencyOn(state, today)?.agencyId;
  // Before first counselling a case sits in the lead agency's intake pool: its intake and case managers may take it up.
  if (
    (INTAKE_POOL_ROLES as readonly string[]).includes(actor.role) &&
    actor.agencyId === lead &&
    INTAKE_STAGES.includes(state.stage)
  ) {
    return 'assigned';
  }
  if (isCaseWorkRole(actor.role) && activeGrant(privacy.breakGlass, actor, now)) return 'breakGlass';
  if (actor.role === 'teamLead' && holdingAgencies(state, today).has(actor.agencyId)) {
    return activeGrant(privacy.supervision, actor, now) ? 'supervisor' : 'teamLead';
  }
  // Colleagues of an agency that holds records in the case are not recipients of their own agency's data.
  if (!recordingAgencies(state, privacy).has(actor.agencyId) && isRecipientAgency(state, privacy, actor.agencyId)) {
    return 'recipient';
  }
  return 'DENY_NOT_ASSIGNED';
}

function subjectsOf(unit: DecisionUnit, state: CaseState): readonly string[] {
  return unit.subjectIds ?? [state.addresseeId];
}

function isThirdParty(unit: DecisionUnit, subjectId: string, state: CaseState): boolean {
  return unit.thirdParty === true || !subjectsOf(unit, state).includes(subjectId);
}

/** Stands for "recorded by a namesake we cannot place": equal to no agency id, so no one's own record. */
const UNPLACED_RECORDER = '';

/**
 * The agency whose record a unit is. A user id alone names no one (DP-40): when the same id wrote for
 * more than one agency, the record's own event decides, and without one it belongs to nobody.
 */
function recorderAgency(unit: DecisionUnit, privacy: PrivacyState): string | undefined {
  const id = unit.recordedBy;
  if (id === undefined) return undefined;
  if (privacy.ambiguousUserIds?.includes(id) !== true) return privacy.agencyOfUser[id];
  const placed =
    unit.recordedAt === undefined ? undefined : privacy.agencyOfRecord?.[recordAgencyKey(id, unit.recordedAt)];
  return placed === undefined || placed === '' ? UNPLACED_RECORDER : placed;
}

/** DP-05: an item bound to purposes is not used for another one. */
function purposeMismatch(unit: DecisionUnit, purpose: string): boolean {
  if (unit.purposeIds === undefined || unit.purposeIds.length === 0) return false;
  return !purposeCovered(unit.purposeIds, purpose) && !unit.purposeIds.includes(parsePurpose(purpose)?.kind ?? purpose);
}

/** What a consent verdict is judged against: one agency, purpose and instant for every unit of a decision. */
interface ConsentContext {
  readonly state: CaseState;
  readonly privacy: PrivacyState;
  readonly agencyId: string;
  readonly purpose: string;
  readonly now: string;
  readonly mode: 'read' | 'transfer';
  /** `consentGap` of a consent and category for this agency, purpose and instant (see {@link consentGaps}). */
  readonly gapOf: (consent: ConsentState, category: DataCategory) => ReasonCode | undefined;
}

/**
 * `consentGap` for one agency, purpose and instant, remembered per consent and category. Within one
 * decision (a view decides every item of the case) those three never change, so the same consent and
 * category always give the same answer: a view of 50 items asks each consent once per category instead
 * of once per item (the consent window's local date, the purpose, the withdrawals). The memo lives as
 * long as the decider, never across decisions.
 */
function consentGaps(
  agencyId: string,
  purpose: string,
  now: string,
): (consent: ConsentState, category: DataCategory) => ReasonCode | undefined {
  const memo = new Map<ConsentState, Map<DataCategory, ReasonCode | null>>();
  return (consent, category) => {
    let byCategory = memo.get(consent);
    if (byCategory === undefined) memo.set(consent, (byCategory = new Map()));
    const known = byCategory.get(category);
    if (known !== undefined) return known ?? undefined;
    const gap = consentGap(consent, { agencyId, category, purpose, at: now });
    byCategory.set(category, gap ?? null);
    return gap;
  };
}

/** Consent-based verdict for a unit going to (or seen by) an agency (DP-06, DP-10, DP-14, DP-15, DP-20). */
function consentVerdict(unit: DecisionUnit, consents: readonly ConsentState[], context: ConsentContext): UnitVerdict {
  const { state, privacy, agencyId, now, mode, gapOf } = context;
  if (unit.categories.length === 0) return verdict('allow', 'ALLOW_CONSENT', unit);
  let worst: ReasonCode = 'REDACT_NO_CONSENT';
  for (const consent of consents) {
    const subjectId = consent.record.subjectId;
    if (unit.entrusted === true && consent.record.givenBy.personId !== unit.entrustedBy) {
      worst = 'DENY_SGB8_65_ENTRUSTED';
      continue;
    }
    // The first gap other than a missing category, else the first gap (no list per unit and consent).
    let gap: ReasonCode | undefined;
    let firstGap: ReasonCode | undefined;
    for (const category of unit.categories) {
      const found = gapOf(consent, category);
      if (found === undefined) continue;
      if (found !== 'REDACT_NO_CONSENT') {
        gap = found;
        break;
      }
      firstGap ??= found;
    }
    gap ??= firstGap;
    // The person's consent never covers someone else's data (DP-06): that is the reason, whatever else is missing.
    if (
      (gap === undefined || gap === 'REDACT_NO_CONSENT') &&
      unit.entrusted !== true &&
      isThirdParty(unit, subjectId, state)
    ) {
      worst = 'REDACT_THIRD_PARTY';
      continue;
    }
    // Secret-holder data need a release that names them; a category consent is not enough (DP-15).
    if (
      (gap === undefined || gap === 'REDACT_NO_CONSENT') &&
      unit.professionalSecret === true &&
      consent.record.includesProfessionalSecret !== true
    ) {
      const released = unit.categories.some((category) =>
        privacy.releases.some((r) => releaseCovers(r, { subjectId, agencyId, category, at: now })),
      );
      if (!released) {
        worst = 'DENY_SGB10_76';
        continue;
      }
    }
    if (gap !== undefined) {
      if (gap === 'DENY_CONSENT_WITHDRAWN' || gap === 'DENY_CONSENT_EXPIRED') worst = gap;
      continue;
    }
    return verdict('allow', 'ALLOW_CONSENT', unit);
  }
  if (mode === 'transfer') return verdict(REASON_CODES[worst].effect === 'deny' ? 'deny' : 'redact', worst, unit);
  if (worst === 'DENY_SGB8_65_ENTRUSTED') return verdict('hide', worst, unit);
  // In a view a withdrawn or expired consent withholds like a missing one: the next view simply no longer shows it (DP-14, DP-24).
  const shown: ReasonCode =
    worst === 'DENY_CONSENT_WITHDRAWN' || worst === 'DENY_CONSENT_EXPIRED' ? 'REDACT_NO_CONSENT' : worst;
  return verdict('redact', shown, unit);
}

/**
 * Whether a unit went to an agency under a statutory (non-consent) basis. Prepared once per decision:
 * the keys of the items and parts sent to the agency (an exact match), and the whole items sent (a whole
 * item covers its parts; a part sent covers only itself), so judging a unit does not walk every transfer.
 */
function statutoryTransfers(privacy: PrivacyState, agencyId: string): (unit: DecisionUnit) => boolean {
  const sent = new Set<string>();
  const wholeItems: string[] = [];
  for (const t of privacy.transfers) {
    if (t.record.recipient.agencyId !== agencyId || t.record.legalBasis.kind === 'consent') continue;
    for (const item of t.record.items) {
      sent.add(itemKey(item.section, item.id, item.part));
      if (item.part === undefined) wholeItems.push(`${itemKey(item.section, item.id)}/`);
    }
  }
  if (sent.size === 0) return () => false;
  return (unit) => sent.has(unit.key) || wholeItems.some((prefix) => unit.key.startsWith(prefix));
}

/** The unit key of an item or a part of it. */
export function itemKey(section: string, id: string, part?: string): string {
  return part === undefined ? `${section}/${id}` : `${section}/${id}/${part}`;
}

function readDecider(request: DecisionRequest, privacy: PrivacyState): Decider {
  const { actor, caseState: state, purpose, now } = request;
  if (parsePurpose(purpose) === undefined) return fixed(deny('DENY_PURPOSE_MISMATCH'));
  if (parsePurpose(purpose)?.kind === 'statistics') return fixed(deny('DENY_PURPOSE_MISMATCH', 'DP-05'));
  const relation = caseRelation(actor, state, privacy, now, decisionDay(request));
  if (
    typeof relation === 'string' &&
    !['assigned', 'breakGlass', 'supervisor', 'teamLead', 'recipient'].includes(relation)
  ) {
    return fixed(deny(relation as ReasonCode));
  }
  const rel = relation as CaseRelation;
  const agencyConsents = privacy.consents.filter((c) => c.record.recipients.some((r) => r.agencyId === actor.agencyId));
  const statutorilyTransferred = statutoryTransfers(privacy, actor.agencyId);
  const consentContext: ConsentContext = {
    state,
    privacy,
    agencyId: actor.agencyId,
    purpose,
    now,
    mode: 'read',
    gapOf: consentGaps(actor.agencyId, purpose, now),
  };
  const judge = (unit: DecisionUnit): UnitVerdict => {
    if (unit.categories.length === 0 && unit.entrusted !== true && unit.childProtection !== true) {
      return verdict('allow', rel === 'breakGlass' ? 'ALLOW_BREAK_GLASS' : 'ALLOW_ASSIGNED_PURPOSE', unit);
    }
    const recorder = recorderAgency(unit, privacy);
    const ownAgency = recorder === undefined || recorder === actor.agencyId;
    if (unit.entrusted === true && !(unit.recordedBy === actor.id && recorder === actor.agencyId)) {
      const fromConsent = consentVerdict(unit, agencyConsents, consentContext);
      if (fromConsent.effect !== 'allow') return verdict('hide', 'DENY_SGB8_65_ENTRUSTED', unit);
      return fromConsent;
    }
    if (unit.childProtection === true) {
      const inCircle = (rel === 'assigned' || rel === 'breakGlass' || rel === 'supervisor') && ownAgency;
      const disclosed = statutorilyTransferred(unit);
      if (!inCircle && !disclosed) return verdict('hide', 'REDACT_NEED_TO_KNOW', unit, 'DP-24');
    }
    if (purposeMismatch(unit, purpose)) return verdict('redact', 'DENY_PURPOSE_MISMATCH', unit);
    if (rel === 'breakGlass') return verdict('allow', 'ALLOW_BREAK_GLASS', unit);
    if (rel === 'supervisor') return verdict('allow', 'ALLOW_SUPERVISION', unit);
    if (rel === 'teamLead') return verdict('redact', 'REDACT_NEED_TO_KNOW', unit);
    if (rel === 'assigned' && ownAgency) return verdict('allow', 'ALLOW_ASSIGNED_PURPOSE', unit);
    // Another agency's records: only what a statutory transfer or a consent lets this agency see.
    if (statutorilyTransferred(unit)) return verdict('allow', 'ALLOW_TRANSFERRED', unit);
    const fromConsent = consentVerdict(unit, agencyConsents, consentContext);
    return fromConsent.effect === 'deny' ? { ...fromConsent, effect: 'redact' } : fromConsent;
  };
  return { gate: undefined, relation: rel, judge };
}

function fixed(decision: Decision): Decider {
  return {
    gate: decision,
    relation: undefined,
    judge: (unit) => ({ effect: 'deny', reason: { ...decision.reasons[0]!, subject: unit.key } }),
  };
}

function procedureComplete(basis: LegalBasis, recipient: TransferRecipient | undefined): boolean {
  if (basis.kind !== 'sgb8_8a' && basis.kind !== 'kkg4') return true;
  const p = basis.procedure;
  return (
    p !== undefined &&
    (p.assessors?.length ?? 0) >= 2 &&
    (p.justification?.trim().length ?? 0) > 0 &&
    p.parentsInvolved !== undefined &&
    (p.parentsInvolved || (p.parentsNotInvolvedReason?.trim().length ?? 0) > 0) &&
    recipient !== undefined &&
    recipient.name.trim().length > 0
  );
}

/** DP-16..DP-22: checks that settle a transfer as a whole. */
function transferGate(
  request: DecisionRequest,
  privacy: PrivacyState,
  basis: LegalBasis | undefined,
): Decision | ConsentState | undefined {
  const { actor, caseState: state, recipient, now, purpose } = request;
  if (actor.role === 'hr' && privacy.staffCaseOf !== undefined) return deny('DENY_STAFF_CASE');
  if (!isCaseWorkRole(actor.role)) return deny('DENY_NOT_ASSIGNED');
  const relation = caseRelation(actor, state, privacy, now, decisionDay(request));
  if (relation !== 'assigned' && relation !== 'breakGlass') return deny('DENY_NOT_ASSIGNED');
  if (parsePurpose(purpose) === undefined || parsePurpose(purpose)?.kind === 'statistics')
    return deny('DENY_PURPOSE_MISMATCH', 'DP-05');
  if (request.wholeCase === true) return deny('DENY_FULL_FILE_TRANSFER');
  if (request.legalBasis === undefined) return deny('DENY_NO_LEGAL_BASIS');
  if (basis === undefined) return deny('DENY_BASIS_INCOMPLETE');
  if (recipient === undefined)
    return deny('DENY_BASIS_INCOMPLETE', 'DP-16', text('Empfänger fehlt.', 'TransferRecipient missing.'));
  switch (basis.kind) {
    case 'consent': {
      const consent = privacy.consents.find((c) => c.record.id === basis.consentId);
      if (consent === undefined) return deny('DENY_CONSENT_UNKNOWN');
      if (!consent.record.recipients.some((r) => r.agencyId === recipient.agencyId)) return deny('DENY_NO_CONSENT');
      if (whollyWithdrawn(consent, recipient.agencyId, now) !== undefined) return deny('DENY_CONSENT_WITHDRAWN');
      const window = consentWindowGap(consent.record, now);
      if (window !== undefined) return deny(window);
      if (!purposeCovered(consent.record.purposes, purpose)) return deny('DENY_PURPOSE_MISMATCH');
      return consent;
    }
    case 'sgb10_69':
      if (basis.jeopardisesHelp === true) return deny('DENY_SGB8_64');
      if (!basis.taskReference?.trim())
        return deny(
          'DENY_BASIS_INCOMPLETE',
          'DP-16',
          text('Aufgabe (§ 69 SGB X) fehlt.', 'Task (§ 69 SGB X) missing.'),
        );
      if ((recipient.kind === 'ngo' || recipient.kind === 'provider') && !basis.commissionRef?.trim()) {
        return deny(
          'DENY_BASIS_INCOMPLETE',
          'DP-18',
          text('Beauftragung des freien Trägers (Vertrag) fehlt.', 'Commission of the NGO (contract) missing.'),
        );
      }
      return undefined;
    case 'sgb10_71':
    case 'statute':
      if (!basis.statute?.trim())
        return deny('DENY_BASIS_INCOMPLETE', 'DP-16', text('Gesetz fehlt.', 'Statute missing.'));
      return undefined;
    case 'sgb8_8a':
    case 'kkg4':
      return procedureComplete(basis, recipient) ? undefined : deny('DENY_8A_PROCEDURE_INCOMPLETE');
    case 'sgb8_65':
      return basis.justification?.trim()
        ? undefined
        : deny('DENY_BASIS_INCOMPLETE', 'DP-20', text('Begründung fehlt.', 'Justification missing.'));
  }
}

function transferDecider(request: DecisionRequest, privacy: PrivacyState): Decider {
  const basis = normaliseLegalBasis(request.legalBasis);
  const gate = transferGate(request, privacy, basis);
  if (gate !== undefined && 'outcome' in gate) return fixed(gate);
  const consent = gate;
  const { caseState: state, now, purpose } = request;
  const recipient = request.recipient!;
  const legal = basis!;
  const consentContext: ConsentContext = {
    state,
    privacy,
    agencyId: recipient.agencyId,
    purpose,
    now,
    mode: 'transfer',
    gapOf: consentGaps(recipient.agencyId, purpose, now),
  };
  const judge = (unit: DecisionUnit): UnitVerdict => {
    if (recipient.kind === 'immigrationAuthority' && unit.categories.some(isSpecialCategory)) {
      const exception =
        (legal.kind === 'sgb10_71' || legal.kind === 'statute') && (legal.exceptionReference?.trim().length ?? 0) > 0;
      if (!exception) return verdict('deny', 'DENY_NO_LEGAL_BASIS', unit, 'DP-22');
    }
    switch (legal.kind) {
      case 'consent':
        return consentVerdict(unit, [consent!], consentContext);
      case 'sgb8_8a':
        return verdict('allow', 'ALLOW_CHILD_PROTECTION_8A', unit);
      case 'kkg4':
        return verdict('allow', 'ALLOW_CHILD_PROTECTION_KKG4', unit);
      case 'sgb8_65':
        return verdict('allow', 'ALLOW_SGB8_65_EXCEPTION', unit);
      default: {
        if (unit.entrusted === true) return verdict('deny', 'DENY_SGB8_65_ENTRUSTED', unit);
        if (unit.childProtection === true) return verdict('deny', 'DENY_8A_PROCEDURE_INCOMPLETE', unit);
        if (unit.professionalSecret === true) {
          const relaxed = legal.kind === 'sgb10_69' && legal.benefitAssessment === true;
          if (!relaxed) return verdict('deny', 'DENY_SGB10_76', unit);
          if (subjectsOf(unit, state).some((s) => privacy.transferObjections.includes(s))) {
            return verdict('deny', 'DENY_SGB10_76_OBJECTION', unit);
          }
        }
        return verdict('allow', 'ALLOW_LEGAL_BASIS', unit);
      }
    }
  };
  return { gate: undefined, relation: 'assigned', judge };
}

function writeDecider(request: DecisionRequest, privacy: PrivacyState): Decider {
  const { actor, caseState: state, now } = request;
  if (request.action === 'decide' && actor.role === 'system') return fixed(deny('DENY_AUTOMATED_DECISION'));
  if (actor.role === 'hr' && privacy.staffCaseOf !== undefined) return fixed(deny('DENY_STAFF_CASE'));
  // The system writes only through the commands of its allow list (DP-40, `COMMAND_ACCESS`), never here.
  if (actor.role === 'system') return fixed(deny('DENY_SYSTEM_NOT_ALLOWED'));
  const relation = caseRelation(actor, state, privacy, now, decisionDay(request));
  if (relation !== 'assigned' && relation !== 'breakGlass') {
    return fixed(deny(relation === 'DENY_STAFF_CASE' ? relation : 'DENY_NOT_ASSIGNED'));
  }
  const code: ReasonCode = relation === 'breakGlass' ? 'ALLOW_BREAK_GLASS' : 'ALLOW_ASSIGNED_PURPOSE';
  return { gate: undefined, relation, judge: (unit) => verdict('allow', code, unit) };
}

/** Prepares a decision: the gate and the per-unit judge (views call `judge` once per item). */
export function prepareDecision(request: DecisionRequest): Decider {
  const privacy = request.privacy ?? EMPTY_PRIVACY_STATE;
  switch (request.action) {
    case 'read':
      return readDecider(request, privacy);
    case 'transfer':
      return transferDecider(request, privacy);
    case 'export':
      // Exports go through the data-subject-rights module (DP-29); here they are reads for that purpose.
      return readDecider({ ...request, action: 'read' }, privacy);
    case 'aggregate':
      return fixed(
        deny(
          'DENY_PURPOSE_MISMATCH',
          'DP-05',
          text('Nur über die Berichtsfunktion.', 'Only through the report function.'),
        ),
      );
    case 'write':
    case 'decide':
      return writeDecider(request, privacy);
  }
}

function unique(reasons: readonly DecisionReason[]): DecisionReason[] {
  const seen = new Set<string>();
  const out: DecisionReason[] = [];
  for (const reason of reasons) {
    const key = `${reason.code}|${reason.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: reason.code, rule: reason.rule, message: reason.message });
  }
  return out;
}

/** The units of a request: its items, its categories (about the addressee) and the metadata. */
function unitsOf(request: DecisionRequest): DecisionUnit[] {
  const units: DecisionUnit[] = [...(request.items ?? [])];
  for (const category of request.categories ?? []) units.push({ key: `category:${category}`, categories: [category] });
  if (request.metadata === true) units.push({ key: 'metadata', categories: [] });
  return units;
}

/**
 * May this actor do this with these data of this case for this purpose? Pure and synchronous:
 * returns `allow`, `deny` or `allow-redacted` with every reason (code, rule, German and English
 * sentence). Implements DP-05, DP-06, DP-10, DP-14..DP-27 and the decision table of PRIVACY.md
 * section 4. Hidden units (entrusted or child-protection data outside their circle) count as
 * withheld but are never named in the reasons of a read.
 */
export function decide(request: DecisionRequest): Decision {
  const decider = prepareDecision(request);
  if (decider.gate !== undefined) return decider.gate;
  const verdicts = unitsOf(request).map((unit) => decider.judge(unit));
  if (verdicts.length === 0)
    return {
      outcome: 'allow',
      reasons: unique([reasonFor(decider.relation === 'breakGlass' ? 'ALLOW_BREAK_GLASS' : 'ALLOW_ASSIGNED_PURPOSE')]),
    };
  const allowed = verdicts.filter((v) => v.effect === 'allow');
  const withheld = verdicts.filter((v) => v.effect !== 'allow');
  const visibleWithheld = request.action === 'read' ? withheld.filter((v) => v.effect !== 'hide') : withheld;
  if (withheld.length === 0) return { outcome: 'allow', reasons: unique(allowed.map((v) => v.reason)) };
  if (allowed.length === 0) {
    // Asked for nothing but hidden items by name, the asker already knows they exist: say why (DP-20).
    const reasons = visibleWithheld.length > 0 ? visibleWithheld : withheld;
    return { outcome: 'deny', reasons: unique(reasons.map((v) => v.reason)) };
  }
  return { outcome: 'allow-redacted', reasons: unique([...visibleWithheld, ...allowed].map((v) => v.reason)) };
}
