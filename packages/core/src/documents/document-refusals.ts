import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { Refusal } from '../result/refusal.js';

/** Codes of the document reader and writer's own refusals (the command's are the service's). */
export const DOCUMENT_REFUSAL_CODES = [
  'DOCUMENT_STORE_UNSUPPORTED',
  'DOCUMENT_CONTENT_MISMATCH',
  'DOCUMENT_CONTENT_NOT_STORED',
  'DOCUMENT_CONTENT_MISSING',
  'DOCUMENT_CONTENT_TAMPERED',
  'DOCUMENT_WITHHELD',
  'DOCUMENT_REMOVED',
  'UNKNOWN_DOCUMENT',
] as const;

/** One of {@link DOCUMENT_REFUSAL_CODES}. */
export type DocumentRefusalCode = (typeof DOCUMENT_REFUSAL_CODES)[number];

const MESSAGES: Readonly<Record<DocumentRefusalCode, readonly [string, LocalizedText]>> = {
  DOCUMENT_STORE_UNSUPPORTED: [
    'SERVICE',
    text('Dieser Speicher kann keine Dokumente aufnehmen.', 'This store cannot hold documents.'),
  ],
  DOCUMENT_CONTENT_MISMATCH: [
    'SCHEMA',
    text(
      'Die Datei stimmt nicht mit ihrer Beschreibung überein (Größe oder Prüfsumme); nichts wurde gespeichert.',
      'The file does not match its description (size or checksum); nothing was saved.',
    ),
  ],
  DOCUMENT_CONTENT_NOT_STORED: [
    'SERVICE',
    text(
      'Die Datei konnte nicht gespeichert werden; das Dokument wurde wieder aus der Akte genommen.',
      'The file could not be stored; the document was taken out of the file again.',
    ),
  ],
  DOCUMENT_CONTENT_MISSING: [
    'SERVICE',
    text(
      'Der Inhalt dieses Dokuments liegt auf diesem Gerät nicht vor.',
      'The content of this document is not on this device.',
    ),
  ],
  DOCUMENT_CONTENT_TAMPERED: [
    'DP-44',
    text(
      'Der gespeicherte Inhalt stimmt nicht mit der Prüfsumme in der Akte überein und wird nicht geöffnet.',
      'The stored content does not match the checksum in the file and is not opened.',
    ),
  ],
  DOCUMENT_WITHHELD: [
    'DP-03',
    text('Dieses Dokument ist für Ihre Aufgabe zurückgehalten.', 'This document is withheld for your task.'),
  ],
  DOCUMENT_REMOVED: [
    'DP-32',
    text('Dieses Dokument wurde aus der Akte genommen.', 'This document was removed from the file.'),
  ],
  UNKNOWN_DOCUMENT: [
    'DP-23',
    text('Dieses Dokument gibt es in dieser Akte nicht.', 'There is no such document in this case.'),
  ],
};

/** A typed refusal of the document reader or writer, in German and English. */
export function documentRefusal(code: DocumentRefusalCode): Refusal {
  const [rule, message] = MESSAGES[code];
  return { code, rule, message };
}
