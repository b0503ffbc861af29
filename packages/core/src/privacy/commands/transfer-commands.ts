import * as z from 'zod/mini';
import { text } from '../../i18n/localized-text.js';
import { stateOf, type HandlerContext } from '../../commands/handler-context.js';
import { caseEvent } from '../../commands/pending-event.js';
import { CODES_MAX, IDS_MAX } from '../../model/limits.js';
import { boundedArray, requiredTextSchema } from '../../model/primitives.js';
import { dataCategorySchema } from '../../model/record-meta.js';
import type { Refusal } from '../../result/refusal.js';
import type { CommandDefinition } from '../../service/command-definition.js';
import { privacyEvent } from '../events.js';
import { foldPrivacy } from '../privacy-state.js';
import { isReasonCode, privacyRefusal } from '../reason-codes.js';
import { legalBasisInputSchema, normaliseLegalBasis, transferRecipientSchema } from '../transfer/legal-basis.js';
import { previewTransfer, type TransferPreview } from '../transfer/preview-transfer.js';
import { itemSelectionSchema } from '../transfer/transfer-record.js';

/** Input of `transferData` (DP-16..DP-22). */
export const transferDataInput = z.strictObject({
  recipient: transferRecipientSchema,
  legalBasis: z.optional(legalBasisInputSchema),
  purpose: requiredTextSchema,
  items: z.optional(boundedArray(itemSelectionSchema, IDS_MAX)),
  categories: z.optional(boundedArray(dataCategorySchema, CODES_MAX)),
  wholeCase: z.optional(z.boolean()),
});

/** Days until the review item of a child-protection disclosure is due (DP-21). */
export const CHILD_PROTECTION_REVIEW_DAYS = 14;

function previewOf(context: HandlerContext, input: z.infer<typeof transferDataInput>): TransferPreview {
  return previewTransfer(
    stateOf(context),
    context.actor,
    {
      recipient: input.recipient,
      purpose: input.purpose,
      ...(input.legalBasis === undefined ? {} : { legalBasis: input.legalBasis }),
      ...(input.items === undefined ? {} : { items: input.items }),
      ...(input.categories === undefined ? {} : { categories: input.categories }),
      ...(input.wholeCase === undefined ? {} : { wholeCase: input.wholeCase }),
    },
    { now: context.now, privacy: foldPrivacy(context.journal ?? []) },
  );
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `transferData`: passes selected data on to a recipient on one recorded legal basis. Refused when
 * the decision is `deny`; with `allow-redacted` only the allowed items go and the rest is listed as
 * withheld. A `sgb8_8a` or `kkg4` disclosure also records `ChildProtectionDisclosure` and raises a
 * review follow-up (DP-21).
 */
export const transferDataCommand: CommandDefinition<typeof transferDataInput> = {
  type: 'transferData',
  input: transferDataInput,
  invariants: (context, input): Refusal[] => {
    const preview = previewOf(context, input);
    if (preview.decision.outcome !== 'deny') return [];
    return preview.decision.reasons.map((reason) =>
      isReasonCode(reason.code)
        ? { ...privacyRefusal(reason.code, { rule: reason.rule }), message: reason.message }
        : { code: reason.code, rule: reason.rule, message: reason.message },
    );
  },
  handle: (context, input) => {
    const preview = previewOf(context, input);
    const basis = normaliseLegalBasis(input.legalBasis)!;
    const transferId = context.ids.next('transfer');
    const sent = preview.units.filter((u) => u.send);
    const events = [
      privacyEvent('DataTransferred', {
        id: transferId,
        at: context.now,
        by: { userId: context.actor.id, agencyId: context.actor.agencyId },
        recipient: input.recipient,
        legalBasis: basis,
        purpose: input.purpose,
        items: sent.map((u) => ({
          section: u.section,
          id: u.id,
          ...(u.part === undefined ? {} : { part: u.part }),
          categories: [...u.categories],
        })),
        categories: [...preview.categories],
        withheld: preview.units
          .filter((u) => !u.send)
          .map((u) => ({
            section: u.section,
            id: u.id,
            ...(u.part === undefined ? {} : { part: u.part }),
            code: u.reason.code,
          })),
        purposeBindingNotice: preview.purposeBindingNotice,
      }),
    ];
    if (basis.kind === 'sgb8_8a' || basis.kind === 'kkg4') {
      const procedure = basis.procedure!;
      const followUpId = context.ids.next('followUp');
      const state = stateOf(context);
      events.push(
        privacyEvent('ChildProtectionDisclosure', {
          transferId,
          basis: basis.kind,
          assessors: procedure.assessors!,
          justification: procedure.justification!,
          parentsInvolved: procedure.parentsInvolved!,
          ...(procedure.parentsNotInvolvedReason === undefined
            ? {}
            : { parentsNotInvolvedReason: procedure.parentsNotInvolvedReason }),
          recipient: input.recipient,
          reviewFollowUpId: followUpId,
        }),
        caseEvent('FollowUpScheduled', {
          id: followUpId,
          dueOn: addDays(context.today, CHILD_PROTECTION_REVIEW_DAYS),
          subject: text(
            `Überprüfung der Kinderschutzmitteilung an ${input.recipient.name}`,
            `Review of the child-protection disclosure to ${input.recipient.name}`,
          ).de,
          assignedTo: context.actor.id,
          relatesTo: { kind: 'case', id: state.caseId },
          done: false,
          subjectIds: [state.addresseeId],
          categories: ['notes'],
          childProtection: true,
          origin: 'caseManager',
          recordedBy: context.actor.id,
          recordedAt: context.now,
        }),
      );
    }
    return events;
  },
};
