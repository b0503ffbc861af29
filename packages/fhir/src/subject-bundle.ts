import {
  isRedactionMarker,
  type CaseState,
  type ConsentRecord,
  type ConsentState,
  type ConsentWithdrawal,
} from '@fallkit/core';
import type { SubjectExport } from '@fallkit/core/rights';
import type { FhirBundle, FhirResource } from './fhir-types.js';
import { fhirId } from './ids.js';
import { DEFAULT_FHIR_BASE } from './case-bundle.js';
import { observationsOf } from './resources/assessments.js';
import { carePlansOf } from './resources/care-plans.js';
import { consentsOf } from './resources/consents.js';
import { encountersOf, flagsOf } from './resources/flags-and-contacts.js';
import { goalsOf } from './resources/goals.js';
import { organisationsOf } from './resources/organisation.js';
import { patientOf } from './resources/people.js';
import { referralsOf } from './resources/referrals.js';
import { localCodeSystems, localCoding } from './terminology/code-systems.js';

/** A copy without redaction markers: a marked part is left out, never exported. */
function withoutMarkers(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isRedactionMarker(v)).map(withoutMarkers);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>))
    if (!isRedactionMarker(inner)) out[key] = withoutMarkers(inner);
  return out;
}

/** How the export names someone the person relates to, who is not in it (another person's data). */
const UNSHOWN_PERSON = {
  de: 'eine andere Person der Akte (nicht Teil dieser Auskunft)',
  en: 'another person of the case file (not part of this copy)',
} as const;

/** The lists of a case state the person's export can hold items of. */
const LISTS = [
  'persons',
  'residenceStatuses',
  'crises',
  'assessments',
  'goals',
  'measures',
  'providerReferrals',
  'contacts',
  'plans',
] as const;

/** The person's items of one exported case as a partial case state, the person as addressee. */
function stateOf(caseId: string, subjectId: string, items: SubjectExport['cases'][number]['items']): CaseState {
  const lists: Record<string, unknown[]> = Object.fromEntries(LISTS.map((l) => [l, []]));
  for (const item of items) {
    const data = item.data as Record<string, unknown>;
    // An item whose content is withheld (others' interests prevail) keeps only its shell: not exported.
    if (isRedactionMarker(data['content'])) continue;
    if (item.collection in lists) lists[item.collection]!.push(withoutMarkers(data));
  }
  return {
    caseId,
    addresseeId: subjectId,
    status: 'open',
    leadAgencies: [],
    caseManagers: [],
    closure: null,
    ...lists,
  } as unknown as CaseState;
}

/** The consent history of the export (recorded consents and their withdrawals) as consent states. */
function consentStates(entries: readonly unknown[]): ConsentState[] {
  const records = new Map<string, { record: ConsentRecord; withdrawals: ConsentWithdrawal[] }>();
  for (const raw of entries) {
    const entry = raw as Record<string, unknown>;
    if (entry['type'] === 'ConsentRecorded') {
      const { type: _type, at: _at, ...record } = entry;
      records.set(String(record['id']), { record: record as unknown as ConsentRecord, withdrawals: [] });
    }
  }
  for (const raw of entries) {
    const entry = raw as Record<string, unknown>;
    if (entry['type'] !== 'ConsentWithdrawn') continue;
    const { type: _type, at: _at, ...withdrawal } = entry;
    records.get(String(withdrawal['consentId']))?.withdrawals.push(withdrawal as unknown as ConsentWithdrawal);
  }
  return [...records.values()];
}

/**
 * The person's export (DP-29; Art. 15, 20 GDPR) as a FHIR R4 Bundle: the person as Patient, and of
 * each case the person's own items the export holds (assessed life domains, goals, help plan, referrals,
 * consents, crises, contacts). Built from the decided export, so parts about other people, which the
 * export redacts, are not in it; the Bundle then carries the `REDACTED` security label. Each case is
 * an EpisodeOfCare (without its care team: the export lists recipients, not staff). The person's
 * relations to others of the case (household, family) are on the Patient as person-relation extensions
 * whose reference carries only a wording (`lang`, German by default), since the others are not exported.
 */
export function subjectExportBundle(
  exported: SubjectExport,
  options: { readonly base?: string; readonly withoutCodeSystems?: boolean; readonly lang?: 'de' | 'en' } = {},
): FhirBundle {
  const base = options.base ?? DEFAULT_FHIR_BASE;
  const today = exported.generatedAt.slice(0, 10);
  const resources: FhirResource[] = options.withoutCodeSystems === true ? [] : localCodeSystems();
  const names = new Map<string, string>();
  let patient: FhirResource | undefined;
  let redacted = false;
  for (const c of exported.cases) {
    redacted ||= JSON.stringify(c.items).includes('"redacted":true');
    const state = stateOf(c.caseId, exported.subjectId, c.items);
    const person = state.persons.find((p) => p.id === exported.subjectId);
    // The person's relations are their own data (DP-29); the people they relate to are not in the export,
    // so each relation names them by a wording only, never by an id.
    if (patient === undefined && person !== undefined)
      patient = patientOf(person, state, { display: UNSHOWN_PERSON[options.lang ?? 'de'] });
    for (const recipient of c.recipients) names.set(recipient.agencyId, recipient.name ?? recipient.agencyId);
    resources.push(
      {
        resourceType: 'EpisodeOfCare',
        id: fhirId(c.caseId),
        identifier: [{ system: 'urn:fallkit:case', value: c.caseId }],
        status: c.retention.dueOn === null ? 'active' : 'finished',
        type: [{ coding: [localCoding('resource-kind', 'caseManagement')] }],
        patient: { reference: `Patient/${fhirId(exported.subjectId)}` },
      },
      ...observationsOf(state),
      ...goalsOf(state),
      ...carePlansOf(state, names),
      ...referralsOf(state, today, names),
      ...consentsOf(state, consentStates(c.consents), today, names),
      ...flagsOf(state),
      ...encountersOf(state),
    );
  }
  if (patient === undefined) patient = { resourceType: 'Patient', id: fhirId(exported.subjectId) };
  resources.push(patient, ...organisationsOf(names));
  return {
    resourceType: 'Bundle',
    id: fhirId('subject', exported.subjectId),
    meta: {
      lastUpdated: exported.generatedAt,
      tag: [localCoding('purpose', 'dataSubjectRequest')],
      ...(redacted
        ? {
            security: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
                code: 'REDACTED',
                display: 'redacted',
              },
            ],
          }
        : {}),
    },
    type: 'collection',
    timestamp: exported.generatedAt,
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
