import type { Actor } from '../ports/actor.js';
import { privacyRefusal } from '../privacy/reason-codes.js';
import { ok, refused, type Result } from '../result/refusal.js';
import { text } from '../i18n/localized-text.js';
import { actorRefusals } from './boundary.js';
import { commandAccess } from './command-access.js';
import type { HumanRole } from './roles.js';

/**
 * The kinds of signed message a handover inbox carries between agencies on one server: the package itself,
 * the recipient's status messages (received, accepted, declined) and the sender's consent withdrawals.
 */
export const HANDOVER_INBOX_KINDS = ['package', 'status', 'withdrawal'] as const;

/** One of {@link HANDOVER_INBOX_KINDS}. */
export type HandoverInboxKind = (typeof HANDOVER_INBOX_KINDS)[number];

/**
 * What an actor asks of a handover inbox: to `deliver` a message of `kind` that names `agencyId` as its
 * sender, or to `read` (list, fetch, acknowledge) the inbox of `agencyId`.
 */
export type HandoverInboxRequest =
  | { readonly action: 'deliver'; readonly kind: HandoverInboxKind; readonly agencyId: string }
  | { readonly action: 'read'; readonly agencyId: string };

/**
 * The command whose declaration says who may take each step, so that the inbox follows the same roles as
 * the journal does (DP-40): whoever may record the transfer may send the package and its withdrawals,
 * whoever may record a handover status may send a status message, and whoever may open a case from a
 * package may read the inbox it arrives in.
 */
const STEP_COMMAND = {
  package: 'transferData',
  status: 'recordHandoverStatus',
  withdrawal: 'transferData',
  read: 'openCaseFromHandover',
} as const;

function rolesOf(commandType: string): readonly HumanRole[] {
  const access = commandAccess(commandType);
  return access === undefined ? [] : [...new Set(access.clauses.flatMap((clause) => clause.roles))];
}

/**
 * The decision for a handover inbox on a shared server (DP-40, DP-16): a valid actor (never `system`, never
 * a role the step's command does not admit) of the agency the message comes from, or whose inbox it is.
 * The server's routes ask this and nothing else; the signature and the package itself are checked by the
 * recipient (`verifyHandoverPackage`), whose own journal decides what it opens.
 *
 * Answers the validated actor, or a refusal: `DENY_INVALID_ACTOR` for a malformed actor,
 * `DENY_HANDOVER_INBOX` for a role or an agency that may not.
 */
export function decideHandoverInbox(actor: unknown, request: HandoverInboxRequest): Result<Actor> {
  const invalid = actorRefusals(actor);
  if (invalid.length > 0) return refused(invalid[0]!, ...invalid.slice(1));
  const who = actor as Actor;
  const step = request.action === 'read' ? 'read' : request.kind;
  const roles = rolesOf(STEP_COMMAND[step]) as readonly string[];
  if (!roles.includes(who.role))
    return refused(
      privacyRefusal('DENY_HANDOVER_INBOX', {
        rule: 'DP-40',
        path: ['actor', 'role'],
        detail: text(`Rolle „${who.role}“.`, `Role "${who.role}".`),
      }),
    );
  if (who.agencyId !== request.agencyId)
    return refused(privacyRefusal('DENY_HANDOVER_INBOX', { rule: 'DP-16', path: ['actor', 'agencyId'] }));
  return ok(who);
}
