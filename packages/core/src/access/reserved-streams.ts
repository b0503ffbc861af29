import { RETENTION_LOG_STREAM } from '../retention/retention-log.js';

/**
 * Stream ids a case can never have (DP-28, DP-38, DP-40): the agencies' access logs, the retention
 * log and any later system stream, and the names that are object-prototype members. The one predicate
 * the command path, the read channels and the input schemas use.
 * @module
 */

/** Prefix of the access-log streams (`access-log:<agency>`). */
export const ACCESS_LOG_STREAM_PREFIX = 'access-log:';

/** Prefixes reserved for system streams: the access logs and everything under `system:`. */
export const RESERVED_STREAM_PREFIXES: readonly string[] = [ACCESS_LOG_STREAM_PREFIX, 'system:'];

/** Exact ids reserved for system streams or refused because they name prototype members. */
export const RESERVED_STREAM_IDS: readonly string[] = [
  RETENTION_LOG_STREAM,
  'access-log',
  '__proto__',
  'constructor',
  'prototype',
];

/**
 * Whether `id` is a reserved stream id: it may not be opened, read, written or erased as a case.
 * Compared case-insensitively, so `Access-Log:x` is reserved too.
 */
export function isReservedStreamId(id: string): boolean {
  const lower = id.toLowerCase();
  return (
    RESERVED_STREAM_IDS.some((reserved) => reserved.toLowerCase() === lower) ||
    RESERVED_STREAM_PREFIXES.some((prefix) => lower.startsWith(prefix))
  );
}
