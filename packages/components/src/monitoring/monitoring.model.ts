import type { RedactionMarker } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { monitoringMessages } from './monitoring.messages.js';
import type { DeviationEntry, MonitoringListKey, MonitoringValue } from './monitoring.schema.js';

/*
 * What `<fk-monitoring>` counts and derives from its value: the header's figures, what the save would
 * record, and the deviations that call for a re-assessment. Plain functions of the value, so the element
 * keeps only its state and edits.
 */

type Texts = LocalizeController<typeof monitoringMessages.de>;

/** The stored entries already in the case: follow-ups already done, crises already resolved. */
export interface MonitoringBaseline {
  readonly done: ReadonlySet<string>;
  readonly resolved: ReadonlySet<string>;
}

/**
 * The header's figures as the decided view lists them (issue 21): a withheld entry is listed with its
 * marker, so it is counted too ("Kontakte: 1, davon 1 nicht einsehbar"), never left out as if there were
 * none. Whether a withheld follow-up is open the view does not say, so it is counted beside the open ones.
 */
export function summaryCounts(
  t: Texts,
  value: MonitoringValue,
  redactions: Partial<Record<MonitoringListKey, readonly RedactionMarker[]>>,
): Record<'contacts' | 'open' | 'deviations', string> {
  const open = (value.followUps ?? []).filter((f) => !f.done).length;
  const withheld = (key: MonitoringListKey) => (redactions[key] ?? []).length;
  const stored = (key: 'contacts' | 'deviations') =>
    (value[key] ?? []).filter((entry: { id?: string }) => entry.id).length;
  const counted = (key: 'contacts' | 'deviations') =>
    withheld(key) === 0
      ? t.number(stored(key))
      : t.t('monitoring.countWithheld', {
          count: t.number(stored(key) + withheld(key)),
          withheld: t.number(withheld(key)),
        });
  return {
    contacts: counted('contacts'),
    open:
      withheld('followUps') === 0
        ? t.number(open)
        : t.t('monitoring.openPlusWithheld', { count: t.number(open), withheld: t.number(withheld('followUps')) }),
    deviations: counted('deviations'),
  };
}

/** How much a save would record: the new entries, the follow-ups newly done and the crises newly resolved. */
export function pendingCount(value: MonitoringValue, baseline: MonitoringBaseline): number {
  const newCount = (['contacts', 'followUps', 'progress', 'deviations', 'readiness'] as const).reduce(
    (n, k) => n + ((value[k] ?? []) as { id?: string }[]).filter((e) => !e.id).length,
    0,
  );
  const completions =
    (value.followUps ?? []).filter((f) => f.id && f.done && !baseline.done.has(f.id)).length +
    (value.crises ?? []).filter((c) => !baseline.resolved.has(c.id) && (c.resolution ?? '').trim()).length;
  return newCount + completions;
}

/**
 * The stored deviations that call for a re-assessment (marked so, or a changed situation) since the latest
 * assessment or re-assessment start (`since`; every one without it).
 */
export function reassessmentTriggers(
  deviations: readonly DeviationEntry[],
  since: string | undefined,
): DeviationEntry[] {
  return deviations.filter(
    (d) =>
      d.id &&
      (d.triggersReassessment || d.kind === 'situationChanged') &&
      (since === undefined || (d.on ?? '') >= since),
  );
}
