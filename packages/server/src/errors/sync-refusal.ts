import { text, type Refusal } from '@fallkit/core';
import type { SyncErrorCode, SyncRefusal } from '@fallkit/core/sync';

/** The HTTP status of each protocol refusal. */
export const SYNC_ERROR_STATUS: Readonly<Record<SyncErrorCode, number>> = {
  SYNC_TOKEN_MISSING: 401,
  SYNC_TOKEN_INVALID: 401,
  SYNC_TOKEN_EXPIRED: 401,
  SYNC_TENANT_MISMATCH: 403,
  SYNC_USER_UNKNOWN: 403,
  SYNC_ACTOR_IN_BODY: 400,
  SYNC_BODY_INVALID: 400,
  SYNC_TOO_LARGE: 413,
  SYNC_NOT_FOUND: 404,
  SYNC_METHOD_NOT_ALLOWED: 405,
  SYNC_UNAVAILABLE: 503,
  SYNC_FAILED: 500,
};

const MESSAGES: Readonly<Record<SyncErrorCode, { readonly de: string; readonly en: string }>> = {
  SYNC_TOKEN_MISSING: text(
    'Anmeldung fehlt: die Anfrage trägt kein Zugriffstoken (Authorization: Bearer …).',
    'Not signed in: the request carries no access token (Authorization: Bearer …).',
  ),
  SYNC_TOKEN_INVALID: text(
    'Das Zugriffstoken ist ungültig (Signatur, Aussteller, Empfänger oder Inhalt stimmen nicht).',
    'The access token is invalid (signature, issuer, audience or content do not match).',
  ),
  SYNC_TOKEN_EXPIRED: text(
    'Das Zugriffstoken ist abgelaufen; bitte erneut anmelden.',
    'The access token has expired; please sign in again.',
  ),
  SYNC_TENANT_MISMATCH: text(
    'Das Zugriffstoken gehört zu einem anderen Mandanten als dieses Konto.',
    'The access token belongs to another tenant than this account.',
  ),
  SYNC_USER_UNKNOWN: text(
    'Dieses Konto ist im Benutzerverzeichnis des Servers nicht eingetragen.',
    'This account is not in the server’s user directory.',
  ),
  SYNC_ACTOR_IN_BODY: text(
    'Die Anfrage nennt selbst, wer handelt („actor“); das bestimmt allein der Server aus der Anmeldung.',
    'The request names who is acting ("actor"); only the server decides that, from the sign-in.',
  ),
  SYNC_BODY_INVALID: text('Die Anfrage ist fehlerhaft aufgebaut.', 'The request is malformed.'),
  SYNC_TOO_LARGE: text('Die Anfrage ist zu groß.', 'The request is too large.'),
  SYNC_NOT_FOUND: text('Nicht gefunden.', 'Not found.'),
  SYNC_METHOD_NOT_ALLOWED: text('Diese Methode ist hier nicht erlaubt.', 'This method is not allowed here.'),
  SYNC_UNAVAILABLE: text(
    'Der Server ist gerade nicht erreichbar (Datenbank); bitte später erneut versuchen.',
    'The server is unavailable right now (database); please try again later.',
  ),
  SYNC_FAILED: text(
    'Interner Fehler des Servers; nichts wurde gespeichert, was nicht bestätigt ist.',
    'Internal server error; nothing was stored that was not confirmed.',
  ),
};

/** A protocol refusal with its German and English message; `detail` is appended to both where it helps. */
export function syncRefusal(
  code: SyncErrorCode,
  detail?: { readonly de: string; readonly en: string; readonly path?: readonly (string | number)[] },
): SyncRefusal {
  const message = MESSAGES[code];
  return {
    code,
    rule: 'SYNC',
    message:
      detail === undefined
        ? { de: message.de, en: message.en }
        : { de: `${message.de} ${detail.de}`, en: `${message.en} ${detail.en}` },
    ...(detail?.path === undefined ? {} : { path: [...detail.path] }),
  };
}

/** A core refusal as it goes on the wire: `rule` always named, nothing but the protocol's members. */
export function wireRefusal(refusal: Refusal): SyncRefusal {
  return {
    code: /^[A-Z][A-Z0-9_]*$/.test(refusal.code) ? refusal.code.slice(0, 64) : 'SYNC_FAILED',
    rule: (refusal.rule ?? 'SERVICE').slice(0, 64) || 'SERVICE',
    message: { de: refusal.message.de.slice(0, 4000), en: refusal.message.en.slice(0, 4000) },
    ...(refusal.path === undefined
      ? {}
      : { path: refusal.path.slice(0, 32).map((p) => (typeof p === 'string' ? p.slice(0, 200) : p)) }),
    ...(refusal.hint === undefined
      ? {}
      : { hint: { de: refusal.hint.de.slice(0, 4000), en: refusal.hint.en.slice(0, 4000) } }),
  };
}

/** A refused answer: the status of the first refusal and `{ errors }`, never a stack trace. */
export class SyncHttpError extends Error {
  readonly status: number;
  readonly errors: readonly SyncRefusal[];

  constructor(code: SyncErrorCode, detail?: Parameters<typeof syncRefusal>[1]) {
    super(code);
    this.name = 'SyncHttpError';
    this.status = SYNC_ERROR_STATUS[code];
    this.errors = [syncRefusal(code, detail)];
  }
}

/** The JSON response of refusals. */
export function errorResponse(status: number, errors: readonly SyncRefusal[]): Response {
  return jsonResponse(status, { errors });
}

/** A JSON response that no cache keeps (case data). */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
