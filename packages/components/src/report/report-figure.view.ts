import { html, nothing, svg } from 'lit';
import type { Refusal, Result } from '@fallkit/core';
import {
  SUPPRESSED_MARKER,
  type Report,
  type ReportCell,
  type ReportDimension,
  type ReportTable,
} from '@fallkit/core/reporting';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { plainMessage } from '../i18n/plain-words.js';
import type { reportMessages } from './report.messages.js';
import type { ReportView } from './report.model.js';

/** What the figure views of `<fk-report>` read: texts, the figure shown, the chart's width, value labels. */
export interface ReportFigureView {
  readonly t: LocalizeController<typeof reportMessages.de>;
  /** The figure shown (its caption). */
  readonly view: ReportView;
  /** The chart's width in CSS pixels (follows the element's box). */
  readonly chartWidth: number;
  valueLabel(dimension: ReportDimension, value: string): string;
}

/** A cell's text: the count, or "•" where the core withheld it. */
export function cellText(v: ReportFigureView, cell: ReportCell): string {
  return cell.suppressed ? SUPPRESSED_MARKER : v.t.number(cell.count ?? 0);
}

/** A figure's table: totals, withheld cells as "•" with the note that explains them (DP-34). */
export function reportTable(v: ReportFigureView, table: ReportTable, minimum: number, suffix = '', heading?: string) {
  const t = v.t;
  const cols = table.columnDimension
    ? table.columns.map((c) => v.valueLabel(table.columnDimension!, c))
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
        ${t.t(`report.caption.${v.view}`)}
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
              <th scope="row">${row.map((value, i) => v.valueLabel(table.rowDimensions[i]!, value)).join(' / ')}</th>
              ${table.cells[r]!.map(cell)} ${table.rowTotals ? cell(table.rowTotals[r]!) : nothing}
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${t.t('report.total')}</th>
          ${(table.columnTotals ?? [table.grandTotal]).map(cell)} ${table.rowTotals ? cell(table.grandTotal) : nothing}
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

/** The horizontal bar chart (SVG, `role="img"` with title and description; the data are in the table too). */
export function reportChart(v: ReportFigureView, table: ReportTable) {
  const t = v.t;
  const caption = t.t(`report.caption.${v.view}`);
  const bars = table.rows.map((row, r) => ({
    label: row.map((value, i) => v.valueLabel(table.rowDimensions[i]!, value)).join(' / '),
    cell: (table.rowTotals ? table.rowTotals[r] : table.cells[r]![0])!,
  }));
  const max = Math.max(1, ...bars.map((b) => b.cell.count ?? 0));
  const rowHeight = 34;
  const width = v.chartWidth;
  const labelWidth = Math.round(Math.min(230, width * 0.42));
  const barSpace = width - labelWidth - 48;
  const height = bars.length * rowHeight + 12;
  const desc = t.t('report.chartDesc', {
    items: bars
      .map((b) =>
        t.t('report.chartItem', {
          label: b.label,
          count: cellText(v, b.cell) === SUPPRESSED_MARKER ? t.t('report.suppressed') : cellText(v, b.cell),
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
        <text class="bar-value" x=${labelWidth + w + 6} y=${y + rowHeight / 2} dominant-baseline="middle">${cellText(v, b.cell)}</text>
      </g>`;
    })}
    <line class="axis" x1=${labelWidth} x2=${labelWidth} y1="2" y2=${height - 2}></line>
  </svg>`;
}

/** The change of the grand total between the periods, only where both totals are published. */
export function reportChange(v: ReportFigureView, current: ReportTable, compared: ReportTable) {
  const a = current.grandTotal;
  const b = compared.grandTotal;
  if (a.suppressed || b.suppressed || a.count === null || b.count === null) return nothing;
  const diff = a.count - b.count;
  return html`<p class="meta" part="change">
    ${v.t.t('report.compare.change', {
      diff: `${diff > 0 ? '+' : ''}${v.t.number(diff)}`,
      current: v.t.number(a.count),
      compared: v.t.number(b.count),
    })}
  </p>`;
}

/** A refused report, in plain words, with the details for the administrator. */
export function reportRefusal(v: ReportFigureView, errors: readonly Refusal[]) {
  const t = v.t;
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

/** What {@link reportFigures} shows beside the report: headings, the comparison period's result, the export. */
export interface ReportFiguresOptions {
  /** The shown period, as the table's heading. */
  readonly heading?: string | undefined;
  /** The comparison period's report or refusal, under its heading. */
  readonly comparison?: Result<Report>;
  readonly comparisonHeading?: string;
  onExport(): void;
}

/**
 * The shown figure (table and chart), the comparison period's table with the change (or its refusal), and the
 * CSV button.
 */
export function reportFigures(v: ReportFigureView, report: Report, options: ReportFiguresOptions) {
  const t = v.t;
  const table = report.tables[0]!;
  const comparison = options.comparison;
  return html`<div class="figure ${table.columnDimension ? 'figure--wide' : ''}">
      ${reportTable(v, table, report.minimumCellSize, '', options.heading)}
      <div class="chart-box">${reportChart(v, table)}</div>
    </div>
    ${
      comparison === undefined
        ? nothing
        : comparison.ok
          ? html`<div class="figure comparison" part="comparison">
              ${reportTable(
                v,
                comparison.value.tables[0]!,
                comparison.value.minimumCellSize,
                '-comparison',
                options.comparisonHeading,
              )}
              ${reportChange(v, table, comparison.value.tables[0]!)}
            </div>`
          : html`<div part="comparison">
              <p>${options.comparisonHeading}</p>
              ${reportRefusal(v, comparison.errors)}
            </div>`
    }
    <div class="actions">
      <button type="button" class="fk-button" part="export" @click=${() => options.onExport()}>
        ${t.t('report.export')}
      </button>
    </div>`;
}
