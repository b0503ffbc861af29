import { text } from '../i18n/localized-text.js';
import type { IssuePath, Refusal, Refused } from '../result/refusal.js';

function isRefusal(value: unknown): value is Refusal {
  if (value === null || typeof value !== 'object') return false;
  const { code, message } = value as { code?: unknown; message?: { de?: unknown; en?: unknown } };
  return typeof code === 'string' && typeof message?.de === 'string' && typeof message.en === 'string';
}

/**
 * A store that throws instead of answering (a locked encrypted store, a closed database, a broken
 * back end) becomes a refusal: the store's own typed refusal where the error carries one (the Dexie
 * store's `StoreRefusalError` has `refusal`, e.g. `STORE_LOCKED`), `STORE_FAILED` otherwise.
 */
export function storeFailure(error: unknown, caseId?: string): Refused {
  const carried = (error as { refusal?: unknown } | null)?.refusal;
  if (isRefusal(carried)) return { ok: false, errors: [carried] };
  return {
    ok: false,
    errors: [
      {
        code: 'STORE_FAILED',
        rule: 'STORE',
        message: text(
          'Der Speicher hat nicht geantwortet; es wurde nichts gespeichert.',
          'The store did not answer; nothing was saved.',
        ),
        hint: text('Versuchen Sie es erneut oder laden Sie die Seite neu.', 'Try again or reload the page.'),
        ...(caseId === undefined ? {} : { path: [caseId] }),
      },
    ],
  };
}

/**
 * A stored event the service cannot read (no payload, a broken envelope, a payload the fold cannot
 * apply): the case is not worked on until someone looks at the journal, and nothing is written.
 */
export function unreadableJournal(caseId: string, seq: number | undefined): Refused {
  const where = seq === undefined ? '' : ` (Ereignis ${seq})`;
  const whereEn = seq === undefined ? '' : ` (event ${seq})`;
  return {
    ok: false,
    errors: [
      {
        code: 'JOURNAL_UNREADABLE',
        rule: 'DP-38',
        message: text(
          `Die gespeicherte Akte „${caseId}“ ist nicht lesbar${where}; es wurde nichts geändert.`,
          `The stored case "${caseId}" cannot be read${whereEn}; nothing was changed.`,
        ),
        hint: text(
          'Prüfen Sie die Akte (Journal prüfen) oder spielen Sie eine Sicherung ein.',
          'Verify the case journal or restore a backup.',
        ),
        path: seq === undefined ? [caseId] : [caseId, seq],
      },
    ],
  };
}

/**
 * A bug in a handler, guard or module (it threw): refused as `INTERNAL_ERROR` naming the command, so
 * a save never half-happens and the caller never sees an exception.
 */
export function internalFailure(error: unknown, path: IssuePath = []): Refused {
  const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown';
  return {
    ok: false,
    errors: [
      {
        code: 'INTERNAL_ERROR',
        rule: 'SERVICE',
        message: text(
          `Interner Fehler (${detail}); es wurde nichts gespeichert.`,
          `Internal error (${detail}); nothing was saved.`,
        ),
        ...(path.length === 0 ? {} : { path }),
      },
    ],
  };
}
