import type { ProcessStandardRef } from '../../model/case-header.js';
import { DEFAULT_PROCESS_STANDARD } from './default-standard.js';
import { LEGAL_PROFILES } from './profiles/index.js';
import type { ProcessStandard } from './schema.js';

/**
 * The process standards a deployment knows, every version of them: a case is judged by the version
 * it was opened under. Looked up by `{id, version}`.
 */
export interface ProcessStandardRegistry {
  /** The standard of that id and version, or `undefined`. */
  get(ref: ProcessStandardRef): ProcessStandard | undefined;
  /** Every registered standard. */
  readonly all: readonly ProcessStandard[];
}

const key = (ref: ProcessStandardRef): string => `${ref.id}\u0000${ref.version}`;

/**
 * A registry of already validated standards ({@link parseProcessStandard}); the
 * {@link DEFAULT_PROCESS_STANDARD} and the shipped {@link LEGAL_PROFILES} are always included unless
 * one with their id and version is given (a case opened under a shipped profile is judged by it
 * wherever the core runs).
 */
export function createStandardRegistry(standards: readonly ProcessStandard[] = []): ProcessStandardRegistry {
  const byKey = new Map<string, ProcessStandard>();
  for (const shipped of [DEFAULT_PROCESS_STANDARD, ...LEGAL_PROFILES]) byKey.set(key(shipped), shipped);
  for (const standard of standards) byKey.set(key(standard), standard);
  const all = [...byKey.values()];
  return { get: (ref) => byKey.get(key(ref)), all };
}

/** Whatever names standards: a registry, a list, or nothing (= only the default standard). */
export type StandardSource = ProcessStandardRegistry | readonly ProcessStandard[] | undefined;

function isRegistry(source: ProcessStandardRegistry | readonly ProcessStandard[]): source is ProcessStandardRegistry {
  return !Array.isArray(source);
}

/**
 * The registry of the shipped standards alone, made once: it holds constants only, and `misroutingReport` and
 * `collectServiceGaps` ask for it once per case when a report builds each case's statistical record (issue 18: a
 * new map of every shipped profile per case). Made on first use, so importing this module does no work.
 */
let shippedRegistry: ProcessStandardRegistry | undefined;

/** Normalises a {@link StandardSource} to a registry. */
export function standardRegistry(source: StandardSource): ProcessStandardRegistry {
  if (source === undefined) return (shippedRegistry ??= createStandardRegistry());
  return isRegistry(source) ? source : createStandardRegistry(source);
}
