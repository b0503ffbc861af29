import { text } from '../../i18n/localized-text.js';
import { CASE_EVENTS } from '../../events/catalog.js';
import type { EventCatalog } from '../../events/event-definition.js';
import type { HistoryEntry } from '../../events/history.js';
import { applyEvents } from '../../fold/fold-case.js';
import { canonicalJson } from '../../journal/canonical-json.js';
import { isErasedPayload, type JournalEvent } from '../../journal/journal-event.js';
import { upcastEnvelope } from '../../journal/legacy-envelope.js';
import type { CaseState } from '../../model/case-state.js';
import { RIGHTS_EVENTS } from '../../rights/rights-events.js';
import type { ConfidentialityRelease, ConsentRecord, ConsentWithdrawal } from '../consent/consent-record.js';
import type { CaseSection } from '../categories.js';
import type { DecisionUnit } from '../decide.js';
import type { RedactionMarker } from '../decision.js';
import { PRIVACY_EVENTS } from '../events.js';
import type { PrivacyState } from '../privacy-state.js';
import type { TransferRecord } from '../transfer/transfer-record.js';
import { assessmentUnits, CONTENT_SECTIONS, idOf, itemUnit, personUnits, sectionItems } from './case-units.js';
import { consentUnit, releaseUnit, transferUnit } from './record-units.js';
import type { ViewJudge } from './view-case.js';

/** Every event type a case journal can hold, for the titles of the history. */
export const HISTORY_EVENT_CATALOG: EventCatalog = { ...CASE_EVENTS, ...PRIVACY_EVENTS, ...RIGHTS_EVENTS };

/**
 * The history of a case as one actor may see it (DP-23, DP-24, DP-28): the envelopes (who, when,
 * which event, the envelope's reason) of the events whose items the actor's view shows. An event that
 * carried an item the view withholds is left out whole, with its author, time and reason. `seq` is
 * the entry's position in this history, 1, 2, 3 … without gaps, so the numbering does not count what
 * was left out. No payloads.
 */
export interface CaseHistory {
  readonly caseId: string;
  readonly entries: readonly HistoryEntry[];
  /** The case-wide marker of a restricted or erased case (DP-31, DP-32). */
  readonly restriction?: RedactionMarker;
}

/** One carried unit, with the person it describes for a person record's units. */
interface Carried {
  readonly unit: DecisionUnit;
  readonly about?: string;
}

/** The units of one item of a section (all parts of a person or an assessment). */
function unitsOfItem(state: CaseState, section: CaseSection, item: unknown, index: number): Carried[] {
  if (section === 'persons') {
    const person = item as CaseState['persons'][number];
    return Object.values(personUnits(state, person)).map((unit) => ({ unit, about: person.id }));
  }
  if (section === 'assessments') {
    const { container, domains } = assessmentUnits(item as CaseState['assessments'][number]);
    return [container, ...domains].map((unit) => ({ unit }));
  }
  return [{ unit: itemUnit(section, item as object, undefined, undefined, index) }];
}

/** A section's value as the state holds it (an array, an item or null), for the identity check. */
function sectionValue(state: CaseState, section: CaseSection): unknown {
  return (state as unknown as Record<string, unknown>)[section];
}

function keyed(state: CaseState | undefined, section: CaseSection): Map<string, { item: unknown; index: number }> {
  const out = new Map<string, { item: unknown; index: number }>();
  if (state === undefined) return out;
  sectionItems(state, section).forEach((item, index) => out.set(idOf(item, index), { item, index }));
  return out;
}

/**
 * The units an event carried: every item it added, changed or removed, each with its classification
 * at that time and now (a note marked entrusted later withholds its earlier envelopes too).
 */
function changedUnits(before: CaseState | undefined, after: CaseState, final: CaseState): Carried[] {
  const out: Carried[] = [];
  for (const section of CONTENT_SECTIONS) {
    // The fold copies on write (`draftFor`): a section, or an item, the event did not write is the same
    // object before and after, so it carried nothing and needs no comparison. Same object implies same
    // canonical JSON, so this only skips work (issue 18: the cut of a first sync spent most of its time here).
    if (before !== undefined && sectionValue(before, section) === sectionValue(after, section)) continue;
    const old = keyed(before, section);
    const now = keyed(after, section);
    const current = keyed(final, section);
    for (const id of new Set([...old.keys(), ...now.keys()])) {
      const a = old.get(id);
      const b = now.get(id);
      if (a !== undefined && b !== undefined && (a.item === b.item || canonicalJson(a.item) === canonicalJson(b.item)))
        continue;
      if (b !== undefined) out.push(...unitsOfItem(after, section, b.item, b.index));
      if (a !== undefined && before !== undefined) out.push(...unitsOfItem(before, section, a.item, a.index));
      const c = current.get(id);
      if (c !== undefined) out.push(...unitsOfItem(final, section, c.item, c.index));
    }
  }
  return out;
}

