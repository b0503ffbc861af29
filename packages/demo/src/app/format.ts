/**
 * Dates and labels for the demo's own markup (the Fallkit elements format their own).
 */
import type { DemoLanguage } from './texts.js';
import { localDate } from '@fallkit/core';

/** Today as an ISO calendar date: the organisation's (Europe/Berlin), as the case service counts days. */
export function isoToday(now: Date = new Date()): string {
  return localDate(now.toISOString());
}

/** An ISO date or timestamp as the language writes it (calendar dates without time-zone shifts). */
export function formatDate(value: string | null | undefined, lang: DemoLanguage, withTime = false): string {
  if (!value) return '–';
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(
    locale,
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
}

/** Display names of the legal domains (Rechtskreise). */
export const LEGAL_DOMAIN_LABELS: Readonly<Record<string, string>> = {
  SGB_II: 'SGB II',
  SGB_III: 'SGB III',
  SGB_VIII: 'SGB VIII',
  SGB_IX: 'SGB IX',
  SGB_XI: 'SGB XI',
  SGB_XII: 'SGB XII',
  AsylbLG: 'AsylbLG',
  AufenthG: 'AufenthG',
  nonStatutory: 'ohne Rechtskreis',
};

/** Agency ids of the example cases, by display name. */
export const AGENCY_NAMES: Readonly<Record<string, string>> = {
  'kim-musterstadt': 'KIM Musterstadt',
  'jobcenter-musterstadt': 'Jobcenter Musterstadt',
  'jugendamt-musterstadt': 'Jugendamt Musterstadt',
  'sozialamt-musterstadt': 'Sozialamt Musterstadt',
  'caritas-schuldnerberatung': 'Schuldnerberatung (Caritas)',
};
