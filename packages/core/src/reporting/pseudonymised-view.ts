import { sha256Hex } from '../journal/sha256.js';
import type { CaseState } from '../model/case-state.js';
import type { Person } from '../model/person.js';

/** A person in a pseudonymised case example: no name, no contact, birth year only. */
export interface PseudonymisedPerson {
  readonly pseudonym: string;
  readonly roles: readonly string[];
  readonly birthYear?: number;
  /** `female`/`male`; rarer values are generalised to `unspecified`. */
  readonly gender?: string;
  readonly inHousehold?: boolean;
  /** Whether an interpreter is needed; the language itself can single a person out and is left out. */
  readonly interpreterNeeded?: boolean;
}

/**
 * A case example for networks, supervision and specialists (DP-34; § 64 Abs. 2a SGB VIII): the case's
 * content with identity and contact removed, person ids replaced by pseudonyms, birth dates reduced
 * to years, rare attributes generalised and names in free text replaced by the pseudonym.
 */
export interface PseudonymisedCase {
  readonly pseudonym: string;
  readonly persons: readonly PseudonymisedPerson[];
  /** Every other part of the case file, transformed as described above. */
  readonly content: Readonly<Record<string, unknown>>;
}

/** Top-level parts of the case state the example never carries (identifying or only administrative). */
const DROPPED = new Set(['caseId', 'label', 'persons', 'lastSeq', 'updatedAt']);

/** Fields dropped wherever they appear: identity, contact and rare attributes that single people out. */
const DROPPED_FIELDS = new Set([
  'givenName',
  'familyName',
  'contact',
  'contactPerson',
  'languages',
  'courtReference',
  'legalGround',
  'presumedWill',
  'name',
  'recordedBy',
  'confirmedBy',
]);

/**
 * A stable pseudonym for an id: SHA-256 over the controller's key and the id. Without the key nobody
 * can link the pseudonym back; the key never leaves the controller (it is not part of the output).
 */
export async function pseudonymFor(key: string, id: string): Promise<string> {
  if (key.length < 16) throw new RangeError('pseudonymFor: the controller key must have at least 16 characters');
  return `P-${(await sha256Hex(`fallkit-pseudonym\u0000${key}\u0000${id}`)).slice(0, 16)}`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function transform(
  value: unknown,
  pseudonyms: ReadonlyMap<string, string>,
  names: readonly [RegExp, string][],
): unknown {
  if (typeof value === 'string') {
    const direct = pseudonyms.get(value);
    if (direct !== undefined) return direct;
    let out = value;
    for (const [pattern, pseudonym] of names) out = out.replace(pattern, pseudonym);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => transform(item, pseudonyms, names));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (DROPPED_FIELDS.has(key)) continue;
    if (key === 'birthDate' && typeof inner === 'string') {
      out['birthYear'] = Number(inner.slice(0, 4));
      continue;
    }
    out[key] = transform(inner, pseudonyms, names);
  }
  return out;
}

function personView(person: Person, pseudonym: string): PseudonymisedPerson {
  const gender = person.gender === 'female' || person.gender === 'male' ? person.gender : undefined;
  return {
    pseudonym,
    roles: person.roles,
    ...(person.birthDate === undefined ? {} : { birthYear: Number(person.birthDate.slice(0, 4)) }),
    ...(gender === undefined ? (person.gender === undefined ? {} : { gender: 'unspecified' }) : { gender }),
    ...(person.inHousehold === undefined ? {} : { inHousehold: person.inHousehold }),
    ...(person.interpreter === undefined ? {} : { interpreterNeeded: person.interpreter.needed }),
  };
}

/**
 * The pseudonymised view of a case (DP-34). `key` is the controller's secret (at least 16
 * characters); the same key gives every person and the case the same pseudonym in every example, a
 * different key unlinkable ones. Names of the case's persons inside free text are replaced too; other
 * names someone typed into a note cannot be found reliably, so free text stays the author's duty
 * (DP-03 warns).
 */
export async function pseudonymisedView(state: CaseState, key: string): Promise<PseudonymisedCase> {
  const pseudonyms = new Map<string, string>();
  const casePseudonym = await pseudonymFor(key, `case:${state.caseId}`);
  pseudonyms.set(state.caseId, casePseudonym);
  const names: [RegExp, string][] = [];
  for (const person of state.persons) {
    const pseudonym = await pseudonymFor(key, `person:${person.id}`);
    pseudonyms.set(person.id, pseudonym);
    for (const part of [person.givenName, person.familyName])
      if (part.trim().length >= 2)
        names.push([new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part.trim())}(?![\\p{L}\\p{N}])`, 'gu'), pseudonym]);
  }
  // Longer names first, so "Anna-Lena" is replaced before "Anna".
  names.sort((a, b) => b[0].source.length - a[0].source.length);
  const content: Record<string, unknown> = {};
  for (const [key_, value] of Object.entries(state)) {
    if (DROPPED.has(key_)) continue;
    content[key_] = transform(value, pseudonyms, names);
  }
  return {
    pseudonym: casePseudonym,
    persons: state.persons.map((person) => personView(person, pseudonyms.get(person.id) as string)),
    content,
  };
}
