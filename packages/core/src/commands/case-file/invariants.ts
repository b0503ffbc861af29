import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import type { IssuePath, Refusal } from '../../result/refusal.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { has, persons, notFuture, ordered, classification } from '../invariant-checks.js';
import type { caseFileInputs } from './inputs.js';

/** Represented persons exist and a representation does not end before it starts. */
function representationChecks(
  state: CaseState,
  representations:
    readonly { forPersonId: string; from?: string | undefined; until?: string | undefined }[] | undefined,
  path: IssuePath,
): Refusal[] {
  return (representations ?? []).flatMap((representation, index) => [
    ...(has(state.persons, representation.forPersonId)
      ? []
      : [unknownId('UNKNOWN_PERSON', [...path, index, 'forPersonId'], representation.forPersonId)]),
    ...ordered(representation.from, representation.until, [...path, index, 'until'], 'from'),
  ]);
}

/** INV-CASE-02: every relation names another person of the case, never the person itself. */
function relationChecks(
  state: CaseState,
  self: string | undefined,
  relations: readonly { toPersonId: string }[] | undefined,
  path: IssuePath,
): Refusal[] {
  return (relations ?? []).flatMap((relation, index) =>
    relation.toPersonId === self
      ? [
          domainRefusal(
            'RELATION_TO_SELF',
            [...path, index, 'toPersonId'],
            text('Eine Beziehung verbindet zwei verschiedene Personen.', 'A relation links two different persons.'),
          ),
        ]
      : has(state.persons, relation.toPersonId)
        ? []
        : [unknownId('UNKNOWN_PERSON', [...path, index, 'toPersonId'], relation.toPersonId)],
  );
}

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const caseFileInvariants: { readonly [T in keyof typeof caseFileInputs]?: InvariantCheck<T> } = {
  openCase: (_state, input, context) => [
    ...notFuture(input.openedOn, ['openedOn'], context),
    ...notFuture(input.addressee.birthDate, ['addressee', 'birthDate'], context),
    ...classification(undefined, input.addressee),
  ],
  addPerson: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...notFuture(input.birthDate, ['birthDate'], context),
      ...representationChecks(s, input.representations, ['representations']),
      ...relationChecks(s, undefined, input.relations, ['relations']),
      ...(input.roles.includes('addressee')
        ? [
            // INV-CASE-01
            domainRefusal(
              'ADDRESSEE_ROLE_REQUIRED',
              ['roles'],
              text('Eine Akte hat genau eine Adressatin / einen Adressaten.', 'A case has exactly one addressee.'),
            ),
          ]
        : []),
      ...classification(s, input),
    ];
  },
  updatePerson: (state, input, context) => {
    const s = state as CaseState;
    if (!has(s.persons, input.personId)) return [unknownId('UNKNOWN_PERSON', ['personId'], input.personId)];
    const refusals: Refusal[] = [
      ...notFuture(input.changes.birthDate, ['changes', 'birthDate'], context),
      ...representationChecks(s, input.changes.representations, ['changes', 'representations']),
      ...relationChecks(s, input.personId, input.changes.relations, ['changes', 'relations']),
      ...persons(s, input.changes.subjectIds, ['changes', 'subjectIds']),
    ];
    const roles = input.changes.roles;
    if (roles !== undefined && (input.personId === s.addresseeId) !== roles.includes('addressee')) {
      refusals.push(
        // INV-CASE-01
        domainRefusal(
          'ADDRESSEE_ROLE_REQUIRED',
          ['changes', 'roles'],
          text(
            'Die Rolle „Adressat/in“ bleibt bei der Person, für die die Akte geführt wird.',
            'The addressee role stays with the person the case is about.',
          ),
        ),
      );
    }
    if (Object.keys(input.changes).length === 0) {
      refusals.push(
        domainRefusal('NOTHING_TO_CHANGE', ['changes'], text('Keine Änderung angegeben.', 'No change given.')),
      );
    }
    return refusals;
  },
  recordResidenceStatus: (state, input, context) => [
    ...(input.personId !== undefined && !has((state as CaseState).persons, input.personId)
      ? [unknownId('UNKNOWN_PERSON', ['personId'], input.personId)]
      : []),
    ...notFuture(input.from, ['from'], context),
    ...ordered(input.from, input.validUntil, ['validUntil'], 'from'),
    ...classification(state, input),
  ],
};
