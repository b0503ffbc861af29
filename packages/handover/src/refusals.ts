import { refused, text, type Refusal, type Result } from '@fallkit/core';

/**
 * Why a handover package (or a status message, or a withdrawal notice) was refused. Stable codes for
 * machines; every refusal also carries a German and an English sentence.
 */
export const HANDOVER_REFUSALS = {
  HANDOVER_MALFORMED: text('Das ist kein lesbares Übergabepaket.', 'This is not a readable handover package.'),
  HANDOVER_UNSIGNED: text(
    'Das Übergabepaket ist nicht signiert und wird nicht angenommen.',
    'The handover package is not signed and is not accepted.',
  ),
  HANDOVER_UNKNOWN_SENDER_KEY: text(
    'Der Schlüssel, mit dem das Paket signiert ist, gehört keiner bekannten absendenden Stelle.',
    'The key the package is signed with belongs to no known sending agency.',
  ),
  HANDOVER_SIGNATURE_INVALID: text(
    'Die Signatur passt nicht zum Inhalt: Das Paket wurde verändert oder ist beschädigt.',
    'The signature does not match the content: the package was changed or is damaged.',
  ),
  HANDOVER_DECRYPT_FAILED: text(
    'Das verschlüsselte Paket lässt sich mit dem Schlüssel dieser Stelle nicht öffnen: Es wurde verändert oder ist beschädigt.',
    "The encrypted package cannot be opened with this agency's key: it was changed or is damaged.",
  ),
  HANDOVER_ENCRYPTED_FOR_ANOTHER_KEY: text(
    'Das Paket ist für einen anderen Schlüssel verschlüsselt (eine andere Stelle oder ein anderes Gerät); die absendende Stelle kann es für diese Stelle neu verschlüsseln.',
    'The package is encrypted for another key (another agency or another device); the sending agency can encrypt it again for this one.',
  ),
  HANDOVER_MANIFEST_INVALID: text(
    'Das Manifest des Pakets ist unvollständig oder ungültig.',
    "The package's manifest is incomplete or invalid.",
  ),
  HANDOVER_SENDER_MISMATCH: text(
    'Das Paket nennt eine andere absendende Stelle als die, deren Schlüssel es signiert hat.',
    'The package names another sender than the agency whose key signed it.',
  ),
  HANDOVER_WRONG_RECIPIENT: text(
    'Das Paket ist an eine andere Stelle gerichtet.',
    'The package is addressed to another agency.',
  ),
  HANDOVER_EXPIRED: text(
    'Das Paket ist abgelaufen; die absendende Stelle muss es neu erstellen.',
    'The package has expired; the sending agency must build it again.',
  ),
  HANDOVER_NOT_YET_VALID: text(
    'Das Paket ist auf einen Zeitpunkt in der Zukunft datiert.',
    'The package is dated in the future.',
  ),
  HANDOVER_ITEM_HASH_MISMATCH: text(
    'Ein Eintrag des Pakets passt nicht zu seinem Hash im Manifest.',
    'An item of the package does not match its hash in the manifest.',
  ),
  HANDOVER_REPLAYED: text(
    'Dieses Paket wurde schon empfangen; eine Wiederholung wird nicht angenommen.',
    'This package was received before; a replay is not accepted.',
  ),
  HANDOVER_DECISION_CHANGED: text(
    'Die Entscheidung über die Übermittlung hat sich während des Erstellens geändert; bitte neu erstellen.',
    'The transfer decision changed while the package was built; please build it again.',
  ),
  HANDOVER_NOTHING_TO_SEND: text(
    'Nach der Entscheidung bleibt nichts, was übergeben werden darf.',
    'After the decision nothing remains that may be handed over.',
  ),
  HANDOVER_UNKNOWN_PACKAGE: text(
    'Zu dieser Nachricht gibt es kein bekanntes Übergabepaket.',
    'There is no known handover package for this message.',
  ),
  HANDOVER_INBOX_OFFLINE: text(
    'Das Übergabe-Postfach des Servers ist nicht erreichbar; bitte später erneut versuchen.',
    "The server's handover inbox cannot be reached; please try again later.",
  ),
  HANDOVER_INBOX_ANSWER_INVALID: text(
    'Das Übergabe-Postfach des Servers hat unlesbar geantwortet.',
    "The server's handover inbox gave an unreadable answer.",
  ),
  HANDOVER_KEY_CONFLICT: text(
    'Unter dieser Schlüsselkennung ist schon ein anderer Schlüssel (oder der einer anderen Stelle) veröffentlicht.',
    'Another key (or one of another agency) is already published under this key id.',
  ),
  HANDOVER_KEY_UNKNOWN: text(
    'Diese Stelle hat keinen Schlüssel mit dieser Kennung veröffentlicht.',
    'This agency has published no key with this key id.',
  ),
  HANDOVER_KEY_WITHDRAWN: text(
    'Dieser Schlüssel wurde zurückgezogen und wird nicht wieder veröffentlicht; bitte einen neuen Schlüssel erzeugen.',
    'This key was withdrawn and is not published again; please generate a new key.',
  ),
  HANDOVER_KEY_LIMIT: text(
    'Diese Stelle hat die Höchstzahl veröffentlichter Schlüssel erreicht.',
    'This agency has reached the maximum number of published keys.',
  ),
  HANDOVER_NO_ENCRYPTION_KEY: text(
    'Die empfangende Stelle hat keinen Schlüssel zum Verschlüsseln veröffentlicht; eine Übergabe als Datei ist so nicht möglich.',
    'The receiving agency has published no encryption key; a handover as a file is not possible like this.',
  ),
  HANDOVER_KEY_INVALID: text(
    'Das ist kein öffentlicher Schlüssel zum Signieren (ES256 oder EdDSA) oder Verschlüsseln (ECDH-ES auf P-256), oder er enthält einen privaten Teil.',
    'This is not a public key for signing (ES256 or EdDSA) or encrypting (ECDH-ES on P-256), or it holds a private part.',
  ),
} as const;

/** A refusal code of the handover package. */
export type HandoverRefusalCode = keyof typeof HANDOVER_REFUSALS;

/** The rule a handover refusal rests on. */
const RULES: Partial<Record<HandoverRefusalCode, string>> = {
  HANDOVER_WRONG_RECIPIENT: 'DP-16, DP-17',
  HANDOVER_EXPIRED: 'DP-16',
  HANDOVER_REPLAYED: 'DP-16, DP-44',
  HANDOVER_NOTHING_TO_SEND: 'DP-17',
  HANDOVER_KEY_CONFLICT: 'DP-40, DP-44',
  HANDOVER_KEY_LIMIT: 'DP-44',
  HANDOVER_KEY_UNKNOWN: 'DP-44',
  HANDOVER_KEY_WITHDRAWN: 'DP-44',
  HANDOVER_KEY_INVALID: 'DP-44',
  HANDOVER_NO_ENCRYPTION_KEY: 'DP-16',
};

/** The typed refusal of a code, with a detail appended to both sentences if given. */
export function handoverRefusal(code: HandoverRefusalCode, detail?: string): Refusal {
  const message = HANDOVER_REFUSALS[code];
  return {
    code,
    rule: RULES[code] ?? 'DP-16, DP-44',
    message: detail === undefined ? message : text(`${message.de} (${detail})`, `${message.en} (${detail})`),
  };
}

/** A refused result of one code. */
export function refuse<T>(code: HandoverRefusalCode, detail?: string): Result<T> {
  return refused(handoverRefusal(code, detail));
}
