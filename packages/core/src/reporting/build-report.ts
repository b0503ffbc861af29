import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { CaseState } from '../model/case-state.js';
import { ok, refused, type Result } from '../result/refusal.js';
import {
  DEFAULT_MINIMUM_CELL_SIZE,
  isAllowedMinimumCellSize,
  MINIMUM_CELL_SIZE_FLOOR,
  planSuppression,
} from './cell-suppression.js';
import { statisticalRecord, type ReportingConfig, type StatisticalRecord } from './statistical-record.js';

/** What a report can group by. `goalAttainment` needs the `goals` measure, `serviceGap` the `serviceGaps` one. */
export const REPORT_DIMENSIONS = [
  'organisation',
  'region',
  'legalDomain',
  'stage',
  'status',
  'closureReason',
  'openedYear',
  'openedQuarter',
  'closedYear',
  'closedQuarter',
  'misrouted',
  'goalAttainment',
  'serviceGap',
] as const;

/** One of {@link REPORT_DIMENSIONS}. */
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** What a report counts: cases (caseloads, stages, closure reasons, misrouting), goals, or service gaps. */
export const REPORT_MEASURES = ['cases', 'goals', 'serviceGaps'] as const;

/** One of {@link REPORT_MEASURES}. */
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

/** A case as the report sees it; `excludeFromStatistics` for persons who objected or restricted cases (DP-31). */
export interface ReportSource {
  readonly state: CaseState;
  readonly excludeFromStatistics?: boolean;
}

/** The request of {@link buildReport}. */
export interface ReportRequest {
  /** One to three dimensions; the last one spans the columns, the others the rows. */
  readonly dimensions: readonly ReportDimension[];
  /** One table per measure; `['cases']` if absent. */
  readonly measures?: readonly ReportMeasure[];
  /** Only units whose value of the dimension is one of the listed values. */
  readonly filters?: Partial<Readonly<Record<ReportDimension, readonly string[]>>>;
  /** Counts below this are withheld (DP-33); default 5, never below 3. */
  readonly minimumCellSize?: number;
  readonly config?: ReportingConfig;
  /** Statistical records of cases already deleted by the retention sweep (DP-36), counted like cases. */
  readonly archive?: readonly StatisticalRecord[];
  /**
   * Statistical records of live cases computed elsewhere (the case views' `reportInput` channel, which
   * gives the statistics role skeletons only, never case files), counted like cases.
   */
  readonly records?: readonly StatisticalRecord[];
}

/**
 * A published number. Withheld numbers have `count: null`; every withheld number looks the same, so
 * the output does not tell a small cell from one hidden only to protect it (a marker that did would
 * let a reader narrow the small cell down from the line totals).
 */
export interface ReportCell {
  readonly count: number | null;
  readonly suppressed: boolean;
  /** What to print: the count, or {@link SUPPRESSED_MARKER}. */
  readonly display: string;
}

/** What a withheld number is printed as. */
export const SUPPRESSED_MARKER = '•';

/** One table of a report: only labels and counts, never anything about a person. */
export interface ReportTable {
  readonly measure: ReportMeasure;
  readonly rowDimensions: readonly ReportDimension[];
  readonly columnDimension: ReportDimension | null;
  /** Row labels: one value per row dimension. */
  readonly rows: readonly (readonly string[])[];
  /** Column labels (one `total` column when the table has a single dimension). */
  readonly columns: readonly string[];
  readonly cells: readonly (readonly ReportCell[])[];
  /** Row totals, when the table has more than one column. */
  readonly rowTotals: readonly ReportCell[] | null;
  /** Column totals, when the table has more than one row. */
  readonly columnTotals: readonly ReportCell[] | null;
  readonly grandTotal: ReportCell;
  /** Number of withheld numbers (cells and totals). */
  readonly withheld: number;
}

/** An aggregated report (DP-33). */
export interface Report {
  readonly minimumCellSize: number;
  readonly tables: readonly ReportTable[];
  /** Reason code of the redaction, when anything was withheld (PRIVACY.md decision table, row 12). */
  readonly redaction: 'SUPPRESS_SMALL_CELL' | null;
  readonly note: LocalizedText;
}

const RECORD_LEVEL: Partial<Record<ReportDimension, ReportMeasure>> = {
  goalAttainment: 'goals',
  serviceGap: 'serviceGaps',
};

interface Unit {
  readonly record: number;
  readonly values: Readonly<Record<ReportDimension, string>>;
}

