import { contentHashesOf } from '@fallkit/core/store';
import type { SqlSession } from '../sql/sql-database.js';

/*
 * Documents' content in PostgreSQL (issue 22): `fallkit.case_content`, keyed by tenant, case and the SHA-256
 * hex the filing event names. Bytes travel as base64 text (`decode`/`encode`), so the same statements run on
 * `pg` and on PGlite whatever each driver makes of `bytea` parameters. The store decides nothing: the core's
 * `createCaseDocuments` decides every read and write, and checks the bytes against the hash on every open.
 */

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(value: string): Uint8Array {
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Stores (or replaces) content under the case and hash. */
export async function putContentIn(
  session: SqlSession,
  tenantId: string,
  caseId: string,
  contentHash: string,
  bytes: Uint8Array,
): Promise<void> {
  await session.query(
    `insert into fallkit.case_content (tenant_id, case_id, content_hash, bytes)
          values ($1, $2, $3, decode($4, 'base64'))
     on conflict (tenant_id, case_id, content_hash) do update set bytes = excluded.bytes, stored_at = now()`,
    [tenantId, caseId, contentHash, toBase64(bytes)],
  );
}

/** The content under the case and hash, or `undefined`. */
export async function readContentIn(
  session: SqlSession,
  tenantId: string,
  caseId: string,
  contentHash: string,
): Promise<Uint8Array | undefined> {
  const [row] = await session.query<{ bytes: string }>(
    `select encode(bytes, 'base64') as bytes from fallkit.case_content
      where tenant_id = $1 and case_id = $2 and content_hash = $3`,
    [tenantId, caseId, contentHash],
  );
  // `encode(…, 'base64')` breaks lines every 76 characters.
  return row === undefined ? undefined : fromBase64(row.bytes.replace(/\s+/g, ''));
}

/** Deletes content of a case: the hashes given, or all of the case's (stream deletion, DP-36). */
export async function deleteContentIn(
  session: SqlSession,
  tenantId: string,
  caseId: string,
  contentHashes?: readonly string[],
): Promise<void> {
  if (contentHashes === undefined) {
    await session.query('delete from fallkit.case_content where tenant_id = $1 and case_id = $2', [tenantId, caseId]);
    return;
  }
  if (contentHashes.length === 0) return;
  await session.query(
    `delete from fallkit.case_content
      where tenant_id = $1 and case_id = $2
        and content_hash in (select value from json_array_elements_text($3::json))`,
    [tenantId, caseId, JSON.stringify(contentHashes)],
  );
}

/** The content hashes the given events of a stream name (read before their payloads are erased, DP-32). */
export async function contentHashesOfSeqs(
  session: SqlSession,
  tenantId: string,
  caseId: string,
  seqs: readonly number[],
): Promise<string[]> {
  const rows = await session.query<{ payload: unknown }>(
    `select payload from fallkit.case_event
      where tenant_id = $1 and case_id = $2
        and seq in (select value::integer from json_array_elements_text($3::json))`,
    [tenantId, caseId, JSON.stringify(seqs)],
  );
  return [...new Set(rows.flatMap((row) => contentHashesOf(row)))];
}
