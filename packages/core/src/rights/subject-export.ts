import { text, type LocalizedText } from '../i18n/localized-text.js';
import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { sha256Hex } from '../journal/sha256.js';
import type { CaseState } from '../model/case-state.js';
import { redactionMarker } from '../privacy/reason-codes.js';
import type { RedactionMarker } from '../privacy/decision.js';
import { caseRetention, type CaseRetention } from '../retention/retention-deadlines.js';
import { TYPICAL_RETENTION_SCHEDULE, type RetentionSchedule } from '../retention/retention-schedule.js';
import { earlierRecipients, type Recipient } from './recipients.js';
import { foldRights, type RectificationState } from './rights-state.js';

/** The version tag of the export's JSON schema (documented in docs/data-protection.md). */
export const SUBJECT_EXPORT_SCHEMA = 'fallkit.subject-export/1';

/** One stored item about the person, with where it came from and why it is kept. */
export interface ExportedItem {
  /** The list of the case file it is in (`notes`, `goals`, `persons` …). */
  readonly collection: string;
  readonly id: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  /** `client`, `thirdParty`, `agency:<id>`, `secretHolder`, `caseManager`. */
  readonly source: string;
  readonly legalBasis?: string;
  readonly recordedAt?: string;
  /** The item's content; parts only about other people are replaced by a `REDACT_THIRD_PARTY` marker. */
  readonly data: unknown;
  /** Set when the person disputes the accuracy and the dispute is open (DP-30). */
  readonly disputed?: { readonly field: string; readonly note: string };
}

/** Everything held about the person in one case. */
export interface ExportedCase {
  readonly caseId: string;
  readonly items: readonly ExportedItem[];
  /** Consents and confidentiality releases the person gave or that are about them, with withdrawals. */
  readonly consents: readonly unknown[];
  /** Recorded transfers of data about the person. */
  readonly transfers: readonly unknown[];
  readonly recipients: readonly Recipient[];
  /** Rectifications and disputes (old and new value). */
  readonly rectifications: readonly RectificationState[];
  readonly retention: CaseRetention;
}

/** The answer to an access request (Art. 15, 20 GDPR; DP-29): machine-readable and as text. */
export interface SubjectExport {
  readonly schema: typeof SUBJECT_EXPORT_SCHEMA;
  readonly subjectId: string;
  readonly generatedAt: string;
  readonly cases: readonly ExportedCase[];
  /** A readable summary, German and English. */
  readonly summary: LocalizedText;
}

/** A case to export from: its state and its journal (for consents, transfers, rectifications). */
export interface ExportSource {
  readonly state: CaseState;
  readonly events: readonly JournalEvent[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copies a value, replacing every nested part that carries its own `subjectIds` without the person
 * by a `REDACT_THIRD_PARTY` marker (an assessment domain about the partner inside the client's file).
 */
function redactOthers(value: unknown, subjectId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => redactOthers(item, subjectId));
  if (!isObject(value)) return value;
  const subjects = value['subjectIds'];
  if (Array.isArray(subjects) && subjects.length > 0 && !subjects.includes(subjectId)) {
    return redactionMarker('REDACT_THIRD_PARTY', { rule: 'DP-29' }) satisfies RedactionMarker;
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactOthers(inner, subjectId)]));
}

/** Content fields withheld from an item that is flagged as about a third party or entrusted by someone else. */
function redactContent(item: Json): Json {
  const kept = [
    'id',
    'subjectIds',
    'categories',
    'origin',
    'purposeIds',
    'legalBasis',
    'recordedAt',
    'recordedBy',
    'on',
    'thirdParty',
    'entrusted',
  ];
  const out: Json = {};
  for (const key of kept) if (item[key] !== undefined) out[key] = item[key];
  out['content'] = redactionMarker('REDACT_THIRD_PARTY', { rule: 'DP-29' });
  return out;
}

