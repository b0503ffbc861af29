import type { CaseState, Person } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { FALLKIT_TERMINOLOGY_BASE, localCoding } from '../terminology/code-systems.js';
import { roleCodeOf } from '../terminology/relations.js';

/**
 * The extension that carries a relation between two persons of the case other than the one to the
 * addressee (the household graph, issue 22; R4 RelatedPerson.relationship only relates to the Patient):
 * `person` the other person, `relation` what this person is to them (v3 RoleCode where one fits).
 */
export const PERSON_RELATION_EXTENSION = `${FALLKIT_TERMINOLOGY_BASE.replace(/CodeSystem$/, 'StructureDefinition')}/person-relation`;

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

/** A relation's wording as a CodeableConcept: the v3 RoleCode it means, else the local `other`; the wording as text. */
export function relationConcept(wording: string): Record<string, unknown> {
  return { coding: [roleCodeOf(wording) ?? localCoding('person-relation', 'other')], text: wording };
}

/**
 * How a relation to a person who is not in the Bundle is written: left out (a case view: the person is
 * withheld, and even a reference would name them, DP-24), or kept with a reference that carries only a
 * wording and no id (the person's own export, DP-29: their relations are their own data; the other person
 * is not).
 */
export type UnshownRelations = 'omit' | { readonly display: string };

function relationExtension(reference: Record<string, unknown>, relation: string): Record<string, unknown> {
  return {
    url: PERSON_RELATION_EXTENSION,
    extension: [
      { url: 'person', valueReference: reference },
      { url: 'relation', valueCodeableConcept: relationConcept(relation) },
    ],
  };
}

/**
 * The person's relations to other persons of the case, as {@link PERSON_RELATION_EXTENSION}s. To persons
 * the Bundle holds, a reference; to anyone else as `unshown` says (by default left out).
 */
function relationExtensions(
  state: CaseState,
  person: Partial<Person>,
  unshown: UnshownRelations = 'omit',
): Record<string, unknown>[] {
  const relations = Array.isArray(person.relations) ? person.relations : [];
  const shown = new Set(state.persons.map((p) => p.id));
  const out: Record<string, unknown>[] = [];
  for (const r of relations) {
    if (shown.has(r.toPersonId)) out.push(relationExtension(personRef(state, r.toPersonId), r.relation));
    else if (unshown !== 'omit') out.push(relationExtension({ display: unshown.display }, r.relation));
  }
  // A person other than the case's addressee, exported as themselves (the Patient of their own export):
  // their line to the addressee, who is not in that Bundle.
  if (unshown !== 'omit' && typeof person.relationToAddressee === 'string')
    out.push(relationExtension({ display: unshown.display }, person.relationToAddressee));
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

/**
 * The addressee as a Patient; languages as `communication`, the interpreter need as the core extension,
 * relations to other persons of the case as {@link PERSON_RELATION_EXTENSION}s.
 */
export function patientOf(
  person: Partial<Person> & { id: string },
  state?: CaseState,
  unshown: UnshownRelations = 'omit',
): FhirResource {
  const languages = person.languages ?? [];
  const extension = [
    ...(person.interpreter === undefined
      ? []
      : [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
            valueBoolean: person.interpreter.needed,
          },
        ]),
    ...(state === undefined ? [] : relationExtensions(state, person, unshown)),
  ];
  return {
    resourceType: 'Patient',
    id: personId(person.id),
    ...common(person),
    ...(languages.length === 0
      ? {}
      : {
          communication: languages.map((language, index) => ({ language: { text: language }, preferred: index === 0 })),
        }),
    ...(extension.length === 0 ? {} : { extension }),
  };
}

/**
 * Someone around the addressee as a RelatedPerson: `relationship` the relation to the addressee (v3
 * RoleCode where the wording fits one, the local `person-relation#other` otherwise, the wording as text)
 * and `person-relation#householdMember` for a member of the household; relations to other persons of
 * the case as {@link PERSON_RELATION_EXTENSION}s.
 */
export function relatedPersonOf(state: CaseState, person: Partial<Person> & { id: string }): FhirResource {
  const relationship = [
    ...(person.relationToAddressee === undefined ? [] : [relationConcept(person.relationToAddressee)]),
    ...(person.inHousehold === true ? [{ coding: [localCoding('person-relation', 'householdMember')] }] : []),
  ];
  const extension = relationExtensions(state, person);
  return {
    resourceType: 'RelatedPerson',
    id: personId(person.id),
    ...(extension.length === 0 ? {} : { extension }),
    patient: ref('Patient', personId(state.addresseeId)),
    ...(relationship.length === 0 ? {} : { relationship }),
    ...common(person),
  };
}
