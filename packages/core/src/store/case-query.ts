import type { CaseIndexEntry, CaseQuery } from './case-store.js';

function matchesOne(value: string | null, wanted: string | readonly string[] | undefined): boolean {
  if (wanted === undefined) return true;
  if (value === null) return false;
  return typeof wanted === 'string' ? value === wanted : wanted.includes(value);
}

/**
 * Whether an index row matches a {@link CaseQuery}. Shared by every store that filters in memory, so
 * all stores agree on what a query means.
 */
export function matchesCaseQuery(entry: CaseIndexEntry, query: CaseQuery = {}): boolean {
  return (
    matchesOne(entry.status, query.status) &&
    matchesOne(entry.stage, query.stage) &&
    matchesOne(entry.leadAgencyId, query.leadAgencyId) &&
    (query.caseManagerId === undefined || entry.caseManagerIds.includes(query.caseManagerId)) &&
    (query.legalDomain === undefined || entry.legalDomains.includes(query.legalDomain)) &&
    (query.dueOnOrBefore === undefined || (entry.nextDueDate !== null && entry.nextDueDate <= query.dueOnOrBefore))
  );
}

/** The order every store returns index rows in: by `nextDueDate` (none last), then `caseId`. */
export function compareCaseIndexEntries(a: CaseIndexEntry, b: CaseIndexEntry): number {
  if (a.nextDueDate !== b.nextDueDate) {
    if (a.nextDueDate === null) return 1;
    if (b.nextDueDate === null) return -1;
    return a.nextDueDate < b.nextDueDate ? -1 : 1;
  }
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}
