import { text } from '../i18n/localized-text.js';
import type { CaseState } from '../model/case-state.js';
import type { ItemRef } from '../model/monitoring.js';
import type { ClassificationInput } from '../model/record-meta.js';
import type { IssuePath, Refusal } from '../result/refusal.js';
import type { CaseCommandInput, CaseCommandType } from './command-catalog.js';
import { type WithheldPartsContext } from './withheld-parts.js';
import { dateInFuture, dateOrder, domainRefusal, unknownId } from './invariant-refusals.js';

/*
 * The checks several slices share; each slice's `invariants.ts` composes them. Their ids (refusals
 * carry `rule: 'DOMAIN'` and the code; docs/core.md lists every id):
 * - INV-REF-01 (`UNKNOWN_PERSON`, `UNKNOWN_GOAL` … `UNKNOWN_REFERENCE`): an id a command names exists in the case.
 * - INV-DATE-01 (`DATE_IN_FUTURE`): a date of something that happened is not in the future.
 * - INV-DATE-02 (`DATE_ORDER`): an end is not before its start, a step not before the one it follows.
 * - INV-CLS-01 (`ENTRUSTED_BY_MISSING`): entrusted data (§ 65 SGB VIII) names who entrusted it.
 * - INV-DUP-01 (`DUPLICATE_ID`): an item is named once in a list (criteria, life domains, goal attainment).
 * - INV-CHG-01 (`NOTHING_TO_CHANGE`): a change changes something.
 */

/** What an invariant check needs besides state and input. */
export interface InvariantContext extends WithheldPartsContext {
  /** Today's date from the clock (`YYYY-MM-DD`). */
  readonly today: string;
}

/**
 * Checks the domain invariants of one command: referenced ids exist, dates are in order and not in
 * the future where they record what happened, agreements carry their date, nothing is done twice.
 * Returns every violation found. Stage order is not checked here (process rules), nor consent
 * (data protection).
 */
export type InvariantCheck<T extends CaseCommandType> = (
  state: CaseState | undefined,
  input: CaseCommandInput<T>,
  context: InvariantContext,
) => Refusal[];

/** Whether `items` hold one with this id (INV-REF-01). */
export const has = (items: readonly { id: string }[], id: string): boolean => items.some((item) => item.id === id);

/** INV-REF-01 for persons: every id names a person of the case. */
export function persons(state: CaseState, ids: readonly string[] | undefined, path: IssuePath): Refusal[] {
  return (ids ?? []).flatMap((id, index) =>
    has(state.persons, id) ? [] : [unknownId('UNKNOWN_PERSON', [...path, index], id)],
  );
}

/** INV-DATE-01: a date of what happened is not after today. */
export function notFuture(date: string | undefined, path: IssuePath, context: InvariantContext): Refusal[] {
  return date !== undefined && date > context.today ? [dateInFuture(path, date, context.today)] : [];
}

/** INV-DATE-02: `later` is not before `earlier` (either may be absent). */
export function ordered(
  earlier: string | undefined,
  later: string | undefined,
  path: IssuePath,
  earlierLabel: string,
): Refusal[] {
  return earlier !== undefined && later !== undefined && later < earlier
    ? [dateOrder(path, earlierLabel, earlier, later)]
    : [];
}

/** The classification an item input may carry: its subjects exist (INV-REF-01), entrusted data names its source (INV-CLS-01). */
export function classification(state: CaseState | undefined, input: ClassificationInput): Refusal[] {
  const refusals = state ? persons(state, input.subjectIds, ['subjectIds']) : [];
  if (input.entrusted === true && (input.entrustedBy ?? '').trim() === '') {
    refusals.push(
      domainRefusal(
        'ENTRUSTED_BY_MISSING',
        ['entrustedBy'],
        text(
          'Anvertraute Daten (§ 65 SGB VIII): Bitte angeben, wer sie anvertraut hat.',
          'Entrusted data (§ 65 SGB VIII): say who entrusted it.',
        ),
      ),
    );
  }
  return refusals;
}

/** INV-REF-01 for an item reference (`relatesTo`). */
export function reference(state: CaseState, ref: ItemRef | undefined, path: IssuePath): Refusal[] {
  if (ref === undefined || ref.kind === 'case') return [];
  const pools = {
    goal: state.goals,
    measure: state.measures,
    providerReferral: state.providerReferrals,
    person: state.persons,
  } as const;
  return has(pools[ref.kind], ref.id) ? [] : [unknownId('UNKNOWN_REFERENCE', [...path, 'id'], ref.id)];
}

/** INV-REF-01 for goals: every id names a goal of the case. */
export function goals(state: CaseState, ids: readonly string[] | undefined, path: IssuePath): Refusal[] {
  return (ids ?? []).flatMap((id, index) =>
    has(state.goals, id) ? [] : [unknownId('UNKNOWN_GOAL', [...path, index], id)],
  );
}

/** Whether the legal domain is active in the case (an open period). */
export function activeLegalDomain(state: CaseState, domain: string): boolean {
  return state.legalDomains.some((period) => period.domain === domain && period.to === undefined);
}