function unitsOf(records: readonly StatisticalRecord[], measure: ReportMeasure): Unit[] {
  const units: Unit[] = [];
  records.forEach((record, index) => {
    const base = {
      organisation: record.organisation,
      region: record.region,
      legalDomain: record.legalDomain,
      stage: record.stage,
      status: record.status,
      closureReason: record.closureReason,
      openedYear: record.openedQuarter.slice(0, 4),
      openedQuarter: record.openedQuarter,
      closedYear: record.closedQuarter === 'open' ? 'open' : record.closedQuarter.slice(0, 4),
      closedQuarter: record.closedQuarter,
      misrouted: record.misrouted,
      goalAttainment: '',
      serviceGap: '',
    };
    if (measure === 'cases') units.push({ record: index, values: base });
    if (measure === 'goals')
      for (const goalAttainment of record.goalAttainments)
        units.push({ record: index, values: { ...base, goalAttainment } });
    if (measure === 'serviceGaps')
      for (const serviceGap of record.serviceGaps) units.push({ record: index, values: { ...base, serviceGap } });
  });
  return units;
}

function cellOf(count: number, suppressed: boolean): ReportCell {
  return suppressed
    ? { count: null, suppressed: true, display: SUPPRESSED_MARKER }
    : { count, suppressed: false, display: String(count) };
}

function refusal(code: string, de: string, en: string, path: (string | number)[]): Result<never> {
  return refused({ code, rule: 'DP-33', path, message: text(de, en) });
}

/**
 * The statistical record of each case state, by the state object and the config (issue 18: an incremental
 * report): a folded state is never changed in place, so a case that did not change since the last report
 * is not projected again. Held weakly: a dropped caseload is not kept alive here.
 */
const recordsByState = new WeakMap<
  CaseState,
  { readonly config: ReportingConfig | undefined; readonly record: StatisticalRecord }
>();

function recordOf(state: CaseState, config: ReportingConfig | undefined): StatisticalRecord {
  const known = recordsByState.get(state);
  if (known !== undefined && known.config === config) return known.record;
  const record = statisticalRecord(state, config);
  recordsByState.set(state, { config, record });
  return record;
}

/**
 * Builds an aggregated report (issue 6, DP-33, DP-05): counts of cases, goals or service gaps by up to
 * three dimensions, from the statistical skeleton of each case (no ids, no names, no free text; see
 * {@link statisticalRecord}). Cases excluded from statistics (objection, restriction: DP-31) are left
 * out. Counts from 1 to `minimumCellSize - 1` are withheld, and further numbers are withheld until no
 * withheld number can be computed from the shown ones and the totals (`planSuppression`). A filter
 * that leaves fewer than `minimumCellSize` cases is refused with `DENY_POPULATION_TOO_SMALL`.
 */
