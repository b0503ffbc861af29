import type { LocalizedText } from '../i18n/localized-text.js';
import type { Actor } from '../ports/actor.js';
import type { CaseCommandInputIn, CaseCommandType } from '../commands/command-catalog.js';
import type { Stage, CaseStatus } from '../model/case-header.js';

/** One step of an example script: at a moment, an actor sends a command to the example's case. */
export interface ExampleStep {
  /** The clock is set to this instant before the command (ISO timestamp). */
  readonly at: string;
  /** Who acts; the example's default actor if absent. */
  readonly actor?: Actor;
  readonly type: CaseCommandType;
  readonly input: unknown;
  readonly reason?: string;
}

/** What the state of an example case must look like after its script (checked by the tests). */
export interface ExampleExpectation {
  readonly stage: Stage;
  readonly status: CaseStatus;
  readonly leadAgencyId: string;
  /** Legal domains active at the end, sorted. */
  readonly activeLegalDomains: readonly string[];
  readonly persons: number;
  readonly goals: number;
  readonly measures: number;
  readonly assessmentVersions: number;
  readonly openFollowUps: number;
}

/** A fictional, realistic case of Musterstadt as a command script. */
export interface ExampleCase {
  /** Stable key, also the scope of the case's ids. */
  readonly key: string;
  /** The case id the script opens. */
  readonly caseId: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly actor: Actor;
  readonly steps: readonly ExampleStep[];
  readonly expected: ExampleExpectation;
  /**
   * The content of the documents the steps file (as text, UTF-8): `runExampleCases` stores each one whose
   * SHA-256 a filed document names, where the store takes content, so the example's documents open.
   */
  readonly documentContents?: readonly string[];
}

/** Builds a typed {@link ExampleStep}. */
export function step<T extends CaseCommandType>(
  at: string,
  type: T,
  input: CaseCommandInputIn<T>,
  options: { readonly actor?: Actor; readonly reason?: string } = {},
): ExampleStep {
  return { at, type, input, ...options };
}
