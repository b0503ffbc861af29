import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import type { JournalEvent, PendingEvent } from '../journal/journal-event.js';
import type { CaseState } from '../model/case-state.js';
import {
  fieldPathSchema,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  lineSchema,
  requiredTextSchema,
} from '../model/primitives.js';
import type { Refusal } from '../result/refusal.js';
import { caseEvent } from '../commands/pending-event.js';
import { recordMeta, stateOf, type HandlerContext } from '../commands/handler-context.js';
import type { CommandCatalog, CommandDefinition } from '../service/command-definition.js';
import {
  retentionScheduleSchema,
  TYPICAL_RETENTION_SCHEDULE,
  type RetentionSchedule,
} from '../retention/retention-schedule.js';
import { statutoryDutyOn } from '../retention/retention-deadlines.js';
import {
  RESTRICTION_CODES,
  RIGHTS_EVENTS,
  rightsTargetSchema,
  type RestrictionCode,
  type RightsEventType,
} from './rights-events.js';
import { foldRights } from './rights-state.js';
import { rectificationLimitRefusal } from '../access/rectification-limits.js';
import { earlierRecipients } from './recipients.js';
import { erasableSeqs } from './erasable.js';
import { addOneMonth, findTarget, valueAtPath } from './targets.js';

/** Rule id of the data-subject-rights refusals that are not privacy reason codes. */
const RIGHTS_RULE = 'DP-29..DP-32';

function rightsRefusal(code: string, de: string, en: string, rule: string, path?: (string | number)[]): Refusal {
  return path === undefined ? { code, rule, message: text(de, en) } : { code, rule, message: text(de, en), path };
}

function rightsEvent<T extends RightsEventType>(
  type: T,
  payload: z.infer<(typeof RIGHTS_EVENTS)[T]['schema']>,
): PendingEvent {
  return { type, schemaVersion: RIGHTS_EVENTS[type].version, payload };
}

/** The journal a handler sees (the service passes it; empty when a caller runs a handler alone). */
function journalOf(context: HandlerContext): readonly JournalEvent[] {
  return context.journal ?? [];
}

/** The operator's retention table from the service standard (`standard.retentionSchedule`), else the typical one. */
export function retentionScheduleOf(context: Pick<HandlerContext, 'standard'>): RetentionSchedule {
  const parsed = retentionScheduleSchema.safeParse(context.standard?.['retentionSchedule']);
  return parsed.success ? parsed.data : TYPICAL_RETENTION_SCHEDULE;
}

function subjectKnown(state: CaseState, subjectId: string): boolean {
  return state.persons.some((person) => person.id === subjectId);
}

function unknownSubject(subjectId: string): Refusal {
  return rightsRefusal(
    'UNKNOWN_PERSON',
    `Die Person „${subjectId}“ gehört nicht zu dieser Akte.`,
    `Person "${subjectId}" is not part of this case.`,
    RIGHTS_RULE,
    ['input', 'subjectId'],
  );
}

function define<S extends z.ZodMiniType>(definition: CommandDefinition<S>): CommandDefinition {
  return definition as unknown as CommandDefinition;
}

/** One notice per earlier recipient; written in the same command as the change it is about. */
function notifyAll(context: HandlerContext, about: 'rectification' | 'erasure' | 'restriction'): PendingEvent[] {
  return earlierRecipients(stateOf(context), journalOf(context), context.actor.agencyId).map((recipient) =>
    rightsEvent('RecipientNotified', {
      recipientAgencyId: recipient.agencyId,
      about,
      transferIds: [...recipient.transferIds],
      notifiedAt: context.now,
    }),
  );
}

/** `recordAccessRequest` input (DP-29). */
export const recordAccessRequestInput = z.strictObject({
  subjectId: idSchema,
  receivedOn: z.optional(isoDateSchema),
  channel: z.optional(lineSchema),
});

/** `answerAccessRequest` input: the hash of the export handed over. */
export const answerAccessRequestInput = z.strictObject({
  requestId: idSchema,
  answeredOn: z.optional(isoDateSchema),
  exportHash: z.string().check(z.length(64), z.regex(/^[0-9a-f]{64}$/)),
});

/** `rectifyData` input (DP-30): a new value, or a dispute with its note, or both. */
export const rectifyDataInput = z.strictObject({
  subjectId: idSchema,
  target: rightsTargetSchema,
  field: fieldPathSchema,
  /** Any JSON value; the raw command's budget (IN-08) has bounded its size and refused non-JSON values. */
  newValue: z.optional(z.unknown()),
  disputed: z.optional(z.boolean()),
  note: z.optional(freeTextSchema),
  rectifiedOn: z.optional(isoDateSchema),
});

