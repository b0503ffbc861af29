import {
  CASE_EVENTS,
  isRedactionMarker,
  type CaseState,
  type EventCatalog,
  type HistoryEntry,
  type RedactionMarker,
  type Result,
} from '@fallkit/core';
import { RIGHTS_EVENTS } from '@fallkit/core/rights';
import type { CaseRequestContext } from '../context/case-service-port.js';

/** A service that also gives the decided history (the core port's `loadHistory`: envelopes the actor may see). */
export interface HistorySource {
  loadHistory(
    caseId: string,
    request?: CaseRequestContext,
  ): Promise<Result<{ readonly entries: readonly HistoryEntry[] }>>;
}

/** Whether the service offers the decided history channel. */
export function hasHistory(service: unknown): service is HistorySource {
  return typeof (service as { loadHistory?: unknown } | undefined)?.loadHistory === 'function';
}

/** The events the history describes: the case's and the rights' events. */
export const HISTORY_CATALOG: EventCatalog = { ...CASE_EVENTS, ...RIGHTS_EVENTS };

/** Stands for the journal's free-text reasons when the actor's view of the case is redacted. */
export const REASONS_WITHHELD: RedactionMarker = {
  redacted: true,
  code: 'REDACT_NEED_TO_KNOW',
  rule: 'DP-24',
  message: {
    de: 'Begründungen im Verlauf können Inhalte enthalten, die Ihre Sicht auf den Fall ausblendet.',
    en: 'Reasons in the history may hold content your view of the case withholds.',
  },
};

/** Whether a pushed view withholds anything (a `CaseView` says how much; a bare state may carry markers). */
export function isRedactedView(view: unknown, state: CaseState | undefined): boolean {
  const count = (view as { redacted?: unknown } | null)?.redacted;
  if (typeof count === 'number') return count > 0;
  if (!state) return false;
  return Object.values(state).some((v) =>
    Array.isArray(v) ? v.some((x) => isRedactionMarker(x)) : isRedactionMarker(v),
  );
}
