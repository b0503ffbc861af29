import {
  isRedactionMarker,
  PERSON_FIELD_GROUPS,
  sha256Hex,
  type CaseView,
  type DataCategory,
  type ItemSelection,
  type PersonFieldGroup,
  type PreviewedUnit,
} from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import type { HandoverPackage, ManifestItem } from './package-schema.js';

/** The sections a handover package carries: the person, the household, residence, assessment, goals, help plan. */
export const HANDOVER_SECTIONS = ['persons', 'residenceStatuses', 'assessments', 'goals', 'measures'] as const;

/** One of {@link HANDOVER_SECTIONS}. */
export type HandoverSection = (typeof HANDOVER_SECTIONS)[number];

type Item = Record<string, unknown>;

/** The record meta fields every item keeps beside its content. */
const META_FIELDS = [
  'id',
  'subjectIds',
  'categories',
  'professionalSecret',
  'entrusted',
  'entrustedBy',
  'childProtection',
  'thirdParty',
  'purposeIds',
  'origin',
  'legalBasis',
  'recordedBy',
  'recordedAt',
] as const;

function listOf(view: CaseView, section: HandoverSection): Item[] {
  const value = (view.case as unknown as Record<string, unknown>)[section];
  return (Array.isArray(value) ? value : []).filter((item) => !isRedactionMarker(item)) as Item[];
}

function groupShown(person: Item, group: PersonFieldGroup): boolean {
  const fields = PERSON_FIELD_GROUPS[group].filter((field) => person[field] !== undefined);
  return fields.length > 0 && fields.every((field) => !isRedactionMarker(person[field]));
}

/**
 * Every unit of the handover sections the sender's view shows: the candidates of the selection. What
 * the view withholds from the sender is not among them, so the package can never name it.
 */
export function candidateUnits(view: CaseView): ItemSelection[] {
  const out: ItemSelection[] = [];
  for (const person of listOf(view, 'persons'))
    for (const group of Object.keys(PERSON_FIELD_GROUPS) as PersonFieldGroup[])
      if (groupShown(person, group)) out.push({ section: 'persons', id: String(person['id']), part: group });
  for (const section of ['residenceStatuses', 'goals', 'measures'] as const)
    for (const item of listOf(view, section)) out.push({ section, id: String(item['id']) });
  for (const assessment of listOf(view, 'assessments')) {
    out.push({ section: 'assessments', id: String(assessment['id']) });
    for (const domain of (assessment['domains'] ?? []) as Item[])
      if (!isRedactionMarker(domain) && typeof domain['domainId'] === 'string')
        out.push({ section: 'assessments', id: String(assessment['id']), part: domain['domainId'] });
  }
  return out;
}

/** The key of a unit (`persons/person-1/basics`). */
export function unitKey(unit: { section: string; id: string; part?: string | undefined }): string {
  return unit.part === undefined ? `${unit.section}/${unit.id}` : `${unit.section}/${unit.id}/${unit.part}`;
}

function pick(item: Item, fields: readonly string[]): Item {
  const out: Item = {};
  for (const field of fields) if (item[field] !== undefined) out[field] = item[field];
  return out;
}

/** The value of one unit as the manifest hashes it. */
export function unitValue(content: HandoverPackage['content'], unit: ManifestItem | PreviewedUnit): unknown {
  const section = unit.section as HandoverSection;
  if (section === 'persons') {
    const people = [content.addressee, ...content.persons];
    const person = people.find((p) => p['id'] === unit.id);
    const group = unit.part as PersonFieldGroup;
    return person === undefined || !(group in PERSON_FIELD_GROUPS)
      ? undefined
      : pick(person, PERSON_FIELD_GROUPS[group]);
  }
  const item = (content[section] as Item[]).find((i) => i['id'] === unit.id);
  if (item === undefined) return undefined;
  if (section !== 'assessments') return item;
  const { domains, ...own } = item as Item & { domains?: Item[] };
  if (unit.part === undefined) return own;
  return (domains ?? []).find((d) => d['domainId'] === unit.part);
}

/**
 * Builds the package content from the sender's view, for exactly the units the transfer sent. Person
 * records carry only the field groups that were sent, their categories those of the groups; an
 * assessment carries only the sent domains, and its own text (`wishesAndDreams`) only when its
 * container was sent, as the view shows it otherwise. `addresseeId` names the case's addressee.
 */