/** `resolveDispute` input. */
export const resolveDisputeInput = z.strictObject({
  rectificationId: idSchema,
  note: requiredTextSchema,
});

/** `requestErasure` input (DP-31): what the worker knows of claims and protected interests. */
export const requestErasureInput = z.strictObject({
  subjectId: idSchema,
  scope: z.enum(['case', 'subject']),
  requestedOn: z.optional(isoDateSchema),
  /** A pending claim or proceedings that need the data (court file, objection procedure). */
  pendingClaim: z.optional(z.strictObject({ reference: requiredTextSchema })),
  /** The person's own protected interest speaks against erasure (Art. 17(3), § 84 Abs. 3 SGB X). */
  protectedInterest: z.optional(z.strictObject({ reason: requiredTextSchema })),
});

/** `restrictProcessing` input (Art. 18). */
export const restrictProcessingInput = z.strictObject({
  subjectId: idSchema,
  scope: z.enum(['case', 'subject']),
  code: z.enum(RESTRICTION_CODES),
  reason: requiredTextSchema,
  until: z.optional(isoDateSchema),
});

/** `liftRestriction` input. */
export const liftRestrictionInput = z.strictObject({ restrictionId: idSchema, reason: requiredTextSchema });

/** `recordObjection` input (Art. 21). */
export const recordObjectionInput = z.strictObject({
  subjectId: idSchema,
  grounds: requiredTextSchema,
  receivedOn: z.optional(isoDateSchema),
});

/** `decideObjection` input: decided by a person. */
export const decideObjectionInput = z.strictObject({
  objectionId: idSchema,
  outcome: z.enum(['upheld', 'rejected']),
  reasons: requiredTextSchema,
});

/**
 * The commands of the data-subject rights (DP-29..DP-32). The case service registers them by default;
 * they write the events of `RIGHTS_EVENTS` into the case journal.
 */
