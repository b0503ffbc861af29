import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CaseState, Refusal, Result } from '@fallkit/core';
import {
  SUPPRESSED_MARKER,
  buildReport,
  statisticalRecord,
  type Report,
  type ReportDimension,
  type ReportSource,
  type ReportingConfig,
  type StatisticalRecord,
} from '@fallkit/core/reporting';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';
import { reportMessages } from './report.messages.js';
import { reportStyles } from './report.styles.js';
import { reportFigures, reportRefusal, type ReportFigureView } from './report-figure.view.js';
import { reportFilters, type ReportFiltersView } from './report-filters.view.js';
import { reportCsv } from './report-csv.js';
import { reportValueLabel } from './report-labels.js';
import {
  REPORT_FILTER_DIMENSIONS,
  REPORT_VIEWS,
  REPORT_VIEW_REQUESTS,
  isReportInputSource,
  ordered,
  quartersIn,
  type ReportFilterDimension,
  type ReportFilters,
  type ReportPeriod,
  type ReportView,
} from './report.model.js';

export {
  REPORT_FILTER_DIMENSIONS,
  REPORT_VIEWS,
  REPORT_VIEW_REQUESTS,
  quartersIn,
  type ReportFilterDimension,
  type ReportFilters,
  type ReportPeriod,
  type ReportView,
} from './report.model.js';
import { FkExportEvent } from '../events/fk-export.js';

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
  static override styles = [sharedStyles, formLayoutStyles, reportStyles];

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

  /** Filters by agency, legal domain, stage and closure reason (the core refuses one that singles people out). */
  @property({ attribute: false }) filters: ReportFilters = {};

  /** Only cases opened in this period; all periods if absent. */
  @property({ attribute: false }) period?: ReportPeriod;

  /** A second period to compare with, shown as a second table (each with its own suppression). */
  @property({ attribute: false }) comparison?: ReportPeriod;

  /** Connected: the statistical records the core's report channel gave (skeletons only, DP-33). */
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
    return this.orderedResult();
  }

  /** The comparison period's report, when a comparison period is set. */
  get comparisonResult(): Result<Report> | undefined {
    if (this.comparison === undefined) return undefined;
    return this.orderedResult(this.comparison);
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

  /** The core's report for a period, its rows in reading order. */
  private orderedResult(period: ReportPeriod | undefined = this.period): Result<Report> {
    const result = this.rawResult(period);
    if (!result.ok) return result;
    return { ...result, value: { ...result.value, tables: result.value.tables.map((table) => ordered(table)) } };
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

  /** The display label of one category value (`report-labels.ts`: a host's override first). */
  valueLabel(dimension: ReportDimension, value: string): string {
    return reportValueLabel(this.i18n, dimension, value);
  }

  /** What the figure views read (see {@link ReportFigureView}). */
  private figureView(): ReportFigureView {
    return {
      t: this.i18n,
      view: this.view,
      chartWidth: this.chartWidth,
      valueLabel: (dimension, value) => this.valueLabel(dimension, value),
    };
  }

  /** The filter and period lines at the head of the CSV, so an export says what it counts. */
  private csvContext(): [string, string][] {
    const t = this.i18n;
    const out: [string, string][] = [];
    for (const d of REPORT_FILTER_DIMENSIONS) {
      const v = this.filters[d];
      if (v) out.push([t.t(`report.filter.${d}`), this.valueLabel(d, v)]);
    }
    if (this.period) out.push([t.t('report.period.label'), this.periodLabel(this.period)]);
    return out;
  }

  /** The table of the current view as CSV (semicolon-separated, as German spreadsheets expect; `report-csv.ts`). */
  toCsv(): string | undefined {
    const result = this.result;
    if (!result.ok) return undefined;
    const t = this.i18n;
    const comparison = this.comparisonResult;
    return reportCsv({
      text: {
        caption: t.t(`report.caption.${this.view}`),
        value: t.t('report.col.value'),
        count: t.t('report.col.count'),
        total: t.t('report.total'),
        suppressedNote: t.t('report.suppressedNote', { marker: SUPPRESSED_MARKER, min: result.value.minimumCellSize }),
      },
      context: this.csvContext(),
      table: result.value.tables[0]!,
      valueLabel: (dimension, value) => this.valueLabel(dimension, value),
      ...(comparison?.ok
        ? {
            comparison: {
              heading: t.t('report.compare.heading', { period: this.periodLabel(this.comparison!) }),
              table: comparison.value.tables[0]!,
            },
          }
        : {}),
    });
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

  /** What the filter fieldset reads and may change (see {@link ReportFiltersView}). */
  private filtersView(): ReportFiltersView {
    return {
      t: this.i18n,
      filters: this.filters,
      period: this.period,
      comparison: this.comparison,
      choices: (dimension) => this.choices(dimension),
      valueLabel: (dimension, value) => this.valueLabel(dimension, value),
      setFilters: (filters) => (this.filters = filters),
      setPeriod: (which, period) => (this[which] = period),
    };
  }

  override render() {
    const t = this.i18n;
    const v = this.figureView();
    const sources = this.sources;
    const counted =
      sources.filter((s) => !('state' in s) || s.excludeFromStatistics !== true).length +
      this.records.length +
      (this.archive?.length ?? 0);
    let body;
    if (this.loading) body = html`<p class="meta" role="status">${t.t('report.loading')}</p>`;
    else if (this.refusal && !this.cases) body = reportRefusal(v, this.refusal);
    else if (counted === 0) body = html`<p class="notice">${t.t('report.empty')}</p>`;
    else {
      const result = this.result;
      if (!result.ok) body = reportRefusal(v, result.errors);
      else {
        const comparison = this.comparisonResult;
        body = reportFigures(v, result.value, {
          heading: this.period ? this.periodLabel(this.period) : undefined,
          ...(comparison === undefined
            ? {}
            : {
                comparison,
                comparisonHeading: t.t('report.compare.heading', { period: this.periodLabel(this.comparison!) }),
              }),
          onExport: () => this.exportCsv(),
        });
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
      ${this.loading || (this.refusal && !this.cases) ? nothing : reportFilters(this.filtersView())} ${body}
      ${this.announcer.render()}
    </div>`;
  }
}
