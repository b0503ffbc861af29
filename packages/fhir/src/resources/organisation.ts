import type { CaseState } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { localCoding } from '../terminology/code-systems.js';

/** The FHIR id of an agency. */
export function agencyId(agency: string): string {
  return fhirId('agency', agency);
}

/** The FHIR id of a staff member (agency and user id together identify a person, DP-40). */
export function staffId(agency: string, userId: string): string {
  return fhirId('staff', agency, userId);
}

/** The period in force on a day, as the core counts it: `from` inclusive, `to` exclusive. */
function current<T extends { from: string; to?: string | undefined }>(
  periods: readonly T[],
  day: string,
): T | undefined {
  return periods.filter((p) => p.from <= day && (p.to === undefined || day < p.to)).at(-1);
}

/** Organizations, Practitioners and the CareTeam of the case: lead agencies and case managers with their periods. */
export function careTeamOf(state: CaseState, day: string, names: Map<string, string>): FhirResource[] {
  const resources: FhirResource[] = [];
  for (const lead of state.leadAgencies) names.set(lead.agencyId, lead.name);
  for (const manager of state.caseManagers)
    resources.push({
      resourceType: 'Practitioner',
      id: staffId(manager.agencyId, manager.userId),
      identifier: [{ system: `urn:fallkit:user:${manager.agencyId}`, value: manager.userId }],
      ...(manager.name === undefined ? {} : { name: [{ text: manager.name }] }),
    });
  const unique = new Map(resources.map((r) => [r.id, r]));
  const participants = [
    ...state.leadAgencies.map((lead) => ({
      role: [{ coding: [localCoding('care-team-role', 'leadAgency')] }],
      member: ref('Organization', agencyId(lead.agencyId), lead.name),
      period: { start: lead.from, ...(lead.to === undefined ? {} : { end: lead.to }) },
    })),
    ...state.caseManagers.map((manager) => ({
      role: [{ coding: [localCoding('care-team-role', manager.role)] }],
      member: ref('Practitioner', staffId(manager.agencyId, manager.userId), manager.name),
      onBehalfOf: ref('Organization', agencyId(manager.agencyId)),
      period: { start: manager.from, ...(manager.to === undefined ? {} : { end: manager.to }) },
    })),
  ];
  for (const manager of state.caseManagers)
    if (!names.has(manager.agencyId)) names.set(manager.agencyId, manager.agencyId);
  const lead = current(state.leadAgencies, day) ?? state.leadAgencies.at(-1);
  const primary = current(
    state.caseManagers.filter((m) => m.role === 'primary'),
    day,
  );
  const team: FhirResource = {
    resourceType: 'CareTeam',
    id: fhirId('team', state.caseId),
    status: state.status === 'open' ? 'active' : 'inactive',
    subject: ref('Patient', fhirId(state.addresseeId)),
    participant: participants,
  };
  const episode: FhirResource = {
    resourceType: 'EpisodeOfCare',
    id: fhirId(state.caseId),
    identifier: [{ system: 'urn:fallkit:case', value: state.caseId }],
    status: state.status === 'open' ? 'active' : 'finished',
    type: [{ coding: [localCoding('resource-kind', 'caseManagement')] }],
    patient: ref('Patient', fhirId(state.addresseeId)),
    ...(lead === undefined ? {} : { managingOrganization: ref('Organization', agencyId(lead.agencyId), lead.name) }),
    period: {
      start: state.openedOn,
      ...(state.closure === null || state.closure === undefined ? {} : { end: state.closure.closedOn }),
    },
    ...(primary === undefined
      ? {}
      : { careManager: ref('Practitioner', staffId(primary.agencyId, primary.userId), primary.name) }),
    team: [ref('CareTeam', team.id)],
  };
  return [...unique.values(), team, episode];
}

/** An Organization for every agency the Bundle names. */
export function organisationsOf(names: ReadonlyMap<string, string>): FhirResource[] {
  return [...names.entries()].map(([id, name]) => ({
    resourceType: 'Organization',
    id: agencyId(id),
    identifier: [{ system: 'urn:fallkit:agency', value: id }],
    active: true,
    name,
  }));
}
