import {
  CATEGORY_LABELS,
  DATA_CATEGORIES,
  DEFAULT_LIFE_DOMAIN_IDS,
  PURPOSE_KINDS,
  PURPOSE_LABELS,
  type DataCategory,
} from '@fallkit/core';
import type { Coding, FhirResource } from '../fhir-types.js';

/**
 * The canonical base of Fallkit's local code systems. Local on purpose: there is no German national
 * code system for social-work categories, life domains or stages, and the export claims no conformance
 * to any (US or other) profile. An operator may publish them under its own base.
 */
export const FALLKIT_TERMINOLOGY_BASE = 'https://fallkit.example/fhir/CodeSystem';

/** The URL of a local code system. */
export function systemUrl(name: LocalCodeSystemName): string {
  return `${FALLKIT_TERMINOLOGY_BASE}/${name}`;
}

const DE_EN = (de: string, en: string) => ({ de, en });

/** German (and English) names of the data categories: the core's own labels (PRIVACY.md section 2). */
export const DATA_CATEGORY_NAMES: Readonly<Record<DataCategory, { de: string; en: string }>> = CATEGORY_LABELS;

/** German (and English) names of the default life domains of an assessment. */
export const LIFE_DOMAIN_NAMES: Readonly<Record<string, { de: string; en: string }>> = {
  housing: DE_EN('Wohnen', 'Housing'),
  health: DE_EN('Gesundheit', 'Health'),
  workTraining: DE_EN('Arbeit und Ausbildung', 'Work and training'),
  education: DE_EN('Bildung und Schule', 'Education and school'),
  language: DE_EN('Sprache', 'Language'),
  residence: DE_EN('Aufenthalt', 'Residence'),
  financesDebts: DE_EN('Finanzen und Schulden', 'Finances and debts'),
  familyChildren: DE_EN('Familie und Kinder', 'Family and children'),
  socialNetwork: DE_EN('Soziales Netz', 'Social network'),
  mobility: DE_EN('Mobilität', 'Mobility'),
  dailyLiving: DE_EN('Alltagsbewältigung', 'Daily living'),
};

/** The parts of a life-domain assessment, as Observation components. */
export const ASSESSMENT_ASPECTS = {
  resources: DE_EN('Ressourcen', 'Resources'),
  problems: DE_EN('Probleme', 'Problems'),
  personView: DE_EN('Sicht der Person', "The person's view"),
  caseManagerView: DE_EN('Sicht der Fallmanagerin / des Fallmanagers', "The case manager's view"),
  agreedInterpretation: DE_EN('Gemeinsame Einschätzung', 'Agreed interpretation'),
  dissent: DE_EN('Abweichende Sicht', 'Dissent'),
  rating: DE_EN('Einstufung', 'Rating'),
} as const;

/** Roles in the care team of a case. */
export const CARE_TEAM_ROLES = {
  leadAgency: DE_EN('Federführende Stelle', 'Lead agency'),
  primary: DE_EN('Fallmanagerin / Fallmanager', 'Case manager'),
  deputy: DE_EN('Vertretung', 'Deputy'),
} as const;

/** Categories of the Fallkit resources (Observation category, Flag category, EpisodeOfCare type). */
export const RESOURCE_KINDS = {
  lifeDomainAssessment: DE_EN('Einschätzung eines Lebensbereichs', 'Life-domain assessment'),
  crisis: DE_EN('Krise', 'Crisis'),
  caseManagement: DE_EN('Case Management (rechtskreisübergreifend)', 'Case management (across legal domains)'),
  helpPlan: DE_EN('Hilfeplan / Kooperationsplan', 'Help plan / cooperation plan'),
} as const;

/**
 * Relations between persons of a case where no v3 RoleCode fits (issue 22): the wording stays in the
 * CodeableConcept's text; membership of the household (Bedarfsgemeinschaft, Haushalt) is its own code.
 */
export const PERSON_RELATIONS = {
  householdMember: DE_EN('Lebt im Haushalt', 'Lives in the household'),
  other: DE_EN('Andere Beziehung (Wortlaut im Text)', 'Other relation (wording in the text)'),
} as const;

