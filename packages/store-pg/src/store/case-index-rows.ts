import { type CaseIndexEntry, type CaseQuery } from '@fallkit/core';
import { compareCaseIndexEntries } from '@fallkit/core/store';
import type { SqlParam } from '../sql/sql-database.js';

/**
 * Writes a case's index row, taking the typed columns apart from the entry in SQL ($1 tenant, $2 case id,
 * $3 the entry as JSON). The entry itself is kept whole, so what is read back is exactly what was written.
 */
export const UPSERT_CASE_INDEX = /* sql */ `
insert into fallkit.case_index as existing
       (tenant_id, case_id, last_seq, updated_at, status, stage, lead_agency_id,
        case_manager_ids, legal_domains, next_due_date, entry)
select $1, $2, (e->>'lastSeq')::integer, e->>'updatedAt', e->>'status', e->>'stage', e->>'leadAgencyId',
       array(select json_array_elements_text(e->'caseManagerIds')),
       array(select json_array_elements_text(e->'legalDomains')),
       e->>'nextDueDate', e
  from (select $3::json as e) as input
    on conflict (tenant_id, case_id) do update
   set last_seq = excluded.last_seq, updated_at = excluded.updated_at, status = excluded.status,
       stage = excluded.stage, lead_agency_id = excluded.lead_agency_id,
       case_manager_ids = excluded.case_manager_ids, legal_domains = excluded.legal_domains,
       next_due_date = excluded.next_due_date, entry = excluded.entry`;

/** An index row as the reads select it. */
export interface CaseIndexRow {
  readonly entry: string;
}

/** Parses a row's entry: a fresh object every time. */
export function decodeCaseIndex(row: CaseIndexRow): CaseIndexEntry {
  return JSON.parse(row.entry) as CaseIndexEntry;
}

/**
 * The statement for `listCases(query)`, meaning exactly what the core's `matchesCaseQuery` means: a list
 * filter matches any of its values, an array column matches when it contains the value, a missing due
 * date never matches `dueOnOrBefore` (ISO dates compare as text under the "C" collation of the column).
 */
export function caseListStatement(tenantId: string, query: CaseQuery = {}): { sql: string; params: SqlParam[] } {
  const params: SqlParam[] = [tenantId];
  const where = ['tenant_id = $1'];
  const bind = (value: SqlParam): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const oneOf = (column: string, wanted: string | readonly string[] | undefined): void => {
    if (wanted === undefined) return;
    const values = typeof wanted === 'string' ? [wanted] : [...wanted];
    where.push(`${column} in (select json_array_elements_text(${bind(JSON.stringify(values))}::json))`);
  };
  oneOf('status', query.status);
  oneOf('stage', query.stage);
  if (query.leadAgencyId !== undefined) where.push(`lead_agency_id = ${bind(query.leadAgencyId)}`);
  if (query.caseManagerId !== undefined) where.push(`case_manager_ids @> array[${bind(query.caseManagerId)}::text]`);
  if (query.legalDomain !== undefined) where.push(`legal_domains @> array[${bind(query.legalDomain)}::text]`);
  if (query.dueOnOrBefore !== undefined) where.push(`next_due_date <= ${bind(query.dueOnOrBefore)}::text`);
  return {
    sql: `select entry::text as entry from fallkit.case_index where ${where.join(' and ')}
          order by next_due_date nulls last, case_id`,
    params,
  };
}

/**
 * Puts rows in the port's order. The SQL already orders by the "C" collation (code points); this settles the
 * one place where that differs from JavaScript's code-unit order (characters above U+FFFF), so every store
 * agrees on the order.
 */
export function sortCaseIndex(entries: CaseIndexEntry[]): CaseIndexEntry[] {
  return entries.sort(compareCaseIndexEntries);
}
