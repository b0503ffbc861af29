import type { CaseState } from '../../model/case-state.js';
import type { Person } from '../../model/person.js';
import type { DataCategory } from '../../model/record-meta.js';
import { CASE_FIELD_CATEGORIES, type CaseSection } from '../categories.js';
import { itemKey, type DecisionUnit } from '../decide.js';

/** Sections that are case metadata (who leads, who works on it): always part of a permitted view. */
export const METADATA_SECTIONS: readonly CaseSection[] = ['header', 'leadAgencies', 'caseManagers'];

/** Sections holding one item or `null` instead of a list. */
export const SINGLE_ITEM_SECTIONS: readonly CaseSection[] = ['admission', 'firstCounselling', 'closure', 'evaluation'];

/** Sections with items the views decide on, in the order of {@link CaseState}. */
export const CONTENT_SECTIONS: readonly CaseSection[] = (Object.keys(CASE_FIELD_CATEGORIES) as CaseSection[]).filter(
  (section) => !METADATA_SECTIONS.includes(section),
);

/** The classification fields the views read from any item. */
export interface Classified {
  readonly id?: string;
  readonly categories?: readonly DataCategory[];
  readonly subjectIds?: readonly string[];
  readonly professionalSecret?: boolean;
  readonly entrusted?: boolean;
  readonly entrustedBy?: string;
  readonly childProtection?: boolean;
  readonly thirdParty?: boolean;
  readonly purposeIds?: readonly string[];
  readonly recordedBy?: string;
  readonly recordedAt?: string;
}

/** An item's id; items without one (legal-domain periods) are named by their position. */
export function idOf(item: { readonly id?: string }, index: number): string {
  return item.id ?? `#${index}`;
}

/** The unit of a whole item, from its record meta. */
export function itemUnit(
  section: string,
  item: Classified,
  part?: string,
  categories?: readonly DataCategory[],
  index = 0,
): DecisionUnit {
  const unit: { -readonly [K in keyof DecisionUnit]: DecisionUnit[K] } = {
    key: itemKey(section, idOf(item, index), part),
    categories: categories ?? item.categories ?? [],
  };
  // Each classification field the item has, by name: a view builds a unit per item, and named stores
  // are several times cheaper than a loop over the field names.
  if (item.subjectIds !== undefined) unit.subjectIds = item.subjectIds;
  if (item.professionalSecret !== undefined) unit.professionalSecret = item.professionalSecret;
  if (item.entrusted !== undefined) unit.entrusted = item.entrusted;
  if (item.entrustedBy !== undefined) unit.entrustedBy = item.entrustedBy;
  if (item.childProtection !== undefined) unit.childProtection = item.childProtection;
  if (item.thirdParty !== undefined) unit.thirdParty = item.thirdParty;
  if (item.purposeIds !== undefined) unit.purposeIds = item.purposeIds;
  if (item.recordedBy !== undefined) unit.recordedBy = item.recordedBy;
  if (item.recordedAt !== undefined) unit.recordedAt = item.recordedAt;
  return unit;
}

/** The field groups of a person, each decided on its own (DP-06: names and birth years of household members). */
export const PERSON_FIELD_GROUPS = {
  basics: ['givenName', 'familyName', 'roles', 'relationToAddressee', 'relations', 'inHousehold'],
  details: ['birthDate', 'gender', 'languages', 'interpreter', 'representations'],
  contact: ['contact'],
  presumedWill: ['presumedWill'],
  note: ['note'],
} as const;

/** A person field group. */
export type PersonFieldGroup = keyof typeof PERSON_FIELD_GROUPS;

/**
 * The units of a person. A household member's basic details (names, role, relation) are household
 * data of the addressee (DP-06): the addressee's consent for `household` covers them, nothing else
 * about that person.
 */
export function personUnits(state: CaseState, person: Person): Record<PersonFieldGroup, DecisionUnit> {
  const addressee = person.id === state.addresseeId;
  const base = itemUnit('persons', person);
  const own = { ...base, subjectIds: [person.id] };
  return {
    basics: addressee
      ? { ...own, key: itemKey('persons', person.id, 'basics'), categories: ['identity'] }
      : {
          key: itemKey('persons', person.id, 'basics'),
          categories: ['household'],
          subjectIds: [state.addresseeId],
          ...(person.recordedBy === undefined ? {} : { recordedBy: person.recordedBy }),
          ...(person.recordedAt === undefined ? {} : { recordedAt: person.recordedAt }),
        },
    details: { ...own, key: itemKey('persons', person.id, 'details'), categories: ['identity'] },
    contact: { ...own, key: itemKey('persons', person.id, 'contact'), categories: ['contact'] },
    presumedWill: { ...own, key: itemKey('persons', person.id, 'presumedWill'), categories: ['health'] },
    note: { ...own, key: itemKey('persons', person.id, 'note'), categories: ['notes'] },
  };
}

/** The classification fields a life domain may set for itself (the rest it takes from its assessment). */
const DOMAIN_UNIT_FIELDS = [
  'subjectIds',
  'professionalSecret',
  'entrusted',
  'entrustedBy',
  'childProtection',
  'thirdParty',
  'purposeIds',
] as const;

/** The categories of an assessment's own fields (without its domains). */
const ASSESSMENT_OWN: readonly DataCategory[] = ['notes'];

/** The units of one assessment: the container and each life domain with its own classification. */
export function assessmentUnits(assessment: CaseState['assessments'][number]): {
  container: DecisionUnit;
  domains: DecisionUnit[];
} {
  const container = itemUnit('assessments', assessment, undefined, ASSESSMENT_OWN);
  const domains = assessment.domains.map((domain) => {
    const unit: Record<string, unknown> = {
      ...container,
      key: itemKey('assessments', assessment.id, domain.domainId),
      categories: domain.categories ?? [],
    };
    for (const field of DOMAIN_UNIT_FIELDS) {
      const value = domain[field];
      if (value !== undefined) unit[field] = value;
    }
    return unit as unknown as DecisionUnit;
  });
  return { container, domains };
}

/** The items of a content section as a list (single-item sections give zero or one). */
export function sectionItems(state: CaseState, section: CaseSection): readonly Classified[] {
  const value = (state as unknown as Record<string, unknown>)[section];
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Classified[];
}

/**
 * Every unit of a case (all items and parts), for previews and decisions over the whole file.
 */
export function caseUnits(state: CaseState): DecisionUnit[] {
  const units: DecisionUnit[] = [];
  for (const section of CONTENT_SECTIONS) {
    if (section === 'persons') {
      for (const person of state.persons) units.push(...Object.values(personUnits(state, person)));
    } else if (section === 'assessments') {
      for (const assessment of state.assessments) {
        const { container, domains } = assessmentUnits(assessment);
        units.push(container, ...domains);
      }
    } else {
      sectionItems(state, section).forEach((item, index) =>
        units.push(itemUnit(section, item, undefined, undefined, index)),
      );
    }
  }
  return units;
}
