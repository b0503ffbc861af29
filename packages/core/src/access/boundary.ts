import { actorSchema } from '../ports/actor.js';
import type { Refusal } from '../result/refusal.js';
import { privacyRefusal } from '../privacy/reason-codes.js';
import { text } from '../i18n/localized-text.js';
import type { CommandGuard } from '../service/command-guard.js';
import { isReservedStreamId } from './reserved-streams.js';

/**
 * DP-40 at the service boundary: the actor is checked by `actorSchema` (closed roles, agency required,
 * plain bounded tokens, a short name) before anything is read or written. A malformed actor gets one
 * `DENY_INVALID_ACTOR` refusal naming the member at fault; nothing is written.
 */
export function actorRefusals(actor: unknown): Refusal[] {
  const parsed = actorSchema.safeParse(actor);
  if (parsed.success) return [];
  const member = parsed.error.issues[0]?.path[0];
  const field = typeof member === 'string' ? member : undefined;
  return [
    privacyRefusal('DENY_INVALID_ACTOR', {
      path: field === undefined ? ['actor'] : ['actor', field],
      ...(field === undefined ? {} : { detail: text(`Angabe „${field}“.`, `Member "${field}".`) }),
    }),
  ];
}

/** Reserved stream ids (the access logs, the retention log, prototype names) are never a case. */
export function streamIdRefusals(caseId: string): Refusal[] {
  return isReservedStreamId(caseId) ? [privacyRefusal('DENY_RESERVED_STREAM', { path: ['caseId'] })] : [];
}

/**
 * What the case service checks before it reads anything for a command: a valid actor and a case id
 * that is not a reserved stream. The service calls it first; {@link boundaryGuard} runs the same
 * check as the first guard, for pipelines that call guards themselves.
 */
export function boundaryRefusals(actor: unknown, caseId: string | undefined): Refusal[] {
  const invalid = actorRefusals(actor);
  if (invalid.length > 0) return invalid;
  return caseId === undefined ? [] : streamIdRefusals(caseId);
}

/** The first default guard: {@link boundaryRefusals} on the command's actor and case id. */
export const boundaryGuard: CommandGuard = ({ actor, command }) => boundaryRefusals(actor, command.caseId);
