import type { LegalSource, VerificationState } from '../legal-schema.js';

/** A German + English label. */
export const l = (de: string, en: string): { de: string; en: string } => ({ de, en });

/** A paragraph with its verification state (and why, where not checked against the statute). */
export function para(paragraph: string, verification: VerificationState, note?: string): LegalSource {
  return note === undefined ? { paragraph, verification } : { paragraph, verification, note };
}

/*
 * What "verified" means in the profiles (docs/process.md, "Legal profiles"): `statute` values were read
 * in the text of the statute in force (gesetze-im-internet.de mirrors: buzer.de, lexetius.org, nwb.de)
 * on 1 December 2026; `secondary` only in a commentary or a secondary source quoting it (haufe.de SGB
 * Office, reha-recht.de, anwalt24.de); `unverified` are conventions or values the statute leaves open.
 */
