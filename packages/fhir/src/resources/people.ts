import type { CaseState, Person } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';

const GENDER = { female: 'female', male: 'male', diverse: 'other', unspecified: 'unknown' } as const;

/** FHIR `date` takes `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a household member's birth year stays a year (DP-06). */
function birthDate(person: Partial<Person>): Record<string, string> {
  return typeof person.birthDate === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(person.birthDate)
    ? { birthDate: person.birthDate }
    : {};
}

function common(person: Partial<Person>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (person.givenName !== undefined || person.familyName !== undefined)
    out['name'] = [
      {
        use: 'official',
        ...(person.familyName === undefined ? {} : { family: person.familyName }),
        ...(person.givenName === undefined ? {} : { given: [person.givenName] }),
      },
    ];
  if (person.gender !== undefined) out['gender'] = GENDER[person.gender];
  Object.assign(out, birthDate(person));
  const telecom = [
    ...(person.contact?.phone ? [{ system: 'phone', value: person.contact.phone }] : []),
    ...(person.contact?.email ? [{ system: 'email', value: person.contact.email }] : []),
  ];
  if (telecom.length > 0) out['telecom'] = telecom;
  if (person.contact?.address) out['address'] = [{ text: person.contact.address }];
  return out;
}

/** The FHIR id of a person of the case. */
export function personId(id: string): string {
  return fhirId(id);
}

/** A reference to a person: the addressee is the Patient, everyone else a RelatedPerson. */
export function personRef(state: CaseState, id: string): { reference: string } {
  return id === state.addresseeId ? ref('Patient', personId(id)) : ref('RelatedPerson', personId(id));
}

/** The addressee as a Patient; languages as `communication`, the interpreter need as the core extension. */
export function patientOf(person: Partial<Person> & { id: string }): FhirResource {
  const languages = person.languages ?? [];
  return {
    resourceType: 'Patient',
    id: personId(person.id),
    ...common(person),
    ...(languages.length === 0
      ? {}
      : {
          communication: languages.map((language, index) => ({ language: { text: language }, preferred: index === 0 })),
        }),
    ...(person.interpreter === undefined
      ? {}
      : {
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
              valueBoolean: person.interpreter.needed,
            },
          ],
        }),
  };
}

/** Someone around the addressee as a RelatedPerson, with the relation in the case's own words. */
export function relatedPersonOf(state: CaseState, person: Partial<Person> & { id: string }): FhirResource {
  return {
    resourceType: 'RelatedPerson',
    id: personId(person.id),
    patient: ref('Patient', personId(state.addresseeId)),
    ...(person.relationToAddressee === undefined ? {} : { relationship: [{ text: person.relationToAddressee }] }),
    ...common(person),
  };
}