export const RIGHTS_COMMANDS: CommandCatalog = {
  recordAccessRequest: define({
    type: 'recordAccessRequest',
    input: recordAccessRequestInput,
    invariants: (context, input) =>
      subjectKnown(stateOf(context), input.subjectId) ? [] : [unknownSubject(input.subjectId)],
    handle: (context, input) => {
      const receivedOn = input.receivedOn ?? context.today;
      const dueOn = addOneMonth(receivedOn);
      const requestId = context.ids.next('access-request');
      const followUpId = context.ids.next('follow-up');
      return [
        rightsEvent('AccessRequestRecorded', {
          requestId,
          subjectId: input.subjectId,
          receivedOn,
          dueOn,
          followUpId,
          ...(input.channel === undefined ? {} : { channel: input.channel }),
        }),
        // The deadline goes on the worklist like any follow-up (Art. 12(3) GDPR: one month).
        caseEvent('FollowUpScheduled', {
          id: followUpId,
          dueOn,
          subject: 'Auskunft nach Art. 15 DSGVO erteilen / answer access request (Art. 15 GDPR)',
          done: false,
          ...recordMeta(context, { subjectIds: [input.subjectId], categories: ['notes'] }, 'followUp'),
        }),
      ];
    },
  }),
  answerAccessRequest: define({
    type: 'answerAccessRequest',
    input: answerAccessRequestInput,
    invariants: (context, input) => {
      const request = foldRights(journalOf(context)).accessRequests.find((r) => r.requestId === input.requestId);
      if (request === undefined)
        return [
          rightsRefusal(
            'UNKNOWN_REFERENCE',
            `Kein Auskunftsersuchen „${input.requestId}“.`,
            `No access request "${input.requestId}".`,
            'DP-29',
            ['input', 'requestId'],
          ),
        ];
      if (request.answeredOn !== undefined)
        return [
          rightsRefusal(
            'ACCESS_REQUEST_ALREADY_ANSWERED',
            'Das Auskunftsersuchen ist schon beantwortet.',
            'The access request was already answered.',
            'DP-29',
          ),
        ];
      return [];
    },
    handle: (context, input) => {
      const request = foldRights(journalOf(context)).accessRequests.find((r) => r.requestId === input.requestId);
      const answeredOn = input.answeredOn ?? context.today;
      const events: PendingEvent[] = [
        rightsEvent('AccessRequestAnswered', { requestId: input.requestId, answeredOn, exportHash: input.exportHash }),
      ];
      if (request !== undefined && stateOf(context).followUps.some((f) => f.id === request.followUpId && !f.done))
        events.push(caseEvent('FollowUpCompleted', { followUpId: request.followUpId, doneOn: answeredOn }));
      return events;
    },
  }),
  rectifyData: define({
    type: 'rectifyData',
    input: rectifyDataInput,
    invariants: (context, input) => {
      const state = stateOf(context);
      const item = findTarget(state, input.target);
      if (item === undefined)
        return [
          rightsRefusal(
            'UNKNOWN_REFERENCE',
            `Eintrag „${input.target.collection}/${input.target.id}“ nicht gefunden.`,
            `Item "${input.target.collection}/${input.target.id}" not found.`,
            'DP-30',
            ['input', 'target'],
          ),
        ];
      const subjects =
        input.target.collection === 'persons'
          ? [input.target.id]
          : ((item['subjectIds'] as string[] | undefined) ?? []);
      if (!subjects.includes(input.subjectId))
        return [
          rightsRefusal(
            'DENY_NOT_DATA_SUBJECT',
            'Die Person ist nicht betroffene Person dieses Eintrags; sie kann ihn nicht berichtigen lassen.',
            'The person is not a subject of this item and cannot have it rectified.',
            'DP-30',
            ['input', 'subjectId'],
          ),
        ];
      // DP-41: content only; never ids, roles, provenance or a lower classification.
      const limit = rectificationLimitRefusal(item, input.field, input.newValue);
      if (limit !== undefined) return [limit];
      if (input.newValue === undefined && input.disputed !== true)
        return [
          rightsRefusal(
            'NOTHING_TO_CHANGE',
            'Weder ein neuer Wert noch ein Bestreiten angegeben.',
            'Neither a new value nor a dispute given.',
            'DP-30',
            ['input', 'newValue'],
          ),
        ];
      if (input.disputed === true && (input.note ?? '').trim() === '')
        return [
          rightsRefusal(
            'DISPUTE_NOTE_REQUIRED',
            'Ein bestrittener Wert braucht einen Vermerk, mit dem er angezeigt wird.',
            'A disputed value needs a note to be shown with.',
            'DP-30',
            ['input', 'note'],
          ),
        ];
      return [];
    },
    handle: (context, input) => {
      const state = stateOf(context);
      const item = findTarget(state, input.target) ?? {};
      const rectificationId = context.ids.next('rectification');
      const rectifiedOn = input.rectifiedOn ?? context.today;
      const previousValue = valueAtPath(item, input.field) ?? null;
      const events: PendingEvent[] = [
        rightsEvent('DataRectified', {
          rectificationId,
          subjectId: input.subjectId,
          target: input.target,
          field: input.field,
          previousValue,
          ...(input.newValue === undefined ? {} : { newValue: input.newValue }),
          disputed: input.disputed === true,
          ...(input.note === undefined ? {} : { note: input.note }),
          rectifiedOn,
        }),
      ];
      // Persons have a case event for changes, so the case state itself shows the corrected value.
      if (input.target.collection === 'persons' && input.newValue !== undefined && !input.field.includes('.')) {
        events.push(
          caseEvent('PersonUpdated', {
            personId: input.target.id,
            updatedOn: rectifiedOn,
            changes: { [input.field]: input.newValue },
          }),
        );
      }
      return [...events, ...notifyAll(context, 'rectification')];
    },
  }),
  resolveDispute: define({
    type: 'resolveDispute',
    input: resolveDisputeInput,
    invariants: (context, input) => {
      const found = foldRights(journalOf(context)).rectifications.find(
        (r) => r.rectificationId === input.rectificationId,
      );
      return found === undefined || !found.disputed || found.resolvedOn !== undefined
        ? [
            rightsRefusal(
              'UNKNOWN_REFERENCE',
              'Kein offenes Bestreiten mit dieser Kennung.',
              'No open dispute with this id.',
              'DP-30',
              ['input', 'rectificationId'],
            ),
          ]
        : [];
    },
    handle: (context, input) => [
      rightsEvent('DisputeResolved', {
        rectificationId: input.rectificationId,
        resolvedOn: context.today,
        note: input.note,
      }),
    ],
  }),
  requestErasure: define({
    type: 'requestErasure',
    input: requestErasureInput,
    invariants: (context, input) => {
      const state = stateOf(context);
      if (!subjectKnown(state, input.subjectId)) return [unknownSubject(input.subjectId)];
      if (foldRights(journalOf(context)).erased)
        return [
          rightsRefusal(
            'CASE_ALREADY_ERASED',
            'Die Akte ist bereits gelöscht.',
            'The case was already erased.',
            'DP-32',
          ),
        ];
      return [];
    },
    handle: (context, input) => {
      const state = stateOf(context);
      const requestId = context.ids.next('erasure');
      const blocking: { code: RestrictionCode; rule: string; reference?: string; until?: string }[] = [];
      const duty = statutoryDutyOn(state, retentionScheduleOf(context), context.today);
      if (duty !== undefined)
        blocking.push({
          code: 'RESTRICTED_RETENTION_DUTY',
          rule: duty.ruleId,
          reference: duty.reference,
          until: duty.dueOn,
        });
      if (input.pendingClaim !== undefined)
        blocking.push({ code: 'RESTRICTED_PENDING_CLAIM', rule: 'DP-31', reference: input.pendingClaim.reference });
      if (input.protectedInterest !== undefined)
        blocking.push({
          code: 'RESTRICTED_PROTECTED_INTEREST',
          rule: 'DP-31',
          reference: input.protectedInterest.reason,
        });
      const requestedOn = input.requestedOn ?? context.today;
      const decided = rightsEvent('ErasureDecided', {
        requestId,
        subjectId: input.subjectId,
        scope: input.scope,
        requestedOn,
        decidedOn: context.today,
        outcome: blocking.length === 0 ? 'granted' : 'restricted',
        blocking,
      });
      const first = blocking[0];
      if (first !== undefined) {
        return [
          decided,
          rightsEvent('ProcessingRestricted', {
            restrictionId: requestId,
            subjectId: input.subjectId,
            scope: input.scope,
            code: first.code,
            reason: `Löschung beantragt, gesperrt statt gelöscht (${blocking.map((b) => b.code).join(', ')})`,
            from: context.today,
            ...(first.until === undefined ? {} : { until: first.until }),
          }),
          ...notifyAll(context, 'restriction'),
        ];
      }
      const seqs = erasableSeqs(journalOf(context), state, input.scope, input.subjectId);
      return [
        decided,
        rightsEvent('DataErased', {
          erasureId: requestId,
          subjectId: input.subjectId,
          scope: input.scope,
          seqs,
          erasedOn: context.today,
          rule: 'DP-32',
        }),
        ...notifyAll(context, 'erasure'),
      ];
    },
  }),
  restrictProcessing: define({
    type: 'restrictProcessing',
    input: restrictProcessingInput,
    invariants: (context, input) =>
      subjectKnown(stateOf(context), input.subjectId) ? [] : [unknownSubject(input.subjectId)],
    handle: (context, input) => {
      const restrictionId = context.ids.next('restriction');
      return [
        rightsEvent('ProcessingRestricted', {
          restrictionId,
          subjectId: input.subjectId,
          scope: input.scope,
          code: input.code,
          reason: input.reason,
          from: context.today,
          ...(input.until === undefined ? {} : { until: input.until }),
        }),
        ...notifyAll(context, 'restriction'),
      ];
    },
  }),
  liftRestriction: define({
    type: 'liftRestriction',
    input: liftRestrictionInput,
    invariants: (context, input) => {
      const found = foldRights(journalOf(context)).restrictions.find((r) => r.restrictionId === input.restrictionId);
      return found === undefined || found.liftedOn !== undefined
        ? [
            rightsRefusal(
              'UNKNOWN_REFERENCE',
              'Keine bestehende Einschränkung mit dieser Kennung.',
              'No active restriction with this id.',
              'DP-31',
              ['input', 'restrictionId'],
            ),
          ]
        : [];
    },
    handle: (context, input) => [
      rightsEvent('RestrictionLifted', {
        restrictionId: input.restrictionId,
        liftedOn: context.today,
        reason: input.reason,
      }),
    ],
  }),
  recordObjection: define({
    type: 'recordObjection',
    input: recordObjectionInput,
    invariants: (context, input) =>
      subjectKnown(stateOf(context), input.subjectId) ? [] : [unknownSubject(input.subjectId)],
    handle: (context, input) => [
      rightsEvent('ObjectionRecorded', {
        objectionId: context.ids.next('objection'),
        subjectId: input.subjectId,
        receivedOn: input.receivedOn ?? context.today,
        grounds: input.grounds,
      }),
    ],
  }),
  decideObjection: define({
    type: 'decideObjection',
    input: decideObjectionInput,
    invariants: (context, input) => {
      const found = foldRights(journalOf(context)).objections.find((o) => o.objectionId === input.objectionId);
      return found === undefined || found.decision !== undefined
        ? [
            rightsRefusal(
              'UNKNOWN_REFERENCE',
              'Kein offener Widerspruch mit dieser Kennung.',
              'No open objection with this id.',
              'DP-31',
              ['input', 'objectionId'],
            ),
          ]
        : [];
    },
    handle: (context, input) => [
      rightsEvent('ObjectionDecided', {
        objectionId: input.objectionId,
        decidedOn: context.today,
        outcome: input.outcome,
        reasons: input.reasons,
      }),
    ],
  }),
};

/** The names of the rights commands: the only ones a restricted case still accepts. */
export const RIGHTS_COMMAND_TYPES: readonly string[] = Object.keys(RIGHTS_COMMANDS);
