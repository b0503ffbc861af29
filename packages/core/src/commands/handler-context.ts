import type { PendingEvent } from '../journal/journal-event.js';
import type { CaseCommandInput, CaseCommandType } from './command-catalog.js';
import type { Actor } from '../ports/actor.js';
import type { JournalEvent } from '../journal/journal-event.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { CaseState } from '../model/case-state.js';
import type { ClassificationInput, DataCategory, RecordMeta } from '../model/record-meta.js';
import type { ProcessStandardRef } from '../model/case-header.js';
import { classifyFields, type CaseSection } from '../privacy/categories.js';
import { ITEM_DEFAULTS, type ItemKind } from './item-defaults.js';
import type { PrivacyState } from '../privacy/privacy-state.js';
import type { RightsState } from '../rights/rights-state.js';

/**
 * The process standard the service runs with, as far as the core's commands need it. The process
 * rules define the full standard; any object with an id and a version fits here.
 */
export interface CaseServiceStandard extends ProcessStandardRef {
  readonly [key: string]: unknown;
}

/** What a command handler gets besides its input. */
export interface HandlerContext {
  readonly caseId: string;
  /** The case before the command; `undefined` only for commands that open a case. */
  readonly state: CaseState | undefined;
  /** The case journal before the command, where the service has it (consent and transfer handlers read it). */
  readonly journal?: readonly JournalEvent[];
  /** `foldPrivacy(journal)` and `foldRights(journal)` where the service has them (kept incrementally). */
  readonly privacy?: PrivacyState;
  readonly rights?: RightsState;
  readonly actor: Actor;
  /** The clock's instant for this command (ISO timestamp). */
  readonly now: string;
  /** `now` as the local date in the service's time zone (`YYYY-MM-DD`), the default for "when did it happen". */
  readonly today: string;
  readonly ids: IdGenerator;
  readonly standard: CaseServiceStandard | undefined;
}

/** The case state of a handler context; handlers of non-opening commands are only called with one. */
export function stateOf(context: HandlerContext): CaseState {
  if (context.state === undefined) throw new Error(`Case ${context.caseId} has no state`);
  return context.state;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The section of the case state each item kind is stored in (for the field map of DP-01). */
const SECTION_OF: { readonly [K in ItemKind]: CaseSection } = {
  person: 'persons',
  residenceStatus: 'residenceStatuses',
  legalDomain: 'legalDomains',
  referral: 'referrals',
  casefindingCheck: 'casefindingChecks',
  admission: 'admission',
  crisis: 'crises',
  firstCounselling: 'firstCounselling',
  assessment: 'assessments',
  reassessment: 'reassessments',
  goal: 'goals',
  measure: 'measures',
  providerReferral: 'providerReferrals',
  caseConference: 'caseConferences',
  contact: 'contacts',
  followUp: 'followUps',
  progressJudgement: 'progressJudgements',
  deviation: 'deviations',
  readinessObservation: 'readinessObservations',
  handover: 'handovers',
  note: 'notes',
  document: 'documents',
  plan: 'plans',
  closure: 'closure',
  evaluation: 'evaluation',
};

/** Options of {@link recordMeta}. */
export interface RecordMetaOptions {
  /** Subjects when the caller names none; the addressee otherwise. */
  readonly subjectIds?: readonly string[];
  /** Categories added to whatever else applies. */
  readonly extraCategories?: readonly DataCategory[];
  /** The item's content fields, classified field by field through the data-protection field map (DP-01). */
  readonly content?: Readonly<Record<string, unknown>>;
}

/**
 * Builds the record meta of a new item: subjects (the caller's, or the addressee), categories (the
 * union of the caller's, those of the content's fields in the data-protection field map, or the item
 * kind's defaults when the map yields none), origin, and `recordedBy`/`recordedAt` from the ports.
 * Categories only ever add up: a caller can mark more, never less, than the content carries.
 */
export function recordMeta(
  context: HandlerContext,
  input: ClassificationInput,
  kind: ItemKind,
  options: RecordMetaOptions = {},
): RecordMeta {
  const defaults = ITEM_DEFAULTS[kind];
  const subjectIds = input.subjectIds ?? options.subjectIds ?? (context.state ? [context.state.addresseeId] : []);
  const derived = options.content ? classifyFields(SECTION_OF[kind], options.content).categories : [];
  const categories = unique([
    ...(input.categories ?? []),
    ...(derived.length > 0 ? derived : input.categories ? [] : defaults.categories),
    ...(options.extraCategories ?? []),
  ]);
  const meta: RecordMeta = {
    subjectIds: unique(subjectIds),
    categories,
    origin: input.origin ?? defaults.origin,
    recordedBy: context.actor.id,
    recordedAt: context.now,
  };
  if (input.professionalSecret !== undefined) meta.professionalSecret = input.professionalSecret;
  if (input.entrusted !== undefined) meta.entrusted = input.entrusted;
  if (input.entrustedBy !== undefined) meta.entrustedBy = input.entrustedBy;
  if (input.childProtection !== undefined) meta.childProtection = input.childProtection;
  if (input.thirdParty !== undefined) meta.thirdParty = input.thirdParty;
  if (input.purposeIds !== undefined) meta.purposeIds = input.purposeIds;
  if (input.legalBasis !== undefined) meta.legalBasis = input.legalBasis;
  return meta;
}

/** Splits a command input into its classification and the rest. */
export function splitClassification<T extends ClassificationInput>(
  input: T,
): { classification: ClassificationInput; rest: Omit<T, keyof ClassificationInput> } {
  const {
    subjectIds,
    categories,
    professionalSecret,
    entrusted,
    entrustedBy,
    childProtection,
    thirdParty,
    origin,
    purposeIds,
    legalBasis,
    ...rest
  } = input;
  const classification: ClassificationInput = {};
  if (subjectIds !== undefined) classification.subjectIds = subjectIds;
  if (categories !== undefined) classification.categories = categories;
  if (professionalSecret !== undefined) classification.professionalSecret = professionalSecret;
  if (entrusted !== undefined) classification.entrusted = entrusted;
  if (entrustedBy !== undefined) classification.entrustedBy = entrustedBy;
  if (childProtection !== undefined) classification.childProtection = childProtection;
  if (thirdParty !== undefined) classification.thirdParty = thirdParty;
  if (origin !== undefined) classification.origin = origin;
  if (purposeIds !== undefined) classification.purposeIds = purposeIds;
  if (legalBasis !== undefined) classification.legalBasis = legalBasis;
  return { classification, rest };
}

/**
 * Turns a validated, guarded command input into the events it decides. Handlers are pure apart from
 * the id port; domain invariants were checked before (see `invariants.ts`), so handlers only decide.
 */
export type CommandHandler<T extends CaseCommandType> = (
  context: HandlerContext,
  input: CaseCommandInput<T>,
) => PendingEvent[];
