import { DEFAULT_PROCESS_STANDARD, LEGAL_PROFILES, type ProcessStandard } from '@fallkit/core';

/**
 * The process standards the demo organisation can work under: the cross-domain default and the legal
 * profiles (SGB II Kooperationsplan, SGB VIII Hilfeplan, SGB IX Gesamtplan). The switch in the toolbar
 * sets the standard new cases are opened under; a case keeps the one it was opened under (PR-00).
 */
export const DEMO_STANDARDS: readonly ProcessStandard[] = [DEFAULT_PROCESS_STANDARD, ...LEGAL_PROFILES];

/** The key of a standard in the switch: `id@version`. */
export function standardKey(standard: ProcessStandard): string {
  return `${standard.id}@${standard.version}`;
}

/** The standard of a key; the default standard for an unknown key. */
export function demoStandard(key: string | undefined): ProcessStandard {
  return DEMO_STANDARDS.find((standard) => standardKey(standard) === key) ?? DEFAULT_PROCESS_STANDARD;
}
