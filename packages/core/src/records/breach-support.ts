import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { CaseState } from '../model/case-state.js';
import { SPECIAL_DATA_CATEGORIES, type DataCategory } from '../model/record-meta.js';

/** One person affected by a personal-data breach: ids and categories only, no content. */
export interface AffectedPerson {
  readonly caseId: string;
  readonly personId: string;
  readonly roles: readonly string[];
  /** Categories of the data about them in the affected cases. */
  readonly categories: readonly DataCategory[];
  /** Whether special categories (Art. 9/10 GDPR) are among them: raises the risk for Art. 34. */
  readonly specialCategories: boolean;
  /** Whether contact details are on file (needed to inform them under Art. 34). */
  readonly contactable: boolean;
}

/** The core's part of the 72-hour notice (Art. 33 GDPR; DP-38): who and which categories. */
export interface BreachExport {
  readonly discoveredAt: string;
  /** 72 hours after discovery: the latest time to notify the supervisory authority. */
  readonly notifyAuthorityBy: string;
  readonly caseCount: number;
  readonly personCount: number;
  readonly specialCategoryPersonCount: number;
  /** Persons per category. */
  readonly categories: Readonly<Partial<Record<DataCategory, number>>>;
  readonly persons: readonly AffectedPerson[];
  readonly note: LocalizedText;
}

/** Which data a breach concerns: whole cases, or only some persons. */
export interface BreachScope {
  readonly caseIds?: readonly string[];
  readonly subjectIds?: readonly string[];
}

function categoriesAbout(state: CaseState, personId: string): Set<DataCategory> {
  const found = new Set<DataCategory>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const subjects = record['subjectIds'];
    const categories = record['categories'];
    if (Array.isArray(subjects) && subjects.includes(personId) && Array.isArray(categories))
      for (const category of categories) found.add(category as DataCategory);
    for (const inner of Object.values(record)) visit(inner);
  };
  visit(state);
  return found;
}

/**
 * Lists the persons and data categories a breach affects, for the notice to the supervisory
 * authority within 72 hours (DP-38; Art. 33(3)(a) GDPR) and the decision whether to inform the people
 * themselves (Art. 34). Without a scope every given case counts as affected (a lost device).
 */
export function breachExport(cases: readonly CaseState[], scope: BreachScope, discoveredAt: string): BreachExport {
  const affected = cases.filter((state) => scope.caseIds === undefined || scope.caseIds.includes(state.caseId));
  const persons: AffectedPerson[] = [];
  for (const state of affected) {
    for (const person of state.persons) {
      if (scope.subjectIds !== undefined && !scope.subjectIds.includes(person.id)) continue;
      const categories = [...categoriesAbout(state, person.id)].sort();
      persons.push({
        caseId: state.caseId,
        personId: person.id,
        roles: person.roles,
        categories,
        specialCategories: categories.some((c) => SPECIAL_DATA_CATEGORIES.includes(c)),
        contactable:
          person.contact !== undefined && Object.values(person.contact).some((v) => v !== undefined && v !== ''),
      });
    }
  }
  const counts: Partial<Record<DataCategory, number>> = {};
  for (const person of persons) for (const c of person.categories) counts[c] = (counts[c] ?? 0) + 1;
  return {
    discoveredAt,
    notifyAuthorityBy: new Date(Date.parse(discoveredAt) + 72 * 3_600_000).toISOString(),
    caseCount: new Set(persons.map((p) => p.caseId)).size,
    personCount: persons.length,
    specialCategoryPersonCount: persons.filter((p) => p.specialCategories).length,
    categories: counts,
    persons,
    note: text(
      'Entwurf für die Meldung nach Art. 33 DSGVO: Art der Verletzung, Folgen und Maßnahmen ergänzt die Datenschutzbeauftragte.',
      'Draft for the Art. 33 GDPR notice: the data-protection officer adds the nature of the breach, consequences and measures.',
    ),
  };
}

/** One access as the alerts read it: the privacy module's access-log entries fit this shape. */
export interface AccessRecord {
  readonly caseId: string;
  readonly actorId: string;
  readonly agencyId: string;
  readonly at: string;
  readonly breakGlass: boolean;
  /** `export` for exports (`CaseExported`), `view` otherwise. */
  readonly kind: 'view' | 'export';
}

/** Alert codes (DP-38). */
export type AccessAlertCode = 'ALERT_BULK_EXPORT' | 'ALERT_MANY_CASES_READ' | 'ALERT_REPEATED_BREAK_GLASS';

/** An unusual access pattern for the data-protection officer and the team lead. */
export interface AccessAlert {
  readonly code: AccessAlertCode;
  readonly rule: 'DP-38';
  readonly actorId: string;
  readonly agencyId: string;
  readonly from: string;
  readonly to: string;
  /** Distinct cases (reads, exports) or break-glass uses in the window. */
  readonly count: number;
  readonly message: LocalizedText;
}

/** Thresholds of {@link accessAlerts}; every deployment should tune them to its caseloads. */
export interface AccessAlertThresholds {
  /** Distinct cases read by one user within `readWindowMinutes` (default 20 in 10 minutes). */
  readonly manyCases: number;
  readonly readWindowMinutes: number;
  /** Exports by one user within `exportWindowMinutes` (default 5 in 60 minutes). */
  readonly bulkExports: number;
  readonly exportWindowMinutes: number;
  /** Break-glass uses by one user within `breakGlassWindowHours` (default 3 in 24 hours). */
  readonly breakGlass: number;
  readonly breakGlassWindowHours: number;
}

