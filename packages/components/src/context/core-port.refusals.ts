import { text, type Actor, type Refusal } from '@fallkit/core';

/*
 * The refusals `connectCaseService` gives itself, where the core is not asked: a channel this version of the
 * core lacks, a request naming someone other than the service's actor, a batch the service cannot save as
 * one decision.
 */

/** A channel the connected core does not have. */
export const CHANNEL_MISSING = (): Refusal => ({
  code: 'COMPONENT_CHANNEL_MISSING',
  message: text(
    'Diese Ansicht ist mit dieser Fassung des Kerns nicht verfügbar.',
    'This view is not available with this version of the core.',
  ),
});

/** A request naming another actor than the service's (never carried out as someone else). */
export const ACTOR_MISMATCH = (): Refusal => ({
  code: 'ACTOR_MISMATCH',
  rule: 'SERVICE',
  message: text(
    'Die Anfrage nennt eine andere Person als die angemeldete. Bitte die Seite neu laden.',
    'The request names someone other than the signed-in user. Please reload the page.',
  ),
});

/** A service without `executeBatch` asked to save several commands as one. */
export const BATCH_UNSUPPORTED = (): Refusal => ({
  code: 'COMPONENT_BATCH_UNSUPPORTED',
  rule: 'SERVICE',
  message: text(
    'Dieser Dienst kann mehrere Änderungen nicht gemeinsam speichern; es wurde nichts gespeichert.',
    'This service cannot save several changes together; nothing was saved.',
  ),
});

/** Whether two actors are the same person in the same role and agency. */
export function sameActor(
  a: Pick<Actor, 'id' | 'role' | 'agencyId'>,
  b: Pick<Actor, 'id' | 'role' | 'agencyId'>,
): boolean {
  return a.id === b.id && a.role === b.role && a.agencyId === b.agencyId;
}
