import type { Assessment, CaseState } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { ASSESSMENT_ASPECTS, localCoding } from '../terminology/code-systems.js';

const TEXT_ASPECTS = [
  'resources',
  'problems',
  'personView',
  'caseManagerView',
  'agreedInterpretation',
  'dissent',
] as const;

/** The FHIR id of a life domain's Observation. */
export function observationId(assessmentId: string, domainId: string): string {
  return fhirId(assessmentId, domainId);
}

/**
 * One Observation per life domain of each assessment version the view shows: the domain as code (local
 * code system), each text of it as a component, the rating as a component. A confirmed assessment is
 * `final`, a recorded one `preliminary`; a later version's Observations are `derivedFrom` the earlier.
 */
export function observationsOf(state: CaseState): FhirResource[] {
  const out: FhirResource[] = [];
  const byId = new Map(state.assessments.map((a) => [a.id, a]));
  for (const assessment of state.assessments) {
    for (const domain of assessment.domains ?? []) {
      const components: Record<string, unknown>[] = [];
      for (const aspect of TEXT_ASPECTS) {
        const value = domain[aspect];
        if (typeof value === 'string' && value.trim() !== '')
          components.push({ code: { coding: [localCoding('assessment-aspect', aspect)] }, valueString: value });
      }
      if (domain.rating !== undefined)
        components.push({
          code: { coding: [localCoding('assessment-aspect', 'rating')], text: ASSESSMENT_ASPECTS.rating.de },
          ...(typeof domain.rating.value === 'number'
            ? { valueQuantity: { value: domain.rating.value, unit: domain.rating.scaleId } }
            : { valueString: `${domain.rating.value} (${domain.rating.scaleId})` }),
        });
      const earlier = assessment.supersedesId === undefined ? undefined : byId.get(assessment.supersedesId);
      const before = earlier?.domains?.some((d) => d.domainId === domain.domainId) === true;
      out.push({
        resourceType: 'Observation',
        id: observationId(assessment.id, domain.domainId),
        status: assessment.status === 'confirmed' ? 'final' : 'preliminary',
        category: [{ coding: [localCoding('resource-kind', 'lifeDomainAssessment')] }],
        code: { coding: [localCoding('life-domain', domain.domainId)] },
        subject: ref('Patient', fhirId(state.addresseeId)),
        focus: (domain.subjectIds ?? [])
          .filter((id) => id !== state.addresseeId && state.persons.some((p) => p.id === id))
          .map((id) => ref('RelatedPerson', fhirId(id))),
        effectiveDateTime: (assessment as Assessment).recordedOn,
        issued: assessment.recordedAt,
        ...(before ? { derivedFrom: [ref('Observation', observationId(earlier!.id, domain.domainId))] } : {}),
        component: components,
      });
    }
  }
  return out.map((o) => {
    const copy: Record<string, unknown> = { ...o };
    for (const key of ['focus', 'component']) if ((copy[key] as unknown[]).length === 0) delete copy[key];
    return copy as FhirResource;
  });
}
