import { text } from '../../i18n/localized-text.js';
import { openAssignmentOf, openAssignmentsOf } from '../../access/periods.js';
import type { CaseState } from '../../model/case-state.js';
import type { Refusal } from '../../result/refusal.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { has, ordered, classification, activeLegalDomain } from '../invariant-checks.js';
import type { handoverInputs } from './inputs.js';

/**
 * The open assignment a command names by user id (and agency): unknown, or ambiguous when the same
 * id is assigned at two agencies and no agency says which (DP-40).
 */
function assignmentTarget(state: CaseState, userId: string, agencyId: string | undefined, field: string): Refusal[] {
  const open = openAssignmentsOf(state, userId, agencyId);
  if (open.length === 0) return [unknownId('UNKNOWN_CASE_MANAGER', [field], userId)];
  if (open.length > 1)
    return [
      // INV-HAND-06
      domainRefusal(
        'AMBIGUOUS_CASE_MANAGER',
        [field === 'replaces' ? 'replacesAgencyId' : 'agencyId'],
        text(
          'Diese Kennung ist bei mehreren Stellen zugeordnet: die Stelle angeben.',
          'This id is assigned at several agencies: give the agency.',
        ),
      ),
    ];
  return [];
}

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const handoverInvariants: { readonly [T in keyof typeof handoverInputs]?: InvariantCheck<T> } = {
  changeLeadAgency: (state, input) => {
    const s = state as CaseState;
    const current = s.leadAgencies.at(-1);
    return [
      ...(current?.agencyId === input.to.agencyId && current.legalDomain === input.legalDomain
        ? [
            // INV-HAND-01
            domainRefusal(
              'SAME_LEAD_AGENCY',
              ['to', 'agencyId'],
              text('Diese Stelle ist bereits federführend.', 'This agency already leads the case.'),
            ),
          ]
        : []),
      ...ordered(
        current?.from,
        input.effectiveFrom,
        ['effectiveFrom'],
        'dem Beginn der bisherigen Federführung / the start of the current lead',
      ),
      ...(input.involvedUntil !== undefined && input.involvedUntil < input.effectiveFrom
        ? [
            // INV-HAND-02
            domainRefusal(
              'TRANSITION_BEFORE_HANDOVER',
              ['involvedUntil'],
              text(
                'Die Übergangszeit kann nicht vor dem Wechsel der Federführung enden.',
                'The transition period cannot end before the change of lead agency.',
              ),
            ),
          ]
        : []),
      ...(input.endsLegalDomain !== undefined && !activeLegalDomain(s, input.endsLegalDomain)
        ? [
            // INV-HAND-03
            domainRefusal(
              'LEGAL_DOMAIN_NOT_ACTIVE',
              ['endsLegalDomain'],
              text(
                `Rechtskreis ${input.endsLegalDomain} ist in dieser Akte nicht aktiv.`,
                `Legal domain ${input.endsLegalDomain} is not active in this case.`,
              ),
            ),
          ]
        : []),
      ...(input.conference?.participants ?? []).flatMap((p, index) =>
        p.personId !== undefined && !has(s.persons, p.personId)
          ? [unknownId('UNKNOWN_PERSON', ['conference', 'participants', index, 'personId'], p.personId)]
          : [],
      ),
      ...classification(s, input),
    ];
  },
  assignCaseManager: (state, input) => {
    const s = state as CaseState;
    const active = s.caseManagers.filter((p) => p.to === undefined);
    return [
      ...(active.some((p) => p.userId === input.userId && p.agencyId === input.agencyId && p.role === input.role)
        ? [
            // INV-HAND-04
            domainRefusal(
              'CASE_MANAGER_ALREADY_ASSIGNED',
              ['userId'],
              text(
                'Diese Person ist dem Fall bereits in dieser Rolle zugeordnet.',
                'This user is already assigned to the case in this role.',
              ),
            ),
          ]
        : []),
      ...(input.replaces === undefined ? [] : assignmentTarget(s, input.replaces, input.replacesAgencyId, 'replaces')),
    ];
  },
  endCaseManagerAssignment: (state, input) => {
    const active = (state as CaseState).caseManagers.filter((p) => p.to === undefined);
    const target = assignmentTarget(state as CaseState, input.userId, input.agencyId, 'userId');
    if (target.length > 0) return target;
    const period = openAssignmentOf(state as CaseState, input.userId, input.agencyId)!;
    const otherPrimary = active.some((p) => p !== period && p.role === 'primary');
    return period.role === 'primary' && !otherPrimary
      ? [
          // INV-HAND-05
          domainRefusal(
            'LAST_CASE_MANAGER',
            ['userId'],
            text(
              'Ein Fall braucht eine fallverantwortliche Person: zuerst eine Nachfolge zuordnen.',
              'A case needs a responsible case manager: assign a successor first.',
            ),
          ),
        ]
      : [];
  },
};
