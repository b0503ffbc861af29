import {
  isRedactionMarker,
  type Person,
  type RedactionMarker,
  type Representation,
  type ResidenceStatus,
} from '@fallkit/core';

/** A value as the data-protected view hands it: the value, or the marker that stands in its place. */
export type Shown<T> = T | RedactionMarker;

/** A person as the view lists it (any field may be a marker), or a whole-person marker (DP-24). */
export type PersonEntry = { readonly [K in keyof Person]: Shown<Person[K]> } | RedactionMarker;

/** A residence status as the view lists it. */
export type ResidenceEntry = { readonly [K in keyof ResidenceStatus]: Shown<ResidenceStatus[K]> } | RedactionMarker;

/** The value, or `undefined` for a marker or an absent field. */
export function shown<T>(value: Shown<T> | undefined): T | undefined {
  return value === undefined || isRedactionMarker(value) ? undefined : value;
}

/** A person's display name ("Maria Muster"), or undefined when the view withholds both parts. */
export function nameOf(person: PersonEntry): string | undefined {
  if (isRedactionMarker(person)) return undefined;
  const parts = [shown(person.givenName), shown(person.familyName)].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** A representation held by someone, with who holds it (the record keeps it on the holder). */
export interface HeldRepresentation {
  readonly holderId: string;
  readonly representation: Representation;
}

/** Every representation the view shows, with its holder; a withheld list counts as none. */
export function representationsOf(persons: readonly PersonEntry[]): readonly HeldRepresentation[] {
  return persons.flatMap((p) => {
    if (isRedactionMarker(p)) return [];
    const id = shown(p.id);
    const list = shown(p.representations) ?? [];
    return id === undefined ? [] : list.map((representation) => ({ holderId: id, representation }));
  });
}

/** Splits a comma-separated language list, trimmed, empty parts dropped. */
export function languagesOf(input: string): string[] {
  return input
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
