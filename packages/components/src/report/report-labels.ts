import { STAGE_DEFINITIONS, STAGES, type Stage } from '@fallkit/core';
import type { ReportDimension } from '@fallkit/core/reporting';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { reportMessages } from './report.messages.js';

/**
 * The display label of one category value of a report: a host's override (`value.<dimension>.<value>`)
 * first, then the element's own texts, the core's stage names, or the value itself.
 */
export function reportValueLabel(
  t: LocalizeController<typeof reportMessages.de>,
  dimension: ReportDimension,
  value: string,
): string {
  const override = `value.${dimension}.${value}`;
  if (t.has(override)) return t.t(override as 'value.open');
  if (value === 'open' && dimension !== 'status') return t.t('value.open');
  if (value === 'unknown') return t.t('value.unknown');
  switch (dimension) {
    case 'stage':
      return STAGES.includes(value as Stage) ? STAGE_DEFINITIONS[value as Stage].label[t.lang] : value;
    case 'goalAttainment':
      return t.has(`value.goal.${value}`) ? t.t(`value.goal.${value}` as 'value.open') : value;
    case 'closureReason':
      return t.has(`value.closure.${value}`) ? t.t(`value.closure.${value}` as 'value.open') : value;
    case 'misrouted':
      return t.t(value === 'yes' ? 'value.misrouted.yes' : 'value.misrouted.no');
    case 'serviceGap':
      return value === 'unspecified' ? t.t('value.unspecified') : value;
    case 'legalDomain':
      return value === 'none' ? t.t('value.none') : value.replace(/_/g, ' ');
    default:
      return value;
  }
}
