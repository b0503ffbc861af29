/**
 * Finding a case (issue 22): search across the caseload by name, birth date, case number, legal domain,
 * stage and due items, and the duplicate check before a new case is opened. Both work on the cases
 * **as the actor's views show them** (`visibleState`), so a name the view withholds is neither shown nor
 * matched, and a case the actor may not see is never a hit, not even as "a duplicate exists" (DP-23,
 * DP-24). The channels in `case-views.ts` decide and log them (DP-28); this module is pure.
 */
import * as z from 'zod/mini';
import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { STAGES } from '../../model/case-header.js';
import { LEGAL_DOMAINS, isoDateSchema } from '../../model/primitives.js';
import { buildWorklist } from '../../process/worklist.js';
import { refused, type Refusal, type Result } from '../../result/refusal.js';
import type { CaseIndexEntry } from '../../store/case-store.js';
import { isRedactionMarker } from '../decision.js';
import type { CaseView } from './view-case.js';
import { visibleState, withholdsDeadlines, withholdsLegalDomains } from './visible-state.js';

/** How hits are ordered: by the person's name, the next deadline, the case number or the stage. */
export const CASE_SEARCH_SORTS = ['name', 'nextDueDate', 'caseNumber', 'stage'] as const;

/** One of {@link CASE_SEARCH_SORTS}. */
export type CaseSearchSort = (typeof CASE_SEARCH_SORTS)[number];

/** What a search asks for; every part narrows (all given parts must match). Strict and bounded. */
export const caseSearchQuerySchema = z.strictObject({
  /** Words of the name or the case number (each word must occur, case and accents ignored). */
  text: z.optional(z.string().check(z.maxLength(120))),
  birthDate: z.optional(isoDateSchema),
  legalDomain: z.optional(z.enum(LEGAL_DOMAINS)),
  stage: z.optional(z.enum(STAGES)),
  status: z.optional(z.enum(['open', 'closed'])),
  /** Only cases with an overdue item, or with an item due within `dueWithinDays` (default 7). */
  due: z.optional(z.enum(['overdue', 'soon'])),
  dueWithinDays: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(366))),
  sort: z.optional(z.enum(CASE_SEARCH_SORTS)),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(500))),
});

/** A search request. */
export type CaseSearchQuery = z.infer<typeof caseSearchQuerySchema>;

/** A person to check for duplicates before a case is opened or a person added. */
export const duplicateCandidateSchema = z.strictObject({
  givenName: z.string().check(z.minLength(1), z.maxLength(120)),
  familyName: z.string().check(z.minLength(1), z.maxLength(120)),
  birthDate: z.optional(isoDateSchema),
  /** The case number the new case is to get. */
  label: z.optional(z.string().check(z.maxLength(80))),
});

/** A duplicate candidate. */
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** One case found: its list row, and the addressee's name and birth date where the view shows them. */
export interface CaseSearchHit {
  readonly row: CaseIndexEntry;
  /** "Given Family" of the addressee; absent when the view withholds it. */
  readonly name?: string;
  readonly birthDate?: string;
  /** How many items of the case are overdue on the day of the search, of those the view shows. */
  readonly overdue: number;
  /**
   * The view withholds items that may carry deadlines, so `row.nextDueDate` and `overdue` count only
   * what the actor sees (a team lead's caseload): a list says so instead of "no deadline".
   */
  readonly deadlinesWithheld?: true;
  /**
   * The view withholds legal-domain periods of the case, so `row.legalDomains` lists only those the actor sees
   * (often none, for a team lead): a list says "withheld" instead of an empty cell (DP-23, DP-24).
   */
  readonly legalDomainsWithheld?: true;
}

/** A hit of the duplicate check, with what matched. */
export interface DuplicateHit extends CaseSearchHit {
  readonly matched: readonly ('name' | 'birthDate' | 'label')[];
}

