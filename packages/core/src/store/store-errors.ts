import { text } from '../i18n/localized-text.js';
import type { Refused } from '../result/refusal.js';

/** Refusal for an append whose expected sequence number is stale: someone else wrote first. */
export function conflictRefusal(caseId: string, expectedSeq: number, actualSeq: number): Refused {
  return {
    ok: false,
    errors: [
      {
        code: 'STORE_CONFLICT',
        rule: 'STORE',
        message: text(
          `Die Akte wurde inzwischen an anderer Stelle geändert (erwartet Stand ${expectedSeq}, vorhanden ${actualSeq}).`,
          `The case was changed elsewhere in the meantime (expected version ${expectedSeq}, found ${actualSeq}).`,
        ),
        hint: text('Laden Sie die Akte neu und wiederholen Sie die Eingabe.', 'Reload the case and repeat your entry.'),
        path: [caseId],
      },
    ],
  };
}

/** Refusal for an append whose events do not continue the stream (wrong numbering or chain). */
export function malformedAppendRefusal(caseId: string, detail: string): Refused {
  return {
    ok: false,
    errors: [
      {
        code: 'STORE_MALFORMED_APPEND',
        rule: 'STORE',
        message: text(
          `Die Ereignisse passen nicht an das Ende der Akte (${detail}).`,
          `The events do not continue the case journal (${detail}).`,
        ),
        path: [caseId],
      },
    ],
  };
}

/**
 * Refusal for an append whose `commandId` was already stored: the command was carried out before
 * (a retry). The case service answers it with the original outcome.
 */
export function duplicateCommandRefusal(caseId: string, commandId: string): Refused {
  return {
    ok: false,
    errors: [
      {
        code: 'STORE_DUPLICATE_COMMAND',
        rule: 'STORE',
        message: text(
          `Dieser Befehl (${commandId}) wurde schon gespeichert; er wird nicht noch einmal geschrieben.`,
          `This command (${commandId}) was already stored; it is not written again.`,
        ),
        path: [caseId, 'commandId'],
      },
    ],
  };
}

/** The distinct command ids the events of an append carry. */
export function commandIdsOf(events: readonly { readonly commandId?: string }[]): string[] {
  const ids = new Set<string>();
  for (const event of events) if (event.commandId !== undefined) ids.add(event.commandId);
  return [...ids];
}
