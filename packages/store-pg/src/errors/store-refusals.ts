import { text, type Refusal, type Refused } from '@fallkit/core';

/**
 * Stable codes of the refusals the PostgreSQL store adds to the core's `STORE_CONFLICT` and
 * `STORE_MALFORMED_APPEND`.
 */
export type PgStoreRefusalCode =
  | 'STORE_UNAVAILABLE'
  | 'STORE_TIMEOUT'
  | 'STORE_FORBIDDEN'
  | 'STORE_VALUE_REFUSED'
  | 'STORE_DUPLICATE_EVENT'
  | 'STORE_INBOX_CONFLICT'
  | 'STORE_TENANT_INVALID'
  | 'STORE_TENANT_UNKNOWN'
  | 'STORE_SCHEMA_MISSING'
  | 'STORE_SCHEMA_NEWER'
  | 'STORE_MIGRATION_CHANGED'
  | 'STORE_ROLE_PRIVILEGED'
  | 'STORE_FAILED';

const messages: Record<PgStoreRefusalCode, { message: [string, string]; hint?: [string, string] }> = {
  STORE_UNAVAILABLE: {
    message: [
      'Die Datenbank ist nicht erreichbar; es wurde nichts gespeichert.',
      'The database cannot be reached; nothing was saved.',
    ],
    hint: [
      'Versuchen Sie es gleich noch einmal oder fragen Sie Ihre IT.',
      'Try again in a moment or ask your IT team.',
    ],
  },
  STORE_TIMEOUT: {
    message: [
      'Die Datenbank hat zu lange gebraucht; es wurde nichts gespeichert.',
      'The database took too long; nothing was saved.',
    ],
    hint: ['Wiederholen Sie die Eingabe.', 'Repeat your entry.'],
  },
  STORE_FORBIDDEN: {
    message: ['Die Datenbank hat den Zugriff verweigert.', 'The database refused access.'],
    hint: [
      'Die Anwendung ist mit einer Rolle verbunden, die das nicht darf; fragen Sie Ihre IT.',
      'The application is connected with a role that may not do this; ask your IT team.',
    ],
  },
  STORE_VALUE_REFUSED: {
    message: [
      'Die Datenbank hat einen Wert abgelehnt; es wurde nichts gespeichert.',
      'The database refused a value; nothing was saved.',
    ],
  },
  STORE_DUPLICATE_EVENT: {
    message: [
      'Ein Ereignis mit dieser Kennung ist bereits gespeichert; es wurde nichts gespeichert.',
      'An event with this id is already stored; nothing was saved.',
    ],
  },
  STORE_INBOX_CONFLICT: {
    message: [
      'Im Übergabe-Postfach liegt unter dieser Kennung schon eine andere Nachricht; es wurde nichts gespeichert.',
      'The handover inbox already holds a different message under this id; nothing was saved.',
    ],
  },
  STORE_TENANT_INVALID: {
    message: [
      'Die Mandantenkennung ist ungültig (Kleinbuchstaben, Ziffern und Bindestriche, höchstens 40 Zeichen).',
      'The tenant id is invalid (lower-case letters, digits and hyphens, at most 40 characters).',
    ],
  },
  STORE_TENANT_UNKNOWN: {
    message: ['Diesen Mandanten gibt es in der Datenbank nicht.', 'This tenant does not exist in the database.'],
    hint: ['Legen Sie den Mandanten mit provisionTenant an.', 'Create the tenant with provisionTenant.'],
  },
  STORE_SCHEMA_MISSING: {
    message: ['Das Datenbankschema von Fallkit fehlt.', "Fallkit's database schema is missing."],
    hint: [
      'Führen Sie die Migrationen als Eigentümerrolle aus (migrate).',
      'Run the migrations as the owner role (migrate).',
    ],
  },
  STORE_SCHEMA_NEWER: {
    message: [
      'Das Datenbankschema stammt aus einer neueren Fallkit-Version.',
      'The database schema comes from a newer Fallkit version.',
    ],
  },
  STORE_MIGRATION_CHANGED: {
    message: [
      'Ein bereits angewendeter Migrationsschritt wurde nachträglich verändert.',
      'A migration step that was already applied has been changed since.',
    ],
  },
  STORE_ROLE_PRIVILEGED: {
    message: [
      'Die Anwendungsrolle darf weder Superuser noch BYPASSRLS noch Eigentümerin der Tabellen sein.',
      'The application role must be neither superuser nor BYPASSRLS nor the owner of the tables.',
    ],
  },
  STORE_FAILED: {
    message: ['Die Datenbank hat einen unerwarteten Fehler gemeldet.', 'The database reported an unexpected error.'],
  },
};

/** Builds the refusal for a PostgreSQL store code, German and English; `detail` is appended in brackets. */
export function pgStoreRefusal(code: PgStoreRefusalCode, detail?: string): Refusal {
  const entry = messages[code];
  const suffix = detail ? ` (${detail})` : '';
  return {
    code,
    rule: 'STORE',
    message: text(entry.message[0] + suffix, entry.message[1] + suffix),
    ...(entry.hint ? { hint: text(entry.hint[0], entry.hint[1]) } : {}),
  };
}

/** The refused result for a PostgreSQL store code. */
export function pgStoreRefused(code: PgStoreRefusalCode, detail?: string): Refused {
  return { ok: false, errors: [pgStoreRefusal(code, detail)] };
}

/**
 * Thrown by the port methods that cannot return a result (`readJournal`, `listCases`, `getCase`,
 * `putIndex`, `deleteStream`) and handed to live observers' `error`. Carries the typed refusal a result
 * would, so a host shows the German or English message.
 */
export class PgStoreError extends Error {
  /** The refusal: code, German and English message, hint. */
  readonly refusal: Refusal;

  constructor(refusal: Refusal) {
    super(`${refusal.code}: ${refusal.message.en}`);
    this.name = 'PgStoreError';
    this.refusal = refusal;
  }

  /** The refusal's stable code, e.g. `STORE_UNAVAILABLE`. */
  get code(): string {
    return this.refusal.code;
  }
}