export function buildReport(cases: readonly (CaseState | ReportSource)[], request: ReportRequest): Result<Report> {
  const minimumCellSize = request.minimumCellSize ?? DEFAULT_MINIMUM_CELL_SIZE;
  if (!isAllowedMinimumCellSize(minimumCellSize)) {
    return refusal(
      'DENY_MINIMUM_CELL_SIZE_TOO_SMALL',
      `Die Mindestfallzahl muss eine ganze Zahl ab ${MINIMUM_CELL_SIZE_FLOOR} sein.`,
      `The minimum cell size must be a whole number of at least ${MINIMUM_CELL_SIZE_FLOOR}.`,
      ['minimumCellSize'],
    );
  }
  const dimensions = request.dimensions;
  if (dimensions.length < 1 || dimensions.length > 3 || new Set(dimensions).size !== dimensions.length) {
    return refusal(
      'INVALID_REPORT_DIMENSIONS',
      'Ein Bericht braucht ein bis drei verschiedene Merkmale.',
      'A report needs one to three different dimensions.',
      ['dimensions'],
    );
  }
  const unknown = dimensions.find((d) => !(REPORT_DIMENSIONS as readonly string[]).includes(d));
  if (unknown !== undefined) {
    return refusal(
      'INVALID_REPORT_DIMENSIONS',
      `Unbekanntes Merkmal „${unknown}“.`,
      `Unknown dimension "${unknown}".`,
      ['dimensions'],
    );
  }
  const measures = request.measures ?? ['cases'];
  const filters = request.filters ?? {};
  const records: StatisticalRecord[] = [
    ...cases
      .map((source) => ('state' in source ? source : { state: source, excludeFromStatistics: false }))
      .filter((source) => source.excludeFromStatistics !== true)
      .map((source) => recordOf(source.state, request.config)),
    ...(request.records ?? []),
    ...(request.archive ?? []),
  ];
  const tables: ReportTable[] = [];
  for (const measure of measures) {
    if (!(REPORT_MEASURES as readonly string[]).includes(measure)) {
      return refusal('INVALID_REPORT_MEASURE', `Unbekannte Kennzahl „${measure}“.`, `Unknown measure "${measure}".`, [
        'measures',
      ]);
    }
    const misplaced = [...dimensions, ...(Object.keys(filters) as ReportDimension[])].find(
      (d) => RECORD_LEVEL[d] !== undefined && RECORD_LEVEL[d] !== measure,
    );
    if (misplaced !== undefined) {
      return refusal(
        'INVALID_REPORT_DIMENSIONS',
        `Das Merkmal „${misplaced}“ passt nicht zur Kennzahl „${measure}“.`,
        `Dimension "${misplaced}" does not fit measure "${measure}".`,
        ['dimensions'],
      );
    }
    // The filters' entries once per table, not once per unit; no pass at all without filters (issue 18).
    const filtering = (Object.entries(filters) as [ReportDimension, readonly string[] | undefined][]).filter(
      (entry): entry is [ReportDimension, readonly string[]] => entry[1] !== undefined,
    );
    const all = unitsOf(records, measure);
    const units =
      filtering.length === 0
        ? all
        : all.filter((unit) => filtering.every(([dimension, allowed]) => allowed.includes(unit.values[dimension])));
    // Both the units and the people behind them must reach the minimum, or the totals describe too few.
    const people = new Set(units.map((unit) => unit.record)).size;
    if (people < minimumCellSize || units.length < minimumCellSize) {
      return refusal(
        'DENY_POPULATION_TOO_SMALL',
        `Die Auswahl umfasst weniger als ${minimumCellSize} Fälle; der Bericht würde Einzelne erkennbar machen.`,
        `The selection covers fewer than ${minimumCellSize} cases; the report would single people out.`,
        Object.keys(filters).length > 0 ? ['filters'] : ['cases'],
      );
    }
    tables.push(tableFor(measure, dimensions, units, minimumCellSize));
  }
  const withheld = tables.some((table) => table.withheld > 0);
  return ok({
    minimumCellSize,
    tables,
    redaction: withheld ? 'SUPPRESS_SMALL_CELL' : null,
    note: text(
      `Zahlen unter ${minimumCellSize} und Zahlen, aus denen sie sich errechnen ließen, sind mit „${SUPPRESSED_MARKER}“ geheim gehalten.`,
      `Counts below ${minimumCellSize}, and counts they could be computed from, are withheld and shown as "${SUPPRESSED_MARKER}".`,
    ),
  });
}

function tableFor(
  measure: ReportMeasure,
  dimensions: readonly ReportDimension[],
  units: readonly Unit[],
  minimumCellSize: number,
): ReportTable {
  const columnDimension = dimensions.length > 1 ? (dimensions.at(-1) as ReportDimension) : null;
  const rowDimensions = columnDimension === null ? dimensions : dimensions.slice(0, -1);
  const rowKey = (unit: Unit): string => JSON.stringify(rowDimensions.map((d) => unit.values[d]));
  // Each unit's row key once (issue 18): it is both collected and looked up below.
  const keyOfUnit = units.map(rowKey);
  const rowKeys = [...new Set(keyOfUnit)].sort();
  const columns =
    columnDimension === null ? ['total'] : [...new Set(units.map((u) => u.values[columnDimension]))].sort();
  const counts = rowKeys.map(() => new Array<number>(columns.length).fill(0));
  const rowIndex = new Map(rowKeys.map((key, i) => [key, i]));
  const columnIndex = new Map(columns.map((key, i) => [key, i]));
  for (let u = 0; u < units.length; u += 1) {
    const unit = units[u] as Unit;
    const r = rowIndex.get(keyOfUnit[u] as string) as number;
    const c = columnDimension === null ? 0 : (columnIndex.get(unit.values[columnDimension]) as number);
    const row = counts[r] as number[];
    row[c] = (row[c] ?? 0) + 1;
  }
  const plan = planSuppression(counts, minimumCellSize);
  const { layout, values, reasons } = plan;
  const at = (cell: number): ReportCell => cellOf(values[cell] ?? 0, reasons[cell] !== undefined);
  return {
    measure,
    rowDimensions,
    columnDimension,
    rows: rowKeys.map((key) => JSON.parse(key) as string[]),
    columns,
    cells: counts.map((row, r) => row.map((_, c) => at(layout.interior(r, c)))),
    rowTotals: layout.hasRowTotals ? rowKeys.map((_, r) => at(layout.rowTotal(r) as number)) : null,
    columnTotals: layout.hasColumnTotals ? columns.map((_, c) => at(layout.columnTotal(c) as number)) : null,
    grandTotal: at(layout.grandTotal),
    withheld: reasons.filter((reason) => reason !== undefined).length,
  };
}
