import type { CaseState } from '../model/case-state.js';

/** Missing services of one kind in one region, collected across cases (Angebotssteuerung). */
export interface ServiceGap {
  /** Kind of service as recorded ("Schuldnerberatung"); `null` where none was given. */
  readonly serviceKind: string | null;
  /** Region as recorded on the measure or given by the host; `null` where unknown. */
  readonly region: string | null;
  /** Distinct cases that report the gap. */
  readonly cases: number;
  /** Measures marked "second-best, service missing" (DOMAIN.md 4.5). */
  readonly secondBestMeasures: number;
  /** Deviations recorded during monitoring that name a missing service (DOMAIN.md 4.7). */
  readonly monitoringNotes: number;
  /** The descriptions of the missing service, distinct, in the order first seen. */
  readonly descriptions: readonly string[];
}

/** Options of {@link collectServiceGaps}. */
export interface ServiceGapOptions {
  /** The region of a case where an item names none (e.g. the lead agency's district). */
  readonly regionOf?: (state: CaseState) => string | undefined;
}

type MutableGap = { -readonly [K in keyof ServiceGap]: ServiceGap[K] } & { caseIds: Set<string>; seen: Set<string> };

/**
 * Collects the service gaps of a caseload into one list per kind of service and region: measures
 * taken as second-best because a service is missing, and deviations of kind `serviceMissing` or with
 * a missing service. Only the descriptions of the missing service are taken over, never the
 * deviation's own text (it may be about the person). Sorted by the number of cases, most first.
 */
export function collectServiceGaps(cases: Iterable<CaseState>, options: ServiceGapOptions = {}): ServiceGap[] {
  const gaps = new Map<string, MutableGap>();
  const add = (
    state: CaseState,
    serviceKind: string | undefined,
    region: string | undefined,
    description: string | undefined,
    source: 'secondBestMeasures' | 'monitoringNotes',
  ): void => {
    const kind = serviceKind?.trim() ? serviceKind.trim() : null;
    const where = region?.trim() ? region.trim() : (options.regionOf?.(state)?.trim() ?? null) || null;
    const key = `${kind ?? ''}\u0000${where ?? ''}`;
    let gap = gaps.get(key);
    if (gap === undefined) {
      gap = {
        serviceKind: kind,
        region: where,
        cases: 0,
        secondBestMeasures: 0,
        monitoringNotes: 0,
        descriptions: [],
        caseIds: new Set(),
        seen: new Set(),
      };
      gaps.set(key, gap);
    }
    gap[source] += 1;
    gap.caseIds.add(state.caseId);
    if (description !== undefined && !gap.seen.has(description)) {
      gap.seen.add(description);
      (gap.descriptions as string[]).push(description);
    }
  };
  for (const state of cases) {
    for (const measure of state.measures)
      if (measure.secondBest !== undefined)
        add(
          state,
          measure.secondBest.serviceKind,
          measure.secondBest.region,
          measure.secondBest.missingService,
          'secondBestMeasures',
        );
    for (const deviation of state.deviations)
      if (deviation.missingService !== undefined || deviation.kind === 'serviceMissing')
        add(
          state,
          deviation.missingService?.serviceKind,
          undefined,
          deviation.missingService?.description,
          'monitoringNotes',
        );
  }
  return [...gaps.values()]
    .map(({ caseIds, seen: _seen, ...gap }) => ({ ...gap, cases: caseIds.size }))
    .sort(
      (a, b) =>
        b.cases - a.cases ||
        (a.serviceKind ?? '').localeCompare(b.serviceKind ?? '') ||
        (a.region ?? '').localeCompare(b.region ?? ''),
    );
}