/** The units of a data-protection or rights event, read from its payload and the case's records. */
function recordUnits(event: JournalEvent, privacy: PrivacyState): Carried[] | undefined {
  const payload = event.payload as Record<string, unknown>;
  const noted = (subjectId?: unknown): Carried => ({
    unit: {
      key: `events/${event.id}`,
      categories: ['notes'],
      recordedBy: event.actor.id,
      ...(typeof subjectId === 'string' ? { subjectIds: [subjectId] } : {}),
    },
  });
  switch (event.type) {
    case 'ConsentRecorded':
      return [{ unit: consentUnit(payload as unknown as ConsentRecord) }];
    case 'ConsentWithdrawn': {
      const withdrawal = payload as unknown as ConsentWithdrawal;
      const consent = privacy.consents.find((c) => c.record.id === withdrawal.consentId);
      return consent === undefined ? [noted()] : [{ unit: consentUnit(consent.record) }];
    }
    case 'ConfidentialityReleaseRecorded':
      return [{ unit: releaseUnit(payload as unknown as ConfidentialityRelease) }];
    case 'DataTransferred':
      return [{ unit: transferUnit(payload as unknown as TransferRecord) }];
    case 'ChildProtectionDisclosure':
      return [{ unit: { ...noted().unit, childProtection: true } }];
    case 'StaffCaseFlagged':
      // Case metadata, like a stage or an assignment: part of every permitted view.
      return [];
    default:
      if (event.type in PRIVACY_EVENTS || event.type in RIGHTS_EVENTS) return [noted(payload['subjectId'])];
      return undefined;
  }
}

/** Items a transfer named: its envelope is withheld wherever one of them is (a hidden item stays hidden). */
function transferredItems(event: JournalEvent, final: CaseState): Carried[] {
  if (event.type !== 'DataTransferred' || isErasedPayload(event.payload)) return [];
  const record = event.payload as TransferRecord;
  const out: Carried[] = [];
  for (const section of CONTENT_SECTIONS) {
    const items = keyed(final, section);
    for (const selection of record.items) {
      if (selection.section !== section) continue;
      const found = items.get(selection.id);
      if (found !== undefined) out.push(...unitsOfItem(final, section, found.item, found.index));
    }
  }
  return out;
}

/**
 * Which events of a journal the actor of `judge` may see (DP-23, DP-24, DP-28), one flag per event: an
 * event is shown only when the view allows every unit it carried. The history shows exactly these
 * envelopes, and the journal cut a device receives (`cutJournalFor`, `@fallkit/core/sync`) keeps exactly
 * these events whole. Pure: folds the journal event by event.
 */
export function decideShownEvents(
  journal: readonly JournalEvent[],
  final: CaseState,
  privacy: PrivacyState,
  judge: ViewJudge,
): boolean[] {
  const shown: boolean[] = [];
  let state: CaseState | undefined;
  for (const event of journal) {
    const erased = isErasedPayload(event.payload);
    const after = applyEvents(state, [event]);
    const fromRecords = erased ? undefined : recordUnits(event, privacy);
    // An event that changed only metadata (stage, lead agency, assignments) carries no unit: shown.
    const carried = [
      ...(fromRecords ?? []),
      ...transferredItems(event, final),
      ...(after === undefined ? [] : changedUnits(state, after, final)),
    ];
    state = after ?? state;
    shown.push(carried.every(({ unit, about }) => judge.judge(unit, about).effect === 'allow'));
  }
  return shown;
}

/**
 * Decides the history of a case for the actor of `judge` (see {@link CaseHistory}): the envelopes of
 * the events {@link decideShownEvents} shows.
 */
export function decideHistory(
  journal: readonly JournalEvent[],
  final: CaseState,
  privacy: PrivacyState,
  judge: ViewJudge,
  catalog: EventCatalog = HISTORY_EVENT_CATALOG,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const shown = decideShownEvents(journal, final, privacy, judge);
  for (const [index, event] of journal.entries()) {
    if (!shown[index]) continue;
    // The display name and the reason sit in the event's erasable note (DP-43); older envelopes are upcast.
    const { note } = upcastEnvelope(event);
    entries.push({
      seq: entries.length + 1,
      at: event.at,
      type: event.type,
      title: catalog[event.type]?.title ?? text(event.type, event.type),
      actorId: event.actor.id,
      actorName: note?.actorName,
      agencyId: event.actor.agencyId,
      reason: note?.reason,
      erased: isErasedPayload(event.payload),
    });
  }
  return entries;
}
