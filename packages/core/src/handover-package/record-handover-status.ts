import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import type { HandlerContext } from '../commands/handler-context.js';
import { freeTextSchema, idSchema, isoDateTimeSchema } from '../model/primitives.js';
import type { Refusal } from '../result/refusal.js';
import type { CommandDefinition } from '../service/command-definition.js';
import { foldPrivacy } from '../privacy/privacy-state.js';
import {
  HANDOVER_STATUSES,
  handoverAgencySchema,
  handoverPackageEvent,
  packageHashSchema,
} from './handover-package-events.js';
import { foldHandoverPackages } from './handover-package-state.js';

/** Input of `recordHandoverStatus`. */
export const recordHandoverStatusInput = z.strictObject({
  packageId: idSchema,
  /** On the sender's side: the recorded transfer (`transferData`) the package went out with. */
  transferId: z.optional(idSchema),
  status: z.enum(HANDOVER_STATUSES),
  side: z.enum(['sent', 'received']),
  counterpart: handoverAgencySchema,
  /** When the other side took the step (from its signed message); now if absent. */
  at: z.optional(isoDateTimeSchema),
  messageHash: z.optional(packageHashSchema),
  note: z.optional(freeTextSchema),
});

function refusal(code: string, de: string, en: string, path: string[]): Refusal {
  return { code, rule: 'DP-14, DP-16', message: text(de, en), path };
}

/**
 * `recordHandoverStatus`: a step of the status loop. On the sender's side (`sent`) it records the
 * recipient's answer to a package this case sent (the package must name a recorded transfer of this
 * case, to that recipient); on the recipient's side (`received`) that it accepted or declined the
 * package this case was opened from, or was told of a withdrawal (DP-14).
 */
export const recordHandoverStatusCommand: CommandDefinition<typeof recordHandoverStatusInput> = {
  type: 'recordHandoverStatus',
  input: recordHandoverStatusInput,
  invariants: (context: HandlerContext, input) => {
    const journal = context.journal ?? [];
    if (input.side === 'sent') {
      // A sent package went out with a recorded transfer to that recipient (DP-16, DP-28).
      const transfer = foldPrivacy(journal).transfers.find((t) => t.record.id === input.transferId);
      if (transfer === undefined || transfer.record.recipient.agencyId !== input.counterpart.agencyId)
        return [
          refusal(
            'HANDOVER_UNKNOWN_PACKAGE',
            'Diese Akte hat kein solches Übergabepaket an diese Stelle gesendet.',
            'This case sent no such handover package to this agency.',
            ['input', 'packageId'],
          ),
        ];
      return [];
    }
    const received = foldHandoverPackages(journal).received;
    if (
      received === undefined ||
      received.packageId !== input.packageId ||
      received.sender.agencyId !== input.counterpart.agencyId
    )
      return [
        refusal(
          'HANDOVER_UNKNOWN_PACKAGE',
          'Diese Akte wurde nicht aus diesem Übergabepaket eröffnet.',
          'This case was not opened from this handover package.',
          ['input', 'packageId'],
        ),
      ];
    if (input.status === 'received' || input.status === 'requested')
      return [
        refusal(
          'HANDOVER_STATUS_INVALID',
          'Empfang und Versand sind mit der Eröffnung schon erfasst.',
          'Receipt and sending were recorded when the case was opened.',
          ['input', 'status'],
        ),
      ];
    return [];
  },
  handle: (context, input) => [
    handoverPackageEvent('HandoverStatusRecorded', {
      packageId: input.packageId,
      status: input.status,
      side: input.side,
      counterpart: input.counterpart,
      at: input.at ?? context.now,
      ...(input.transferId === undefined ? {} : { transferId: input.transferId }),
      ...(input.messageHash === undefined ? {} : { messageHash: input.messageHash }),
      ...(input.note === undefined ? {} : { note: input.note }),
      recordedBy: context.actor.id,
    }),
  ],
};
