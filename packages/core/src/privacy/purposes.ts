import * as z from 'zod/mini';
import { text, type LocalizedText } from '../i18n/localized-text.js';

/**
 * The purposes of PRIVACY.md section 2. Two of them are parameterised: a measure's delivery
 * (`measureDelivery:<measureId>`) and a case conference (`caseConference:<conferenceId>`), because
 * purpose binding (DP-05) follows the single measure or conference, not the kind of work.
 */
export const PURPOSE_KINDS = [
  'screening',
  'caseManagement',
  'measureDelivery',
  'caseConference',
  'childProtection',
  'statutoryReporting',
  'supervision',
  'statistics',
  'dataSubjectRequest',
] as const;

/** One of {@link PURPOSE_KINDS}. */
export type PurposeKind = (typeof PURPOSE_KINDS)[number];

/** The purpose kinds that need an id after a colon. */
export const PARAMETERISED_PURPOSE_KINDS: readonly PurposeKind[] = ['measureDelivery', 'caseConference'];

/** A purpose as a string: `caseManagement`, `measureDelivery:measure-3`, `caseConference:conf-1`. */
export type Purpose =
  Exclude<PurposeKind, 'measureDelivery' | 'caseConference'> | `measureDelivery:${string}` | `caseConference:${string}`;

/** A purpose taken apart: its kind and, for parameterised kinds, the id of the measure or conference. */
export interface ParsedPurpose {
  readonly kind: PurposeKind;
  readonly ref?: string;
}

/** Longer than any purpose with its id (ids are bounded far below this). */
const MAX_PURPOSE_LENGTH = 300;

/** Parses a purpose string; `undefined` if it is not one of {@link PURPOSE_KINDS} in the right form. */
export function parsePurpose(purpose: string): ParsedPurpose | undefined {
  // Untyped callers (a host in plain JavaScript, a server route) may pass anything: not a purpose, never a throw.
  if (typeof purpose !== 'string' || purpose.length > MAX_PURPOSE_LENGTH) return undefined;
  const colon = purpose.indexOf(':');
  const kind = (colon < 0 ? purpose : purpose.slice(0, colon)) as PurposeKind;
  if (!PURPOSE_KINDS.includes(kind)) return undefined;
  const parameterised = PARAMETERISED_PURPOSE_KINDS.includes(kind);
  if (colon < 0) return parameterised ? undefined : { kind };
  const ref = purpose.slice(colon + 1);
  return parameterised && ref.length > 0 && !/\s/.test(ref) ? { kind, ref } : undefined;
}

/** Tells whether a string is a valid {@link Purpose}. */
export function isPurpose(purpose: string): purpose is Purpose {
  return parsePurpose(purpose) !== undefined;
}

/** Schema of a {@link Purpose}. */
export const purposeSchema = z
  .string()
  .check(z.refine((value) => isPurpose(value), { message: 'unknown purpose' })) as unknown as z.ZodMiniType<Purpose>;

/**
 * Purposes a consent may name as a whole family, without an id (DP-05, DP-07): `measureDelivery`
 * covers the delivery of any measure by the recipients the consent names, including measures planned
 * only later ("Vermittlung an Anbieter"). A person can agree at the start that the named providers may
 * receive the named categories for the measures they will carry out, without the measure's id being
 * known yet. Recipients and categories stay specific; a read or transfer still asks for one measure
 * (`measureDelivery:<id>`), and the consent covers it (see `purposeCovered`). Conferences are not a
 * family: each one is agreed to by itself.
 */
export const CONSENT_PURPOSE_FAMILIES: readonly PurposeKind[] = ['measureDelivery'];

/** Whether a string may stand as a purpose of a consent: a {@link Purpose} or a {@link CONSENT_PURPOSE_FAMILIES} family. */
export function isConsentPurpose(purpose: string): boolean {
  return isPurpose(purpose) || (CONSENT_PURPOSE_FAMILIES as readonly string[]).includes(purpose);
}

/** Display names of the purpose families a consent may name (see {@link CONSENT_PURPOSE_FAMILIES}). */
export const PURPOSE_FAMILY_LABELS: Readonly<Partial<Record<PurposeKind, LocalizedText>>> = {
  measureDelivery: text(
    'Vermittlung an Anbieter und Durchführung von Maßnahmen, auch später geplanter',
    'Referral to providers and delivery of measures, including measures planned later',
  ),
};

/** Display names of the purpose kinds, German first. */
export const PURPOSE_LABELS: Readonly<Record<PurposeKind, LocalizedText>> = {
  screening: text('Zugangssteuerung / Erstklärung', 'Screening'),
  caseManagement: text('Fallsteuerung', 'Case management'),
  measureDelivery: text('Durchführung einer Maßnahme', 'Delivery of a measure'),
  caseConference: text('Fallkonferenz', 'Case conference'),
  childProtection: text('Kinderschutz (§ 8a SGB VIII)', 'Child protection (§ 8a SGB VIII)'),
  statutoryReporting: text('Gesetzliche Meldepflicht', 'Statutory reporting'),
  supervision: text('Fachaufsicht / Supervision', 'Supervision'),
  statistics: text('Statistik (nur aggregiert)', 'Statistics (aggregates only)'),
  dataSubjectRequest: text('Antrag der betroffenen Person', 'Data-subject request'),
};

/** The display name of a purpose string (kind label plus reference, if any). */
export function purposeLabel(purpose: string): LocalizedText {
  const family = PURPOSE_FAMILY_LABELS[purpose as PurposeKind];
  if (family !== undefined) return family;
  const parsed = parsePurpose(purpose);
  if (parsed === undefined) return text(purpose, purpose);
  const label = PURPOSE_LABELS[parsed.kind];
  return parsed.ref === undefined ? label : text(`${label.de} (${parsed.ref})`, `${label.en} (${parsed.ref})`);
}
