import type { AssessmentDomain } from '@fallkit/core';

/** The text fields of a life domain compared between versions, in display order. */
export const DOMAIN_TEXT_FIELDS = [
  'resources',
  'problems',
  'personView',
  'caseManagerView',
  'agreedInterpretation',
  'dissent',
] as const;

/** One of {@link DOMAIN_TEXT_FIELDS}. */
export type DomainTextField = (typeof DOMAIN_TEXT_FIELDS)[number];

/** What changed in one life domain against the previous version. */
export type DomainChange =
  | { readonly kind: 'new' }
  | { readonly kind: 'same' }
  | {
      readonly kind: 'changed';
      readonly fields: readonly DomainTextField[];
      readonly rating?: { readonly from?: string | number; readonly to?: string | number };
    };

type DomainLike = Partial<Pick<AssessmentDomain, DomainTextField | 'rating' | 'domainId'>>;

const norm = (s: unknown) => (typeof s === 'string' ? s.trim() : '');

/**
 * Compares one life domain with the same domain of the previous assessment version (re-assessment:
 * "what changed per domain"). Texts count as changed when they differ after trimming.
 */
export function compareDomain(current: DomainLike, previous: DomainLike | undefined): DomainChange {
  if (!previous) return { kind: 'new' };
  const fields = DOMAIN_TEXT_FIELDS.filter((f) => norm(current[f]) !== norm(previous[f]));
  const from = previous.rating?.value;
  const to = current.rating?.value;
  const ratingChanged = from !== to;
  if (fields.length === 0 && !ratingChanged) return { kind: 'same' };
  return ratingChanged ? { kind: 'changed', fields, rating: { from, to } } : { kind: 'changed', fields };
}

/** Domain ids of the previous version that the current one no longer has. */
export function droppedDomains(current: readonly DomainLike[], previous: readonly DomainLike[]): string[] {
  const now = new Set(current.map((d) => d.domainId));
  return previous.map((d) => d.domainId ?? '').filter((id) => id && !now.has(id));
}
