import * as z from 'zod/mini';
import { stateOf } from '../../commands/handler-context.js';
import { REASON_MAX } from '../../model/limits.js';
import { freeTextSchema, idSchema, textSchema } from '../../model/primitives.js';
import type { CommandDefinition } from '../../service/command-definition.js';
import { privacyEvent } from '../events.js';

/** Hours break-glass access lasts unless configured otherwise (DP-25). */
export const DEFAULT_BREAK_GLASS_HOURS = 24;

/** Days a team lead's supervision reason opens content (DP-23). */
export const DEFAULT_SUPERVISION_DAYS = 7;

const reasonText = textSchema({ max: REASON_MAX, min: 10, multiline: true });

/** Input of `openBreakGlass`: an emergency reason (at least a sentence) and optionally a shorter duration. */
export const openBreakGlassInput = z.strictObject({
  reason: reasonText,
  hours: z.optional(z.number().check(z.positive(), z.lte(72))),
});

/** `openBreakGlass`: emergency access for a non-assigned user (DP-25); flagged and alerted. */
export const openBreakGlassCommand: CommandDefinition<typeof openBreakGlassInput> = {
  type: 'openBreakGlass',
  input: openBreakGlassInput,
  handle: (context, input) => {
    const hours = input.hours ?? DEFAULT_BREAK_GLASS_HOURS;
    // The emergency reason is in the payload only (DP-43), where erasure and retention reach it.
    return [
      privacyEvent('BreakGlassUsed', {
        grantId: context.ids.next('breakGlass'),
        userId: context.actor.id,
        agencyId: context.actor.agencyId,
        role: context.actor.role,
        reason: input.reason,
        from: context.now,
        until: new Date(Date.parse(context.now) + hours * 3_600_000).toISOString(),
        alert: ['teamLead', 'dataProtectionOfficer'],
      }),
    ];
  },
};

/** Input of `recordSupervisionReason`. */
export const recordSupervisionReasonInput = z.strictObject({
  reason: reasonText,
  days: z.optional(z.int().check(z.positive(), z.lte(90))),
});

/** `recordSupervisionReason`: a team lead records why content is needed (DP-23). */
export const recordSupervisionReasonCommand: CommandDefinition<typeof recordSupervisionReasonInput> = {
  type: 'recordSupervisionReason',
  input: recordSupervisionReasonInput,
  handle: (context, input) => [
    privacyEvent('SupervisionReasonRecorded', {
      userId: context.actor.id,
      agencyId: context.actor.agencyId,
      reason: input.reason,
      from: context.now,
      until: new Date(Date.parse(context.now) + (input.days ?? DEFAULT_SUPERVISION_DAYS) * 86_400_000).toISOString(),
    }),
  ],
};

/** Input of `flagStaffCase`: the employing agency (the actor's if absent). */
export const flagStaffCaseInput = z.strictObject({ agencyId: z.optional(idSchema) });

/** `flagStaffCase`: the case is about an employee; personnel roles lose access (DP-26). */
export const flagStaffCaseCommand: CommandDefinition<typeof flagStaffCaseInput> = {
  type: 'flagStaffCase',
  input: flagStaffCaseInput,
  handle: (context, input) => [
    privacyEvent('StaffCaseFlagged', { agencyId: input.agencyId ?? context.actor.agencyId, flaggedAt: context.now }),
  ],
};

/** Input of `recordTransferObjection`. */
export const recordTransferObjectionInput = z.strictObject({
  subjectId: z.optional(idSchema),
  note: z.optional(freeTextSchema),
});

/** `recordTransferObjection`: the person objects to § 76 Abs. 2 SGB X transfers (DP-15). */
export const recordTransferObjectionCommand: CommandDefinition<typeof recordTransferObjectionInput> = {
  type: 'recordTransferObjection',
  input: recordTransferObjectionInput,
  handle: (context, input) => [
    privacyEvent('TransferObjectionRecorded', {
      subjectId: input.subjectId ?? stateOf(context).addresseeId,
      scope: 'sgb10_76_2',
      ...(input.note === undefined ? {} : { note: input.note }),
      recordedAt: context.now,
    }),
  ],
};
