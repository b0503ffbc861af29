import { assignmentConsequences, handoverConsequences, type CaseState, type DataCategory } from '@fallkit/core';
import type { ConfirmRequest } from '../dialogs/confirm-dialog.component.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { TransferRequestLike } from '../shared/privacy-shapes.js';
import type { handoverMessages } from './handover.messages.js';
import type { HandoverValue } from './handover.schema.js';
import type { Assignee, AssignmentDetail } from './assignment.view.js';

/*
 * What `<fk-handover>` names, asks before it records what cannot be taken back (a change of lead agency, naming a
 * case manager), and what it previews: plain functions of the value and the case, so the element only opens
 * the dialog and sends the command.
 */

type Texts = LocalizeController<typeof handoverMessages.de>;

/**
 * The transfer request the data packet preview is computed for: the receiving agency as a statutory agency,
 * the consent the user chose as its legal basis, the packet's categories; `undefined` until the receiving
 * agency is named.
 */
export function transferRequestOf(
  value: HandoverValue,
  categories: readonly DataCategory[],
): TransferRequestLike | undefined {
  const to = value.to;
  if (!to?.name?.trim() || !to.agencyId?.trim()) return undefined;
  return {
    recipient: { agencyId: to.agencyId, name: to.name.trim(), kind: 'statutoryAgency' },
    ...(value.consentRef ? { legalBasis: `consent:${value.consentRef}` } : {}),
    purpose: 'caseManagement',
    categories: [...categories],
  };
}

/**
 * The confirmation of a change of lead agency: the receiving agency, the day, what the own agency keeps doing
 * (`keepsRole`), and what happens to the own access and open follow-ups (the core's decision, HO-1 to HO-3).
 */
export function handoverQuestion(t: Texts, v: HandoverValue, keepsRole: boolean, day: string): ConfirmRequest {
  return {
    heading: t.t('handover.confirm.heading', { agency: v.to?.name ?? '' }),
    body: t.t('handover.confirm.body', {
      agency: v.to?.name ?? '',
      date: v.effectiveFrom ? t.date(v.effectiveFrom) : '',
    }),
    details: [
      ...(keepsRole && v.continuingRole?.trim()
        ? [t.t('handover.confirm.continuing', { role: v.continuingRole.trim() })]
        : []),
      ...(v.variant
        ? handoverConsequences(
            { ...v, variant: v.variant, ...(keepsRole ? {} : { continuingRole: undefined }) },
            v.effectiveFrom ?? day,
          ).map((line) => t.text(line))
        : []),
    ],
    confirmLabel: t.t('handover.save'),
    cancelLabel: t.t('handover.confirm.cancel'),
  };
}

/** The confirmation of naming `chosen` the case manager, with the core's sentences of who gets the case and who loses access when. */
export function assignQuestion(
  t: Texts,
  chosen: Assignee,
  detail: AssignmentDetail,
  caseState: CaseState | undefined,
  day: string,
): ConfirmRequest {
  return {
    heading: t.t('assign.confirm.heading', { name: chosen.name }),
    body: t.t('assign.confirm.body'),
    details: caseState ? assignmentConsequences(caseState, detail, day).map((line) => t.text(line)) : [],
    confirmLabel: t.t('assign.submit'),
    cancelLabel: t.t('handover.confirm.cancel'),
  };
}

/** The legal basis of a transfer in words: the consent it rests on, or that no consent is used. */
export function basisLabel(t: Texts, basis: string | undefined): string {
  if (!basis) return t.t('handover.consentNoUse');
  return basis.startsWith('consent:') ? t.t('handover.basisConsent', { id: basis.slice(8) }) : basis;
}

/** A legal domain's name (`handover.domain.SGB_II`), else its code. */
export function domainLabel(t: Texts, domain: string): string {
  const key = `handover.domain.${domain}`;
  return t.has(key) ? t.t(key as 'handover.title') : domain;
}
