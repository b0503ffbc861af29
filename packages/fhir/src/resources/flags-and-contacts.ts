import type { CaseState, ContactMode } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { localCoding } from '../terminology/code-systems.js';

/** Crises as Flags: active until resolved. */
export function flagsOf(state: CaseState): FhirResource[] {
  return state.crises.map((crisis) => ({
    resourceType: 'Flag',
    id: fhirId(crisis.id),
    status: crisis.resolvedOn === undefined ? 'active' : 'inactive',
    category: [{ coding: [localCoding('resource-kind', 'crisis')] }],
    code: { text: crisis.description },
    subject: ref('Patient', fhirId(state.addresseeId)),
    period: { start: crisis.flaggedOn, ...(crisis.resolvedOn === undefined ? {} : { end: crisis.resolvedOn }) },
  }));
}

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** The Encounter class of a contact mode (v3 ActCode: ambulatory, home health, virtual). */
const CLASS: Readonly<Record<ContactMode, { code: string; display: string }>> = {
  inPerson: { code: 'AMB', display: 'ambulatory' },
  homeVisit: { code: 'HH', display: 'home health' },
  phone: { code: 'VR', display: 'virtual' },
  video: { code: 'VR', display: 'virtual' },
  letter: { code: 'VR', display: 'virtual' },
  email: { code: 'VR', display: 'virtual' },
  messenger: { code: 'VR', display: 'virtual' },
};

const MODE_NAMES: Readonly<Record<ContactMode, string>> = {
  inPerson: 'Persönlich',
  homeVisit: 'Hausbesuch',
  phone: 'Telefon',
  video: 'Video',
  letter: 'Brief',
  email: 'E-Mail',
  messenger: 'Messenger',
};

/** Contacts as Encounters of the episode; a contact that did not reach the person is `cancelled`. */
export function encountersOf(state: CaseState): FhirResource[] {
  return state.contacts.map((contact) => {
    const others = (contact.participantIds ?? []).filter(
      (id) => id !== state.addresseeId && state.persons.some((p) => p.id === id),
    );
    return {
      resourceType: 'Encounter',
      id: fhirId(contact.id),
      status: contact.reached === false ? 'cancelled' : 'finished',
      class: { system: ACT_CODE, ...CLASS[contact.mode] },
      type: [{ text: MODE_NAMES[contact.mode] }],
      subject: ref('Patient', fhirId(state.addresseeId)),
      episodeOfCare: [ref('EpisodeOfCare', fhirId(state.caseId))],
      period: { start: contact.on },
      ...(others.length > 0
        ? { participant: others.map((id) => ({ individual: ref('RelatedPerson', fhirId(id)) })) }
        : {}),
    };
  });
}
