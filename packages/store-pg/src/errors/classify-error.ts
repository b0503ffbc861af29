import type { Refusal } from '@fallkit/core';
import { PgStoreError, pgStoreRefusal } from './store-refusals.js';

/** What `pg` and PGlite errors carry: the server's SQLSTATE, or Node's errno code for a socket. */
interface DriverError {
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly message?: unknown;
}

/** The SQLSTATE (five characters) or socket code of an error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as DriverError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a unique or check violation names, if any. */
export function violatedConstraint(error: unknown): string | undefined {
  const constraint = (error as DriverError | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * Turns whatever the driver threw into a typed refusal, by SQLSTATE class where there is one, so nothing
 * reaches a caller as an untyped exception. Unique violations are told apart by the caller, which knows
 * which constraint means a conflict.
 */
export function classifyPgError(error: unknown): Refusal {
  if (error instanceof PgStoreError) return error.refusal;
  const code = errorCode(error) ?? '';
  const message = (error as DriverError | null)?.message;
  if (SOCKET_CODES.has(code)) return pgStoreRefusal('STORE_UNAVAILABLE', code);
  // The pool's own timeout and a connection that ended under us carry no code.
  if (
    code === '' &&
    typeof message === 'string' &&
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  )
    return pgStoreRefusal('STORE_UNAVAILABLE', message);
  // 08: connection exception; 57P01-03: shutdown / cannot connect now; 53300: too many connections.
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))
    return pgStoreRefusal('STORE_UNAVAILABLE', code);
  // 57014: statement timeout or cancel; 55P03: lock not available (lock_timeout).
  if (code === '57014' || code === '55P03') return pgStoreRefusal('STORE_TIMEOUT', code);
  // 42501: insufficient privilege, which includes a row level security policy saying no.
  if (code === '42501') return pgStoreRefusal('STORE_FORBIDDEN', code);
  // 3F000: schema missing; 42P01: table missing; 42883: function missing.
  if (code === '3F000' || code === '42P01' || code === '42883') return pgStoreRefusal('STORE_SCHEMA_MISSING', code);
  // A row for a tenant without partitions: the tenant was never created, or was dropped.
  if (code === '23514' && typeof message === 'string' && message.includes('no partition of relation'))
    return pgStoreRefusal('STORE_TENANT_UNKNOWN');
  // 22: data exception (NUL byte, bad encoding, out of range); 54: program limit (a value too large);
  // 23514: check violation (e.g. no partition for the row's tenant is reported by the caller first).
  if (code.startsWith('22') || code.startsWith('54') || code === '23514' || code === '23502')
    return pgStoreRefusal('STORE_VALUE_REFUSED', code);
  return pgStoreRefusal('STORE_FAILED', code || (error instanceof Error ? error.name : typeof error));
}