/** Default alert thresholds (starting points, not norms). */
export const DEFAULT_ALERT_THRESHOLDS: AccessAlertThresholds = {
  manyCases: 20,
  readWindowMinutes: 10,
  bulkExports: 5,
  exportWindowMinutes: 60,
  breakGlass: 3,
  breakGlassWindowHours: 24,
};

/** Access-log journal events (`CaseViewed`, `CaseExported`) as {@link AccessRecord}s. */
export function accessRecordsFromLog(
  events: readonly { readonly type: string; readonly payload: unknown }[],
): AccessRecord[] {
  const out: AccessRecord[] = [];
  for (const event of events) {
    if (event.type !== 'CaseViewed' && event.type !== 'CaseExported') continue;
    const p = event.payload as Partial<Record<string, unknown>>;
    if (typeof p['caseId'] !== 'string' || typeof p['actorId'] !== 'string' || typeof p['at'] !== 'string') continue;
    out.push({
      caseId: p['caseId'],
      actorId: p['actorId'],
      agencyId: typeof p['agencyId'] === 'string' ? p['agencyId'] : '',
      at: p['at'],
      breakGlass: p['breakGlass'] === true,
      kind: event.type === 'CaseExported' ? 'export' : 'view',
    });
  }
  return out;
}

function bursts(
  records: readonly AccessRecord[],
  windowMs: number,
  threshold: number,
  countOf: (window: readonly AccessRecord[]) => number,
): { from: string; to: string; count: number }[] {
  const sorted = [...records].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const found: { from: string; to: string; count: number }[] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    const endAt = Date.parse((sorted[end] as AccessRecord).at);
    while (endAt - Date.parse((sorted[start] as AccessRecord).at) > windowMs) start += 1;
    const window = sorted.slice(start, end + 1);
    const count = countOf(window);
    if (count >= threshold) {
      // Extend the burst while it stays inside the window, then report it once.
      let last = end;
      while (
        last + 1 < sorted.length &&
        Date.parse((sorted[last + 1] as AccessRecord).at) - Date.parse((sorted[start] as AccessRecord).at) <= windowMs
      )
        last += 1;
      const burst = sorted.slice(start, last + 1);
      found.push({ from: (burst[0] as AccessRecord).at, to: (burst.at(-1) as AccessRecord).at, count: countOf(burst) });
      start = last + 1;
      end = last;
    }
  }
  return found;
}

/**
 * Unusual access patterns from the access log (DP-38): many distinct cases read by one user in a
 * few minutes, bulk exports, repeated break-glass. Pure: the host decides where alerts go (team lead,
 * data-protection officer) and writes them to its own channel.
 */
export function accessAlerts(
  records: readonly AccessRecord[],
  thresholds: Partial<AccessAlertThresholds> = {},
): AccessAlert[] {
  const t = { ...DEFAULT_ALERT_THRESHOLDS, ...thresholds };
  const byActor = new Map<string, AccessRecord[]>();
  for (const record of records) byActor.set(record.actorId, [...(byActor.get(record.actorId) ?? []), record]);
  const alerts: AccessAlert[] = [];
  const distinctCases = (window: readonly AccessRecord[]): number => new Set(window.map((r) => r.caseId)).size;
  for (const [actorId, mine] of byActor) {
    const agencyId = mine[0]?.agencyId ?? '';
    const push = (code: AccessAlertCode, burst: { from: string; to: string; count: number }, message: LocalizedText) =>
      alerts.push({ code, rule: 'DP-38', actorId, agencyId, ...burst, message });
    for (const burst of bursts(
      mine.filter((r) => r.kind === 'view'),
      t.readWindowMinutes * 60_000,
      t.manyCases,
      distinctCases,
    ))
      push(
        'ALERT_MANY_CASES_READ',
        burst,
        text(
          `${burst.count} verschiedene Fälle in ${t.readWindowMinutes} Minuten geöffnet.`,
          `${burst.count} different cases opened within ${t.readWindowMinutes} minutes.`,
        ),
      );
    for (const burst of bursts(
      mine.filter((r) => r.kind === 'export'),
      t.exportWindowMinutes * 60_000,
      t.bulkExports,
      (w) => w.length,
    ))
      push(
        'ALERT_BULK_EXPORT',
        burst,
        text(
          `${burst.count} Exporte in ${t.exportWindowMinutes} Minuten.`,
          `${burst.count} exports within ${t.exportWindowMinutes} minutes.`,
        ),
      );
    for (const burst of bursts(
      mine.filter((r) => r.breakGlass),
      t.breakGlassWindowHours * 3_600_000,
      t.breakGlass,
      distinctCases,
    ))
      push(
        'ALERT_REPEATED_BREAK_GLASS',
        burst,
        text(
          `Notfallzugriff auf ${burst.count} Fälle in ${t.breakGlassWindowHours} Stunden.`,
          `Break-glass access to ${burst.count} cases within ${t.breakGlassWindowHours} hours.`,
        ),
      );
  }
  return alerts.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.code < b.code ? -1 : 1));
}