function itemsAbout(state: CaseState, subjectId: string, disputes: readonly RectificationState[]): ExportedItem[] {
  const items: ExportedItem[] = [];
  for (const [collection, holder] of Object.entries(state)) {
    const list: unknown[] = Array.isArray(holder) ? holder : isObject(holder) ? [holder] : [];
    for (const raw of list) {
      if (!isObject(raw) || typeof raw['id'] !== 'string' || !Array.isArray(raw['subjectIds'])) continue;
      const subjects = raw['subjectIds'] as string[];
      const isPerson = collection === 'persons';
      const about = isPerson ? raw['id'] === subjectId : subjects.includes(subjectId);
      if (!about) continue;
      // Mixed items flagged as third-party data, or entrusted by someone else, keep their shell only.
      const othersPrevail =
        !isPerson &&
        subjects.some((id) => id !== subjectId) &&
        (raw['thirdParty'] === true || (raw['entrusted'] === true && raw['entrustedBy'] !== subjectId));
      const data = othersPrevail ? redactContent(raw) : redactOthers(raw, subjectId);
      const dispute = disputes.find(
        (r) =>
          r.disputed && r.resolvedOn === undefined && r.target.collection === collection && r.target.id === raw['id'],
      );
      items.push({
        collection,
        id: raw['id'],
        categories: (raw['categories'] as string[] | undefined) ?? [],
        purposes: (raw['purposeIds'] as string[] | undefined) ?? ['caseManagement'],
        source: typeof raw['origin'] === 'string' ? raw['origin'] : 'unknown',
        ...(typeof raw['legalBasis'] === 'string' ? { legalBasis: raw['legalBasis'] } : {}),
        ...(typeof raw['recordedAt'] === 'string' ? { recordedAt: raw['recordedAt'] } : {}),
        data,
        ...(dispute === undefined ? {} : { disputed: { field: dispute.field, note: dispute.note ?? '' } }),
      });
    }
  }
  return items;
}

/**
 * The subjects of a transferred item. The privacy module records references (`section`, `id`,
 * `part`), not copies, so the subjects come from the item in the case state (an assessment part from
 * its life domain); an item that carries `subjectIds` itself is taken as it is.
 */
function transferredItemSubjects(state: CaseState, item: unknown): readonly string[] {
  if (!isObject(item)) return [];
  if (Array.isArray(item['subjectIds'])) return item['subjectIds'] as string[];
  const section = item['section'];
  const id = item['id'];
  if (typeof section !== 'string' || typeof id !== 'string') return [];
  if (section === 'persons') return [id];
  const holder = (state as unknown as Json)[section];
  const list: unknown[] = Array.isArray(holder) ? holder : isObject(holder) ? [holder] : [];
  const found = list.find((entry) => isObject(entry) && entry['id'] === id);
  if (!isObject(found)) return [];
  const part = item['part'];
  if (typeof part === 'string' && Array.isArray(found['domains'])) {
    const domain = (found['domains'] as unknown[]).find((d) => isObject(d) && d['domainId'] === part);
    if (isObject(domain) && Array.isArray(domain['subjectIds']) && domain['subjectIds'].length > 0)
      return domain['subjectIds'] as string[];
  }
  return Array.isArray(found['subjectIds']) ? (found['subjectIds'] as string[]) : [];
}

const CONSENT_TYPES = new Set(['ConsentRecorded', 'ConsentWithdrawn', 'ConfidentialityReleaseRecorded']);

function historyOf(
  state: CaseState,
  events: readonly JournalEvent[],
  subjectId: string,
): { consents: unknown[]; transfers: unknown[] } {
  const consents: unknown[] = [];
  const transfers: unknown[] = [];
  const consentIds = new Set<string>();
  for (const event of events) {
    if (isErasedPayload(event.payload)) continue;
    const payload = event.payload as Json;
    if (CONSENT_TYPES.has(event.type)) {
      const consentId = (payload['consentId'] ?? payload['id']) as string | undefined;
      if (payload['subjectId'] === subjectId || (consentId !== undefined && consentIds.has(consentId))) {
        if (typeof payload['id'] === 'string') consentIds.add(payload['id']);
        consents.push({ type: event.type, at: event.at, ...payload });
      }
    } else if (event.type === 'DataTransferred' && Array.isArray(payload['items'])) {
      const items = (payload['items'] as unknown[]).filter((item) =>
        transferredItemSubjects(state, item).includes(subjectId),
      );
      if (items.length > 0) transfers.push({ at: event.at, ...payload, items });
    }
  }
  return { consents, transfers };
}

