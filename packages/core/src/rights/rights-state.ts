import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import type { RightsEventPayload, RightsEventType } from './rights-events.js';
import { RIGHTS_EVENT_TYPES } from './rights-events.js';

/** An access request and whether it was answered. */
export interface AccessRequestState extends RightsEventPayload<'AccessRequestRecorded'> {
  readonly answeredOn?: string;
}

/** A rectification as recorded, with its dispute's resolution if any. */
export interface RectificationState extends RightsEventPayload<'DataRectified'> {
  readonly seq: number;
  readonly resolvedOn?: string;
  readonly resolutionNote?: string;
}

/** A restriction and whether it still holds. */
export interface RestrictionState extends RightsEventPayload<'ProcessingRestricted'> {
  readonly liftedOn?: string;
}

/** An objection and its decision, if any. */
export interface ObjectionState extends RightsEventPayload<'ObjectionRecorded'> {
  readonly decision?: RightsEventPayload<'ObjectionDecided'>;
}

/**
 * The data-subject rights of one case as the fold of its journal's rights events (the case fold
 * leaves them out; they are the data-protection module's).
 */
export interface RightsState {
  readonly accessRequests: readonly AccessRequestState[];
  readonly rectifications: readonly RectificationState[];
  readonly notifications: readonly RightsEventPayload<'RecipientNotified'>[];
  readonly erasureDecisions: readonly RightsEventPayload<'ErasureDecided'>[];
  readonly erasures: readonly RightsEventPayload<'DataErased'>[];
  readonly restrictions: readonly RestrictionState[];
  readonly objections: readonly ObjectionState[];
  /** A whole-case restriction holds: the case leaves the case list and only rights commands run. */
  readonly restricted: boolean;
  /** The whole case was erased. */
  readonly erased: boolean;
  /** Every seq whose payload is erased or due to be (from `DataErased`). */
  readonly erasedSeqs: ReadonlySet<number>;
  /** Persons whose data must not enter statistics or case examples (objection pending or upheld, restriction). */
  readonly excludedSubjectIds: ReadonlySet<string>;
}

const RIGHTS_TYPES = new Set<string>(RIGHTS_EVENT_TYPES);

/** Whether an event belongs to the data-subject rights. */
export function isRightsEvent(event: Pick<JournalEvent, 'type'>): boolean {
  return RIGHTS_TYPES.has(event.type);
}

/** Folds the rights events of a case journal (other events and erased payloads are skipped). */
export function foldRights(events: readonly JournalEvent[]): RightsState {
  const accessRequests: AccessRequestState[] = [];
  const rectifications: RectificationState[] = [];
  const notifications: RightsEventPayload<'RecipientNotified'>[] = [];
  const erasureDecisions: RightsEventPayload<'ErasureDecided'>[] = [];
  const erasures: RightsEventPayload<'DataErased'>[] = [];
  const restrictions: RestrictionState[] = [];
  const objections: ObjectionState[] = [];
  for (const event of events) {
    if (!RIGHTS_TYPES.has(event.type) || isErasedPayload(event.payload)) continue;
    const type = event.type as RightsEventType;
    const payload = event.payload as never;
    switch (type) {
      case 'AccessRequestRecorded':
        accessRequests.push({ ...(payload as RightsEventPayload<'AccessRequestRecorded'>) });
        break;
      case 'AccessRequestAnswered': {
        const answered = payload as RightsEventPayload<'AccessRequestAnswered'>;
        const index = accessRequests.findIndex((r) => r.requestId === answered.requestId);
        const request = accessRequests[index];
        if (request) accessRequests[index] = { ...request, answeredOn: answered.answeredOn };
        break;
      }
      case 'DataRectified':
        rectifications.push({ ...(payload as RightsEventPayload<'DataRectified'>), seq: event.seq });
        break;
      case 'DisputeResolved': {
        const resolved = payload as RightsEventPayload<'DisputeResolved'>;
        const index = rectifications.findIndex((r) => r.rectificationId === resolved.rectificationId);
        const rectification = rectifications[index];
        if (rectification)
          rectifications[index] = { ...rectification, resolvedOn: resolved.resolvedOn, resolutionNote: resolved.note };
        break;
      }
      case 'RecipientNotified':
        notifications.push(payload);
        break;
      case 'ErasureDecided':
        erasureDecisions.push(payload);
        break;
      case 'DataErased':
        erasures.push(payload);
        break;
      case 'ProcessingRestricted':
        restrictions.push({ ...(payload as RightsEventPayload<'ProcessingRestricted'>) });
        break;
      case 'RestrictionLifted': {
        const lifted = payload as RightsEventPayload<'RestrictionLifted'>;
        const index = restrictions.findIndex((r) => r.restrictionId === lifted.restrictionId);
        const restriction = restrictions[index];
        if (restriction) restrictions[index] = { ...restriction, liftedOn: lifted.liftedOn };
        break;
      }
      case 'ObjectionRecorded':
        objections.push({ ...(payload as RightsEventPayload<'ObjectionRecorded'>) });
        break;
      case 'ObjectionDecided': {
        const decision = payload as RightsEventPayload<'ObjectionDecided'>;
        const index = objections.findIndex((o) => o.objectionId === decision.objectionId);
        const objection = objections[index];
        if (objection) objections[index] = { ...objection, decision };
        break;
      }
    }
  }
  const active = restrictions.filter((r) => r.liftedOn === undefined);
  const excludedSubjectIds = new Set<string>([
    ...objections.filter((o) => o.decision?.outcome !== 'rejected').map((o) => o.subjectId),
    ...active.map((r) => r.subjectId),
    ...erasures.map((e) => e.subjectId),
  ]);
  return {
    accessRequests,
    rectifications,
    notifications,
    erasureDecisions,
    erasures,
    restrictions,
    objections,
    restricted: active.some((r) => r.scope === 'case'),
    erased: erasures.some((e) => e.scope === 'case'),
    erasedSeqs: new Set(erasures.flatMap((e) => e.seqs)),
    excludedSubjectIds,
  };
}
