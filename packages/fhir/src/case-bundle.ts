import { visibleState, type CaseConsents, type CaseView } from '@fallkit/core';
import type { FhirBundle, FhirResource } from './fhir-types.js';
import { fhirId } from './ids.js';
import { observationsOf } from './resources/assessments.js';
import { carePlansOf } from './resources/care-plans.js';
import { consentsOf } from './resources/consents.js';
import { encountersOf, flagsOf } from './resources/flags-and-contacts.js';
import { goalsOf } from './resources/goals.js';
import { careTeamOf, organisationsOf } from './resources/organisation.js';
import { patientOf, relatedPersonOf } from './resources/people.js';
import { referralsOf } from './resources/referrals.js';
import { localCodeSystems, localCoding } from './terminology/code-systems.js';

/** The base of the Bundle's `fullUrl`s; no server answers there (the export is a file). */
export const DEFAULT_FHIR_BASE = 'https://fallkit.example/fhir';

/** What a Bundle is made of: a decided view of the case for one actor, and what else that actor may see. */
export interface CaseBundleInput {
  /** The case as the actor may see it (`views.viewCase`): withheld items are left out, never exported. */
  readonly view: CaseView;
  /** The consents the actor may see (`views.consents`), for the Consent resources. */
  readonly consents?: CaseConsents;
  /** When the Bundle is made (the clock port's now). */
  readonly generatedAt: string;
  /** The local date the periods are judged on; the date of `generatedAt` if absent. */
  readonly today?: string;
  readonly base?: string;
  /** Leave the local CodeSystem resources out (a receiver that knows them already). */
  readonly withoutCodeSystems?: boolean;
}

/** The v3 security label of a Bundle made from a view that withheld something. */
const REDACTED = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'REDACTED',
  display: 'redacted',
};

/**
 * A case view as a FHIR R4 Bundle (type `collection`): EpisodeOfCare with its CareTeam (lead agencies,
 * case managers), Patient and RelatedPersons, an Observation per assessed life domain, Goals, CarePlans
 * (versions linked by `replaces`), ServiceRequest + Task per referral, Consents with provisions, Flags
 * for crises, Encounters for contacts, and the local CodeSystems. Pure. Built from the decided view,
 * never from the journal: what the view withholds is not in the Bundle, which then carries the
 * `REDACTED` security label. No conformance to any national or US profile is claimed (docs/fhir.md).
 */
export function caseBundle(input: CaseBundleInput): FhirBundle {
  const { view, generatedAt } = input;
  const base = input.base ?? DEFAULT_FHIR_BASE;
  const today = input.today ?? generatedAt.slice(0, 10);
  const state = visibleState(view);
  const names = new Map<string, string>();
  const addressee = state.persons.find((p) => p.id === state.addresseeId);
  const resources: FhirResource[] = [
    ...(input.withoutCodeSystems === true ? [] : localCodeSystems()),
    ...(addressee === undefined ? [] : [patientOf(addressee, state)]),
    ...state.persons.filter((p) => p.id !== state.addresseeId).map((p) => relatedPersonOf(state, p)),
    ...careTeamOf(state, today, names),
    ...observationsOf(state),
    ...goalsOf(state),
    ...carePlansOf(state, names),
    ...referralsOf(state, today, names),
    ...consentsOf(state, input.consents?.consents ?? [], today, names),
    ...flagsOf(state),
    ...encountersOf(state),
  ];
  resources.push(...organisationsOf(names));
  return {
    resourceType: 'Bundle',
    id: fhirId('case', state.caseId),
    meta: {
      lastUpdated: generatedAt,
      tag: [localCoding('purpose', view.purpose.split(':')[0]!)],
      ...(view.redacted > 0 ? { security: [REDACTED] } : {}),
    },
    type: 'collection',
    timestamp: generatedAt,
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
