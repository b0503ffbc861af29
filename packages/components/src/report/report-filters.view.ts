import { html } from 'lit';
import type { ReportDimension } from '@fallkit/core/reporting';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { reportMessages } from './report.messages.js';
import {
  QUARTER,
  REPORT_FILTER_DIMENSIONS,
  type ReportFilterDimension,
  type ReportFilters,
  type ReportPeriod,
} from './report.model.js';

/** What the filter fieldset of `<fk-report>` reads and may change. */
export interface ReportFiltersView {
  readonly t: LocalizeController<typeof reportMessages.de>;
  readonly filters: ReportFilters;
  readonly period: ReportPeriod | undefined;
  readonly comparison: ReportPeriod | undefined;
  /** The values a filter offers: those present in the records (values, never counts). */
  choices(dimension: ReportFilterDimension | 'openedQuarter'): string[];
  valueLabel(dimension: ReportDimension, value: string): string;
  setFilters(filters: ReportFilters): void;
  setPeriod(which: 'period' | 'comparison', period: ReportPeriod | undefined): void;
}

/** One labelled select with "all" first. */
function filterSelect(
  v: ReportFiltersView,
  id: string,
  label: string,
  value: string,
  options: readonly string[],
  change: (value: string) => void,
  text: (value: string) => string = (o) => o,
) {
  return html`<div class="filter">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${value === ''}>${v.t.t('report.filter.all')}</option>
      ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${text(o)}</option>`)}
    </select>
  </div>`;
}

/**
 * The filters (agency, legal domain, stage, closure reason) and the two periods (shown and compared), each
 * end a quarter present in the records. Choosing one end of an empty period sets both ends to it; "all"
 * clears the period.
 */
export function reportFilters(v: ReportFiltersView) {
  const t = v.t;
  const quarters = v.choices('openedQuarter').filter((q) => QUARTER.test(q));
  const setEnd = (which: 'period' | 'comparison', end: 'from' | 'to', value: string) => {
    if (value === '') return v.setPeriod(which, undefined);
    const other = v[which]?.[end === 'from' ? 'to' : 'from'] ?? value;
    v.setPeriod(which, end === 'from' ? { from: value, to: other } : { from: other, to: value });
  };
  const periodSelect = (id: string, label: string, which: 'period' | 'comparison', end: 'from' | 'to') =>
    filterSelect(v, id, label, v[which]?.[end] ?? '', quarters, (value) => setEnd(which, end, value));
  return html`<fieldset class="filters" part="filters">
    <legend>${t.t('report.filter.title')}</legend>
    ${REPORT_FILTER_DIMENSIONS.map((d) =>
      filterSelect(
        v,
        `filter-${d}`,
        t.t(`report.filter.${d}`),
        v.filters[d] ?? '',
        v.choices(d),
        (value) => v.setFilters({ ...v.filters, [d]: value }),
        (value) => v.valueLabel(d, value),
      ),
    )}
    ${periodSelect('period-from', t.t('report.period.from'), 'period', 'from')}
    ${periodSelect('period-to', t.t('report.period.to'), 'period', 'to')}
    ${periodSelect('compare-from', t.t('report.compare.from'), 'comparison', 'from')}
    ${periodSelect('compare-to', t.t('report.compare.to'), 'comparison', 'to')}
  </fieldset>`;
}
