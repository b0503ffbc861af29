import { LitElement, css, html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { STAGE_DEFINITIONS, STAGES, type CaseState, type Refusal, type Result, type Stage } from '@fallkit/core';
import {
  SUPPRESSED_MARKER,
  buildReport,
  statisticalRecord,
  toCsv as writeCsv,
  type Report,
  type ReportCell,
  type ReportDimension,
  type ReportMeasure,
  type ReportSource,
  type ReportTable,
  type ReportingConfig,
  type StatisticalRecord,
} from '@fallkit/core/reporting';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import type { CaseRequestContext } from '../context/case-service-port.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { plainMessage } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { reportMessages } from './report.messages.js';
import { FkExportEvent } from '../events/fk-export.js';

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
interface ReportInputSource {
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
function ordered(table: ReportTable): ReportTable {
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

const QUARTER = /^\d{4}-Q[1-4]$/;

/** The quarters of `known` within the period (quarter strings sort in time order). */
export function quartersIn(period: ReportPeriod, known: readonly string[]): string[] {
  const [from, to] = period.from <= period.to ? [period.from, period.to] : [period.to, period.from];
  return known.filter((q) => QUARTER.test(q) && q >= from && q <= to);
}

function isReportInputSource(service: unknown): service is ReportInputSource {
  return typeof (service as Partial<ReportInputSource> | undefined)?.loadReportInput === 'function';
}

/**
 * Aggregated, anonymised figures from the core's reporting (`buildReport`, DP-33): caseload by stage,
 * goal attainment, closure reasons, service gaps found in monitoring, and misrouting (admissions
 * against the casefinding criteria). Each figure is a table (with totals) and a simple horizontal bar
 * chart (SVG, `role="img"` with title and description; the data are also in the table). Small counts
 * and the counts they could be computed from are withheld by the core and shown as "•" with an
 * explanation, never as a number. A filter that would single people out is refused, and the refusal
 * is shown. Exports the shown table as CSV (a Blob download; no network). No person-level data.
 *
 * Standalone: set `cases` (case states or `ReportSource`s with `excludeFromStatistics`). Connected
 * (inside `<fk-case-provider>` with `connectCaseService`): loads the core's decided report input
 * through the port's `loadReportInput`: statistical skeletons only, for the statistics role only
 * (anyone else sees the channel's refusal), without cases whose person objected or whose processing
 * is restricted (DP-31).
 *
 * @tagname fk-report
 * @summary Anonymised report: table with suppressed cells explained, accessible SVG bar chart, CSV export.
 *
 * @event fk-export - A CSV was made. `detail: { filename, csv }`. Cancel it to handle the file yourself.
 *
 * @csspart header - Title and basis.
 * @csspart views - The figure switch.
 * @csspart table - The table.
 * @csspart chart - The SVG chart.
 * @csspart bar - One bar.
 * @csspart note - The suppression note.
 * @csspart export - The CSV button.
 * @csspart refusal - A refused report.
 *
 * @cssproperty --fk-color-primary - Bars.
 * @cssproperty --fk-color-redacted - Withheld bars and cells.
 */
export class FkReport extends LitElement {
  static override styles = [
    sharedStyles,
    formLayoutStyles,
    css`
      .wrap {
        display: flex;
        flex-direction: column;
        gap: ${token('space-m')};
      }
      .figure {
        display: grid;
        grid-template-columns: 1fr;
        gap: ${token('space-l')};
        align-items: start;
      }
      .figure > * {
        min-inline-size: 0;
      }
      .table-box {
        overflow-x: auto;
      }
      @container (min-width: 52rem) {
        .figure:not(.figure--wide) {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
      }
      .figure--wide .chart-box {
        max-inline-size: 48rem;
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-s')} ${token('space-m')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-m')};
        padding: ${token('space-s')} ${token('space-m')};
      }
      .filter label {
        display: block;
        font-size: ${token('font-size-s')};
      }
      .filter select {
        font: inherit;
        padding: ${token('space-3xs')} ${token('space-2xs')};
      }
      caption {
        text-align: start;
        font-weight: ${token('font-weight-strong')};
        padding-block-end: ${token('space-xs')};
      }
      th,
      td {
        padding: ${token('space-xs')} ${token('space-s')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
        text-align: start;
      }
      td.num,
      th.num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      thead th {
        background: ${token('color-surface-raised')};
        font-size: ${token('font-size-s')};
      }
      tfoot th,
      tfoot td {
        font-weight: ${token('font-weight-strong')};
        border-block-start: 2px solid ${token('color-border')};
      }
      .withheld {
        color: ${token('color-redacted')};
        font-weight: ${token('font-weight-strong')};
      }
      .withheld abbr {
        text-decoration: none;
        cursor: help;
      }
      tbody th {
        font-weight: ${token('font-weight-normal')};
      }
      svg {
        inline-size: 100%;
        block-size: auto;
        font-family: inherit;
      }
      .bar {
        fill: var(--fk-color-primary, #0b57a4);
      }
      .bar-withheld {
        fill: var(--fk-color-redacted-subtle, #eceef1);
        stroke: var(--fk-color-redacted, #4a5360);
        stroke-dasharray: 4 3;
      }
      .bar-label {
        fill: var(--fk-color-text, #1b1f24);
        font-size: 13px;
      }
      .bar-value {
        fill: var(--fk-color-text, #1b1f24);
        font-size: 13px;
        font-weight: 600;
      }
      .axis {
        stroke: var(--fk-color-border, #737d8c);
      }
      @media (forced-colors: active) {
        .bar {
          fill: CanvasText;
        }
        .bar-withheld {
          fill: Canvas;
          stroke: CanvasText;
        }
        .bar-label,
        .bar-value {
          fill: CanvasText;
        }
      }
    `,
  ];

  /** The cases (standalone): case states or report sources. Only their statistical skeleton is used. */
  @property({ attribute: false }) cases?: readonly (CaseState | ReportSource)[];

  /** Statistical records of deleted cases (retention, DP-36), counted like cases. */
  @property({ attribute: false }) archive?: readonly StatisticalRecord[];

  /** Which figure to show. */
  @property({ reflect: true }) view: ReportView = 'stage';

  /** A second dimension spanning the columns (e.g. `organisation`, `legalDomain`, `openedYear`). */
  @property() breakdown?: ReportDimension;

  /** Counts below this are withheld (default 5, never below 3; DP-33). */
  @property({ type: Number, attribute: 'minimum-cell-size' }) minimumCellSize?: number;

  /** Regions and the misrouting / service-gap rules of the host. */
  @property({ attribute: false }) config?: ReportingConfig;

  /** Text overrides per language (also `value.<dimension>.<value>` for category labels). */
  @property({ attribute: false }) messages?: MessageOverrides;

  /** Connected: the statistical records the core's report channel gave (skeletons only, DP-33). */
  /** Filters by agency, legal domain, stage and closure reason (the core refuses one that singles people out). */
  @property({ attribute: false }) filters: ReportFilters = {};

  /** Only cases opened in this period; all periods if absent. */
  @property({ attribute: false }) period?: ReportPeriod;

  /** A second period to compare with, shown as a second table (each with its own suppression). */
  @property({ attribute: false }) comparison?: ReportPeriod;

  @state() private loaded?: readonly StatisticalRecord[];
  /** Connected: why the core's report channel refused (e.g. not the statistics role). */
  @state() private refusal?: readonly Refusal[];
  /** The chart's width in CSS pixels, so its text stays at reading size (drawn 1:1, not scaled). */
  @state() private chartWidth = 640;
  private resizeObserver?: ResizeObserver;
  @state() private loading = false;

  private readonly i18n = new LocalizeController(this, { catalog: reportMessages, overrides: () => this.messages });
  private readonly announcer = new AnnouncerController(this);
  private loadedFrom: unknown;
  private loadGeneration = 0;

  private readonly connection = new CaseConnectionController(this, {
    onContext: () => void this.loadFromService(),
  });

  private observedBox?: Element;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      // Set after this frame, outside the observer callback: a new chart never loops back here (its
      // width is the box's, only its height follows the drawing).
      requestAnimationFrame(() => {
        if (width > 0 && Math.abs(width - this.chartWidth) > 4) this.chartWidth = Math.max(260, width);
      });
    });
    this.observedBox = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override updated(): void {
    // Watch the chart's box whenever a render created a new one (views and refusals replace it).
    const box = this.renderRoot.querySelector('.chart-box') ?? undefined;
    if (box === this.observedBox) return;
    if (this.observedBox) this.resizeObserver?.unobserve(this.observedBox);
    this.observedBox = box;
    if (box) this.resizeObserver?.observe(box);
  }

  /** Loads the cases again from the provider's service (connected mode). */
  async refresh(): Promise<void> {
    this.loadedFrom = undefined;
    await this.loadFromService();
  }

  private async loadFromService(): Promise<void> {
    const service = this.connection.service;
    if (!isReportInputSource(service) || this.loadedFrom === service) return;
    this.loadedFrom = service;
    const generation = ++this.loadGeneration;
    this.loading = true;
    try {
      const loaded = await service.loadReportInput(this.connection.request, this.config);
      if (generation !== this.loadGeneration) return;
      this.loaded = loaded.ok ? loaded.value : [];
      this.refusal = loaded.ok ? undefined : loaded.errors;
    } finally {
      if (generation === this.loadGeneration) this.loading = false;
    }
  }

  private get sources(): readonly (CaseState | ReportSource)[] {
    return this.cases ?? [];
  }

  /** Records counted besides the case sources: the connected channel's and the archive. */
  private get records(): readonly StatisticalRecord[] {
    return this.cases ? [] : (this.loaded ?? []);
  }

  /** The report for the current view (the core's result: a report or a refusal), rows in reading order. */
  get result(): Result<Report> {
    const result = this.rawResult();
    if (!result.ok) return result;
    return { ...result, value: { ...result.value, tables: result.value.tables.map((table) => ordered(table)) } };
  }

  /** The comparison period's report, when a comparison period is set. */
  get comparisonResult(): Result<Report> | undefined {
    if (this.comparison === undefined) return undefined;
    const result = this.rawResult(this.comparison);
    if (!result.ok) return result;
    return { ...result, value: { ...result.value, tables: result.value.tables.map((table) => ordered(table)) } };
  }

  /** Every statistical skeleton the report counts (for the filter choices: values, never counts). */
  private get allRecords(): readonly StatisticalRecord[] {
    return [
      ...this.sources.map((s) => statisticalRecord('state' in s ? s.state : s, this.config)),
      ...this.records,
      ...(this.archive ?? []),
    ];
  }

  /** The values a filter offers: those present in the records, sorted. */
  choices(dimension: ReportFilterDimension | 'openedQuarter'): string[] {
    return [...new Set(this.allRecords.map((r) => r[dimension]))].sort();
  }

  private filterRequest(period: ReportPeriod | undefined): Partial<Record<ReportDimension, readonly string[]>> {
    const out: Partial<Record<ReportDimension, readonly string[]>> = {};
    for (const d of REPORT_FILTER_DIMENSIONS) {
      const value = this.filters[d];
      if (value !== undefined && value !== '') out[d] = [value];
    }
    // A period no quarter falls in filters to nothing at all (the core then reports an empty table).
    if (period !== undefined) out.openedQuarter = quartersIn(period, this.choices('openedQuarter'));
    return out;
  }

  private rawResult(period: ReportPeriod | undefined = this.period): Result<Report> {
    const request = REPORT_VIEW_REQUESTS[this.view];
    const filters = this.filterRequest(period);
    const dimensions =
      this.breakdown && this.breakdown !== request.dimension
        ? [request.dimension, this.breakdown]
        : [request.dimension];
    return buildReport(this.sources, {
      dimensions,
      measures: [request.measure],
      ...(Object.keys(filters).length > 0 ? { filters } : {}),
      ...(this.minimumCellSize === undefined ? {} : { minimumCellSize: this.minimumCellSize }),
      ...(this.config ? { config: this.config } : {}),
      ...(this.archive ? { archive: this.archive } : {}),
      ...(this.records.length > 0 ? { records: this.records } : {}),
    });
  }

  /** The display label of one category value. */
  valueLabel(dimension: ReportDimension, value: string): string {
    const t = this.i18n;
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

  private cellText(cell: ReportCell): string {
    return cell.suppressed ? SUPPRESSED_MARKER : this.i18n.number(cell.count ?? 0);
  }

  /** The filter and period lines at the head of the CSV, so an export says what it counts. */
  private csvContext(): string[][] {
    const t = this.i18n;
    const out: string[][] = [];
    for (const d of REPORT_FILTER_DIMENSIONS) {
      const v = this.filters[d];
      if (v) out.push([t.t(`report.filter.${d}`), this.valueLabel(d, v)]);
    }
    if (this.period) out.push([t.t('report.period.label'), this.periodLabel(this.period)]);
    return out;
  }

  /** The table of the current view as CSV (semicolon-separated, as German spreadsheets expect). */
  toCsv(): string | undefined {
    const result = this.result;
    if (!result.ok) return undefined;
    const table = result.value.tables[0]!;
    const t = this.i18n;
    const columnLabels = table.columnDimension
      ? table.columns.map((c) => this.valueLabel(table.columnDimension!, c))
      : [t.t('report.col.count')];
    const lines: string[][] = [
      [t.t(`report.caption.${this.view}`)],
      ...this.csvContext(),
      [t.t('report.col.value'), ...columnLabels, ...(table.rowTotals ? [t.t('report.total')] : [])],
    ];
    const csvCell = (c: ReportCell) => (c.suppressed ? SUPPRESSED_MARKER : String(c.count));
    table.rows.forEach((row, r) => {
      lines.push([
        row.map((v, i) => this.valueLabel(table.rowDimensions[i]!, v)).join(' / '),
        ...table.cells[r]!.map(csvCell),
        ...(table.rowTotals ? [csvCell(table.rowTotals[r]!)] : []),
      ]);
    });
    lines.push([
      t.t('report.total'),
      ...(table.columnTotals ?? [table.grandTotal]).map(csvCell),
      ...(table.rowTotals ? [csvCell(table.grandTotal)] : []),
    ]);
    if (table.withheld > 0)
      lines.push([t.t('report.suppressedNote', { marker: SUPPRESSED_MARKER, min: result.value.minimumCellSize })]);
    const comparison = this.comparisonResult;
    if (comparison?.ok) {
      const other = comparison.value.tables[0]!;
      lines.push([], [t.t('report.compare.heading', { period: this.periodLabel(this.comparison!) })]);
      other.rows.forEach((row, r) => {
        lines.push([
          row.map((v, i) => this.valueLabel(other.rowDimensions[i]!, v)).join(' / '),
          ...other.cells[r]!.map(csvCell),
          ...(other.rowTotals ? [csvCell(other.rowTotals[r]!)] : []),
        ]);
      });
      lines.push([t.t('report.total'), ...(other.columnTotals ?? [other.grandTotal]).map(csvCell)]);
    }
    // Values from case data (agency ids …) go through the core's neutralising writer (OWASP CSV injection).
    return writeCsv(lines);
  }

  /** Makes the CSV and offers it as a download (Blob URL; nothing leaves the machine). */
  exportCsv(): void {
    const csv = this.toCsv();
    if (csv === undefined) return;
    const filename = `fallkit-${this.view}.csv`;
    const proceed = this.dispatchEvent(new FkExportEvent({ filename, csv }));
    if (proceed) {
      const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.hidden = true;
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
    this.announcer.announce(this.i18n.t('report.exported', { file: filename }));
  }

  /** "2026-Q1 bis 2026-Q2" in the page's language. */
  periodLabel(period: ReportPeriod): string {
    return this.i18n.t('report.period.range', { from: period.from, to: period.to });
  }

  private renderFilters() {
    const t = this.i18n;
    const select = (
      id: string,
      label: string,
      value: string,
      options: readonly string[],
      change: (v: string) => void,
      text: (v: string) => string,
    ) =>
      html`<div class="filter">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${value === ''}>${t.t('report.filter.all')}</option>
          ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${text(o)}</option>`)}
        </select>
      </div>`;
    const quarters = this.choices('openedQuarter').filter((q) => QUARTER.test(q));
    const setPeriod = (which: 'period' | 'comparison', end: 'from' | 'to', v: string) => {
      const current = this[which];
      if (v === '') {
        this[which] = undefined;
        return;
      }
      const other = current?.[end === 'from' ? 'to' : 'from'] ?? v;
      this[which] = end === 'from' ? { from: v, to: other } : { from: other, to: v };
    };
    return html`<fieldset class="filters" part="filters">
      <legend>${t.t('report.filter.title')}</legend>
      ${REPORT_FILTER_DIMENSIONS.map((d) =>
        select(
          `filter-${d}`,
          t.t(`report.filter.${d}`),
          this.filters[d] ?? '',
          this.choices(d),
          (v) => (this.filters = { ...this.filters, [d]: v }),
          (v) => this.valueLabel(d, v),
        ),
      )}
      ${select(
        'period-from',
        t.t('report.period.from'),
        this.period?.from ?? '',
        quarters,
        (v) => setPeriod('period', 'from', v),
        (v) => v,
      )}
      ${select(
        'period-to',
        t.t('report.period.to'),
        this.period?.to ?? '',
        quarters,
        (v) => setPeriod('period', 'to', v),
        (v) => v,
      )}
      ${select(
        'compare-from',
        t.t('report.compare.from'),
        this.comparison?.from ?? '',
        quarters,
        (v) => setPeriod('comparison', 'from', v),
        (v) => v,
      )}
      ${select(
        'compare-to',
        t.t('report.compare.to'),
        this.comparison?.to ?? '',
        quarters,
        (v) => setPeriod('comparison', 'to', v),
        (v) => v,
      )}
    </fieldset>`;
  }

  private renderTable(table: ReportTable, minimum: number, suffix = '', heading?: string) {
    const t = this.i18n;
    const cols = table.columnDimension
      ? table.columns.map((c) => this.valueLabel(table.columnDimension!, c))
      : [t.t('report.col.count')];
    const cell = (c: ReportCell) =>
      c.suppressed
        ? html`<td class="num withheld">
            <abbr title=${t.t('report.suppressed')}>${SUPPRESSED_MARKER}</abbr
            ><span class="fk-visually-hidden"> ${t.t('report.suppressed')}</span>
          </td>`
        : html`<td class="num">${t.number(c.count ?? 0)}</td>`;
    return html`<div class="table-box">
      <table part="table" aria-describedby=${table.withheld > 0 ? `suppressed-note${suffix}` : nothing}>
        <caption>
          ${t.t(`report.caption.${this.view}`)}
          (${t.t(`report.unit.${table.measure}`)})${heading ? html`<br />${heading}` : nothing}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.t('report.col.value')}</th>
            ${cols.map((c) => html`<th scope="col" class="num">${c}</th>`)}
            ${table.rowTotals ? html`<th scope="col" class="num">${t.t('report.total')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (row, r) =>
              html`<tr>
                <th scope="row">${row.map((v, i) => this.valueLabel(table.rowDimensions[i]!, v)).join(' / ')}</th>
                ${table.cells[r]!.map(cell)} ${table.rowTotals ? cell(table.rowTotals[r]!) : nothing}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t.t('report.total')}</th>
            ${(table.columnTotals ?? [table.grandTotal]).map(cell)}
            ${table.rowTotals ? cell(table.grandTotal) : nothing}
          </tr>
        </tfoot>
      </table>
      ${
        table.withheld > 0
          ? html`<p id=${`suppressed-note${suffix}`} class="meta" part="note">
              ${t.t('report.suppressedNote', { marker: SUPPRESSED_MARKER, min: minimum })}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderChart(table: ReportTable) {
    const t = this.i18n;
    const caption = t.t(`report.caption.${this.view}`);
    const bars = table.rows.map((row, r) => ({
      label: row.map((v, i) => this.valueLabel(table.rowDimensions[i]!, v)).join(' / '),
      cell: (table.rowTotals ? table.rowTotals[r] : table.cells[r]![0])!,
    }));
    const max = Math.max(1, ...bars.map((b) => b.cell.count ?? 0));
    const rowHeight = 34;
    const width = this.chartWidth;
    const labelWidth = Math.round(Math.min(230, width * 0.42));
    const barSpace = width - labelWidth - 48;
    const height = bars.length * rowHeight + 12;
    const desc = t.t('report.chartDesc', {
      items: bars
        .map((b) =>
          t.t('report.chartItem', {
            label: b.label,
            count: this.cellText(b.cell) === SUPPRESSED_MARKER ? t.t('report.suppressed') : this.cellText(b.cell),
          }),
        )
        .join('; '),
    });
    const maxChars = Math.max(10, Math.floor(labelWidth / 7.5));
    const short = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
    return html`<svg
      part="chart"
      role="img"
      viewBox="0 0 ${width} ${height}"
      aria-labelledby="chart-title chart-desc"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id="chart-title">${t.t('report.chart', { caption })}</title>
      <desc id="chart-desc">${desc}</desc>
      ${bars.map((b, i) => {
        const y = 6 + i * rowHeight;
        const withheld = b.cell.suppressed;
        // A withheld bar gets a fixed, obviously unscaled width: its length must not hint at the number.
        const w = withheld ? barSpace * 0.25 : Math.max(2, ((b.cell.count ?? 0) / max) * barSpace);
        return svg`<g part="bar">
          <text class="bar-label" x=${labelWidth - 8} y=${y + rowHeight / 2} text-anchor="end" dominant-baseline="middle">${short(b.label)}</text>
          <rect class=${withheld ? 'bar-withheld' : 'bar'} x=${labelWidth} y=${y + 5} width=${w} height=${rowHeight - 12} rx="3"></rect>
          <text class="bar-value" x=${labelWidth + w + 6} y=${y + rowHeight / 2} dominant-baseline="middle">${this.cellText(b.cell)}</text>
        </g>`;
      })}
      <line class="axis" x1=${labelWidth} x2=${labelWidth} y1="2" y2=${height - 2}></line>
    </svg>`;
  }

  /** The change of the grand total between the periods, only where both totals are published. */
  private renderChange(current: ReportTable, compared: ReportTable) {
    const a = current.grandTotal;
    const b = compared.grandTotal;
    if (a.suppressed || b.suppressed || a.count === null || b.count === null) return nothing;
    const diff = a.count - b.count;
    return html`<p class="meta" part="change">
      ${this.i18n.t('report.compare.change', {
        diff: `${diff > 0 ? '+' : ''}${this.i18n.number(diff)}`,
        current: this.i18n.number(a.count),
        compared: this.i18n.number(b.count),
      })}
    </p>`;
  }

  private renderRefusal(errors: readonly Refusal[]) {
    const t = this.i18n;
    return html`<div class="fk-refusals" part="refusal" role="status">
      <p class="fk-feedback fk-feedback--error">
        <span class="fk-feedback__icon" aria-hidden="true">!</span>${t.t('report.refused')}
      </p>
      <ul>
        ${errors.map((e) => html`<li>${plainMessage(e, t.lang)}</li>`)}
      </ul>
      ${adminDetails(errors, t.lang)}
    </div>`;
  }

  override render() {
    const t = this.i18n;
    const sources = this.sources;
    const counted =
      sources.filter((s) => !('state' in s) || s.excludeFromStatistics !== true).length +
      this.records.length +
      (this.archive?.length ?? 0);
    let body;
    if (this.loading) body = html`<p class="meta" role="status">${t.t('report.loading')}</p>`;
    else if (this.refusal && !this.cases) body = this.renderRefusal(this.refusal);
    else if (counted === 0) body = html`<p class="notice">${t.t('report.empty')}</p>`;
    else {
      const result = this.result;
      if (!result.ok) body = this.renderRefusal(result.errors);
      else {
        const table = result.value.tables[0]!;
        const comparison = this.comparisonResult;
        body = html`<div class="figure ${table.columnDimension ? 'figure--wide' : ''}">
            ${this.renderTable(table, result.value.minimumCellSize, '', this.period ? this.periodLabel(this.period) : undefined)}
            <div class="chart-box">${this.renderChart(table)}</div>
          </div>
          ${
            comparison === undefined
              ? nothing
              : comparison.ok
                ? html`<div class="figure comparison" part="comparison">
                    ${this.renderTable(
                      comparison.value.tables[0]!,
                      comparison.value.minimumCellSize,
                      '-comparison',
                      t.t('report.compare.heading', { period: this.periodLabel(this.comparison!) }),
                    )}
                    ${this.renderChange(table, comparison.value.tables[0]!)}
                  </div>`
                : html`<div part="comparison">
                    <p>${t.t('report.compare.heading', { period: this.periodLabel(this.comparison!) })}</p>
                    ${this.renderRefusal(comparison.errors)}
                  </div>`
          }
          <div class="actions">
            <button type="button" class="fk-button" part="export" @click=${() => this.exportCsv()}>
              ${t.t('report.export')}
            </button>
          </div>`;
      }
    }
    return html`<div class="wrap">
      <div class="head" part="header">
        <div>
          <h2>${t.t('report.title')}</h2>
          <p class="meta">${t.t('report.lead')}</p>
        </div>
        <p class="meta">${t.t('report.basis', { count: t.number(counted), min: this.minimumCellSize ?? 5 })}</p>
      </div>
      <fk-radio-group
        part="views"
        label=${t.t('report.view')}
        inline
        .options=${REPORT_VIEWS.map((v) => ({ value: v, label: t.t(`report.view.${v}`) }))}
        .value=${this.view}
        @change=${(e: Event) => (this.view = (e.target as HTMLElement & { value: string }).value as ReportView)}
      ></fk-radio-group>
      ${this.loading || (this.refusal && !this.cases) ? nothing : this.renderFilters()} ${body}
      ${this.announcer.render()}
    </div>`;
  }
}
