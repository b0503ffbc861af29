import {
  referToProviderInput,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type DataCategory,
  type ProviderReferralStatus,
} from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import { todayIso } from '../base/parts-schema.js';
import { schemaValidator } from '../base/validator.js';
import type { TransferRequestLike } from '../shared/privacy-shapes.js';

/** What goes along with a referral: data categories and the legal basis (`consent:<id>`, `sgb10_69`). */
export interface ReferralShare {
  categories: DataCategory[];
  legalBasis?: string;
}

/**
 * The value of `<fk-referrals>`: the input of the core's `referToProvider` for a new referral, plus
 * `share`, the data that would go to the provider (the core's `transferData`).
 */
export type ReferralDraftValue = CaseCommandInputIn<'referToProvider'> & { share?: ReferralShare };

/**
 * The part of the draft that is the `referToProvider` input. `share` is the form's own (it becomes a
 * `transferData`); the core's input schema is strict and would refuse it as an unknown field.
 */
export function referralPart(value: ReferralDraftValue): CaseCommandInputIn<'referToProvider'> {
  const { share: _share, ...referral } = value;
  return referral;
}

/** The core's `referToProvider` input schema as a validator of the referral part. */
export const referralSchemaValidator = schemaValidator<CaseCommandInputIn<'referToProvider'>>(referToProviderInput);

/** The validated data `fk-submit` carries. */
export type ReferralDraftData = CaseCommandInput<'referToProvider'> & { share?: ReferralShare };

/** Detail of `fk-status`: the input of the core's `updateReferralStatus`. */
export type ReferralStatusDetail = CaseCommandInput<'updateReferralStatus'>;

/** Detail of `fk-conference`: the input of the core's `holdCaseConference`. */
export type CaseConferenceDetail = CaseCommandInput<'holdCaseConference'>;

/** The directory choice "not in the directory". */
export const OUTSIDE_DIRECTORY = '__outside-directory__';

/** The badge of each referral status. */
export const STATUS_CLASS: Readonly<Record<ProviderReferralStatus, string>> = {
  requested: 'badge--info',
  accepted: 'badge--ok',
  waiting: 'badge--warn',
  started: 'badge--ok',
  interrupted: 'badge--danger',
  completed: '',
  declined: 'badge--danger',
};

/** The non-empty lines of a text, trimmed. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Data go along only on a legal basis (DP-16); a referral without an agreed feedback arrangement is
 * warned about (it is agreed with the provider, never assumed).
 */
export function shareFeedback(v: ReferralDraftValue): Feedback[] {
  const out: Feedback[] = [];
  if ((v.share?.categories.length ?? 0) > 0 && !v.share?.legalBasis) {
    out.push({
      type: 'error',
      code: 'DENY_NO_LEGAL_BASIS',
      rule: 'DP-16',
      message: { key: 'referrals.basisRequired' },
      path: ['share', 'legalBasis'],
    });
  }
  if (!v.feedback?.agreed && v.provider?.name?.trim()) {
    out.push({
      type: 'warning',
      code: 'FEEDBACK_NOT_AGREED',
      message: { key: 'referrals.feedbackMissing' },
      path: ['feedback', 'agreed'],
    });
  }
  return out;
}

/** The transfer the share of the draft would be: recipient, basis, purpose and categories (none without both). */
export function transferRequestOf(v: ReferralDraftValue, agencyId: string): TransferRequestLike | undefined {
  const categories = v.share?.categories ?? [];
  if (!v.provider?.name?.trim() || categories.length === 0) return undefined;
  return {
    recipient: {
      agencyId,
      name: v.provider.name.trim(),
      kind: 'provider',
      ...(v.provider.contactPerson ? { contactPerson: v.provider.contactPerson } : {}),
    },
    ...(v.share?.legalBasis ? { legalBasis: v.share.legalBasis } : {}),
    purpose: v.measureId ? `measureDelivery:${v.measureId}` : 'caseManagement',
    categories,
  };
}

/** A status change being prepared. */
export interface StatusDraft {
  readonly status: ProviderReferralStatus;
  readonly on: string;
  readonly note: string;
}

/** The `updateReferralStatus` input of a status draft. */
export function statusDetail(providerReferralId: string, d: StatusDraft): ReferralStatusDetail {
  return {
    providerReferralId,
    status: d.status,
    on: d.on || undefined,
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  } as ReferralStatusDetail;
}

/** A case conference being prepared, as typed (participants one a line: `name, role`). */
export interface ConferenceDraft {
  readonly heldOn: string;
  readonly topic: string;
  readonly participants: string;
  readonly decisions: string;
  readonly nextConferenceOn: string;
}

/** A conference draft as it opens: today, nothing typed. */
export function emptyConference(): ConferenceDraft {
  return { heldOn: todayIso(), topic: '', participants: '', decisions: '', nextConferenceOn: '' };
}

/** The `holdCaseConference` input of a draft; `undefined` without topic or participants. */
export function conferenceDetail(c: ConferenceDraft): CaseConferenceDetail | undefined {
  const participants = lines(c.participants).map((line) => {
    const [name, ...role] = line.split(',');
    const r = role.join(',').trim();
    return r ? { name: name!.trim(), role: r } : { name: name!.trim() };
  });
  if (!c.topic.trim() || participants.length === 0) return undefined;
  return {
    heldOn: c.heldOn || undefined,
    participants,
    topic: c.topic.trim(),
    decisions: lines(c.decisions),
    ...(c.nextConferenceOn ? { nextConferenceOn: c.nextConferenceOn } : {}),
  } as CaseConferenceDetail;
}
