import type { IssuePath, Refusal } from '../result/refusal.js';
import { privacyRefusal } from '../privacy/reason-codes.js';
import { text } from '../i18n/localized-text.js';

/**
 * DP-41's limit of a rectification: it changes content fields of the person's data, never ids, roles,
 * the record's provenance, or the classification downwards (categories removed, a `professionalSecret`,
 * `entrusted`, `childProtection` or `thirdParty` flag switched off). Checked on the field path and,
 * where the new value is an object or array, on everything inside it against the value it replaces.
 * @module
 */

/** Members that identify, link or attribute an item: a rectification never writes them. */
const IDENTITY_KEYS = new Set([
  'id',
  'role',
  'roles',
  'recordedBy',
  'recordedAt',
  'origin',
  'entrustedBy',
  'legalBasis',
  'purposeIds',
  '__proto__',
  'constructor',
  'prototype',
]);

/** Classification flags: may be switched on by a rectification, never off. */
const CLASSIFICATION_FLAGS = new Set(['professionalSecret', 'entrusted', 'childProtection', 'thirdParty']);

function isIdentityKey(key: string): boolean {
  return IDENTITY_KEYS.has(key) || /^[a-z][A-Za-z]*Ids?$/.test(key);
}

function refusal(path: IssuePath, what: string): Refusal {
  return privacyRefusal('DENY_RECTIFY_PROTECTED_FIELD', {
    path,
    detail: text(`Betroffen: „${what}“.`, `Concerned: "${what}".`),
  });
}

function lowersCategories(before: unknown, after: unknown): boolean {
  if (!Array.isArray(before)) return false;
  if (!Array.isArray(after)) return before.length > 0;
  return before.some((category) => !after.includes(category));
}

/** Compares what replaces `before` with it, member by member. */
function compare(key: string, before: unknown, after: unknown, path: IssuePath, label: string): Refusal | undefined {
  // Inside a replaced object an id may stay as it is; it may not change or go.
  if (isIdentityKey(key)) return JSON.stringify(before) === JSON.stringify(after) ? undefined : refusal(path, label);
  if (key === 'categories' && lowersCategories(before, after)) return refusal(path, label);
  if (CLASSIFICATION_FLAGS.has(key) && before === true && after !== true) return refusal(path, label);
  const container = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
  if (!container(after) && !container(before)) return undefined;
  const old = container(before) ? before : {};
  const next = container(after) ? after : {};
  for (const member of new Set([...Object.keys(old), ...Object.keys(next)])) {
    const found = compare(member, old[member], next[member], [...path, member], `${label}.${member}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The refusal for a rectification of `field` (a dotted path) of `item` to `newValue`, or `undefined`
 * when it only changes content.
 */
export function rectificationLimitRefusal(
  item: Record<string, unknown>,
  field: string,
  newValue: unknown,
): Refusal | undefined {
  const segments = field.split('.');
  const protectedSegment = segments.find((segment) => isIdentityKey(segment));
  if (protectedSegment !== undefined) return refusal(['input', 'field'], field);
  if (newValue === undefined) return undefined;
  let before: unknown = item;
  for (const segment of segments) {
    before = before !== null && typeof before === 'object' ? (before as Record<string, unknown>)[segment] : undefined;
  }
  const last = segments.at(-1)!;
  return compare(last, before, newValue, ['input', 'newValue'], field);
}