/** The names of the local code systems. */
export type LocalCodeSystemName =
  | 'data-category'
  | 'life-domain'
  | 'assessment-aspect'
  | 'care-team-role'
  | 'resource-kind'
  | 'purpose'
  | 'person-relation';

function codeSystem(
  name: LocalCodeSystemName,
  title: string,
  description: string,
  concepts: Readonly<Record<string, { de: string; en: string }>>,
  content: 'complete' | 'fragment',
): FhirResource {
  return {
    resourceType: 'CodeSystem',
    id: `fallkit-${name}`,
    url: systemUrl(name),
    version: '1',
    name: `Fallkit${name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`,
    title,
    status: 'active',
    experimental: false,
    publisher: 'Fallkit',
    description,
    language: 'de',
    caseSensitive: true,
    content,
    concept: Object.entries(concepts).map(([code, names]) => ({
      code,
      display: names.de,
      designation: [{ language: 'en', value: names.en }],
    })),
  };
}

/** Every local code system as a CodeSystem resource (part of each exported Bundle, so it explains itself). */
export function localCodeSystems(): FhirResource[] {
  const purposes = Object.fromEntries(PURPOSE_KINDS.map((kind) => [kind, PURPOSE_LABELS[kind]]));
  const domains = Object.fromEntries(DEFAULT_LIFE_DOMAIN_IDS.map((id) => [id, LIFE_DOMAIN_NAMES[id]!]));
  const categories = Object.fromEntries(DATA_CATEGORIES.map((c) => [c, DATA_CATEGORY_NAMES[c]]));
  return [
    codeSystem(
      'data-category',
      'Datenkategorien (Sozialdaten)',
      'Kategorien der Sozialdaten nach Fallkit PRIVACY.md.',
      categories,
      'complete',
    ),
    codeSystem(
      'life-domain',
      'Lebensbereiche',
      'Lebensbereiche der Situationseinschätzung; ein Prozessstandard kann weitere festlegen.',
      domains,
      'fragment',
    ),
    codeSystem(
      'assessment-aspect',
      'Aspekte der Einschätzung',
      'Teile der Einschätzung eines Lebensbereichs.',
      ASSESSMENT_ASPECTS,
      'complete',
    ),
    codeSystem('care-team-role', 'Rollen im Fall', 'Federführung und Fallmanagement.', CARE_TEAM_ROLES, 'complete'),
    codeSystem(
      'resource-kind',
      'Arten von Fallkit-Einträgen',
      'Kategorien der exportierten Ressourcen.',
      RESOURCE_KINDS,
      'complete',
    ),
    codeSystem(
      'purpose',
      'Zwecke der Verarbeitung',
      'Zwecke nach Fallkit PRIVACY.md (Zweckbindung).',
      purposes,
      'complete',
    ),
    codeSystem(
      'person-relation',
      'Beziehungen im Haushalt',
      'Beziehungen zwischen Personen des Falls, für die kein HL7-v3-RoleCode passt; der Wortlaut steht im Text.',
      PERSON_RELATIONS,
      'complete',
    ),
  ];
}

/** A coding of a local code system, with its German display. */
export function localCoding(name: LocalCodeSystemName, code: string): Coding {
  const table: Readonly<Record<string, { de: string } | undefined>> =
    name === 'data-category'
      ? DATA_CATEGORY_NAMES
      : name === 'life-domain'
        ? LIFE_DOMAIN_NAMES
        : name === 'assessment-aspect'
          ? ASSESSMENT_ASPECTS
          : name === 'care-team-role'
            ? CARE_TEAM_ROLES
            : name === 'resource-kind'
              ? RESOURCE_KINDS
              : name === 'person-relation'
                ? PERSON_RELATIONS
                : (PURPOSE_LABELS as Readonly<Record<string, { de: string }>>);
  const display = table[code]?.de;
  return display === undefined ? { system: systemUrl(name), code } : { system: systemUrl(name), code, display };
}
