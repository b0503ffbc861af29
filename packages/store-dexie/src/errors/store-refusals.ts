import { text, type Refusal, type Refused } from '@fallkit/core';

/** Stable codes of the refusals the Dexie store adds to the core's `STORE_CONFLICT` and `STORE_MALFORMED_APPEND`. */
export type DexieStoreRefusalCode =
  | 'STORE_UNAVAILABLE'
  | 'STORE_BLOCKED'
  | 'STORE_OUTDATED'
  | 'STORE_QUOTA_EXCEEDED'
  | 'STORE_ABORTED'
  | 'STORE_FAILED'
  | 'STORE_LOCKED'
  | 'STORE_WRONG_KEY'
  | 'STORE_ENCRYPTION_MISMATCH'
  | 'STORE_KEY_MISSING'
  | 'STORE_BACKUP_MALFORMED'
  | 'STORE_BACKUP_WRONG_PASSPHRASE'
  | 'STORE_BACKUP_PASSPHRASE_REQUIRED'
  | 'STORE_BACKUP_UNSUPPORTED_VERSION'
  | 'STORE_BACKUP_TAMPERED'
  | 'STORE_BACKUP_INDEX_MISMATCH'
  | 'STORE_BACKUP_CONTENT_UNSUPPORTED'
  | 'STORE_SEAL_KEY_DAMAGED'
  | 'STORE_WEAK_PASSPHRASE'
  | 'STORE_WEAK_KDF';