function summaryOf(subjectId: string, generatedAt: string, cases: readonly ExportedCase[]): LocalizedText {
  const de: string[] = [
    `Auskunft über gespeicherte Daten (Art. 15 DSGVO) zu Person ${subjectId}, Stand ${generatedAt}.`,
  ];
  const en: string[] = [`Access to stored data (Art. 15 GDPR) about person ${subjectId}, as of ${generatedAt}.`];
  for (const c of cases) {
    const categories = [...new Set(c.items.flatMap((i) => i.categories))].sort().join(', ') || '–';
    const purposes = [...new Set(c.items.flatMap((i) => i.purposes))].sort().join(', ') || '–';
    const sources = [...new Set(c.items.map((i) => i.source))].sort().join(', ') || '–';
    const recipients = c.recipients.map((r) => r.name ?? r.agencyId).join(', ') || '–';
    const until = c.retention.dueOn ?? null;
    de.push(
      `Akte ${c.caseId}: ${c.items.length} Einträge. Kategorien: ${categories}. Zwecke: ${purposes}. Herkunft: ${sources}. ` +
        `Empfänger: ${recipients}. Einwilligungen: ${c.consents.length}, Übermittlungen: ${c.transfers.length}. ` +
        (until === null
          ? 'Aufbewahrung: bis zum Abschluss der Akte, danach nach Aufbewahrungstabelle.'
          : `Aufbewahrung bis ${until}.`),
    );
    en.push(
      `Case ${c.caseId}: ${c.items.length} items. Categories: ${categories}. Purposes: ${purposes}. Sources: ${sources}. ` +
        `Recipients: ${recipients}. Consents: ${c.consents.length}, transfers: ${c.transfers.length}. ` +
        (until === null
          ? 'Retention: until the case is closed, then per the retention table.'
          : `Kept until ${until}.`),
    );
  }
  de.push('Angaben über andere Personen sind geschwärzt, soweit deren Interessen überwiegen.');
  en.push('Data about other people are redacted where their interests prevail.');
  return text(de.join('\n'), en.join('\n'));
}

/**
 * Everything stored about a person (DP-29; Art. 15, 20 GDPR): every item with that subject id, the
 * consent and transfer history, purposes, recipients, sources and retention, as JSON (schema
 * {@link SUBJECT_EXPORT_SCHEMA}) and as a German and English summary. Items only about someone else
 * are left out; parts of the person's items about others are replaced by `REDACT_THIRD_PARTY`. The
 * deadline of the request itself is tracked by the `recordAccessRequest` command.
 */
export function exportSubjectData(
  sources: ExportSource | readonly ExportSource[],
  subjectId: string,
  options: { generatedAt: string; schedule?: RetentionSchedule },
): SubjectExport {
  const list: readonly ExportSource[] = Array.isArray(sources) ? sources : [sources as ExportSource];
  const cases: ExportedCase[] = [];
  for (const { state, events } of list) {
    const rights = foldRights(events);
    const items = itemsAbout(state, subjectId, rights.rectifications);
    const { consents, transfers } = historyOf(state, events, subjectId);
    if (items.length === 0 && consents.length === 0 && transfers.length === 0) continue;
    cases.push({
      caseId: state.caseId,
      items,
      consents,
      transfers,
      recipients: earlierRecipients(state, events, state.leadAgencies.at(-1)?.agencyId ?? ''),
      rectifications: rights.rectifications.filter((r) => r.subjectId === subjectId),
      retention: caseRetention(state, options.schedule ?? TYPICAL_RETENTION_SCHEDULE),
    });
  }
  return {
    schema: SUBJECT_EXPORT_SCHEMA,
    subjectId,
    generatedAt: options.generatedAt,
    cases,
    summary: summaryOf(subjectId, options.generatedAt, cases),
  };
}

/** The SHA-256 of an export's canonical JSON: what `answerAccessRequest` records as proof of what was handed over. */
export function hashSubjectExport(exported: SubjectExport): Promise<string> {
  return sha256Hex(canonicalJson(exported));
}
