import { isRedactionMarker, type CaseState, type RedactionMarker } from '@fallkit/core';
import { todayIso } from '../base/parts-schema.js';

/**
 * The case state inside whatever a connected service pushes: the core service pushes the
 * `CaseState` itself, the data-protection views push a `CaseView` whose `case` holds the (redacted)
 * state. Components read both the same way.
 */
export function caseOfView(view: unknown): CaseState | undefined {
  if (view === null || typeof view !== 'object') return undefined;
  const inner = (view as { case?: unknown }).case;
  if (inner !== null && typeof inner === 'object' && 'caseId' in inner) return inner as CaseState;
  return 'caseId' in view ? (view as CaseState) : undefined;
}

/** Splits a view list into the items the actor may see and the markers that stand for withheld ones. */
export function splitRedacted<T>(items: readonly unknown[] | undefined): { visible: T[]; hidden: RedactionMarker[] } {
  const visible: T[] = [];
  const hidden: RedactionMarker[] = [];
  for (const item of items ?? []) {
    if (isRedactionMarker(item)) hidden.push(item);
    else visible.push(item as T);
  }
  return { visible, hidden };
}

/** The category a marker names, if the core put one on it (for the built-in sentence). */
export function categoryOfMarker(marker: RedactionMarker): string | undefined {
  const m = marker as RedactionMarker & { category?: string; categories?: readonly string[] };
  return m.category ?? m.categories?.[0];
}

/** Today as an ISO calendar date, the organisation's (default for "when did it happen"): see `todayIso`. */
export const localToday: (now?: Date) => string = todayIso;
