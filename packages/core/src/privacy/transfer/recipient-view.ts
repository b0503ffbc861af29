import * as z from 'zod/mini';
import type { Actor } from '../../ports/actor.js';
import type { CaseState } from '../../model/case-state.js';
import { idSchema, requiredTextSchema } from '../../model/primitives.js';
import { prepareDecision, type DecisionUnit, type UnitVerdict } from '../decide.js';
import type { PrivacyState } from '../privacy-state.js';
import { reasonFor, type ReasonCode } from '../reason-codes.js';
import {
  legalBasisInputSchema,
  transferRecipientSchema,
  type LegalBasis,
  type TransferRecipient,
} from './legal-basis.js';

/**
 * A person of the case as the recipient of a letter or other disclosure (issue 22): the addressee
 * themself, a household member, a representative. Named by their id in the case's `persons`.
 */
export const personRecipientSchema = z.strictObject({
  kind: z.literal('person'),
  personId: idSchema,
});

/** A person of the case as a recipient. */
export type PersonRecipient = z.infer<typeof personRecipientSchema>;

/**
 * What a letter (or any disclosure) goes to: a person of the case, or an agency as a transfer names it
 * (`TransferRecipient`, decided like `transferData` under the given legal basis).
 */
export type DisclosureRecipient = PersonRecipient | TransferRecipient;

/** A request for the view a recipient may receive. Strict and bounded: anything else is refused. */
export const recipientViewRequestSchema = z.strictObject({
  recipient: z.union([personRecipientSchema, transferRecipientSchema]),
  purpose: requiredTextSchema,
  /** The legal basis of a disclosure to an agency (as for `transferData`); unused for a person. */
  legalBasis: z.optional(legalBasisInputSchema),
});

/** A request for the view a recipient may receive: who, for which purpose, on which basis (agencies). */
export interface RecipientViewRequest {
  readonly recipient: DisclosureRecipient;
  readonly purpose: string;
  readonly legalBasis?: LegalBasis | string;
}

/** Whether a recipient is a person of the case (not an agency). */
export function isPersonRecipient(recipient: DisclosureRecipient): recipient is PersonRecipient {
  return recipient.kind === 'person';
}

function verdict(effect: UnitVerdict['effect'], code: ReasonCode, unit: DecisionUnit, rule?: string): UnitVerdict {
  return { effect, reason: reasonFor(code, { subject: unit.key, ...(rule === undefined ? {} : { rule }) }) };
}

/**
 * What a person of the case may receive of one unit (DP-29 with DP-06, DP-20, DP-24): data about
 * themself, never another person's. `about` is the person a person record's unit describes (their
 * name, contact, health …); other units are about their `subjectIds` (the addressee if none).
 *
 * - Child-protection items never go to a person of the case (DP-21, DP-24): left out without a trace.
 * - Entrusted items go only to the one who entrusted them (DP-20); to anyone else they are left out
 *   without a trace (DP-24), so a letter never reveals that something was confided.
 * - An item about the person alone, or about the person together with others and not flagged as
 *   third-party data, is theirs (Art. 15 GDPR, `ALLOW_DATA_SUBJECT`). A household member's names and
 *   relation are household data of the addressee (DP-06), so the addressee receives them; the member's
 *   own record parts go to the member.
 * - Everything else is about another person and is withheld with a marker (`REDACT_OTHER_PERSON`,
 *   DP-29): a household member's health data in a letter to the addressee, the addressee's birth date in
 *   a letter to a household member.
 */
export function personRecipientVerdict(
  unit: DecisionUnit,
  recipient: PersonRecipient,
  state: CaseState,
  about?: string,
): UnitVerdict {
  const id = recipient.personId;
  if (unit.childProtection === true) return verdict('hide', 'REDACT_NEED_TO_KNOW', unit, 'DP-24');
  if (unit.entrusted === true && unit.entrustedBy !== id) return verdict('hide', 'DENY_SGB8_65_ENTRUSTED', unit);
  const subjects = unit.subjectIds ?? [state.addresseeId];
  const othersToo = subjects.some((s) => s !== id);
  // A person record's parts are about the person they describe; the addressee's household view of a
  // member (names, relation) is the addressee's too (DP-06: `subjectIds` name the addressee there).
  const own = about === id || subjects.includes(id);
  // Mixed items flagged as third-party data are the others' (DP-29: their interests prevail).
  const othersPrevail = about !== id && unit.thirdParty === true && othersToo;
  if (own && !othersPrevail) return verdict('allow', 'ALLOW_DATA_SUBJECT', unit);
  return verdict('redact', 'REDACT_OTHER_PERSON', unit);
}

/** Inputs of {@link prepareRecipientJudge}. */
export interface RecipientJudgeContext {
  readonly state: CaseState;
  readonly privacy: PrivacyState;
  /** The sender: an agency recipient is decided as a transfer from them. */
  readonly actor: Actor;
  readonly now: string;
  readonly today?: string;
}

/**
 * The judge of what one recipient may receive (issue 22): for a person of the case
 * {@link personRecipientVerdict}; for an agency the transfer decision of `transferData` (DP-16..DP-22)
 * under the request's basis and purpose, a case-level refusal (no basis, whole file) withholding every
 * unit with its reason. It only narrows: the sender's own view is decided first, by the caller.
 */
export function prepareRecipientJudge(
  request: RecipientViewRequest,
  context: RecipientJudgeContext,
): (unit: DecisionUnit, about?: string) => UnitVerdict {
  const recipient = request.recipient;
  if (isPersonRecipient(recipient)) {
    return (unit, about) => personRecipientVerdict(unit, recipient, context.state, about);
  }
  const decider = prepareDecision({
    action: 'transfer',
    actor: context.actor,
    caseState: context.state,
    privacy: context.privacy,
    purpose: request.purpose,
    recipient,
    now: context.now,
    ...(context.today === undefined ? {} : { today: context.today }),
    ...(request.legalBasis === undefined ? {} : { legalBasis: request.legalBasis }),
  });
  const gate = decider.gate?.reasons[0];
  if (gate !== undefined) return (unit) => ({ effect: 'redact', reason: { ...gate, subject: unit.key } });
  return (unit) => decider.judge(unit);
}
