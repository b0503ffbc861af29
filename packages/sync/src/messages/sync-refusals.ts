import { text, type Refusal } from '@fallkit/core';

/** The refusal codes the sync client itself gives (the server's and the core's codes pass through unchanged). */
export type SyncClientCode =
  | 'SYNC_OFFLINE'
  | 'SYNC_SERVER_ERROR'
  | 'SYNC_ANSWER_MALFORMED'
  | 'SYNC_JOURNAL_REFUSED'
  | 'SYNC_CONFLICT_UNKNOWN'
  | 'SYNC_REASON_MISSING'
  | 'SYNC_LOCKED'
  | 'SYNC_DEVICE_ERROR';

const MESSAGES: Record<SyncClientCode, (detail: string) => Refusal['message']> = {
  SYNC_OFFLINE: () =>
    text(
      'Keine Verbindung zum Server. Die Änderungen bleiben auf diesem Gerät und werden später gesendet.',
      'No connection to the server. The changes stay on this device and are sent later.',
    ),
  SYNC_SERVER_ERROR: (detail) =>
    text(`Der Server hat mit einem Fehler geantwortet (${detail}).`, `The server answered with an error (${detail}).`),
  SYNC_ANSWER_MALFORMED: (detail) =>
    text(
      `Die Antwort des Servers war nicht lesbar (${detail}); es wurde nichts übernommen.`,
      `The server's answer could not be read (${detail}); nothing was taken over.`,
    ),
  SYNC_JOURNAL_REFUSED: (detail) =>
    text(
      `Eine empfangene Akte hat die Prüfung nicht bestanden (${detail}); sie wurde nicht gespeichert.`,
      `A received case failed verification (${detail}); it was not stored.`,
    ),
  SYNC_CONFLICT_UNKNOWN: (detail) =>
    text(`Den Konflikt „${detail}“ gibt es nicht (mehr).`, `There is no (longer a) conflict "${detail}".`),
  SYNC_REASON_MISSING: () =>
    text(
      'Bitte einen Grund angeben, warum die eigene Änderung verworfen wird.',
      'Please give a reason why your own change is discarded.',
    ),
  SYNC_DEVICE_ERROR: (detail) =>
    text(
      `Beim Abgleich ist auf diesem Gerät ein Fehler aufgetreten (${detail}); es ging nichts verloren, es wird erneut versucht.`,
      `An error occurred on this device while syncing (${detail}); nothing was lost, it is tried again.`,
    ),
  SYNC_LOCKED: () =>
    text(
      'Der lokale Speicher ist gesperrt; bitte entsperren, dann wird weiter abgeglichen.',
      'The local store is locked; please unlock it and syncing continues.',
    ),
};

/** A typed refusal of the sync client, in German and English. */
export function syncRefusal(code: SyncClientCode, detail = ''): Refusal {
  return { code, rule: 'SYNC', message: MESSAGES[code](detail) };
}