export function contentFromView(
  view: CaseView,
  sent: readonly PreviewedUnit[],
): { content: HandoverPackage['content'] } | { missing: string } {
  const byKey = new Map(sent.map((unit) => [unitKey(unit), unit]));
  const has = (key: string) => byKey.has(key);
  const addresseeId = (view.case as unknown as { addresseeId: string }).addresseeId;
  const persons: Item[] = [];
  let addressee: Item | undefined;
  for (const person of listOf(view, 'persons')) {
    const id = String(person['id']);
    const groups = (Object.keys(PERSON_FIELD_GROUPS) as PersonFieldGroup[]).filter((g) => has(`persons/${id}/${g}`));
    // A person record needs its names: without the basics nothing of the person travels.
    if (!groups.includes('basics')) continue;
    const categories = new Set<DataCategory>(groups.flatMap((g) => byKey.get(`persons/${id}/${g}`)!.categories));
    const copy: Item = {
      ...pick(person, META_FIELDS),
      ...pick(
        person,
        groups.flatMap((g) => PERSON_FIELD_GROUPS[g]),
      ),
      categories: [...categories].sort(),
    };
    if (id === addresseeId) addressee = copy;
    else persons.push(copy);
  }
  if (addressee === undefined) return { missing: 'persons/addressee/basics' };
  const whole = (section: 'residenceStatuses' | 'goals' | 'measures') =>
    listOf(view, section).filter((item) => has(`${section}/${String(item['id'])}`));
  const assessments: Item[] = [];
  for (const assessment of listOf(view, 'assessments')) {
    const id = String(assessment['id']);
    const domains = ((assessment['domains'] ?? []) as Item[]).filter(
      (d) => !isRedactionMarker(d) && has(`assessments/${id}/${String(d['domainId'])}`),
    );
    const own = has(`assessments/${id}`);
    if (!own && domains.length === 0) continue;
    // Without its container an assessment keeps no text of its own: the view blanks `wishesAndDreams`,
    // and the narrative is the container's text too (the same unit), so it stays home with it.
    const { narrative, ...rest } = assessment;
    assessments.push({
      ...rest,
      ...(own ? (narrative === undefined ? {} : { narrative }) : { wishesAndDreams: '', categories: [] }),
      domains,
    });
  }
  return {
    content: {
      addressee,
      persons,
      residenceStatuses: whole('residenceStatuses'),
      assessments,
      goals: whole('goals'),
      measures: whole('measures'),
    },
  };
}

/** The manifest entries of the sent units, each with the SHA-256 of its canonical JSON. */
export async function manifestItems(
  content: HandoverPackage['content'],
  sent: readonly PreviewedUnit[],
): Promise<ManifestItem[]> {
  const items: ManifestItem[] = [];
  for (const unit of sent) {
    const value = unitValue(content, unit);
    if (value === undefined) continue;
    items.push({
      section: unit.section as HandoverSection,
      id: unit.id,
      ...(unit.part === undefined ? {} : { part: unit.part }),
      categories: [...unit.categories],
      sha256: await sha256Hex(canonicalJson(value)),
    });
  }
  return items;
}

/** Every unit the content holds (to check that nothing unlisted travels). */
export function contentUnits(content: HandoverPackage['content']): string[] {
  const keys: string[] = [];
  for (const person of [content.addressee, ...content.persons])
    for (const group of Object.keys(PERSON_FIELD_GROUPS) as PersonFieldGroup[])
      if (PERSON_FIELD_GROUPS[group].some((field) => person[field] !== undefined))
        keys.push(`persons/${String(person['id'])}/${group}`);
  for (const section of ['residenceStatuses', 'goals', 'measures'] as const)
    for (const item of content[section]) keys.push(`${section}/${String(item['id'])}`);
  for (const assessment of content.assessments) {
    const own = [assessment['wishesAndDreams'], assessment['narrative']];
    if (own.some((text) => typeof text === 'string' && text !== ''))
      keys.push(`assessments/${String(assessment['id'])}`);
    for (const domain of (assessment['domains'] ?? []) as Item[])
      keys.push(`assessments/${String(assessment['id'])}/${String(domain['domainId'])}`);
  }
  return keys;
}
