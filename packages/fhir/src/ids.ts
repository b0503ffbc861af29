import type { Reference } from './fhir-types.js';

/**
 * A FHIR id from a Fallkit id: FHIR allows `[A-Za-z0-9\-\.]{1,64}`, Fallkit ids may also hold `_ : @`
 * and be up to 128 characters. Other characters become `-`; a long id keeps its start and a short
 * hash of the whole so two long ids stay apart.
 */
export function fhirId(...parts: readonly string[]): string {
  const raw = parts.join('-');
  const clean = raw.replace(/[^A-Za-z0-9.-]/g, '-');
  if (clean.length <= 64) return clean;
  let hash = 0;
  for (const char of raw) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return `${clean.slice(0, 55)}-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/** A relative reference `Type/id`. */
export function ref(type: string, id: string, display?: string): Reference {
  return display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };
}
