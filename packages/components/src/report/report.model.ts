import { STAGES, type Result } from '@fallkit/core';
import type {
  ReportDimension,
  ReportMeasure,
  ReportTable,
  ReportingConfig,
  StatisticalRecord,
} from '@fallkit/core/reporting';
import type { CaseRequestContext } from '../context/case-service-port.js';

/*
 * The data of `<fk-report>`: the figures it offers and what each asks of the core's reporting, the filters
 * and periods, the order of a table's rows, and the report channel it needs of its service.
 */

/** The figures `<fk-report>` offers. */
export const REPORT_VIEWS = ['stage', 'goalAttainment', 'closureReason', 'serviceGap', 'misrouting'] as const;

/** One of {@link REPORT_VIEWS}. */
export type ReportView = (typeof REPORT_VIEWS)[number];

/** The report request behind each view. */
export const REPORT_VIEW_REQUESTS: Readonly<
  Record<ReportView, { dimension: ReportDimension; measure: ReportMeasure }>
> = {
  stage: { dimension: 'stage', measure: 'cases' },
  goalAttainment: { dimension: 'goalAttainment', measure: 'goals' },
  closureReason: { dimension: 'closureReason', measure: 'cases' },
  serviceGap: { dimension: 'serviceGap', measure: 'serviceGaps' },
  misrouting: { dimension: 'misrouted', measure: 'cases' },
};

/** What a report source needs: the core port's `loadReportInput` (the core's decided report channel). */
export interface ReportInputSource {
  loadReportInput(
    request?: CaseRequestContext,
    config?: ReportingConfig,
  ): Promise<Result<readonly StatisticalRecord[]>>;
}

/** Stages in cycle order: the core's one stage order. */
const STAGE_ORDER: readonly string[] = STAGES;
const ATTAINMENT_ORDER = ['achieved', 'partlyAchieved', 'notAchieved', 'dropped', 'open'];

/** Rank of a category value for display: stages in cycle order, attainment from best to open, else as the core sorted. */
function rank(dimension: ReportDimension, value: string): number {
  const list = dimension === 'stage' ? STAGE_ORDER : dimension === 'goalAttainment' ? ATTAINMENT_ORDER : undefined;
  const i = list ? list.indexOf(value) : -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** The table with its rows in reading order (only the order changes; the numbers are the core's). */
export function ordered(table: ReportTable): ReportTable {
  const dimension = table.rowDimensions[0];
  if (dimension === undefined) return table;
  const order = table.rows
    .map((_, i) => i)
    .sort((a, b) => rank(dimension, table.rows[a]![0]!) - rank(dimension, table.rows[b]![0]!) || a - b);
  return {
    ...table,
    rows: order.map((i) => table.rows[i]!),
    cells: order.map((i) => table.cells[i]!),
    rowTotals: table.rowTotals ? order.map((i) => table.rowTotals![i]!) : null,
  };
}

/** The dimensions a head of department filters by (issue 22): agency, legal domain, stage, closure reason. */
export const REPORT_FILTER_DIMENSIONS = ['organisation', 'legalDomain', 'stage', 'closureReason'] as const;

/** One of {@link REPORT_FILTER_DIMENSIONS}. */
export type ReportFilterDimension = (typeof REPORT_FILTER_DIMENSIONS)[number];

/** One value per filter dimension; an absent or empty value means "all". */
export type ReportFilters = Partial<Readonly<Record<ReportFilterDimension, string>>>;

/**
 * A period as quarters (`2026-Q1` to `2026-Q2`, both included) of the month a case was opened: the
 * statistical skeleton holds no finer date (DP-33/DP-36), so a report never narrows time below a quarter.
 */
export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
}

/** A quarter as the reporting names it (`2026-Q1`). */
export const QUARTER = /^\d{4}-Q[1-4]$/;

/** The quarters of `known` within the period (quarter strings sort in time order). */
export function quartersIn(period: ReportPeriod, known: readonly string[]): string[] {
  const [from, to] = period.from <= period.to ? [period.from, period.to] : [period.to, period.from];
  return known.filter((q) => QUARTER.test(q) && q >= from && q <= to);
}

export function isReportInputSource(service: unknown): service is ReportInputSource {
  return typeof (service as Partial<ReportInputSource> | undefined)?.loadReportInput === 'function';
}