const messages: Record<DexieStoreRefusalCode, { message: [string, string]; hint?: [string, string] }> = {
  STORE_UNAVAILABLE: {
    message: [
      'Die lokale Datenbank des Browsers ist nicht verfügbar (z. B. im privaten Modus).',
      "The browser's local database is not available (for example in private mode).",
    ],
    hint: [
      'Öffnen Sie Fallkit in einem normalen Browserfenster oder fragen Sie Ihre IT.',
      'Open Fallkit in a normal browser window or ask your IT team.',
    ],
  },
  STORE_BLOCKED: {
    message: [
      'Die Datenbank wird von einem anderen Tab mit einer älteren Version blockiert.',
      'The database is blocked by another tab running an older version.',
    ],
    hint: [
      'Schließen Sie die anderen Fallkit-Tabs und laden Sie diese Seite neu.',
      'Close the other Fallkit tabs and reload this page.',
    ],
  },
  STORE_OUTDATED: {
    message: [
      'Die Datenbank wurde in einem anderen Tab auf eine neuere Version gebracht.',
      'The database was upgraded to a newer version in another tab.',
    ],
    hint: ['Laden Sie diese Seite neu.', 'Reload this page.'],
  },
  STORE_QUOTA_EXCEEDED: {
    message: [
      'Der Speicherplatz des Browsers ist erschöpft; es wurde nichts gespeichert.',
      "The browser's storage quota is exhausted; nothing was saved.",
    ],
    hint: [
      'Geben Sie Speicherplatz frei oder sichern und bereinigen Sie alte Akten.',
      'Free up storage or back up and remove old cases.',
    ],
  },
  STORE_ABORTED: {
    message: [
      'Der Speichervorgang wurde abgebrochen; es wurde nichts gespeichert.',
      'The write was aborted; nothing was saved.',
    ],
    hint: ['Wiederholen Sie die Eingabe.', 'Repeat your entry.'],
  },
  STORE_FAILED: {
    message: [
      'Die lokale Datenbank hat einen unerwarteten Fehler gemeldet.',
      'The local database reported an unexpected error.',
    ],
  },
  STORE_LOCKED: {
    message: ['Die Falldaten sind gesperrt.', 'The case data are locked.'],
    hint: ['Entsperren Sie die Falldaten mit Ihrem Kennwort.', 'Unlock the case data with your passphrase.'],
  },
  STORE_WRONG_KEY: {
    message: [
      'Das Kennwort oder der Schlüssel passt nicht zu dieser Datenbank.',
      'The passphrase or key does not match this database.',
    ],
  },
  STORE_ENCRYPTION_MISMATCH: {
    message: [
      'Die Verschlüsselungseinstellung passt nicht zu der vorhandenen Datenbank.',
      'The encryption setting does not match the existing database.',
    ],
  },
  STORE_KEY_MISSING: {
    message: [
      'Der Schlüssel dieser Akte fehlt; ihre Inhalte sind nicht lesbar.',
      "This case's key is missing; its content cannot be read.",
    ],
  },
  STORE_BACKUP_MALFORMED: {
    message: [
      'Die Sicherungsdatei ist beschädigt oder kein Fallkit-Backup.',
      'The backup file is damaged or not a Fallkit backup.',
    ],
  },
  STORE_BACKUP_WRONG_PASSPHRASE: {
    message: [
      'Das Kennwort der Sicherung ist falsch, oder die Datei wurde verändert.',
      'The backup passphrase is wrong, or the file was altered.',
    ],
  },
  STORE_BACKUP_PASSPHRASE_REQUIRED: {
    message: ['Diese Sicherung braucht ein Kennwort.', 'This backup needs a passphrase.'],
    hint: [
      'Geben Sie ein Kennwort an oder erlauben Sie ausdrücklich eine unverschlüsselte Sicherung.',
      'Give a passphrase or explicitly allow an unencrypted backup.',
    ],
  },
  STORE_BACKUP_UNSUPPORTED_VERSION: {
    message: [
      'Diese Sicherung stammt aus einer neueren Fallkit-Version.',
      'This backup comes from a newer Fallkit version.',
    ],
  },
  STORE_BACKUP_TAMPERED: {
    message: [
      'Die Sicherung wurde verändert oder ist unvollständig; nichts wurde eingespielt.',
      'The backup was altered or is incomplete; nothing was restored.',
    ],
  },
  STORE_BACKUP_INDEX_MISMATCH: {
    message: [
      'Eine Übersichtszeile der Sicherung passt nicht zu ihrer Akte; nichts wurde eingespielt.',
      'An index row of the backup does not match its case journal; nothing was restored.',
    ],
  },
  STORE_BACKUP_CONTENT_UNSUPPORTED: {
    message: [
      'Die Sicherung enthält Dokumente, aber dieser Speicher kann keine Dokumente aufnehmen; nichts wurde eingespielt.',
      'The backup holds documents, but this store cannot hold documents; nothing was restored.',
    ],
  },
  STORE_SEAL_KEY_DAMAGED: {
    message: [
      'Der Siegelschlüssel der Datenbank ist beschädigt; die Akten können nicht geprüft werden.',
      "The database's seal key is damaged; the case journals cannot be verified.",
    ],
  },
  STORE_WEAK_PASSPHRASE: {
    message: [
      'Das Kennwort ist zu schwach: mindestens 12 Zeichen und geschätzt 60 Bit Zufall (etwa vier zufällige Wörter).',
      'The passphrase is too weak: at least 12 characters and an estimated 60 bits of entropy (about four random words).',
    ],
    hint: [
      'Wählen Sie eine längere Passphrase aus mehreren Wörtern, Ziffern und Zeichen.',
      'Choose a longer passphrase of several words, digits and symbols.',
    ],
  },
  STORE_WEAK_KDF: {
    message: [
      'Zu wenige PBKDF2-Runden: mindestens 600.000 (Empfehlung der OWASP für PBKDF2-SHA-256).',
      'Too few PBKDF2 rounds: at least 600,000 (the OWASP recommendation for PBKDF2-SHA-256).',
    ],
  },
};

/** Builds the refusal for a Dexie store code, with German and English text; `detail` is appended in brackets. */
export function storeRefusal(code: DexieStoreRefusalCode, detail?: string): Refusal {
  const entry = messages[code];
  const suffix = detail ? ` (${detail})` : '';
  return {
    code,
    rule: 'STORE',
    message: text(entry.message[0] + suffix, entry.message[1] + suffix),
    ...(entry.hint ? { hint: text(entry.hint[0], entry.hint[1]) } : {}),
  };
}

/** The refused result for a Dexie store code. */
export function storeRefused(code: DexieStoreRefusalCode, detail?: string): Refused {
  return { ok: false, errors: [storeRefusal(code, detail)] };
}

/**
 * Thrown by the port methods that cannot return a result (`readJournal`, `listCases`, `getCase`,
 * `putIndex`, `deleteStream`) and passed to live-query observers' `error`. Carries the same typed
 * refusal a result would, so a host shows the German or English message.
 */
export class StoreRefusalError extends Error {
  /** The refusal: code, German and English message, hint. */
  readonly refusal: Refusal;

  constructor(refusal: Refusal) {
    super(`${refusal.code}: ${refusal.message.en}`);
    this.name = 'StoreRefusalError';
    this.refusal = refusal;
  }

  /** The refusal's stable code, e.g. `STORE_LOCKED`. */
  get code(): string {
    return this.refusal.code;
  }
}
