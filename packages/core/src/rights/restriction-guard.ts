import type { CommandGuard } from '../service/command-guard.js';
import { privacyRefusal } from '../privacy/reason-codes.js';
import { text } from '../i18n/localized-text.js';
import { foldRights } from './rights-state.js';
import { RIGHTS_COMMAND_TYPES } from './rights-commands.js';

/**
 * DP-31/DP-32 in the command pipeline: a restricted case accepts only the data-subject-rights
 * commands (lift the restriction, answer requests, erase), and an erased case accepts nothing else
 * either. Restricted data are kept for the blocking reason only, not worked on.
 */
export const restrictionGuard: CommandGuard = (context) => {
  const { journal } = context;
  if (journal.length === 0 || RIGHTS_COMMAND_TYPES.includes(context.command.type)) return [];
  const rights = context.rights ?? foldRights(journal);
  if (rights.erased) {
    return [
      privacyRefusal('ERASED', {
        rule: 'DP-32',
        detail: text(
          'Die Akte wurde gelöscht; es kann nichts mehr erfasst werden.',
          'The case was erased; nothing can be recorded any more.',
        ),
      }),
    ];
  }
  if (rights.restricted) {
    return [
      privacyRefusal('REDACT_RESTRICTED', {
        rule: 'DP-31',
        detail: text(
          'Nur Betroffenenrechte können noch ausgeübt werden.',
          'Only data-subject rights can still be exercised.',
        ),
      }),
    ];
  }
  return [];
};