/** Lower case, accents and ß folded, so "Müller", "MUELLER" and "muller" find each other. */
export function foldForSearch(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The addressee as the view shows it: name and birth date only where they are not withheld. */
export function visibleAddressee(state: CaseState): {
  name?: string;
  birthDate?: string;
  given?: string;
  family?: string;
} {
  const person = (state.persons ?? []).find(
    (candidate) => !isRedactionMarker(candidate) && candidate.id === state.addresseeId,
  );
  if (person === undefined) return {};
  const given = typeof person.givenName === 'string' ? person.givenName : undefined;
  const family = typeof person.familyName === 'string' ? person.familyName : undefined;
  const name = [given, family].filter((part) => part !== undefined).join(' ');
  return {
    ...(name ? { name } : {}),
    ...(given === undefined ? {} : { given }),
    ...(family === undefined ? {} : { family }),
    ...(typeof person.birthDate === 'string' ? { birthDate: person.birthDate } : {}),
  };
}

/**
 * A hit for a decided row and the case as its view shows it (the addressee, the markers of what it withholds).
 * @param visible the view's `visibleState`, where the caller has it already (the duplicate check reads it too).
 */
export function searchHit(
  row: CaseIndexEntry,
  view: CaseView,
  today: string,
  visible: CaseState = visibleState(view),
): CaseSearchHit {
  const person = visibleAddressee(visible);
  let overdue = 0;
  try {
    for (const item of buildWorklist([visible], today)) if (item.severity === 'overdue') overdue += 1;
  } catch {
    // A view partial beyond what the worklist reads counts no items rather than failing the search.
  }
  return {
    row,
    ...(person.name === undefined ? {} : { name: person.name }),
    ...(person.birthDate === undefined ? {} : { birthDate: person.birthDate }),
    overdue,
    ...(withholdsDeadlines(view) ? { deadlinesWithheld: true as const } : {}),
    ...(withholdsLegalDomains(view) ? { legalDomainsWithheld: true as const } : {}),
  };
}

/** Whether a hit matches the query on `today`. */
export function matchesSearch(hit: CaseSearchHit, query: CaseSearchQuery, today: string): boolean {
  const { row } = hit;
  if (query.text !== undefined && query.text.trim() !== '') {
    const haystack = foldForSearch(`${hit.name ?? ''} ${row.label ?? ''} ${row.caseId}`);
    for (const word of foldForSearch(query.text).split(' ')) if (word !== '' && !haystack.includes(word)) return false;
  }
  if (query.birthDate !== undefined && hit.birthDate !== query.birthDate) return false;
  if (query.legalDomain !== undefined && !row.legalDomains.includes(query.legalDomain)) return false;
  if (query.stage !== undefined && row.stage !== query.stage) return false;
  if (query.status !== undefined && row.status !== query.status) return false;
  if (query.due === 'overdue' && hit.overdue === 0) return false;
  if (query.due === 'soon') {
    const until = addDaysIso(today, query.dueWithinDays ?? 7);
    if (row.nextDueDate === null || row.nextDueDate > until) return false;
  }
  return true;
}

function addDaysIso(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const STAGE_ORDER = new Map<string, number>(STAGES.map((stage, index) => [stage, index]));

/** Orders hits; withheld names sort last, ties by case id. */
export function sortHits(hits: readonly CaseSearchHit[], sort: CaseSearchSort = 'nextDueDate'): CaseSearchHit[] {
  const key = (hit: CaseSearchHit): string => {
    switch (sort) {
      case 'name':
        return hit.name === undefined ? '\uffff' : foldForSearch(hit.name.split(' ').reverse().join(' '));
      case 'caseNumber':
        return foldForSearch(hit.row.label ?? hit.row.caseId);
      case 'stage':
        return String(STAGE_ORDER.get(hit.row.stage) ?? 99).padStart(2, '0');
      case 'nextDueDate':
        return hit.row.nextDueDate ?? '\uffff';
    }
  };
  return [...hits]
    .map((hit) => ({ hit, key: key(hit) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.hit.row.caseId < b.hit.row.caseId ? -1 : 1))
    .map(({ hit }) => hit);
}

/**
 * The cases a new one would duplicate, among the hits the actor may see: the same person (family and
 * given name equal after folding, and the birth date equal where both are known) or the same case
 * number. The same name with another birth date is no duplicate (namesakes are common).
 */
export function findDuplicates(
  candidate: DuplicateCandidate,
  hits: readonly (CaseSearchHit & { readonly given?: string; readonly family?: string })[],
): DuplicateHit[] {
  const given = foldForSearch(candidate.givenName);
  const family = foldForSearch(candidate.familyName);
  const label =
    candidate.label === undefined || candidate.label.trim() === '' ? undefined : foldForSearch(candidate.label);
  const out: DuplicateHit[] = [];
  for (const hit of hits) {
    const matched: DuplicateHit['matched'][number][] = [];
    const sameName =
      hit.given !== undefined &&
      hit.family !== undefined &&
      foldForSearch(hit.given) === given &&
      foldForSearch(hit.family) === family;
    const birthKnown = candidate.birthDate !== undefined && hit.birthDate !== undefined;
    if (sameName && (!birthKnown || hit.birthDate === candidate.birthDate)) {
      matched.push('name');
      if (birthKnown) matched.push('birthDate');
    }
    if (label !== undefined && hit.row.label !== undefined && foldForSearch(hit.row.label) === label)
      matched.push('label');
    if (matched.length > 0) {
      const { given: _given, family: _family, ...plain } = hit;
      out.push({ ...plain, matched });
    }
  }
  return out;
}

/** Parses a query; a malformed one is refused with `SEARCH_QUERY_INVALID`, nothing is read. */
export function parseSearch<T>(schema: z.ZodMiniType<T>, value: unknown): Result<T> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const refusal: Refusal = {
    code: 'SEARCH_QUERY_INVALID',
    message: text('Die Suchangaben sind nicht gültig.', 'The search request is not valid.'),
  };
  return refused(refusal);
}
